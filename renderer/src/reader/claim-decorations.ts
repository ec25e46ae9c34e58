/**
 * The claims layer of the reader, after ProseMirror's lint example: claims in,
 * decorations out, held in immutable plugin state. The DecorationSet is built
 * once when a set opens and afterwards changed only where claims changed (a
 * diff by id and `modified`); scrolling and selecting never touch it, and since
 * the document never changes there is nothing to map.
 */
import type { Node as PMNode } from 'prosemirror-model'
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import type { Claim } from '../../../shared/claims/model'
import { offsetToPos, type PositionIndex } from '../../../shared/article/position-map'

export interface ClaimLayerState {
  decorations: DecorationSet
  /** Claims by id as last drawn, to diff the next list against. */
  drawn: ReadonlyMap<string, Claim>
}

type ClaimLayerMeta = { claims: readonly Claim[] }

export const claimLayerKey = new PluginKey<ClaimLayerState>('claim-layer')

function markerDom(stance: Claim['stance']): HTMLElement {
  const marker = document.createElement('span')
  marker.className = `claim-marker claim-marker--${stance}`
  marker.setAttribute('aria-hidden', 'true')
  marker.textContent = stance === 'evidenced' ? 'E' : 'S'
  return marker
}

/** The decorations of one claim: the highlight and its margin marker. */
export function claimDecorations(claim: Claim, index: PositionIndex): Decoration[] {
  const from = offsetToPos(index, claim.target.position.start)
  const to = offsetToPos(index, claim.target.position.end)
  if (to <= from) return []
  const spec = { claimId: claim.id }
  return [
    Decoration.inline(from, to, { class: `claim claim--${claim.stance}` }, { ...spec, inclusiveStart: false, inclusiveEnd: false }),
    Decoration.widget(from, () => markerDom(claim.stance), {
      ...spec,
      side: -1,
      ignoreSelection: true,
      key: `m-${claim.id}-${claim.stance}`,
    }),
  ]
}

function build(doc: PMNode, claims: readonly Claim[], index: PositionIndex): ClaimLayerState {
  const decorations: Decoration[] = []
  for (const claim of claims) if (!claim.orphan) decorations.push(...claimDecorations(claim, index))
  return {
    decorations: DecorationSet.create(doc, decorations),
    drawn: new Map(claims.map((c) => [c.id, c])),
  }
}

function diff(doc: PMNode, state: ClaimLayerState, claims: readonly Claim[], index: PositionIndex): ClaimLayerState {
  const next = new Map(claims.map((c) => [c.id, c]))
  const stale = new Set<string>()
  const added: Decoration[] = []
  for (const [id, old] of state.drawn) {
    const now = next.get(id)
    if (!now || now.modified !== old.modified || now.stance !== old.stance || now.orphan !== old.orphan) stale.add(id)
  }
  for (const claim of claims) {
    const old = state.drawn.get(claim.id)
    if ((!old || stale.has(claim.id)) && !claim.orphan) added.push(...claimDecorations(claim, index))
  }
  if (stale.size === 0 && added.length === 0) return { decorations: state.decorations, drawn: next }
  // Only the stale claims' decorations are looked up and removed; the rest of the set is reused.
  const removed = stale.size ? state.decorations.find(undefined, undefined, (spec) => stale.has(spec.claimId as string)) : []
  return { decorations: state.decorations.remove(removed).add(doc, added), drawn: next }
}

/** Replace the drawn claims with `claims` (diffed, not rebuilt). */
export function setClaims(tr: Transaction, claims: readonly Claim[]): Transaction {
  return tr.setMeta(claimLayerKey, { claims } satisfies ClaimLayerMeta)
}

/** The claims plugin over a document whose offsets `index` maps. */
export function claimLayerPlugin(index: PositionIndex, initial: readonly Claim[]): Plugin<ClaimLayerState> {
  return new Plugin<ClaimLayerState>({
    key: claimLayerKey,
    state: {
      init: (_config, state: EditorState) => build(state.doc, initial, index),
      apply(tr, value) {
        const meta = tr.getMeta(claimLayerKey) as ClaimLayerMeta | undefined
        if (!meta) return value
        return value.drawn.size === 0 ? build(tr.doc, meta.claims, index) : diff(tr.doc, value, meta.claims, index)
      },
    },
    props: {
      decorations: (state) => claimLayerKey.getState(state)?.decorations,
    },
  })
}
