/**
 * The host side of the bridge: one IPC handler per channel. Each handler first
 * checks who is calling (`isTrustedSender`), then parses the payload with the
 * shared validators, and only then does the work; malformed or foreign calls
 * never reach a dialog, the file system or the shell.
 */
import type { IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron'
import { CHANNELS, type FileKind, type MenuState, type PickedFile, type SaveRequest, type SaveResult, type TeamHttpRequest, type TeamHttpResponse } from '../../shared/bridge/contract'
import {
  ExternalUrlSchema,
  FileKindSchema,
  MenuStateSchema,
  PrintRequestSchema,
  SaveRequestSchema,
  TeamHttpRequestSchema,
  parsePayload,
} from '../../shared/bridge/validators'
import { CritiqueError } from '../../shared/errors'

/** The work behind each channel, given already-validated arguments and the calling contents. */
export interface HostOperations {
  pickFile(kind: FileKind, sender: WebContents): Promise<PickedFile | null>
  saveFile(request: SaveRequest, sender: WebContents): Promise<SaveResult>
  printToPdf(request: { html: string; suggestedName: string }, sender: WebContents): Promise<SaveResult>
  openExternal(url: string): Promise<boolean>
  teamFetch(request: TeamHttpRequest): Promise<TeamHttpResponse>
  setMenuState(state: MenuState): void
}

/** The part of `ipcMain` used here; a fake in tests. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void
  on(channel: string, listener: (event: IpcMainEvent, ...args: unknown[]) => void): unknown
}

/** A call from a frame that is not the bundle's main frame. */
export class UntrustedSenderError extends CritiqueError {
  constructor(channel: string) {
    super('untrusted-sender', `This page is not allowed to use "${channel}".`)
  }
}

/**
 * Register the bridge's channels on `ipcMain`. `isTrusted` decides per event
 * (normally `isTrustedSender`); an untrusted invoke rejects with
 * {@link UntrustedSenderError}, an untrusted `setMenuState` is dropped and
 * logged. Payloads that fail validation reject with `BridgePayloadError`
 * (or, for `setMenuState`, are dropped and logged). Extra arguments are
 * ignored. Call once.
 */
export function registerHostIpc(
  ipcMain: IpcMainLike,
  operations: HostOperations,
  isTrusted: (event: IpcMainEvent | IpcMainInvokeEvent) => boolean,
): void {
  const guarded = <T>(channel: string, work: (event: IpcMainInvokeEvent, payload: unknown) => Promise<T>): void => {
    ipcMain.handle(channel, async (event, payload) => {
      if (!isTrusted(event)) {
        console.warn(`[security] refused ${channel} from ${describeSender(event)}`)
        throw new UntrustedSenderError(channel)
      }
      return work(event, payload)
    })
  }

  guarded(CHANNELS.pickFile, (event, payload) =>
    operations.pickFile(parsePayload(CHANNELS.pickFile, FileKindSchema, payload), event.sender),
  )
  guarded(CHANNELS.saveFile, (event, payload) =>
    operations.saveFile(parsePayload(CHANNELS.saveFile, SaveRequestSchema, payload), event.sender),
  )
  guarded(CHANNELS.printToPdf, (event, payload) =>
    operations.printToPdf(parsePayload(CHANNELS.printToPdf, PrintRequestSchema, payload), event.sender),
  )
  guarded(CHANNELS.openExternal, (_event, payload) =>
    operations.openExternal(parsePayload(CHANNELS.openExternal, ExternalUrlSchema, payload)),
  )
  guarded(CHANNELS.teamFetch, (_event, payload) =>
    operations.teamFetch(parsePayload(CHANNELS.teamFetch, TeamHttpRequestSchema, payload)),
  )

  ipcMain.on(CHANNELS.setMenuState, (event, payload) => {
    if (!isTrusted(event)) {
      console.warn(`[security] refused ${CHANNELS.setMenuState} from ${describeSender(event)}`)
      return
    }
    try {
      operations.setMenuState(parsePayload(CHANNELS.setMenuState, MenuStateSchema, payload))
    } catch (error) {
      console.warn(`[ipc] ${String(error)}`)
    }
  })
}

/** The sender's URL for a log line; never throws (a disposed frame throws on access). */
function describeSender(event: IpcMainEvent | IpcMainInvokeEvent): string {
  try {
    return event.senderFrame?.url.slice(0, 200) ?? 'a closed frame'
  } catch {
    return 'a disposed frame'
  }
}
