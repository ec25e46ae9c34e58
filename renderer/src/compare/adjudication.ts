/**
 * The adjudicator's draft: per outcome item, which side to keep and why.
 * Drafts are keyed by the comparison's stable item ids, so they survive a
 * recomputation (a set edited, the minimum overlap moved) for every item that
 * still pairs the same claims; drafts for items that no longer exist, or that
 * no longer allow the chosen side, are set aside rather than dropped, and come
 * back if the item does. Pure: tested in Node.
 */
import type { AdjudicationDecision, Comparison, ComparisonItem, ItemKind, Keep } from '../../../shared/compare'
import { messageKey, type MessageKey } from '../i18n/message-key'

/** One drafted decision; `keep` is null while only a reason has been typed. */
export interface DraftDecision {
  keep: Keep | null
  /** Free text, as typed (trimmed only when the consensus is built). */
  reason: string
}

/** Drafted decisions by item id. */
export type Drafts = Readonly<Record<string, DraftDecision>>

/** Sides an item of each kind can keep. Agreed items are kept automatically and offer none. */
export const KEEP_OPTIONS: Readonly<Record<ItemKind, readonly Keep[]>> = {
  conflict: ['A', 'B', 'both', 'neither'],
  onlyA: ['A', 'neither'],
  onlyB: ['B', 'neither'],
  agree: [],
}

/** Catalog key of a keep choice's label ("Keep A's", "Keep both"…). */
export function keepLabelKey(keep: Keep): MessageKey {
  return messageKey(`compare.keep.${keep}`)
}

/** True when `keep` is a choice `item` offers. */
export function canKeep(item: Pick<ComparisonItem, 'kind'>, keep: Keep): boolean {
  return KEEP_OPTIONS[item.kind].includes(keep)
}

/**
 * The drafts that apply to `comparison`, as decisions for `buildConsensus`:
 * only items present in the comparison, only choices the item offers, in the
 * comparison's item order. Never throws.
 */
export function applicableDecisions(comparison: Pick<Comparison, 'items'>, drafts: Drafts): AdjudicationDecision[] {
  const out: AdjudicationDecision[] = []
  for (const item of comparison.items) {
    const draft = drafts[item.id]
    if (!draft || draft.keep === null || !canKeep(item, draft.keep)) continue
    const reason = draft.reason.trim()
    out.push(reason ? { itemId: item.id, keep: draft.keep, reason } : { itemId: item.id, keep: draft.keep })
  }
  return out
}

/** How many of the comparison's disagreements have an applicable decision. */
export function adjudicationProgress(comparison: Pick<Comparison, 'items'>, drafts: Drafts): { decided: number; total: number } {
  const total = comparison.items.filter((item) => item.kind !== 'agree').length
  return { decided: applicableDecisions(comparison, drafts).length, total }
}

/**
 * `drafts` with `itemId` set to `keep`, keeping any reason already typed.
 * Throws RangeError for an empty item id.
 */
export function withKeep(drafts: Drafts, itemId: string, keep: Keep): Drafts {
  if (!itemId) throw new RangeError('withKeep: empty item id')
  return { ...drafts, [itemId]: { keep, reason: drafts[itemId]?.reason ?? '' } }
}

/**
 * `drafts` with the reason of `itemId` replaced. A reason typed before a side
 * is chosen waits in a draft with keep null: it decides nothing by itself.
 * Throws RangeError for an empty item id.
 */
export function withReason(drafts: Drafts, itemId: string, reason: string): Drafts {
  if (!itemId) throw new RangeError('withReason: empty item id')
  return { ...drafts, [itemId]: { keep: drafts[itemId]?.keep ?? null, reason } }
}

/** `drafts` without a decision for `itemId`. */
export function withoutDecision(drafts: Drafts, itemId: string): Drafts {
  if (!(itemId in drafts)) return drafts
  const next = { ...drafts }
  delete next[itemId]
  return next
}

/** Key under which the drafts of one ordered comparison (A, B, further sets) are remembered. */
export function draftKey(setIds: readonly string[]): string {
  return setIds.join('|')
}
