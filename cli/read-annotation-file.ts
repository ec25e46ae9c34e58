/**
 * Reading annotation files for the CLI: size-checked before reading, strict
 * UTF-8, with the same limit and refusals the app applies.
 */
import { readFile, stat } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { ImportRefusedError } from '../shared/errors'
import { MAX_ANNOTATION_FILE_BYTES } from '../shared/w3c'

/**
 * The text of the annotation file `name` (relative to `cwd`), with a leading
 * byte order mark dropped, and its base name for messages.
 *
 * @throws ImportRefusedError `unreadable` (missing, a directory, no access),
 *   `too-large` (over MAX_ANNOTATION_FILE_BYTES, refused before reading), or
 *   `not-utf8`.
 */
export async function readAnnotationFile(cwd: string, name: string): Promise<{ fileName: string; text: string }> {
  const path = resolve(cwd, name)
  const fileName = basename(path)
  let bytes: Uint8Array
  try {
    const info = await stat(path)
    if (info.size > MAX_ANNOTATION_FILE_BYTES) {
      throw new ImportRefusedError('too-large', `"${fileName}" is larger than ${MAX_ANNOTATION_FILE_BYTES / (1024 * 1024)} MB, the most an annotation file may be.`, { fileName })
    }
    bytes = await readFile(path)
  } catch (cause) {
    if (cause instanceof ImportRefusedError) throw cause
    throw new ImportRefusedError('unreadable', `Cannot read "${name}": ${(cause as Error).message}`, { fileName, cause })
  }
  try {
    return { fileName, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
  } catch (cause) {
    throw new ImportRefusedError('not-utf8', `"${fileName}" is not UTF-8 text; annotation files are JSON in UTF-8.`, { fileName, cause })
  }
}
