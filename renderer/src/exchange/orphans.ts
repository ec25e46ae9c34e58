/**
 * Orphans: claims whose span could not be found on the text (flagged
 * `orphan: true` on import). They are never drawn; the analyst re-attaches
 * each to a passage or discards it.
 */
import { describe } from '../../../shared/anchoring'
import type { Claim } from '../../../shared/claims/model'

/** Claims split into those placed on the text and the orphans, each list in its given order. */
export function splitOrphans(claims: readonly Claim[]): { placed: Claim[]; orphans: Claim[] } {
  const placed: Claim[] = []
  const orphans: Claim[] = []
  for (const claim of claims) (claim.orphan === true ? orphans : placed).push(claim)
  return { placed, orphans }
}

/**
 * The orphan `claim` attached to `[start, end)` of `text`: a fresh target
 * described on the text (shared/anchoring `describe`), no orphan flag, and
 * `modified` set to `now`; everything else is kept.
 *
 * @throws RangeError when the span is empty or outside the text (from
 *   `describe` for bad offsets), so a claim is never attached to nothing.
 */
export function attachOrphan(claim: Claim, text: string, start: number, end: number, now: string): Claim {
  if (!(end > start)) throw new RangeError(`attachOrphan: the span [${start}, ${end}) is empty`)
  const { orphan: _orphan, ...rest } = claim
  return { ...rest, target: describe(text, start, end), modified: now }
}
