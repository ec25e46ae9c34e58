/**
 * `critique import ARTICLE ANNOTATIONS [--out SET.jsonld] [--json]`: read a
 * W3C or Hypothesis annotation file, anchor it on the article exactly as the
 * app does, print how the anchoring went, and with `--out` write the
 * re-anchored set as a W3C AnnotationCollection (orphans kept with their
 * quote only). Without `--out` nothing is written.
 *
 * `--json` prints one object:
 * `{"total","anchored","byPosition","byQuote","fuzzy","orphans":[{"id","quote","position"}],
 * "positionUnit","positionsAssumed","otherUnit","uncheckedPositions"}` (see
 * `ImportAnchoringSummary`); warnings then go to stderr only.
 *
 * ARTICLE is .txt or .md; HTML needs a DOM parser, which only the app has,
 * so an HTML article is refused with a message saying so. Ids the file does
 * not give as UUIDs are derived from the file's hash, so the same inputs
 * give the same set.
 */
import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { exportSet, type ImportAnchoringSummary } from '../../shared/w3c'
import { UsageError, parseArgs, type CliCommand } from '../io'
import { loadAnnotationSet, loadArticle } from '../load-inputs'

function formatSummary(fileName: string, format: string, analyst: string, title: string, s: ImportAnchoringSummary): string {
  const lines = [
    `${fileName} (${format === 'w3c' ? 'W3C Web Annotation' : 'Hypothesis'}${analyst ? `, by ${analyst}` : ''}) on "${title}":`,
    `  ${s.total} claims: ${s.anchored} anchored (${s.byPosition} by position, ${s.byQuote} by quote, ${s.fuzzy} fuzzy), ${s.orphans.length} orphaned`,
    ...s.orphans.map((o) => {
      const at = o.position === null ? '' : ` (offsets ${o.position.start}-${o.position.end} in ${s.positionUnit === 'code-points' ? 'code points' : 'UTF-16 code units'})`
      return `  orphan ${o.id}: ${o.quote === '' ? '(no quote)' : JSON.stringify(o.quote)}${at}`
    }),
  ]
  return `${lines.join('\n')}\n`
}

export const run: CliCommand = async (args, io) => {
  const { positionals, options } = parseArgs(args, ['out'], ['json'])
  if (positionals.length !== 2) throw new UsageError('expected an ARTICLE file and an ANNOTATIONS file')
  const json = options.json === true
  const out = typeof options.out === 'string' ? options.out : undefined

  const article = await loadArticle(io.cwd, positionals[0]!)
  const { fileName, parsed, set, claims, anchoring } = await loadAnnotationSet(io.cwd, positionals[1]!, article, new Date().toISOString(), io)

  const { summary } = anchoring
  io.stdout(json ? `${JSON.stringify(summary)}\n` : formatSummary(fileName, parsed.format, parsed.analyst, article.title, summary))
  if (out !== undefined) {
    await writeFile(resolve(io.cwd, out), `${JSON.stringify(exportSet(article, set, claims), null, 2)}\n`)
    const kept = summary.orphans.length > 0 ? ` (${summary.orphans.length} orphans kept with their quote only)` : ''
    if (!json) io.stdout(`wrote ${out}: ${claims.length} claims as a W3C AnnotationCollection${kept}\n`)
  } else if (!json) {
    io.stdout('(nothing written: pass --out SET.jsonld to write the re-anchored set)\n')
  }
  return 0
}
