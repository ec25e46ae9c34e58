/**
 * How a set's watch (set-watch.ts) tells, from Dexie's `storagemutated` event, whether one
 * set's stored claims changed other than by its own writes
 * A set is stored as pages, keyed `<setId>#<bucket>`
 * (claim-pages.ts), and a journal, keyed `[setId, claimId]`
 * (claim-journal.ts); the event carries the primary keys each
 * committed transaction touched, per table, as an interval tree (plain
 * objects once sent between tabs).
 */
import type { IntervalTree, ObservabilitySet } from 'dexie'
import type { Claim } from '../../../shared/claims/model'
import { CLAIM_PAGE_BUCKETS, claimPageKey } from './claim-pages'

/** The set a session follows and how it counts its own writes. */
export interface FollowedSet {
  databaseName: string
  setId: string
  /**
   * Count one of the session's own writes of claim `id` as heard; false when
   * none was waiting (then the key is someone else's change).
   */
  takeOwn(id: string): boolean
}

/** The key ranges of an interval tree from a `storagemutated` event. */
function* keyRanges(tree: IntervalTree): Generator<{ from: unknown; to: unknown }> {
  if (!('from' in tree)) return
  yield { from: tree.from, to: tree.to }
  if (tree.l) yield* keyRanges(tree.l)
  if (tree.r) yield* keyRanges(tree.r)
}

/** `[setId, id]` when the range is that single journal key, else null. */
function journalKey(from: unknown, to: unknown): [string, string] | null {
  if (!Array.isArray(from) || !Array.isArray(to) || from.length !== 2 || to.length !== 2) return null
  const [setId, id] = from as unknown[]
  return typeof setId === 'string' && typeof id === 'string' && to[0] === setId && to[1] === id ? [setId, id] : null
}

const pageKeysBySet = new Map<string, ReadonlySet<string>>()

function pageKeysOf(setId: string): ReadonlySet<string> {
  let keys = pageKeysBySet.get(setId)
  if (!keys) {
    keys = new Set(Array.from({ length: CLAIM_PAGE_BUCKETS }, (_, bucket) => claimPageKey(setId, bucket)))
    // Sets opened in one window are few; a bound keeps a long session from collecting them.
    if (pageKeysBySet.size > 64) pageKeysBySet.clear()
    pageKeysBySet.set(setId, keys)
  }
  return keys
}

/**
 * True when `parts` change the followed set in a way its own writes do not
 * explain: a journal key of the set that is not an own write, a page of the
 * set, a range of keys (a bulk change), or `all` (Dexie's signal after the
 * back-forward cache). Other sets' keys are ignored. Every own key is counted
 * (no early exit), so each own write is heard once. Never throws.
 */
export function changedElsewhere(parts: ObservabilitySet, set: FollowedSet): boolean {
  if ('all' in parts) return true
  const edits = `idb://${set.databaseName}/claimEdits/`
  const pages = `idb://${set.databaseName}/claimPages/`
  let foreign = false
  for (const table of [edits, pages]) {
    const primaryKeys = parts[table]
    if (!primaryKeys) {
      // Only index keys, no primary keys: nothing to tell them apart by.
      if (Object.keys(parts).some((part) => part.startsWith(table))) foreign = true
      continue
    }
    for (const { from, to } of keyRanges(primaryKeys)) {
      if (table === edits) {
        const key = journalKey(from, to)
        if (key && (key[0] !== set.setId || set.takeOwn(key[1]))) continue
      } else if (typeof from === 'string' && from === to && !pageKeysOf(set.setId).has(from)) {
        continue
      }
      foreign = true
    }
  }
  return foreign
}

/**
 * True when two lists in document order hold the same claims as far as
 * storage goes: the same ids in the same order with the same `modified` time
 * (every edit sets it; shared/claims/claim-edits.ts). Used after a session
 * folded its own journal, which moves claims between records without
 * changing one.
 */
export function sameStoredClaims(a: readonly Claim[], b: readonly Claim[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i]!.id !== b[i]!.id || a[i]!.modified !== b[i]!.modified) return false
  return true
}
