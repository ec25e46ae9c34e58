/**
 * The API the preload exposes to the page as `window.critiqueHost`: exactly
 * the `HostBridge` contract, one function per IPC channel plus `info`, and
 * nothing else: no `ipcRenderer`, no generic send/invoke/on. Everything that
 * comes back from main is parsed with the shared validators before the page
 * sees it, and listeners never receive the `IpcRendererEvent`.
 */
import * as v from 'valibot'
import {
  CHANNELS,
  type HostBridge,
  type HostInfo,
  type MenuCommand,
  type MenuState,
  type PickedFile,
  type TeamHttpRequest,
} from '../../shared/bridge/contract'
import {
  MenuCommandSchema,
  PickedFileSchema,
  SaveResultSchema,
  TeamHttpResponseSchema,
  parsePayload,
} from '../../shared/bridge/validators'

/** Name of the global the preload defines in the page (`window.critiqueHost`). */
export const HOST_BRIDGE_GLOBAL = 'critiqueHost'

/** The exposed object's type: the bridge contract, every member read-only. */
export type ExposedHostApi = { readonly [K in keyof HostBridge]: HostBridge[K] }

/** Every key the exposed object has, in a fixed order; tests compare the real object with it. */
export const EXPOSED_KEYS = [
  'info',
  'pickFile',
  'saveFile',
  'printToPdf',
  'openExternal',
  'teamFetch',
  'onMenuCommand',
  'onOpenFile',
  'setMenuState',
] as const satisfies readonly (keyof HostBridge)[]

// Compile-time proof that EXPOSED_KEYS names every member of the contract.
type Missing = Exclude<keyof HostBridge, (typeof EXPOSED_KEYS)[number]>
const everyKeyListed: [Missing] extends [never] ? true : Missing = true
void everyKeyListed

/** The part of `ipcRenderer` the API uses; a fake in tests. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  send(channel: string, ...args: unknown[]): void
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
}

/** Files opened by the host before the page subscribed are kept, up to this many. */
export const MAX_PENDING_OPEN_FILES = 8

/**
 * The message of a rejected `invoke`, without Electron's wrapper
 * ("Error invoking remote method 'host:x': ") and the error class name main
 * added ("ImportRefusedError: "), so the page can show it to the user as is.
 */
export function remoteErrorMessage(channel: string, error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error)
  const unwrapped = raw.startsWith(`Error invoking remote method '${channel}': `)
    ? raw.slice(`Error invoking remote method '${channel}': `.length)
    : raw
  return unwrapped.replace(/^[A-Za-z]*Error: /, '')
}

/**
 * Build the API over `ipc`. `platform` is reported in `info`.
 *
 * Invoke-style methods reject with an `Error` carrying main's message when
 * main refuses, and with `BridgePayloadError` when main's answer does not
 * have the agreed shape. Subscriptions return an unsubscribe function;
 * malformed messages from main are dropped and logged. Open-file messages
 * that arrive before any subscriber are queued (at most
 * `MAX_PENDING_OPEN_FILES`, oldest dropped) and delivered to the first one.
 */
export function createHostApi(ipc: IpcRendererLike, platform: string): ExposedHostApi {
  const call = async <S extends v.GenericSchema>(channel: string, schema: S, ...args: unknown[]): Promise<v.InferOutput<S>> => {
    let answer: unknown
    try {
      answer = await ipc.invoke(channel, ...args)
    } catch (error) {
      throw new Error(remoteErrorMessage(channel, error))
    }
    return parsePayload(channel, schema, answer)
  }

  const subscribe = <T>(channel: string, schema: v.GenericSchema<unknown, T>, listener: (value: T) => void): (() => void) => {
    const wrapped = (_event: unknown, payload: unknown): void => {
      let value: T
      try {
        value = parsePayload(channel, schema, payload)
      } catch (error) {
        console.error(String(error))
        return
      }
      listener(value)
    }
    ipc.on(channel, wrapped)
    return () => {
      ipc.removeListener(channel, wrapped)
    }
  }

  // Files sent before the page subscribed (command line, second instance) wait here.
  const pendingFiles: PickedFile[] = []
  const fileListeners = new Set<(file: PickedFile) => void>()
  subscribe(CHANNELS.openFile, PickedFileSchema, (file) => {
    if (fileListeners.size === 0) {
      pendingFiles.push(file)
      if (pendingFiles.length > MAX_PENDING_OPEN_FILES) pendingFiles.shift()
      return
    }
    for (const listener of fileListeners) listener(file)
  })

  const info: HostInfo = Object.freeze({ kind: 'electron', platform })

  const api = {
    info,
    pickFile: (kind) => call(CHANNELS.pickFile, v.nullable(PickedFileSchema), kind),
    saveFile: (request) => call(CHANNELS.saveFile, SaveResultSchema, request),
    printToPdf: (request) => call(CHANNELS.printToPdf, SaveResultSchema, request),
    openExternal: (url) => call(CHANNELS.openExternal, v.boolean(), url),
    teamFetch: (request: TeamHttpRequest) => call(CHANNELS.teamFetch, TeamHttpResponseSchema, request),
    onMenuCommand: (listener: (command: MenuCommand) => void) =>
      subscribe(CHANNELS.menuCommand, MenuCommandSchema, (command) => listener(command)),
    onOpenFile: (listener: (file: PickedFile) => void) => {
      // A wrapper per subscription, so subscribing the same function twice still unsubscribes cleanly.
      const entry = (file: PickedFile): void => listener(file)
      fileListeners.add(entry)
      for (const file of pendingFiles.splice(0)) entry(file)
      return () => {
        fileListeners.delete(entry)
      }
    },
    setMenuState: (state: MenuState) => {
      ipc.send(CHANNELS.setMenuState, state)
    },
  } satisfies ExposedHostApi
  return Object.freeze(api)
}
