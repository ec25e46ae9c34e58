/**
 * `critique compare ARTICLE A.jsonld B.jsonld [more sets…] [--min-overlap X] [--json]`:
 * anchor each set on the article as the app does, align their claims and print
 * the agreement figures. `--json` prints the same object the app's Compare
 * view is computed from (`toCliJson`), so the two agree by construction.
 */
import { compareSets, FIGURE_LABELS, toCliJson, type CliComparisonJson } from '../../shared/compare'
import { UsageError, parseArgs, type CliCommand } from '../io'
import { loadAnnotationSet, loadArticle } from '../load-inputs'

function parseMinOverlap(value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (typeof value !== 'string' || !Number.isFinite(n) || n < 0 || n > 1) throw new UsageError(`--min-overlap must be a number from 0 to 1, got ${String(value)}`)
  return n
}

const fmt = (x: number | null): string => (x === null ? 'undefined' : x.toFixed(3))

/** The human-readable listing of a comparison's figures. */
export function comparisonListing(json: CliComparisonJson): string {
  const lines = [
    ...json.sets.map((s, i) => `${String.fromCharCode(65 + i)}: ${s.label} (${s.claims} claims)`),
    `${FIGURE_LABELS.aligned}: ${json.aligned} (${json.exactSpanMatches} exact)`,
    `agree ${json.agree} · stance conflicts ${json.stanceConflicts} · only in A ${json.onlyA} · only in B ${json.onlyB}`,
    `${FIGURE_LABELS.observedAgreement}: ${fmt(json.observedAgreement)}`,
    `${FIGURE_LABELS.cohensKappa}: ${fmt(json.cohensKappa)}`,
    `span F1 exact ${fmt(json.spanF1.exact)} · overlap ${fmt(json.spanF1.overlap)}`,
    `${FIGURE_LABELS.krippendorffAlpha}: ${fmt(json.krippendorffAlpha)}`,
    `${FIGURE_LABELS.charKappa}: ${fmt(json.charKappa)}`,
  ]
  return `${lines.join('\n')}\n`
}

export const run: CliCommand = async (args, io) => {
  const { positionals, options } = parseArgs(args, ['min-overlap'], ['json'])
  if (positionals.length < 3) throw new UsageError('expected an ARTICLE file and at least two annotation sets')
  const minOverlap = parseMinOverlap(options['min-overlap'])
  const article = await loadArticle(io.cwd, positionals[0]!)
  const now = new Date().toISOString()
  const sets = []
  for (const name of positionals.slice(1)) {
    const { set, claims } = await loadAnnotationSet(io.cwd, name, article, now, io)
    sets.push({ set, claims })
  }
  const comparison = compareSets(article.text, sets, minOverlap === undefined ? {} : { minOverlap })
  const json = toCliJson(comparison)
  io.stdout(options.json ? `${JSON.stringify(json)}\n` : comparisonListing(json))
  return 0
}
