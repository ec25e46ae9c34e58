/**
 * What a comparison report says, independent of how it is written: the
 * Markdown and HTML renderers both lay out this plain content, so the two
 * formats cannot drift apart. All strings here are raw (unescaped); each
 * renderer escapes them for its own syntax.
 */
import type { Claim, Stance } from '../claims/model'
import type { Consensus, Keep } from './consensus'
import { FIGURE_DEFINITIONS, FIGURE_LABELS, type FigureName } from './definitions'
import { STANCE_OR_NONE, type Comparison, type ItemKind, type SpanScore, type StanceOrNone } from './model'

/** Options shared by both report renderers. */
export interface ComparisonReportOptions {
  /** Report title; default "Comparison of annotation sets". */
  title?: string
  /** A consensus built from this comparison, to list its adjudication decisions. */
  consensus?: Consensus | null
}

/** Longest quote printed, in characters (code points); longer ones are cut with "…". */
export const REPORT_QUOTE_LIMIT = 280

export interface ReportSetRow {
  role: string
  label: string
  analyst: string
  claims: number
  orphans: number
}

export interface ReportFigureRow {
  label: string
  value: string
  definition: string
}

export interface ReportSide {
  role: 'A' | 'B'
  setLabel: string
  stance: Stance
  quote: string
  note: string
}

export interface ReportDisagreement {
  kind: string
  start: number
  end: number
  sides: ReportSide[]
}

export interface ReportDecision {
  kind: string
  quote: string
  keep: string
  reason: string
}

export interface ReportContent {
  title: string
  minOverlap: string
  sets: ReportSetRow[]
  setDefinitions: string[]
  figures: ReportFigureRow[]
  confusionLabels: string[]
  /** Rows are A's stance, columns B's, in `confusionLabels` order. */
  confusion: number[][]
  confusionDefinition: string
  disagreements: ReportDisagreement[]
  /** Null when no consensus was given. */
  decisions: ReportDecision[] | null
  undecided: number
}

const KIND_LABELS: Record<ItemKind, string> = {
  agree: 'Agree',
  conflict: 'Stance conflict',
  onlyA: 'Only in A',
  onlyB: 'Only in B',
}

const KEEP_LABELS: Record<Keep, string> = { A: 'kept A', B: 'kept B', both: 'kept both', neither: 'kept neither' }

/** Stance words as printed in tables. */
export const STANCE_LABELS: Record<StanceOrNone, string> = {
  evidenced: 'evidenced',
  speculative: 'speculative',
  none: 'none',
}

/** "1 decision", "2 decisions": English count phrases for headings. */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`
}

/** The sentence both reports print about disagreements left out of a consensus. */
export function undecidedSentence(n: number): string {
  return `${countOf(n, 'disagreement was', 'disagreements were')} left undecided and ${n === 1 ? 'is' : 'are'} not in the consensus.`
}

/** A ratio to three places, or "n/a" when undefined. */
export function formatRatio(x: number | null): string {
  return x === null ? 'n/a' : x.toFixed(3)
}

function formatSpanScore(score: SpanScore): string {
  return `${formatRatio(score.f1)} (precision ${formatRatio(score.precision)}, recall ${formatRatio(score.recall)}; ${score.tp} matched)`
}

function cut(text: string): string {
  const points = Array.from(text)
  return points.length > REPORT_QUOTE_LIMIT ? `${points.slice(0, REPORT_QUOTE_LIMIT).join('')}…` : text
}

function row(name: FigureName, value: string): ReportFigureRow {
  return { label: FIGURE_LABELS[name], value, definition: FIGURE_DEFINITIONS[name] }
}

/** Gather everything a comparison report prints. Never throws. */
export function reportContent(comparison: Comparison, options: ComparisonReportOptions = {}): ReportContent {
  const f = comparison.figures
  const labelOf = (i: number): string => f.sets[i]?.label ?? ''
  const side = (claim: Claim | null, role: 'A' | 'B'): ReportSide[] =>
    claim
      ? [{ role, setLabel: labelOf(role === 'A' ? 0 : 1), stance: claim.stance, quote: cut(claim.target.quote.exact), note: claim.note }]
      : []
  const items = new Map(comparison.items.map((item) => [item.id, item]))
  const consensus = options.consensus ?? null

  return {
    title: options.title?.trim() || 'Comparison of annotation sets',
    minOverlap: comparison.minOverlap.toString(),
    sets: comparison.sets.map((s, i) => ({
      role: i === 0 ? 'A' : i === 1 ? 'B' : `set ${i + 1}`,
      label: labelOf(i),
      analyst: s.set.analyst,
      claims: s.claims.length,
      orphans: s.orphans.length,
    })),
    setDefinitions: [FIGURE_DEFINITIONS.claims, FIGURE_DEFINITIONS.orphans],
    figures: [
      row('aligned', String(f.aligned)),
      row('exactSpanMatches', String(f.exactSpanMatches)),
      row('agree', String(f.agree)),
      row('stanceConflicts', String(f.stanceConflicts)),
      row('onlyA', String(f.onlyA)),
      row('onlyB', String(f.onlyB)),
      row('observedAgreement', formatRatio(f.observedAgreement)),
      row('cohensKappa', formatRatio(f.cohensKappa)),
      row('spanF1.exact', formatSpanScore(f.spanF1.exact)),
      row('spanF1.overlap', formatSpanScore(f.spanF1.overlap)),
      row('krippendorffAlpha', `${formatRatio(f.krippendorffAlpha)} (${countOf(f.alphaUnits, 'unit')}, ${f.sets.length} sets)`),
      row('charKappa', formatRatio(f.charKappa)),
    ],
    confusionLabels: STANCE_OR_NONE.map((s) => STANCE_LABELS[s]),
    confusion: STANCE_OR_NONE.map((a) => STANCE_OR_NONE.map((b) => f.confusion[a][b])),
    confusionDefinition: FIGURE_DEFINITIONS.confusion,
    disagreements: comparison.items
      .filter((item) => item.kind !== 'agree')
      .map((item) => ({
        kind: KIND_LABELS[item.kind],
        start: item.start,
        end: item.end,
        sides: [...side(item.a, 'A'), ...side(item.b, 'B')],
      })),
    decisions: consensus
      ? consensus.decisions.map((d) => {
          const item = items.get(d.itemId)
          const claim = item?.a ?? item?.b ?? null
          return {
            kind: KIND_LABELS[d.kind],
            quote: claim ? cut(claim.target.quote.exact) : '',
            keep: KEEP_LABELS[d.keep] + (d.automatic ? ' (automatic: agreed)' : ''),
            reason: d.reason,
          }
        })
      : null,
    undecided: consensus?.undecided.length ?? 0,
  }
}
