/**
 * Files the renderer asks for: open dialogs filtered by kind with a size
 * limit, and save dialogs that write what the renderer produced. The renderer
 * only ever sees base names and bytes, never a path.
 */
import { translate, type Locale } from '../../shared/i18n/catalog'
import { dialog, type BaseWindow, type FileFilter } from 'electron'
import { writeFile } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import type { FileKind, PickedFile, SaveRequest, SaveResult } from '../../shared/bridge/contract'
import { MAX_PICKED_FILE_BYTES } from '../../shared/bridge/validators'
import { readLocalFile } from './read-local-file'

/** Largest file accepted per kind: articles 20 MB, annotation files 50 MB, backups 200 MB (shared/bridge/validators.ts). */
export const MAX_FILE_BYTES: Readonly<Record<FileKind, number>> = MAX_PICKED_FILE_BYTES

const allFiles = (locale: Locale): FileFilter => ({ name: translate(locale, 'dialogs.allFiles'), extensions: ['*'] })

/** Open-dialog filters per kind, named in `locale`; "All Files" last so an odd extension is still reachable. */
export function openFilters(kind: FileKind, locale: Locale): FileFilter[] {
  if (kind === 'article') return [{ name: translate(locale, 'dialogs.articles'), extensions: ['txt', 'md', 'markdown', 'html', 'htm'] }, allFiles(locale)]
  if (kind === 'backup') return [{ name: translate(locale, 'dialogs.backups'), extensions: ['json'] }, allFiles(locale)]
  return [{ name: translate(locale, 'dialogs.annotationSets'), extensions: ['jsonld', 'json'] }, allFiles(locale)]
}

const KIND_LABEL: Readonly<Record<FileKind, string>> = { article: 'articles', annotations: 'annotation files', backup: 'backups' }
const DIALOG_TITLE: Readonly<Record<FileKind, string>> = { article: 'dialogs.openArticleTitle', annotations: 'dialogs.importTitle', backup: 'dialogs.restoreTitle' }

/**
 * Read the file at `path` whole, as the bridge hands it over: base name and
 * bytes. The path is checked before it is opened and the read is
 * time-bounded (see read-local-file.ts).
 *
 * @throws ImportRefusedError `not-a-file` when the path is a folder, FIFO or
 *   device, `file-too-large` when it exceeds `MAX_FILE_BYTES[kind]`,
 *   `file-timeout` when it cannot be read in time, or `file-unreadable` when it
 *   is missing or cannot be opened or read.
 */
export async function readPickedFile(path: string, kind: FileKind): Promise<PickedFile> {
  return readLocalFile(path, { maxBytes: MAX_FILE_BYTES[kind], label: KIND_LABEL[kind] })
}

/**
 * Save-dialog filters for a file named `suggestedName`: one filter for its
 * extension (named after the MIME type's subtype), then "All Files". Only
 * "All Files" when the name has no extension.
 */
export function saveFilters(suggestedName: string, mimeType: string, locale: Locale = 'en'): FileFilter[] {
  const extension = extname(suggestedName).slice(1)
  if (extension === '') return [allFiles(locale)]
  const subtype = mimeType.split(';', 1)[0]?.split('/')[1] ?? extension
  return [{ name: `${subtype.toUpperCase()} (*.${extension})`, extensions: [extension] }, allFiles(locale)]
}

/** Ask for a file of `kind`, modal to `window`, in `locale`; null when the user cancels. See `readPickedFile` for failures. */
export async function pickFile(kind: FileKind, window: BaseWindow | null, locale: Locale = 'en'): Promise<PickedFile | null> {
  const options = {
    title: translate(locale, DIALOG_TITLE[kind]),
    properties: ['openFile'] as Array<'openFile'>,
    filters: openFilters(kind, locale),
  }
  const result = window === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(window, options)
  const path = result.filePaths[0]
  if (result.canceled || path === undefined) return null
  return readPickedFile(path, kind)
}

/**
 * Ask where to save, modal to `window`, starting in `defaultFolder` with the
 * suggested name. The chosen path, or null when the user cancels.
 */
export async function chooseSavePath(
  suggestedName: string,
  mimeType: string,
  window: BaseWindow | null,
  defaultFolder: string,
  locale: Locale = 'en',
): Promise<string | null> {
  const options = { defaultPath: join(defaultFolder, suggestedName), filters: saveFilters(suggestedName, mimeType, locale) }
  const result = window === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(window, options)
  return result.canceled || result.filePath === '' ? null : result.filePath
}

/**
 * Save `request` to a file the user chooses (text as UTF-8, bytes as they
 * are). `{status: 'cancelled'}` when the user cancels; write failures reject
 * with the file system's error.
 */
export async function saveFile(request: SaveRequest, window: BaseWindow | null, defaultFolder: string, locale: Locale = 'en'): Promise<SaveResult> {
  const path = await chooseSavePath(request.suggestedName, request.mimeType, window, defaultFolder, locale)
  if (path === null) return { status: 'cancelled' }
  await writeFile(path, request.data)
  return { status: 'saved', name: basename(path) }
}
