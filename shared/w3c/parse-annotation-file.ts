/**
 * The one entry point for annotation files: W3C Web Annotation JSON-LD (the
 * app's own export and other tools') or Hypothesis API JSON, told apart by
 * shape. Whatever the input, the result is a {@link ParsedAnnotations} or an
 * ImportRefusedError: nothing else is thrown.
 */
import { ImportRefusedError } from '../errors'
import { refuse, type ParsedAnnotations } from './imported'
import { isHypothesisJson, readHypothesisJson } from './import-hypothesis'
import { readW3cDocument } from './import-w3c'
import { parseJsonGuarded } from './json-guard'

/** True when a top-level object says it is JSON-LD / W3C (it has `@context` or `type`). */
function looksW3c(value: unknown): boolean {
  if (Array.isArray(value)) return true
  return typeof value === 'object' && value !== null && ('@context' in value || 'type' in value)
}

/**
 * Parse an annotation file's text.
 *
 * Accepted: one W3C Annotation, an array of them, an AnnotationPage, an
 * AnnotationCollection with its first page embedded; a Hypothesis search
 * result `{total, rows}`, the Hypothesis client's export file
 * `{export_date, export_userid, client_version, annotations}`, an array of
 * Hypothesis rows, or one Hypothesis annotation.
 *
 * @throws ImportRefusedError, with a message naming the file, the problem
 *   and (where it is one item) the item index: `too-large`, `too-deep`,
 *   `not-json` (see `parseJsonGuarded`); `wrong-shape` for JSON of neither
 *   format or malformed items; `not-w3c` for a W3C document failing a MUST
 *   assertion of the W3C test suite; `unknown-selectors`; `unsafe-url`.
 *   Any other failure while reading (a bug) is wrapped as `unreadable`, so
 *   callers need handle one error type only.
 */
export function parseAnnotationFile(jsonText: string, fileName: string): ParsedAnnotations {
  const value = parseJsonGuarded(jsonText, fileName)
  try {
    if (isHypothesisJson(value)) return readHypothesisJson(value, fileName)
    if (looksW3c(value)) return readW3cDocument(value, fileName)
  } catch (error) {
    if (error instanceof ImportRefusedError) throw error
    throw refuse('unreadable', fileName, `could not be read (${error instanceof Error ? error.message : String(error)}).`)
  }
  throw refuse('wrong-shape', fileName, 'is neither a W3C Web Annotation document (it has no @context or type) nor Hypothesis JSON (API rows or the client’s export file).')
}
