/**
 * The report summary's "stated with certainty, no evidence" count, decided by
 * the claim finder's cues. The app and the CLI both use this one predicate, so
 * their reports of the same set print the same number.
 */
import type { Article } from '../article/model'
import type { Claim } from '../claims/model'
import { analyse, defaultLexicon } from '../cues'

/**
 * A predicate for `isCertaintyWithoutEvidence` (see `SummariseOptions`): true
 * for a placed claim that has no evidence items and whose span overlaps a
 * sentence the default lexicon reads as certain (a booster) with no evidence
 * cue. Orphans and claims with evidence are never flagged.
 *
 * The article is analysed once, when the predicate is made; each call is then
 * a scan of the flagged sentences. Pure. Throws RangeError when the article's
 * blocks do not make up its text (a corrupt article).
 */
export function certaintyWithoutEvidencePredicate(article: Pick<Article, 'text' | 'blocks'>): (claim: Claim) => boolean {
  const flagged = analyse(article.text, defaultLexicon(), { blocks: article.blocks }).filter((s) => s.certaintyWithoutEvidence)
  return (claim) => {
    if (claim.orphan === true || claim.evidence.length > 0) return false
    const { start, end } = claim.target.position
    return flagged.some((s) => s.start < end && start < s.end)
  }
}
