/**
 * `critique validate FILE`: check a W3C Web Annotation file (one annotation,
 * an array, a page or a collection) against the MUST assertions of the W3C
 * Web Annotation test suite, and that every TextQuoteSelector's exact text is
 * well-formed Unicode (no half surrogate pair), the same checks the app runs on import. Prints
 * what was checked and every failure; exits 1 on any failure.
 */
import {
  ANNOTATION_MUSTS,
  COLLECTION_MUSTS,
  isHypothesisJson,
  parseJsonGuarded,
  validateW3cDocument,
  type W3cValidationReport,
} from '../../shared/w3c'
import { UsageError, parseArgs, type CliCommand } from '../io'
import { readAnnotationFile } from '../read-annotation-file'

/** Failures listed in full before the rest are only counted. */
const MAX_LISTED_FAILURES = 50

const KIND_NAMES: Record<W3cValidationReport['kind'], string> = {
  annotation: 'one annotation',
  'annotation-list': 'an array of annotations',
  page: 'an AnnotationPage',
  collection: 'an AnnotationCollection',
}

/** The human summary of a report on `fileName`. */
export function formatValidationReport(fileName: string, report: W3cValidationReport): string {
  const lines = [`${fileName}: ${KIND_NAMES[report.kind]}, ${report.annotations} annotation${report.annotations === 1 ? '' : 's'} checked`]
  if (report.kind === 'collection') lines.push(`  collection: ${COLLECTION_MUSTS.length} MUST assertions (collections/collectionMusts.test)`)
  lines.push(`  each annotation: ${ANNOTATION_MUSTS.length} MUST assertions (annotations/annotationMusts.test) and the app's well-formed quote check`)
  lines.push(`  ${report.checks} checks run, ${report.failures.length} failed`)
  for (const f of report.failures.slice(0, MAX_LISTED_FAILURES)) lines.push(`  FAIL ${f.subject} ${f.assertion}: ${f.message.replace(/^ERROR:\s*/, '')}`)
  if (report.failures.length > MAX_LISTED_FAILURES) lines.push(`  ... and ${report.failures.length - MAX_LISTED_FAILURES} more failures`)
  lines.push(report.ok ? 'OK: valid W3C Web Annotation JSON' : 'INVALID: fails the W3C Web Annotation MUST assertions')
  return `${lines.join('\n')}\n`
}

export const run: CliCommand = async (args, io) => {
  const { positionals } = parseArgs(args, [], [])
  if (positionals.length !== 1) throw new UsageError('expected one FILE')
  const { fileName, text } = await readAnnotationFile(io.cwd, positionals[0]!)
  const value = parseJsonGuarded(text, fileName)
  const report = validateW3cDocument(value)
  io.stdout(formatValidationReport(fileName, report))
  if (!report.ok && isHypothesisJson(value)) {
    io.stderr(`note: "${fileName}" is Hypothesis API JSON, not W3C; \`critique import\` reads it as such.\n`)
  }
  return report.ok ? 0 : 1
}
