/**
 * Every word a comparison report prints, in one table, so the report can be
 * written in the UI's language by passing another table (as the critique
 * report does with `ReportStrings`). Entries that embed numbers are
 * functions, because word order and counters differ between languages.
 *
 * Renderers escape whatever these return like any other text, so a table
 * cannot inject markup either.
 */
import type { Keep } from './consensus'
import { FIGURE_DEFINITIONS, FIGURE_LABELS, type FigureName } from './definitions'
import type { ItemKind, StanceOrNone } from './model'

/** The words of a comparison report. See {@link COMPARISON_REPORT_STRINGS_EN} for the English table. */
export interface ComparisonReportStrings {
  /** BCP 47 tag of the language these strings are in; the HTML's `<html lang>` unless one is given. */
  lang: string
  /** Title used when the caller gives none. */
  defaultTitle: string
  /**
   * The title the app gives a report: the article's title (may be empty)
   * and the labels of the sets compared, A first.
   */
  versusTitle: (articleTitle: string, labels: readonly string[]) => string
  /** The line under the title stating the alignment threshold. */
  minOverlap: (value: string) => string

  setsHeading: string
  setColumns: { role: string; set: string; analyst: string; claims: string; orphans: string }
  /** Role of the set at `index` (0 is A, 1 is B). */
  role: (index: number) => string

  figuresHeading: string
  figureColumns: { figure: string; value: string; definition: string }
  figureLabels: Readonly<Record<FigureName, string>>
  figureDefinitions: Readonly<Record<FigureName, string>>
  /** Printed for a figure that is undefined (null in JSON). */
  notApplicable: string
  /** A span F1 with its precision, recall and number of matches, each already formatted. */
  spanScore: (f1: string, precision: string, recall: string, matched: number) => string
  /** Krippendorff's α with the number of units and of sets it was computed on. */
  alphaDetail: (alpha: string, units: number, sets: number) => string

  confusionHeading: string
  /** Top-left cell of the confusion matrix: rows are A, columns B. */
  confusionCorner: string
  /** Prefix of the line that defines the confusion matrix (Markdown). */
  definitionPrefix: string
  stance: Readonly<Record<StanceOrNone, string>>

  disagreementsHeading: (count: number) => string
  noDisagreements: string
  /** Where an item is in the text, as character offsets. */
  characters: (start: number, end: number) => string
  kind: Readonly<Record<ItemKind, string>>
  notePrefix: string
  quoteOpen: string
  quoteClose: string

  adjudicationHeading: (decisions: number) => string
  undecided: (count: number) => string
  decisionColumns: { item: string; quote: string; decision: string; reason: string }
  keep: Readonly<Record<Keep, string>>
  /** Follows the keep label of a decision made automatically because A and B agreed. */
  automaticAgreed: string
}

/** "1 decision", "2 decisions": English count phrases. */
function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`
}

/** The English comparison report strings: the default of both renderers. */
export const COMPARISON_REPORT_STRINGS_EN: ComparisonReportStrings = {
  lang: 'en',
  defaultTitle: 'Comparison of annotation sets',
  versusTitle: (articleTitle, labels) => {
    const [a = 'A', b = 'B', ...rest] = labels
    const others = rest.length ? ` (and ${rest.join(', ')})` : ''
    const title = articleTitle.trim()
    return `${title ? `${title}: ` : ''}${a} vs ${b}${others}`
  },
  minOverlap: (value) => `Minimum overlap for alignment (Jaccard): ${value}`,

  setsHeading: 'Sets',
  setColumns: { role: 'Role', set: 'Set', analyst: 'Analyst', claims: 'Claims', orphans: 'Orphans' },
  role: (index) => (index === 0 ? 'A' : index === 1 ? 'B' : `set ${index + 1}`),

  figuresHeading: 'Figures',
  figureColumns: { figure: 'Figure', value: 'Value', definition: 'Definition' },
  figureLabels: FIGURE_LABELS,
  figureDefinitions: FIGURE_DEFINITIONS,
  notApplicable: 'n/a',
  spanScore: (f1, precision, recall, matched) => `${f1} (precision ${precision}, recall ${recall}; ${matched} matched)`,
  alphaDetail: (alpha, units, sets) => `${alpha} (${countOf(units, 'unit')}, ${sets} sets)`,

  confusionHeading: 'Confusion matrix',
  confusionCorner: 'A \\ B',
  definitionPrefix: 'Definition: ',
  stance: { evidenced: 'evidenced', speculative: 'speculative', none: 'none' },

  disagreementsHeading: (count) => `Disagreements (${count})`,
  noDisagreements: 'None: every claim aligned with a claim of the same stance.',
  characters: (start, end) => `characters ${start}–${end}`,
  kind: { agree: 'Agree', conflict: 'Stance conflict', onlyA: 'Only in A', onlyB: 'Only in B' },
  notePrefix: 'Note: ',
  quoteOpen: '“',
  quoteClose: '”',

  adjudicationHeading: (decisions) => `Adjudication (${countOf(decisions, 'decision')})`,
  undecided: (n) =>
    `${countOf(n, 'disagreement was', 'disagreements were')} left undecided and ${n === 1 ? 'is' : 'are'} not in the consensus.`,
  decisionColumns: { item: 'Item', quote: 'Quote', decision: 'Decision', reason: 'Reason' },
  keep: { A: 'kept A', B: 'kept B', both: 'kept both', neither: 'kept neither' },
  automaticAgreed: ' (automatic: agreed)',
}
