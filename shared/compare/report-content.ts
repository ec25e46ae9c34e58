/**
 * What a comparison report says, independent of how it is written: the
 * Markdown and HTML renderers both lay out this plain content, so the two
 * formats cannot drift apart. All strings here are raw (unescaped); each
 * renderer escapes them for its own syntax.
 */
import type { Claim, Stance } from '../claims/model'
import type { Consensus } from './consensus'
import type { FigureName } from './definitions'
import { STANCE_OR_NONE, type Comparison, type SpanScore } from './model'
import { COMPARISON_REPORT_STRINGS_EN, type ComparisonReportStrings } from './report-strings'

/** Options shared by both report renderers. */
export interface ComparisonReportOptions {
  /** Report title; default `strings.defaultTitle` ("Comparison of annotation sets"). */
  title?: string
  /** A consensus built from this comparison, to list its adjudication decisions. */
  consensus?: Consensus | null
  /** The words the report prints (e.g. `comparisonReportStringsFor(uiLanguage)`); English by default. */
  strings?: ComparisonReportStrings
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
  /** The stance in the report's language. */
  stanceLabel: string
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
  /** The words of the report's own headings and sentences. */
  strings: ComparisonReportStrings
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

/** A ratio to three places, or `notApplicable` ("n/a" by default) when undefined. Never throws. */
export function formatRatio(x: number | null, notApplicable = 'n/a'): string {
  return x === null ? notApplicable : x.toFixed(3)
}

function cut(text: string): string {
  const points = Array.from(text)
  return points.length > REPORT_QUOTE_LIMIT ? `${points.slice(0, REPORT_QUOTE_LIMIT).join('')}…` : text
}

/** Gather everything a comparison report prints. Never throws. */
export function reportContent(comparison: Comparison, options: ComparisonReportOptions = {}): ReportContent {
  const f = comparison.figures
  const strings = options.strings ?? COMPARISON_REPORT_STRINGS_EN
  const ratio = (x: number | null): string => formatRatio(x, strings.notApplicable)
  const spanScore = (score: SpanScore): string =>
    strings.spanScore(ratio(score.f1), ratio(score.precision), ratio(score.recall), score.tp)
  const row = (name: FigureName, value: string): ReportFigureRow => ({
    label: strings.figureLabels[name],
    value,
    definition: strings.figureDefinitions[name],
  })
  const labelOf = (i: number): string => f.sets[i]?.label ?? ''
  const side = (claim: Claim | null, role: 'A' | 'B'): ReportSide[] =>
    claim
      ? [
          {
            role,
            setLabel: labelOf(role === 'A' ? 0 : 1),
            stance: claim.stance,
            stanceLabel: strings.stance[claim.stance],
            quote: cut(claim.target.quote.exact),
            note: claim.note,
          },
        ]
      : []
  const items = new Map(comparison.items.map((item) => [item.id, item]))
  const consensus = options.consensus ?? null

  return {
    strings,
    title: options.title?.trim() || strings.defaultTitle,
    minOverlap: comparison.minOverlap.toString(),
    sets: comparison.sets.map((s, i) => ({
      role: strings.role(i),
      label: labelOf(i),
      analyst: s.set.analyst,
      claims: s.claims.length,
      orphans: s.orphans.length,
    })),
    setDefinitions: [strings.figureDefinitions.claims, strings.figureDefinitions.orphans],
    figures: [
      row('aligned', String(f.aligned)),
      row('exactSpanMatches', String(f.exactSpanMatches)),
      row('agree', String(f.agree)),
      row('stanceConflicts', String(f.stanceConflicts)),
      row('onlyA', String(f.onlyA)),
      row('onlyB', String(f.onlyB)),
      row('observedAgreement', ratio(f.observedAgreement)),
      row('cohensKappa', ratio(f.cohensKappa)),
      row('spanF1.exact', spanScore(f.spanF1.exact)),
      row('spanF1.overlap', spanScore(f.spanF1.overlap)),
      row('krippendorffAlpha', strings.alphaDetail(ratio(f.krippendorffAlpha), f.alphaUnits, f.sets.length)),
      row('charKappa', ratio(f.charKappa)),
    ],
    confusionLabels: STANCE_OR_NONE.map((s) => strings.stance[s]),
    confusion: STANCE_OR_NONE.map((a) => STANCE_OR_NONE.map((b) => f.confusion[a][b])),
    confusionDefinition: strings.figureDefinitions.confusion,
    disagreements: comparison.items
      .filter((item) => item.kind !== 'agree')
      .map((item) => ({
        kind: strings.kind[item.kind],
        start: item.start,
        end: item.end,
        sides: [...side(item.a, 'A'), ...side(item.b, 'B')],
      })),
    decisions: consensus
      ? consensus.decisions.map((d) => {
          const item = items.get(d.itemId)
          const claim = item?.a ?? item?.b ?? null
          return {
            kind: strings.kind[d.kind],
            quote: claim ? cut(claim.target.quote.exact) : '',
            keep: strings.keep[d.keep] + (d.automatic ? strings.automaticAgreed : ''),
            reason: d.reason,
          }
        })
      : null,
    undecided: consensus?.undecided.length ?? 0,
  }
}
