/**
 * The Compare reader's decorations: both sets' claims drawn over the article
 * at once, told apart by line style (A solid underline, B dashed rule below
 * it), with a gutter per set (A left, B right) whose marks carry the set
 * letter and the stance letter. The outcome of each item shows as a wash over
 * its span — red with a "≠" flag for a stance conflict, hatched with an
 * "A only" / "B only" flag for a claim only one set made, none for
 * agreement — and as a bar beside its paragraph, so
 * disagreements stand out while reading and agreements stay quiet.
 *
 * The whole set is rebuilt whenever the comparison changes: a comparison is
 * itself recomputed from scratch on every change, and even a long article has
 * a few hundred items at most. Flags and hover texts are in the layer's
 * language; widget keys include it, so switching language redraws them.
 */
import type { Node as PMNode } from 'prosemirror-model'
import { Plugin, PluginKey, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import { blockIndexAt, offsetToPos, type PositionIndex } from '../../../shared/article/position-map'
import type { Claim } from '../../../shared/claims/model'
import type { ComparisonItem, ItemKind } from '../../../shared/compare'
import { translate } from '../../../shared/i18n/catalog'
import { outcomeLabelKey, stanceLetter } from './outcomes'

/** A message lookup: i18next's `t`, or shared/i18n `translate` bound to a locale. */
export type Translate = (key: string, values?: Record<string, string | number>) => string

/** What the layer draws. */
export interface CompareLayer {
  items: readonly ComparisonItem[]
  selectedId: string | null
  /** Bumped to replay the arrival flash on the selected item. */
  flash: number
  /** The UI language (part of the widgets' keys) and its message lookup. */
  lang: string
  t: Translate
}

const compareKey = new PluginKey<DecorationSet>('compare-layer')

const EMPTY_LAYER: CompareLayer = { items: [], selectedId: null, flash: 0, lang: 'en', t: (key, values) => translate('en', key, values) }

/** Replace what the layer draws. */
export function setCompareLayer(tr: Transaction, layer: CompareLayer): Transaction {
  return tr.setMeta(compareKey, layer)
}

/** "Stance conflicts: A speculative, B evidenced", in the layer's language. */
function describeItem(item: ComparisonItem, t: Translate): string {
  const side = (role: 'A' | 'B', claim: Claim | null) =>
    t('compare.roleStance', { role, stance: claim ? t(`compare.stanceWord.${claim.stance}`) : t('compare.noClaim') })
  return t('compare.describeItem', { kind: t(outcomeLabelKey(item.kind)), a: side('A', item.a), b: side('B', item.b) })
}

function gutterMark(role: 'A' | 'B', claim: Claim, item: ComparisonItem, t: Translate): HTMLElement {
  const mark = document.createElement('span')
  mark.className = `cmp-mark cmp-mark--${role.toLowerCase()} cmp-mark--${claim.stance} cmp-mark--${item.kind}`
  mark.setAttribute('aria-hidden', 'true')
  mark.dataset.item = item.id
  mark.title = describeItem(item, t)
  const letter = document.createElement('b')
  letter.textContent = role
  const stance = document.createElement('span')
  stance.className = 'cmp-mark-stance'
  stance.textContent = stanceLetter(claim.stance)
  mark.append(letter, stance)
  return mark
}

// Every disagreement is flagged in the text itself, so it reads as one in a
// glance, in a printout, and to someone who cannot tell the washes apart:
// a filled "≠ A S · B E" for a conflict, an outlined "A only" / "B only".
function outcomeFlag(item: ComparisonItem, t: Translate): HTMLElement {
  const flag = document.createElement('span')
  flag.className = `cmp-flag cmp-flag--${item.kind === 'conflict' ? 'conflict' : 'only'}`
  flag.dataset.item = item.id
  flag.title = describeItem(item, t)
  flag.setAttribute('aria-label', describeItem(item, t))
  if (item.kind === 'conflict') {
    const glyph = document.createElement('b')
    glyph.textContent = '≠'
    flag.append(glyph, ` A ${stanceLetter(item.a!.stance)} · B ${stanceLetter(item.b!.stance)}`)
  } else {
    flag.textContent = t(item.kind === 'onlyA' ? 'compare.flag.onlyA' : 'compare.flag.onlyB')
  }
  return flag
}

const WASH: Readonly<Record<ItemKind, string>> = {
  conflict: 'cmp-wash cmp-wash--conflict',
  onlyA: 'cmp-wash cmp-wash--only',
  onlyB: 'cmp-wash cmp-wash--only',
  agree: 'cmp-wash cmp-wash--agree',
}

// A paragraph shows the strongest outcome it holds: conflict over one-sided over agreement.
const BAR_RANK: Readonly<Record<ItemKind, number>> = { conflict: 3, onlyA: 2, onlyB: 2, agree: 1 }

function span(index: PositionIndex, start: number, end: number): { from: number; to: number } | null {
  const from = offsetToPos(index, start)
  const to = offsetToPos(index, end)
  return to > from ? { from, to } : null
}

function itemDecorations(item: ComparisonItem, index: PositionIndex, selected: boolean, layer: CompareLayer): Decoration[] {
  const { flash, t, lang } = layer
  const out: Decoration[] = []
  const union = span(index, item.start, item.end)
  if (!union) return out
  out.push(Decoration.inline(union.from, union.to, { class: WASH[item.kind], 'data-item': item.id }))
  for (const [role, claim] of [['A', item.a], ['B', item.b]] as const) {
    if (!claim) continue
    const range = span(index, claim.target.position.start, claim.target.position.end)
    if (!range) continue
    out.push(Decoration.inline(range.from, range.to, { class: `cmp-${role.toLowerCase()} cmp-${role.toLowerCase()}--${claim.stance}` }))
    out.push(
      Decoration.widget(range.from, () => gutterMark(role, claim, item, t), {
        side: -1,
        ignoreSelection: true,
        key: `${role}-${item.id}-${claim.stance}-${item.kind}-${lang}`,
      }),
    )
  }
  if (item.kind !== 'agree') {
    const key = `flag-${item.kind}-${item.id}-${item.a?.stance}-${item.b?.stance}-${lang}`
    out.push(Decoration.widget(union.from, () => outcomeFlag(item, t), { side: -1, ignoreSelection: true, key }))
  }
  if (selected) {
    out.push(
      Decoration.inline(union.from, union.to, {
        class: flash ? 'cmp-selected cmp-selected--flash' : 'cmp-selected',
        'data-flash': String(flash),
      }),
    )
  }
  return out
}

function blockBars(doc: PMNode, items: readonly ComparisonItem[], index: PositionIndex): Decoration[] {
  const strongest = new Map<number, ItemKind>()
  for (const item of items) {
    if (item.end <= item.start) continue
    const first = blockIndexAt(index, item.start, 1)
    const last = blockIndexAt(index, item.end, -1)
    for (let b = first; b <= last; b++) {
      const seen = strongest.get(b)
      if (!seen || BAR_RANK[item.kind] > BAR_RANK[seen]) strongest.set(b, item.kind)
    }
  }
  const out: Decoration[] = []
  for (const [block, kind] of strongest) {
    const from = index.nodeStarts[block]!
    const node = doc.nodeAt(from)
    if (!node) continue
    const bar = kind === 'conflict' ? 'conflict' : kind === 'agree' ? 'agree' : 'only'
    out.push(Decoration.node(from, from + node.nodeSize, { class: `cmp-block cmp-block--${bar}` }))
  }
  return out
}

/** Every decoration of `layer` over `doc`. Never throws for items inside the text. */
export function compareDecorations(doc: PMNode, layer: CompareLayer, index: PositionIndex): DecorationSet {
  const decorations = blockBars(doc, layer.items, index)
  for (const item of layer.items) decorations.push(...itemDecorations(item, index, item.id === layer.selectedId, layer))
  return DecorationSet.create(doc, decorations)
}

/** The compare layer over a document whose offsets `index` maps. */
export function compareLayerPlugin(index: PositionIndex, initial: CompareLayer = EMPTY_LAYER): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: compareKey,
    state: {
      init: (_config, state) => compareDecorations(state.doc, initial, index),
      apply(tr, value) {
        const layer = tr.getMeta(compareKey) as CompareLayer | undefined
        return layer ? compareDecorations(tr.doc, layer, index) : value
      },
    },
    props: { decorations: (state) => compareKey.getState(state) },
  })
}
