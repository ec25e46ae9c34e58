import { beforeEach, describe, expect, it, vi } from 'vitest'
import { CHANNELS, type MenuCommand, type PickedFile } from '../../shared/bridge/contract'
import { BridgePayloadError } from '../../shared/errors'
import { MAX_PENDING_OPEN_FILES, createHostApi, remoteErrorMessage, type IpcRendererLike } from './api'

type Listener = (event: unknown, ...args: unknown[]) => void

/** A fake ipcRenderer: `answers` per channel, `emit` plays main sending to the page. */
class FakeIpc implements IpcRendererLike {
  readonly invoked: Array<[string, unknown[]]> = []
  readonly sent: Array<[string, unknown[]]> = []
  readonly listeners = new Map<string, Set<Listener>>()
  answers = new Map<string, () => Promise<unknown>>()
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push([channel, args])
    return this.answers.get(channel)?.() ?? Promise.reject(new Error('no answer'))
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, args])
  }
  on(channel: string, listener: Listener): this {
    const set = this.listeners.get(channel) ?? new Set()
    set.add(listener)
    this.listeners.set(channel, set)
    return this
  }
  removeListener(channel: string, listener: Listener): this {
    this.listeners.get(channel)?.delete(listener)
    return this
  }
  emit(channel: string, payload: unknown): void {
    const event = { sender: 'IPC-RENDERER-EVENT', ports: [] }
    for (const listener of this.listeners.get(channel) ?? []) listener(event, payload)
  }
}

const FILE: PickedFile = { name: 'a.txt', bytes: new Uint8Array([97]) }
let ipc: FakeIpc

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
  ipc = new FakeIpc()
})

