/**
 * The suggestions layer of the reader, after ProseMirror's lint example:
 * analysis in, decorations out, held in immutable plugin state. Each pending
 * suggestion is drawn as a faint outline over its sentence with its cue words
 * marked, a small "S?" / "E?" glyph, and, when it asserts certainty without
 * evidence, a badge saying so in words. Accepting or dismissing one changes
 * only that suggestion's decorations (a diff by key); focusing one adds a
 * single decoration. The document never changes, so nothing is mapped.
 */
import type { Node as PMNode } from 'prosemirror-model'
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import { offsetToPos, type PositionIndex } from '../../../shared/article/position-map'
import type { PendingSuggestion } from './pending'

/** What the reader shows: the pending suggestions (null: the layer is off) and the focused one's key. */
export interface SuggestionLayer {
  suggestions: readonly PendingSuggestion[] | null
  focusedKey: string | null
  /** Words of the "certainty without evidence" badge in the UI language; English when left out. */
  badgeText?: string
}

/** The badge's words when the layer gives none. */
export const DEFAULT_BADGE_TEXT = 'certainty without evidence'

interface SuggestionLayerState {
  /** Outlines, cue marks and badges of every drawn suggestion. */
  base: DecorationSet
  /** `base` plus the focus outline: what the view draws. */
  decorations: DecorationSet
  /** Suggestions by key as last drawn, with a signature to tell when one changed. */
  drawn: ReadonlyMap<string, string>
  focusedKey: string | null
}

export const suggestionLayerKey = new PluginKey<SuggestionLayerState>('suggestion-layer')

const EMPTY: SuggestionLayerState = { base: DecorationSet.empty, decorations: DecorationSet.empty, drawn: new Map(), focusedKey: null }

/** Changes when anything drawn for the suggestion would (the badge's words included). */
function signature(s: PendingSuggestion, badgeText: string): string {
  return `${s.suggestion}|${s.certaintyWithoutEvidence ? badgeText : ''}|${s.cues.map((c) => `${c.kind}@${c.start}-${c.end}`).join(',')}`
}

function glyphDom(s: PendingSuggestion): HTMLElement {
  const glyph = document.createElement('span')
  glyph.className = `suggestion-glyph suggestion-glyph--${s.suggestion}`
  glyph.setAttribute('aria-hidden', 'true')
  glyph.textContent = s.suggestion === 'evidenced' ? 'E?' : 'S?'
  return glyph
}

function badgeDom(text: string): HTMLElement {
  const badge = document.createElement('span')
  badge.className = 'suggestion-badge'
  badge.setAttribute('role', 'note')
  const mark = document.createElement('span')
  mark.className = 'suggestion-badge-mark'
  mark.setAttribute('aria-hidden', 'true')
  mark.textContent = '!'
  badge.append(mark, text)
  return badge
}

/** The decorations of one suggestion: outline, cue marks, stance glyph and the unsupported-certainty badge (saying `badgeText`). */
export function suggestionDecorations(s: PendingSuggestion, index: PositionIndex, badgeText = DEFAULT_BADGE_TEXT): Decoration[] {
  const from = offsetToPos(index, s.start)
  const to = offsetToPos(index, s.end)
  if (to <= from) return []
  const spec = { suggestionKey: s.key }
  const unsupported = s.certaintyWithoutEvidence
  const decorations = [
    Decoration.inline(
      from,
      to,
      {
        class: `suggestion suggestion--${s.suggestion}${unsupported ? ' suggestion--unsupported' : ''}`,
        'data-suggestion': s.key,
      },
      { ...spec, inclusiveStart: false, inclusiveEnd: false },
    ),
    Decoration.widget(from, () => glyphDom(s), { ...spec, side: -1, ignoreSelection: true, marks: [], key: `sg-${s.key}-${s.suggestion}` }),
  ]
  for (const cue of s.cues) {
    const cueFrom = offsetToPos(index, cue.start)
    const cueTo = offsetToPos(index, cue.end)
    if (cueTo > cueFrom) {
      decorations.push(Decoration.inline(cueFrom, cueTo, { class: `cue cue--${cue.kind}`, 'data-cue-kind': cue.kind }, spec))
    }
  }
  if (unsupported) {
    decorations.push(Decoration.widget(to, () => badgeDom(badgeText), { ...spec, side: 1, ignoreSelection: true, marks: [], key: `cwe-${s.key}-${badgeText}` }))
  }
  return decorations
}

function withFocus(doc: PMNode, base: DecorationSet, focusedKey: string | null, drawn: ReadonlyMap<string, string>, index: PositionIndex): DecorationSet {
  if (focusedKey === null || !drawn.has(focusedKey)) return base
  const [start, end] = focusedKey.split(':').map(Number) as [number, number]
  return base.add(doc, [Decoration.inline(offsetToPos(index, start), offsetToPos(index, end), { class: 'suggestion-focus' }, { suggestionFocus: true })])
}

function draw(doc: PMNode, state: SuggestionLayerState, layer: SuggestionLayer, index: PositionIndex): SuggestionLayerState {
  if (layer.suggestions === null) return EMPTY
  const badgeText = layer.badgeText ?? DEFAULT_BADGE_TEXT
  const next = new Map(layer.suggestions.map((s) => [s.key, signature(s, badgeText)]))
  let base: DecorationSet
  if (state.drawn.size === 0) {
    base = DecorationSet.create(doc, layer.suggestions.flatMap((s) => suggestionDecorations(s, index, badgeText)))
  } else {
    const stale = new Set<string>()
    for (const [key, sig] of state.drawn) if (next.get(key) !== sig) stale.add(key)
    const added = layer.suggestions.filter((s) => state.drawn.get(s.key) !== next.get(s.key)).flatMap((s) => suggestionDecorations(s, index, badgeText))
    // Only the changed suggestions' decorations are looked up and replaced; the rest of the set is reused.
    const removed = stale.size ? state.base.find(undefined, undefined, (spec) => stale.has(spec.suggestionKey as string)) : []
    base = stale.size || added.length ? state.base.remove(removed).add(doc, added) : state.base
  }
  return { base, decorations: withFocus(doc, base, layer.focusedKey, next, index), drawn: next, focusedKey: layer.focusedKey }
}

/** Show `layer` (diffed against what is drawn). */
export function setSuggestionLayer(tr: Transaction, layer: SuggestionLayer): Transaction {
  return tr.setMeta(suggestionLayerKey, layer)
}

/** The suggestions plugin over a document whose offsets `index` maps; starts empty. */
export function suggestionLayerPlugin(index: PositionIndex): Plugin<SuggestionLayerState> {
  return new Plugin<SuggestionLayerState>({
    key: suggestionLayerKey,
    state: {
      init: () => EMPTY,
      apply(tr, value) {
        const layer = tr.getMeta(suggestionLayerKey) as SuggestionLayer | undefined
        return layer ? draw(tr.doc, value, layer, index) : value
      },
    },
    props: {
      decorations: (state: EditorState) => suggestionLayerKey.getState(state)?.decorations,
    },
  })
}
