/**
 * Which of the claim finder's suggestions are still waiting for the analyst,
 * and how to step through and describe them. Pure: no DOM, no storage, so the
 * same rules hold in tests and in the reader.
 *
 * A suggestion is pending when the analyser suggested a stance for its
 * sentence, the analyst has not dismissed it in the active set, and no claim
 * of the active set overlaps the sentence (the analyst has already decided
 * about that text; a second outline over a claim would only be noise).
 */
import { CUE_KINDS, type CueKind, type SentenceSuggestion, type Suggestion } from '../../../shared/cues/model'
import type { Claim, Stance } from '../../../shared/claims/model'

/** A sentence with a suggested stance, keyed for dismissal and focus. */
export interface PendingSuggestion extends SentenceSuggestion {
  suggestion: Suggestion
  /** `"start:end"` of the sentence; stable while the article's text is (it never changes). */
  key: string
}

/** The key of a sentence range, as stored with a dismissal. */
export function suggestionKey(range: { start: number; end: number }): string {
  return `${range.start}:${range.end}`
}

/**
 * The pending suggestions among `analysed` (the analyser's sentences, in
 * document order): those with a suggestion, not in `dismissed` (keys from
 * {@link suggestionKey}), and overlapping no claim in `claims` (orphaned
 * claims have no place in the text and are ignored). Keeps document order.
 * Runs in O((n + m) log m) for n sentences and m claims, so a long article
 * with many claims stays cheap.
 */
export function pendingSuggestions(
  analysed: readonly SentenceSuggestion[],
  claims: readonly Pick<Claim, 'target' | 'orphan'>[],
  dismissed: ReadonlySet<string>,
): PendingSuggestion[] {
  const spans = claims
    .filter((c) => !c.orphan)
    .map((c) => ({ start: c.target.position.start, end: c.target.position.end }))
    .sort((a, b) => a.start - b.start)
  // reach[i]: the furthest end among the first i + 1 claims by start.
  const reach: number[] = []
  for (const [i, span] of spans.entries()) reach.push(Math.max(span.end, i > 0 ? reach[i - 1]! : -Infinity))
  const overlapsClaim = (start: number, end: number): boolean => {
    // The last claim starting before `end`; an overlap exists iff some claim up to it ends after `start`.
    let lo = 0
    let hi = spans.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (spans[mid]!.start < end) lo = mid + 1
      else hi = mid
    }
    return lo > 0 && reach[lo - 1]! > start
  }
  const pending: PendingSuggestion[] = []
  for (const sentence of analysed) {
    const { suggestion } = sentence
    if (suggestion === null) continue
    const key = suggestionKey(sentence)
    if (dismissed.has(key) || overlapsClaim(sentence.start, sentence.end)) continue
    pending.push({ ...sentence, suggestion, key })
  }
  return pending
}

/**
 * The pending suggestion after (`direction` 1) or before (-1) the one at
 * `from` (a sentence start offset), or the first / last one when `from` is
 * null. Null at either end: stepping does not wrap, like J / K over claims.
 */
export function stepSuggestion(pending: readonly PendingSuggestion[], from: number | null, direction: 1 | -1): PendingSuggestion | null {
  if (pending.length === 0) return null
  if (from === null) return direction === 1 ? pending[0]! : pending[pending.length - 1]!
  if (direction === 1) return pending.find((p) => p.start > from) ?? null
  return pending.findLast((p) => p.start < from) ?? null
}

/**
 * Where focus goes when the pending list changes: the suggestion with the
 * anchor's key if it is still pending; otherwise (it was accepted or
 * dismissed) the next one after its place, else the one before; null when
 * nothing is pending or there is no anchor.
 */
export function resolveFocus(pending: readonly PendingSuggestion[], anchor: { key: string; start: number } | null): PendingSuggestion | null {
  if (!anchor) return null
  return pending.find((p) => p.key === anchor.key) ?? pending.find((p) => p.start >= anchor.start) ?? pending.findLast((p) => p.start < anchor.start) ?? null
}

/** The pending suggestion whose sentence contains `offset`, or null. */
export function suggestionAt(pending: readonly PendingSuggestion[], offset: number): PendingSuggestion | null {
  // Sentences are disjoint and sorted: binary search the last one starting at or before offset.
  let lo = 0
  let hi = pending.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (pending[mid]!.start <= offset) lo = mid + 1
    else hi = mid
  }
  const hit = lo > 0 ? pending[lo - 1]! : null
  return hit && offset < hit.end ? hit : null
}

/** The stance that is not `stance`. */
export function otherStance(stance: Stance): Stance {
  return stance === 'evidenced' ? 'speculative' : 'evidenced'
}

const STANCE_NAME: Record<Stance, string> = { evidenced: 'Evidenced', speculative: 'Speculative' }

/** A stance as a word for the screen: "Evidenced" or "Speculative". */
export function stanceName(stance: Stance): string {
  return STANCE_NAME[stance]
}

/** The cues of a sentence grouped by kind (in {@link CUE_KINDS} order), each text once. */
export function cuesByKind(cues: SentenceSuggestion['cues']): { kind: CueKind; texts: string[] }[] {
  return CUE_KINDS.flatMap((kind) => {
    const texts = [...new Set(cues.filter((c) => c.kind === kind).map((c) => c.text))]
    return texts.length ? [{ kind, texts }] : []
  })
}

/** The words {@link describeReasons} uses for a stance and a cue kind, and how it joins them. */
export interface ReasonWords {
  stance(stance: Stance): string
  kind(kind: CueKind): string
  /** "{kind}: {texts}" for one kind, with the texts already joined. */
  reason(kind: string, texts: string): string
  /** Between cue texts (", ") and between reasons ("; "). */
  textSeparator: string
  reasonSeparator: string
}

/** English: "Speculative — hedge: だろう; booster: 間違いない". */
export const ENGLISH_REASON_WORDS: ReasonWords = {
  stance: stanceName,
  kind: (kind) => kind,
  reason: (kind, texts) => `${kind}: ${texts}`,
  textSeparator: ', ',
  reasonSeparator: '; ',
}

/**
 * The reasons for a suggestion in one line, e.g.
 * "Speculative — hedge: だろう; booster: 間違いない" (in the given words).
 */
export function describeReasons(s: Pick<PendingSuggestion, 'suggestion' | 'cues'>, words: ReasonWords = ENGLISH_REASON_WORDS): string {
  const reasons = cuesByKind(s.cues).map(({ kind, texts }) => words.reason(words.kind(kind), texts.join(words.textSeparator)))
  return `${words.stance(s.suggestion)} — ${reasons.join(words.reasonSeparator)}`
}