describe('createHostApi', () => {
  it('reports the electron host and the platform, frozen', () => {
    const api = createHostApi(ipc, 'linux')
    expect(api.info).toEqual({ kind: 'electron', platform: 'linux' })
    expect(Object.isFrozen(api)).toBe(true)
    expect(Object.isFrozen(api.info)).toBe(true)
  })

  it('invokes one channel per method with the arguments as given', async () => {
    const api = createHostApi(ipc, 'linux')
    ipc.answers.set(CHANNELS.pickFile, async () => FILE)
    ipc.answers.set(CHANNELS.saveFile, async () => ({ status: 'saved', name: 'r.md' }))
    ipc.answers.set(CHANNELS.printToPdf, async () => ({ status: 'cancelled' }))
    ipc.answers.set(CHANNELS.openExternal, async () => true)
    const save = { suggestedName: 'r.md', mimeType: 'text/markdown', data: 'x' }
    expect(await api.pickFile('article')).toEqual(FILE)
    expect(await api.saveFile(save)).toEqual({ status: 'saved', name: 'r.md' })
    expect(await api.printToPdf({ html: '<p/>', suggestedName: 'r.pdf' })).toEqual({ status: 'cancelled' })
    expect(await api.openExternal('https://example.com/')).toBe(true)
    expect(ipc.invoked).toEqual([
      [CHANNELS.pickFile, ['article']],
      [CHANNELS.saveFile, [save]],
      [CHANNELS.printToPdf, [{ html: '<p/>', suggestedName: 'r.pdf' }]],
      [CHANNELS.openExternal, ['https://example.com/']],
    ])
  })

  it('passes a cancelled pick through as null', async () => {
    const api = createHostApi(ipc, 'linux')
    ipc.answers.set(CHANNELS.pickFile, async () => null)
    expect(await api.pickFile('annotations')).toBeNull()
  })

  it.each([
    ['pickFile', CHANNELS.pickFile, { name: '/etc/passwd', bytes: new Uint8Array() }],
    ['pickFile', CHANNELS.pickFile, { name: 'a.txt', bytes: 'not bytes' }],
    ['pickFile', CHANNELS.pickFile, { name: 'a.txt', bytes: new Uint8Array(), path: '/home/u/a.txt' }],
    ['saveFile', CHANNELS.saveFile, { status: 'saved' }],
    ['openExternal', CHANNELS.openExternal, 'yes'],
  ] as const)('refuses a malformed answer to %s', async (method, channel, answer) => {
    const api = createHostApi(ipc, 'linux')
    ipc.answers.set(channel, async () => answer)
    const run: Record<string, () => Promise<unknown>> = {
      pickFile: () => api.pickFile('article'),
      saveFile: () => api.saveFile({ suggestedName: 'r.md', mimeType: 'text/markdown', data: 'x' }),
      openExternal: () => api.openExternal('https://example.com/'),
    }
    await expect(run[method]?.()).rejects.toBeInstanceOf(BridgePayloadError)
  })

  it('rejects with main’s own message when main refuses', async () => {
    const api = createHostApi(ipc, 'linux')
    ipc.answers.set(CHANNELS.pickFile, async () => {
      throw new Error(`Error invoking remote method '${CHANNELS.pickFile}': ImportRefusedError: “big.txt” is too large.`)
    })
    await expect(api.pickFile('article')).rejects.toThrow(/^“big\.txt” is too large\.$/)
  })

  it('sends the menu state without waiting for an answer', () => {
    const api = createHostApi(ipc, 'linux')
    api.setMenuState({ documentOpen: true, recent: ['A'], locale: 'en' })
    expect(ipc.sent).toEqual([[CHANNELS.setMenuState, [{ documentOpen: true, recent: ['A'], locale: 'en' }]]])
  })

  it('delivers menu commands without the IPC event, drops malformed ones, and unsubscribes', () => {
    const api = createHostApi(ipc, 'linux')
    const received: unknown[][] = []
    const unsubscribe = api.onMenuCommand((...args: unknown[]) => received.push(args))
    ipc.emit(CHANNELS.menuCommand, 'undo')
    ipc.emit(CHANNELS.menuCommand, 'rm -rf')
    ipc.emit(CHANNELS.menuCommand, { command: 'undo' })
    expect(received).toEqual([['undo']])
    unsubscribe()
    ipc.emit(CHANNELS.menuCommand, 'redo')
    expect(received).toEqual([['undo']])
    expect(ipc.listeners.get(CHANNELS.menuCommand)?.size).toBe(0)
  })

  it('keeps files opened before anyone subscribed and hands them to the first subscriber', () => {
    const api = createHostApi(ipc, 'linux')
    ipc.emit(CHANNELS.openFile, FILE)
    ipc.emit(CHANNELS.openFile, { name: '../x', bytes: new Uint8Array() })
    const first: unknown[][] = []
    const unsubscribe = api.onOpenFile((...args: unknown[]) => first.push(args))
    expect(first).toEqual([[FILE]])
    const second = { name: 'b.txt', bytes: new Uint8Array([98]) }
    ipc.emit(CHANNELS.openFile, second)
    expect(first).toEqual([[FILE], [second]])
    unsubscribe()
    ipc.emit(CHANNELS.openFile, FILE)
    expect(first).toHaveLength(2)
    // Nobody listens again: the file waits for the next subscriber.
    const later: PickedFile[] = []
    api.onOpenFile((file) => later.push(file))
    expect(later).toEqual([FILE])
  })

  it('keeps at most MAX_PENDING_OPEN_FILES files, dropping the oldest', () => {
    const api = createHostApi(ipc, 'linux')
    for (let i = 0; i < MAX_PENDING_OPEN_FILES + 3; i += 1) {
      ipc.emit(CHANNELS.openFile, { name: `f${i}.txt`, bytes: new Uint8Array() })
    }
    const names: string[] = []
    api.onOpenFile((file) => names.push(file.name))
    expect(names).toHaveLength(MAX_PENDING_OPEN_FILES)
    expect(names[0]).toBe('f3.txt')
  })
})

describe('remoteErrorMessage', () => {
  it('strips Electron’s wrapper and the error class name', () => {
    expect(remoteErrorMessage('host:x', new Error("Error invoking remote method 'host:x': BridgePayloadError: bad"))).toBe('bad')
    expect(remoteErrorMessage('host:x', new Error("Error invoking remote method 'host:x': Error: plain"))).toBe('plain')
    expect(remoteErrorMessage('host:x', new Error('something else'))).toBe('something else')
    expect(remoteErrorMessage('host:x', 'a string')).toBe('a string')
  })
})

// Type-level: the listener receives a MenuCommand, never the event.
const typed: (listener: (command: MenuCommand) => void) => () => void = createHostApi(new FakeIpc(), 'x').onMenuCommand
void typed
