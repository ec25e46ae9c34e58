import { compareClaimsInDocumentOrder, type Claim } from './model'

/**
 * The claims whose span covers the character at `offset` (UTF-16), i.e.
 * `start <= offset < end`, innermost (shortest) first, then in document order:
 * what a click on overlapping or nested highlights should offer, best guess
 * first. Orphans are left out (their offsets no longer mean anything). An
 * offset outside the text simply matches nothing.
 *
 * @throws RangeError when `offset` is not an integer.
 */
export function claimsAt(claims: readonly Claim[], offset: number): Claim[] {
  if (!Number.isInteger(offset)) throw new RangeError(`claimsAt: offset must be an integer, got ${String(offset)}`)
  return claims
    .filter((c) => c.orphan !== true && c.target.position.start <= offset && offset < c.target.position.end)
    .sort(
      (a, b) =>
        a.target.position.end - a.target.position.start - (b.target.position.end - b.target.position.start) ||
        compareClaimsInDocumentOrder(a, b),
    )
}
