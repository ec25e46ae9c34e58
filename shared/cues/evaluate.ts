/**
 * Measuring the analyser against gold labels: aligning hand-labelled
 * sentences (stored by text, so they survive changes to the splitter) with the
 * analyser's sentences, and precision/recall per suggestion class.
 */
import type { SentenceSuggestion, Suggestion } from './model'

/** A human label: the two suggestion classes, or neither. */
export type GoldLabel = Suggestion | 'neither'

/** One hand-labelled sentence. */
export interface GoldSentence {
  /** The sentence exactly as it appears in the article's canonical text. */
  text: string
  label: GoldLabel
  /** Why the label was chosen, for borderline cases. */
  note?: string
}

/** A gold sentence next to what the analyser suggested for it. */
export interface AlignedSentence {
  text: string
  start: number
  end: number
  gold: GoldLabel
  predicted: GoldLabel
  /** Whether the analyser produced exactly this sentence (same range). */
  sameBoundaries: boolean
}

/** Counts and rates for one class; a rate is null when its denominator is 0. */
export interface ClassScore {
  truePositives: number
  falsePositives: number
  falseNegatives: number
  precision: number | null
  recall: number | null
}

/** Scores of a set of aligned sentences. */
export interface EvaluationScores {
  sentences: number
  /** Share of gold sentences the splitter reproduced exactly. */
  boundaryAgreement: number | null
  accuracy: number | null
  classes: Record<GoldLabel, ClassScore>
}

const LABELS: readonly GoldLabel[] = ['speculative', 'evidenced', 'neither']

/**
 * Pair each gold sentence with the analyser's suggestion. Gold sentences are
 * found in `text` in order; each takes the suggestion of the analysed
 * sentence that overlaps it most (null, i.e. 'neither', if none does).
 *
 * @throws RangeError when a gold sentence does not occur in `text` after the previous one.
 */
export function alignGold(text: string, gold: readonly GoldSentence[], analysed: readonly SentenceSuggestion[]): AlignedSentence[] {
  let cursor = 0
  return gold.map((g) => {
    const start = text.indexOf(g.text, cursor)
    if (start < 0 || g.text.length === 0) {
      throw new RangeError(`Gold sentence not found in the article text (after offset ${cursor}): ${JSON.stringify(g.text.slice(0, 60))}`)
    }
    const end = start + g.text.length
    cursor = end
    let best: SentenceSuggestion | undefined
    let bestOverlap = 0
    for (const s of analysed) {
      const overlap = Math.min(end, s.end) - Math.max(start, s.start)
      if (overlap > bestOverlap) {
        best = s
        bestOverlap = overlap
      }
    }
    return {
      text: g.text,
      start,
      end,
      gold: g.label,
      predicted: best?.suggestion ?? 'neither',
      sameBoundaries: analysed.some((s) => s.start === start && s.end === end),
    }
  })
}

const rate = (n: number, d: number): number | null => (d === 0 ? null : n / d)

/** Precision and recall per class, accuracy and boundary agreement of `aligned`. Never throws. */
export function scoreAligned(aligned: readonly AlignedSentence[]): EvaluationScores {
  const classes = {} as Record<GoldLabel, ClassScore>
  for (const label of LABELS) {
    const tp = aligned.filter((a) => a.gold === label && a.predicted === label).length
    const fp = aligned.filter((a) => a.gold !== label && a.predicted === label).length
    const fn = aligned.filter((a) => a.gold === label && a.predicted !== label).length
    classes[label] = { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision: rate(tp, tp + fp), recall: rate(tp, tp + fn) }
  }
  return {
    sentences: aligned.length,
    boundaryAgreement: rate(aligned.filter((a) => a.sameBoundaries).length, aligned.length),
    accuracy: rate(aligned.filter((a) => a.gold === a.predicted).length, aligned.length),
    classes,
  }
}
