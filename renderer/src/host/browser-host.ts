/**
 * The browser host: the bridge implemented with what a plain page has (a file
 * input, downloads, window.print, keyboard accelerators for the in-app menu),
 * so the renderer runs unchanged outside Electron.
 */
import type { FileKind, HostBridge, MenuCommand, MenuState, PickedFile, SaveRequest, SaveResult, TeamHttpResponse } from '../../../shared/bridge/contract'
import { ExternalUrlSchema, MAX_PICKED_FILE_BYTES, PickedFileSchema, TEAM_RESPONSE_HEADERS, TeamHttpRequestSchema, parsePayload } from '../../../shared/bridge/validators'
import { ImportRefusedError } from '../../../shared/errors'

const ACCEPT: Record<FileKind, string> = {
  article: '.txt,.text,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html',
  annotations: '.json,.jsonld,application/json,application/ld+json',
  backup: '.json,application/json',
}

const KIND_LABEL: Readonly<Record<FileKind, string>> = { article: 'articles', annotations: 'annotation files', backup: 'backups' }

/**
 * Read a DOM File into the bridge's PickedFile shape (validated like IPC
 * payloads). With `kind` (a file picked for that purpose), a file over the
 * purpose's limit is refused before it is read: ImportRefusedError
 * 'file-too-large' naming the file and the limit. `source` names where the
 * file came from in a message about a malformed one.
 */
export async function readPickedFile(file: File, kind?: FileKind, source = 'drop'): Promise<PickedFile> {
  if (kind && file.size > MAX_PICKED_FILE_BYTES[kind]) {
    const limit = Math.round(MAX_PICKED_FILE_BYTES[kind] / (1024 * 1024))
    throw new ImportRefusedError('file-too-large', `“${file.name}” is too large: ${KIND_LABEL[kind]} are limited to ${limit} MB. Nothing was changed.`, { fileName: file.name })
  }
  const bytes = new Uint8Array(await file.arrayBuffer())
  return parsePayload(source, PickedFileSchema, { name: file.name, bytes })
}

function pickWithInput(kind: FileKind): Promise<PickedFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = ACCEPT[kind]
    input.style.display = 'none'
    input.dataset.hostPicker = kind
    const done = () => input.remove()
    input.addEventListener('change', () => {
      const file = input.files?.[0]
      done()
      if (!file) return resolve(null)
      readPickedFile(file, kind, 'file picker').then(resolve, reject)
    })
    input.addEventListener('cancel', () => {
      done()
      resolve(null)
    })
    document.body.append(input)
    input.click()
  })
}

function download(request: SaveRequest): SaveResult {
  const blob = new Blob([request.data as BlobPart], { type: request.mimeType })
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = request.suggestedName
  a.rel = 'noopener'
  document.body.append(a)
  a.click()
  a.remove()
  // Give the download a moment to start before the URL is revoked.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return { status: 'saved', name: request.suggestedName }
}

/** Create the browser host. `target` is the window reports open from; the app shell answers the keys (commands/keymap.ts). */
export function createBrowserHost(target: Window = window): HostBridge & { emitMenuCommand(command: MenuCommand): void } {
  const menuListeners = new Set<(command: MenuCommand) => void>()
  const fileListeners = new Set<(file: PickedFile) => void>()
  const emitMenuCommand = (command: MenuCommand) => menuListeners.forEach((l) => l(command))

  return {
    info: { kind: 'browser', platform: navigator.platform },
    pickFile: pickWithInput,
    async saveFile(request) {
      return download(request)
    },
    async printToPdf({ html, suggestedName }) {
      // The browser's own print path: the report opens in a tab whose print
      // dialog offers "Save as PDF". A blob: URL, not a data: URL (browsers
      // refuse top-level data: navigations); the blob document inherits this
      // page's CSP on top of the report's own, and needs neither scripts nor
      // requests. noopener: the tab gets no handle on this window (nor a
      // place in its browsing context group), so nothing in it can reach the
      // app; the price is that the app cannot call print() there, so the tab
      // and the status line say to press Ctrl/⌘+P.
      const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }))
      target.open(url, '_blank', 'noopener,noreferrer')
      setTimeout(() => URL.revokeObjectURL(url), 60_000)
      return { status: 'saved', name: suggestedName }
    },
    async openExternal(url) {
      try {
        parsePayload('openExternal', ExternalUrlSchema, url)
      } catch {
        return false
      }
      target.open(url, '_blank', 'noopener,noreferrer')
      return true
    },
    // The browser host fetches the team server directly; the server answers CORS for configured origins only.
    async teamFetch(payload) {
      // The same checks as the shell's channel: on the configured server, protocol headers only.
      const request = parsePayload('teamFetch', TeamHttpRequestSchema, payload)
      const res = await fetch(request.url, { method: request.method, headers: request.headers, ...(request.body === undefined ? {} : { body: request.body }), credentials: 'omit', redirect: 'manual' })
      if (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400)) throw new Error(`The team server at ${request.server} answered with a redirect; it was not followed.`)
      const headers: TeamHttpResponse['headers'] = {}
      for (const name of TEAM_RESPONSE_HEADERS) {
        const value = res.headers.get(name)
        if (value !== null) headers[name] = value
      }
      return { status: res.status, headers, body: await res.text() }
    },
    onMenuCommand(listener) {
      menuListeners.add(listener)
      return () => menuListeners.delete(listener)
    },
    onOpenFile(listener) {
      fileListeners.add(listener)
      return () => fileListeners.delete(listener)
    },
    setMenuState(_state: MenuState) {
      // The in-app menu reads the app state directly; nothing to forward.
    },
    emitMenuCommand,
  }
}
