/**
 * HTML report -> PDF file. The report is rendered in a hidden, sandboxed
 * window with JavaScript off, in its own in-memory session that refuses every
 * request but the report file itself, and the page carries a CSP that allows
 * only inline styles and data: images: whatever a note contains, the PDF can
 * show nothing from the disk or the network.
 */
import { BrowserWindow, session as electronSession, type BaseWindow, type Session } from 'electron'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { SaveResult } from '../../shared/bridge/contract'
import { chooseSavePath } from './host-files'
import { lockDownSession } from './session-policy'
import { secureWebPreferences } from './window'

/** In-memory session (no `persist:`): nothing the printer loads is kept. */
const PRINT_PARTITION = 'critique-print'

/** Policy for the printed page: no scripts, frames, fetches or files; inline styles and data: images only. */
export const PRINT_CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'"

const PRINT_CSP_META = `<meta http-equiv="Content-Security-Policy" content="${PRINT_CONTENT_SECURITY_POLICY}">`

/**
 * `html` with the print CSP `<meta>` inserted as early as it takes effect:
 * right after the opening `<head>` tag, else after `<html>`, else after the
 * doctype, else at the very start. Pure.
 */
export function withPrintCsp(html: string): string {
  for (const pattern of [/<head(\s[^>]*)?>/i, /<html(\s[^>]*)?>/i, /<!doctype[^>]*>/i]) {
    const match = pattern.exec(html)
    if (match !== null) {
      const end = match.index + match[0].length
      return `${html.slice(0, end)}${PRINT_CSP_META}${html.slice(end)}`
    }
  }
  return `${PRINT_CSP_META}${html}`
}

/** URLs the print session may load: only report files being printed right now. */
const printableUrls = new Set<string>()
let printSession: Session | null = null

function getPrintSession(): Session {
  if (printSession !== null) return printSession
  const created = electronSession.fromPartition(PRINT_PARTITION)
  lockDownSession(created, { enforceCsp: false })
  created.webRequest.onBeforeRequest((details, callback) => {
    const allowed = printableUrls.has(details.url) || details.url.startsWith('data:')
    if (!allowed) console.warn(`[security] print window blocked ${details.url.slice(0, 200)}`)
    callback({ cancel: !allowed })
  })
  printSession = created
  return created
}

/**
 * Render `html` to PDF bytes (A4, backgrounds printed). The page is written
 * to a private temporary folder, loaded in a hidden window and removed
 * afterwards, whatever happens. Rejects when loading or printing fails.
 */
export async function renderPdf(html: string): Promise<Uint8Array> {
  const folder = await mkdtemp(join(tmpdir(), 'critique-print-'))
  const file = join(folder, 'report.html')
  const url = pathToFileURL(file).href
  const window = new BrowserWindow({
    show: false,
    webPreferences: { ...secureWebPreferences(null), javascript: false, session: getPrintSession() },
  })
  try {
    await writeFile(file, withPrintCsp(html), 'utf8')
    printableUrls.add(url)
    await window.loadFile(file)
    const pdf = await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' })
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength)
  } finally {
    printableUrls.delete(url)
    window.destroy()
    await rm(folder, { recursive: true, force: true })
  }
}

/**
 * Ask where to save the PDF (before rendering, so cancelling costs nothing),
 * then render and write it. `{status: 'cancelled'}` when the user cancels.
 */
export async function printToPdf(
  request: { html: string; suggestedName: string },
  window: BaseWindow | null,
  defaultFolder: string,
): Promise<SaveResult> {
  const path = await chooseSavePath(request.suggestedName, 'application/pdf', window, defaultFolder)
  if (path === null) return { status: 'cancelled' }
  const pdf = await renderPdf(request.html)
  await writeFile(path, pdf)
  return { status: 'saved', name: basename(path) }
}
