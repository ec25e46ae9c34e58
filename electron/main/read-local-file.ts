/**
 * Reading a file the user named (picked in a dialog or passed on the command
 * line) without trusting what the path is. Node only, no Electron: unit-tested
 * against real FIFOs, folders and symbolic links.
 *
 * Why each step: opening a FIFO for reading blocks until some writer opens it,
 * and a read from a FIFO, a device or a stalled network mount can block
 * forever, each holding one of libuv's four threads, which also serve the
 * app's own pages (app://). So the path is checked with lstat before anything
 * opens it, opened non-blocking, checked again on the open handle (the path
 * may have been swapped in between), and every read is time-bounded.
 */
import { constants } from 'node:fs'
import { lstat, open, realpath, type FileHandle } from 'node:fs/promises'
import { basename } from 'node:path'
import { ImportRefusedError, type ImportErrorCode } from '../../shared/errors'

const MEGABYTE = 1024 * 1024
/** How long opening and reading one file may take before it is refused. */
export const DEFAULT_READ_TIMEOUT_MS = 30_000

/** What a file is for: its size limit and the words that name such files in a refusal. */
export interface LocalFilePurpose {
  /** Largest accepted size in bytes. */
  maxBytes: number
  /** Plural noun for the refusal, e.g. "articles". */
  label: string
  /** Give up (and refuse the file) after this long; default {@link DEFAULT_READ_TIMEOUT_MS}. */
  timeoutMs?: number
}

/** How a file is opened: fs/promises' `open`; tests pass one that stalls, as a hung network mount does. */
export type OpenFile = (path: string, flags: number) => Promise<FileHandle>

/**
 * Read the regular file at `path` whole, within `purpose`'s size and time
 * limits. A symbolic link is followed once to what it names, which must be a
 * regular file itself.
 *
 * `openFile` is for tests only.
 *
 * @returns the base name (as the user knows the file) and its bytes, as a
 *   plain Uint8Array view (what the bridge's validators and IPC expect).
 * @throws ImportRefusedError `not-a-file` when the path is a folder, FIFO,
 *   socket or device (nothing is opened), `file-too-large` when it exceeds
 *   `purpose.maxBytes` (checked before reading and again on the bytes read),
 *   `file-timeout` when opening and reading take longer than the time limit,
 *   or `file-unreadable` when it is missing or cannot be opened or read.
 */
export async function readLocalFile(
  path: string,
  purpose: LocalFilePurpose,
  openFile: OpenFile = open,
): Promise<{ name: string; bytes: Uint8Array }> {
  const name = basename(path)
  const timeoutMs = purpose.timeoutMs ?? DEFAULT_READ_TIMEOUT_MS
  const refuse = (code: ImportErrorCode, message: string, cause?: unknown) => new ImportRefusedError(code, message, { fileName: name, cause })
  const notAFile = () => refuse('not-a-file', `“${name}” is not a regular file (a folder, pipe or device cannot be opened).`)
  const tooLarge = () => refuse('file-too-large', `“${name}” is too large: ${purpose.label} are limited to ${Math.round(purpose.maxBytes / MEGABYTE)} MB.`)

  let target = path
  let info = await lstat(path).catch((cause: unknown) => {
    throw refuse('file-unreadable', `“${name}” could not be opened.`, cause)
  })
  if (info.isSymbolicLink()) {
    target = await realpath(path).catch((cause: unknown) => {
      throw refuse('file-unreadable', `“${name}” is a link to nothing that can be opened.`, cause)
    })
    info = await lstat(target).catch((cause: unknown) => {
      throw refuse('file-unreadable', `“${name}” could not be opened.`, cause)
    })
  }
  if (!info.isFile()) throw notAFile()
  if (info.size > purpose.maxBytes) throw tooLarge()

  const controller = new AbortController()
  let timer: ReturnType<typeof setTimeout> | undefined
  const timedOut = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      controller.abort()
      reject(refuse('file-timeout', `“${name}” could not be read within ${Math.round(timeoutMs / 1000)} s.`))
    }, timeoutMs)
  })
  const reading = readRegularFile(target, purpose.maxBytes, controller.signal, openFile, { name, notAFile, tooLarge, refuse })
  // Past the time limit nobody awaits the read any more; its late failure must not go unhandled.
  reading.catch(() => undefined)
  try {
    return { name, bytes: await Promise.race([reading, timedOut]) }
  } finally {
    clearTimeout(timer)
  }
}

interface Refusals {
  /** The name the user knows the file by (the link's, not its target's). */
  name: string
  notAFile(): ImportRefusedError
  tooLarge(): ImportRefusedError
  refuse(code: string, message: string, cause?: unknown): ImportRefusedError
}

/** Open `target` without blocking, check the handle is a regular file within `maxBytes`, read it; always closes what it opened. */
async function readRegularFile(target: string, maxBytes: number, signal: AbortSignal, openFile: OpenFile, refusals: Refusals): Promise<Uint8Array> {
  const { name, notAFile, tooLarge, refuse } = refusals
  // O_NONBLOCK: should the path have become a FIFO since lstat, open returns at once instead of waiting for a writer.
  const handle = await openFile(target, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)).catch((cause: unknown) => {
    throw refuse('file-unreadable', `“${name}” could not be opened.`, cause)
  })
  try {
    // Opened only after the time limit: the caller has refused the file already.
    if (signal.aborted) throw refuse('file-timeout', `“${name}” could not be read in time.`)
    const opened = await handle.stat()
    if (!opened.isFile()) throw notAFile()
    if (opened.size > maxBytes) throw tooLarge()
    const buffer = await handle.readFile({ signal }).catch((cause: unknown) => {
      throw refuse('file-unreadable', `“${name}” could not be read.`, cause)
    })
    if (buffer.byteLength > maxBytes) throw tooLarge()
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
  } finally {
    await handle.close().catch(() => undefined)
  }
}
