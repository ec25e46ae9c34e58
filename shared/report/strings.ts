/**
 * Every word a critique report prints, in one table, so a report can be made
 * in another language by passing another table. Entries that embed numbers are
 * functions, because word order and counters differ between languages.
 *
 * Renderers escape whatever these return like any other text, so a catalog
 * cannot inject markup either.
 */
import type { Stance, Strength } from '../claims/model'

/** Column headings of the CSV report, in column order (see `render-csv.ts`). */
export interface ReportCsvColumns {
  number: string
  claimId: string
  section: string
  paragraph: string
  stance: string
  quote: string
  note: string
  evidence: string
  counterpoints: string
  orphan: string
  start: string
  end: string
  author: string
  modified: string
}

/** The words of a critique report. See {@link REPORT_STRINGS_EN} for the English table. */
export interface ReportStrings {
  /** BCP 47 tag of the language these strings are in; becomes `<html lang>`. */
  lang: string
  /** The report's main heading and HTML title, naming the article. */
  reportTitle: (articleTitle: string) => string
  /** Shown when the article has no title. */
  untitledArticle: string
  articleLabel: string
  publishedLabel: string
  /** Shown for the publication date when the article gives none. */
  notDated: string
  sourceFileLabel: string
  sha256Label: string
  analystLabel: string
  setLabel: string
  generatedLabel: string

  summaryHeading: string
  totalClaims: string
  shareSpeculative: string
  /** A share of the whole, 0-100, already rounded to a whole number. */
  percent: (value: number) => string
  withEvidence: string
  withCounterpoints: string
  withBoth: string
  withNeither: string
  certaintyWithoutEvidence: string

  chartHeading: string
  chartTitle: string
  /** One sentence per bar group for the chart's accessible description. */
  chartGroupDescription: (group: string, evidenced: number, speculative: number) => string
  chartAllClaims: string
  sectionColumn: string

  claimsHeading: string
  /** Label of the section before the article's first heading. */
  frontSection: string
  /** Label of the only section of an article that has no headings. */
  wholeArticle: string
  /** One line naming, in order, the sections that have no claims (a report lists only sections with claims). */
  sectionsWithoutClaims: (labels: readonly string[]) => string
  emptySet: string

  claimHeading: (number: number) => string
  paragraph: (number: number) => string
  stance: Record<Stance, string>
  strength: Record<Strength, string>
  noteLabel: string
  evidenceLabel: string
  noEvidence: string
  counterpointsLabel: string
  noCounterpoints: string
  sourceLabel: string
  /** Follows a URL that is shown but not linked because its scheme is not http, https or mailto. */
  notLinked: string

  orphansHeading: string
  orphansIntro: string

  yes: string
  no: string
  csv: ReportCsvColumns
}

/** The English report strings: the default of every renderer. */
export const REPORT_STRINGS_EN: ReportStrings = {
  lang: 'en',
  reportTitle: (articleTitle) => `Critique report: ${articleTitle}`,
  untitledArticle: 'Untitled article',
  articleLabel: 'Article',
  publishedLabel: 'Published',
  notDated: 'not dated',
  sourceFileLabel: 'Source file',
  sha256Label: 'Text SHA-256',
  analystLabel: 'Analyst',
  setLabel: 'Set',
  generatedLabel: 'Generated',

  summaryHeading: 'Summary',
  totalClaims: 'Claims',
  shareSpeculative: 'Share speculative',
  percent: (value) => `${value}%`,
  withEvidence: 'With evidence',
  withCounterpoints: 'With counterpoints',
  withBoth: 'With both evidence and counterpoints',
  withNeither: 'With neither evidence nor counterpoints',
  certaintyWithoutEvidence: 'Certainty without evidence',

  chartHeading: 'Stance by section',
  chartTitle: 'Claims by stance, overall and per section',
  chartGroupDescription: (group, evidenced, speculative) =>
    `${group}: ${evidenced} evidenced, ${speculative} speculative.`,
  chartAllClaims: 'All claims',
  sectionColumn: 'Section',

  claimsHeading: 'Claims',
  frontSection: 'Introduction',
  wholeArticle: 'Article',
  sectionsWithoutClaims: (labels) => `Sections without claims: ${labels.join('; ')}.`,
  emptySet: 'This set has no claims yet.',

  claimHeading: (number) => `Claim ${number}`,
  paragraph: (number) => `¶ ${number}`,
  stance: { evidenced: 'Evidenced', speculative: 'Speculative' },
  strength: { weak: 'weak', moderate: 'moderate', strong: 'strong' },
  noteLabel: 'Note',
  evidenceLabel: 'Evidence',
  noEvidence: 'None recorded.',
  counterpointsLabel: 'Counterpoints',
  noCounterpoints: 'None recorded.',
  sourceLabel: 'Source',
  notLinked: '(not linked)',

  orphansHeading: 'Appendix: orphaned claims',
  orphansIntro:
    'These claims could no longer be found in the article text; they are listed with the quote they were made on.',

  yes: 'yes',
  no: 'no',
  csv: {
    number: '#',
    claimId: 'Claim ID',
    section: 'Section',
    paragraph: 'Paragraph',
    stance: 'Stance',
    quote: 'Quote',
    note: 'Note',
    evidence: 'Evidence',
    counterpoints: 'Counterpoints',
    orphan: 'Orphan',
    start: 'Start',
    end: 'End',
    author: 'Author',
    modified: 'Modified',
  },
}
