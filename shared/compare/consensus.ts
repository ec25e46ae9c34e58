/**
 * Adjudication: turn a comparison plus an adjudicator's decisions into a new
 * consensus set. Agreed items are kept automatically (A's claim); every other
 * item is kept only as decided. Source sets and claims are never modified:
 * kept claims are copies with new ids in the new set.
 *
 * Why reasons go into a separate `decisions` list and not into claim notes:
 * a note is the analyst's argument about the claim and travels into W3C
 * exports and critique reports; appending "kept A because…" would pollute
 * it, break round trips, and lose the record for items kept as "neither"
 * (there is no claim to hold the reason). The list records, per item, what
 * was kept, from which source claims, under which new ids, and why; callers
 * store it beside the consensus set.
 */
import { compareClaimsInDocumentOrder, type AnnotationSet, type Claim } from '../claims/model'
import { CompareInputError } from './errors'
import type { Comparison, ComparisonItem, ItemKind } from './model'

/** Which claims of an item the consensus keeps. */
export type Keep = 'A' | 'B' | 'both' | 'neither'

/** One adjudicator's decision on one item of a comparison. */
export interface AdjudicationDecision {
  itemId: string
  keep: Keep
  reason?: string
}

/** Identity of the consensus set to build. */
export interface ConsensusMeta {
  setId: string
  label: string
  analyst: string
  /** ISO time; also the set's `created`. */
  created: string
  /**
   * Id for the copy of `source` taken from `side`. Default:
   * `<setId>/<side>/<source id>`, deterministic and unique within the set.
   */
  claimId?: (source: Claim, side: 'A' | 'B') => string
}

/** What was done with one item, kept beside the consensus set. */
export interface ConsensusDecisionRecord {
  itemId: string
  kind: ItemKind
  keep: Keep
  /** The adjudicator's reason, trimmed; '' when none was given. */
  reason: string
  /** True for an agreed item kept without an explicit decision. */
  automatic: boolean
  /** Ids of the source claims kept (A's first). */
  sourceClaimIds: string[]
  /** Ids of the new claims in the consensus set, in the same order. */
  claimIds: string[]
}

/** Result of {@link buildConsensus}. */
export interface Consensus {
  set: AnnotationSet
  /** New claims in document order. */
  claims: Claim[]
  /** One record per kept or decided item, in the comparison's item order. */
  decisions: ConsensusDecisionRecord[]
  /** Ids of conflict / only-in-one items with no decision: left out of the consensus. */
  undecided: string[]
}

function copyClaim(source: Claim, id: string, setId: string): Claim {
  return {
    ...source,
    id,
    setId,
    evidence: source.evidence.map((e) => ({ ...e })),
    counterpoints: source.counterpoints.map((c) => ({ ...c, source: c.source ? { ...c.source } : null })),
    tags: [...source.tags],
  }
}

function sidesKept(item: ComparisonItem, keep: Keep): { claim: Claim; side: 'A' | 'B' }[] | null {
  const a = item.a ? [{ claim: item.a, side: 'A' as const }] : []
  const b = item.b ? [{ claim: item.b, side: 'B' as const }] : []
  switch (keep) {
    case 'neither':
      return []
    case 'A':
      return a.length ? a : null
    case 'B':
      return b.length ? b : null
    case 'both':
      return a.length && b.length ? [...a, ...b] : null
  }
}

function indexDecisions(
  comparison: Comparison,
  decisions: readonly AdjudicationDecision[],
): Map<string, AdjudicationDecision> {
  const itemIds = new Set(comparison.items.map((item) => item.id))
  const byItem = new Map<string, AdjudicationDecision>()
  for (const decision of decisions) {
    if (!itemIds.has(decision.itemId)) {
      throw new CompareInputError(
        'consensus-unknown-item',
        `A decision refers to item "${decision.itemId}", which is not in this comparison (were the sets changed since?).`,
      )
    }
    if (byItem.has(decision.itemId)) {
      throw new CompareInputError('consensus-duplicate-decision', `Item "${decision.itemId}" has more than one decision.`)
    }
    byItem.set(decision.itemId, decision)
  }
  return byItem
}

/**
 * Build a consensus set (origin 'consensus') from `comparison` and the
 * adjudicator's `decisions`. Agreed items without a decision keep A's claim;
 * conflicts and one-sided items without a decision are left out and listed in
 * `undecided`. Throws {@link CompareInputError} when a decision names an item
 * not in the comparison, an item is decided twice, or a decision keeps a side
 * the item lacks (e.g. 'B' or 'both' on an only-in-A item); throws RangeError
 * when `meta.claimId` returns the same id twice. Pure: the comparison and its
 * claims are not modified.
 */
export function buildConsensus(
  comparison: Comparison,
  decisions: readonly AdjudicationDecision[],
  meta: ConsensusMeta,
): Consensus {
  const byItem = indexDecisions(comparison, decisions)
  const claimId = meta.claimId ?? ((source: Claim, side: 'A' | 'B') => `${meta.setId}/${side}/${source.id}`)
  const claims: Claim[] = []
  const records: ConsensusDecisionRecord[] = []
  const undecided: string[] = []

  for (const item of comparison.items) {
    const decision = byItem.get(item.id)
    if (!decision && item.kind !== 'agree') {
      undecided.push(item.id)
      continue
    }
    const keep: Keep = decision?.keep ?? 'A'
    const kept = sidesKept(item, keep)
    if (!kept) {
      throw new CompareInputError(
        'consensus-impossible-keep',
        `Item "${item.id}" (${item.kind}) cannot keep "${keep}": that side has no claim there.`,
      )
    }
    const copies = kept.map(({ claim, side }) => copyClaim(claim, claimId(claim, side), meta.setId))
    claims.push(...copies)
    records.push({
      itemId: item.id,
      kind: item.kind,
      keep,
      reason: decision?.reason?.trim() ?? '',
      automatic: !decision,
      sourceClaimIds: kept.map(({ claim }) => claim.id),
      claimIds: copies.map((c) => c.id),
    })
  }

  const ids = new Set(claims.map((c) => c.id))
  if (ids.size !== claims.length) throw new RangeError(`buildConsensus: meta.claimId gave duplicate claim ids`)

  const set: AnnotationSet = {
    id: meta.setId,
    documentId: comparison.documentId,
    analyst: meta.analyst,
    label: meta.label,
    created: meta.created,
    origin: 'consensus',
  }
  return { set, claims: claims.sort(compareClaimsInDocumentOrder), decisions: records, undecided }
}
