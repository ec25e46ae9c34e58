/**
 * An annotation set as a W3C JSON-LD file to save: exported by
 * shared/w3c `exportSet`, checked against the W3C test suite's MUST
 * assertions before anything is written, named after the set's label.
 */
import type { Article } from '../../../shared/article/model'
import type { SaveRequest } from '../../../shared/bridge/contract'
import type { AnnotationSet, Claim } from '../../../shared/claims/model'
import { CritiqueError } from '../../../shared/errors'
import { exportSet, validateW3cDocument } from '../../../shared/w3c'

/** MIME type of the exported files. */
export const W3C_MIME_TYPE = 'application/ld+json'

const MAX_NAME_LENGTH = 80

/**
 * `<label>.jsonld`, with whitespace runs collapsed to one space, characters no
 * file system accepts (`/ \ : * ? " < > |` and control characters) replaced by '-', leading
 * dots dropped and the name cut to 80 characters (code points, never half a
 * surrogate pair). An empty result becomes `annotations.jsonld`.
 */
export function exportFileName(label: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = label.replace(/\s+/g, ' ').replace(/[/\\:*?"<>|\u0000-\u001f\u007f]/g, '-').trim().replace(/^\.+/, '')
  const cut = Array.from(cleaned).slice(0, MAX_NAME_LENGTH).join('').trim()
  return `${cut === '' ? 'annotations' : cut}.jsonld`
}

/**
 * The save request for `set` with `claims` on `article`: pretty-printed
 * JSON-LD (two-space indent, final newline, as the CLI writes it).
 *
 * @throws CritiqueError `export-invalid` when the export fails a W3C MUST
 *   assertion (a bug: it names the first failure, and nothing is saved);
 *   RangeError from `exportSet` for a malformed hash or a claim of another set.
 */
export function w3cExportRequest(article: Pick<Article, 'sha256' | 'text'>, set: AnnotationSet, claims: readonly Claim[]): SaveRequest {
  const doc = exportSet(article, set, claims)
  const report = validateW3cDocument(doc)
  const failure = report.failures[0]
  if (!report.ok || failure !== undefined) {
    const where = failure ? ` (${failure.subject}: ${failure.assertion})` : ''
    throw new CritiqueError('export-invalid', `The set “${set.label}” could not be exported: the file would not be valid W3C Web Annotation${where}. Nothing was saved.`)
  }
  return { suggestedName: exportFileName(set.label), mimeType: W3C_MIME_TYPE, data: `${JSON.stringify(doc, null, 2)}\n` }
}
