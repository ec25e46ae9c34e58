import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { IpcMainEvent, IpcMainInvokeEvent } from 'electron'
import { CHANNELS, type MenuState } from '../../shared/bridge/contract'
import { BridgePayloadError } from '../../shared/errors'
import { UntrustedSenderError, registerHostIpc, type HostOperations, type IpcMainLike } from './ipc'
import { isTrustedSender } from './trusted-sender'

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown
type Listener = (event: IpcMainEvent, ...args: unknown[]) => void

class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Handler>()
  readonly listeners = new Map<string, Listener>()
  handle(channel: string, listener: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`)
    this.handlers.set(channel, listener)
  }
  on(channel: string, listener: Listener): this {
    this.listeners.set(channel, listener)
    return this
  }
  invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel)
    if (handler === undefined) throw new Error(`no handler for ${channel}`)
    return Promise.resolve(handler(event as IpcMainInvokeEvent, ...args))
  }
  emit(channel: string, event: unknown, ...args: unknown[]): void {
    this.listeners.get(channel)?.(event as IpcMainEvent, ...args)
  }
}

const SENDER = { id: 1 }
const fromBundle = { senderFrame: { url: 'app://bundle/index.html', parent: null }, sender: SENDER }
const fromWeb = { senderFrame: { url: 'https://evil.example/', parent: null }, sender: SENDER }
const fromFile = { senderFrame: { url: 'file:///tmp/x.html', parent: null }, sender: SENDER }

const TEAM_REQUEST = {
  server: 'https://team.example.org',
  url: 'https://team.example.org/me',
  method: 'GET',
  headers: { Authorization: 'Bearer cwt_x', Accept: 'application/ld+json' },
} as const

function fakeOperations() {
  return {
    pickFile: vi.fn(async () => ({ name: 'a.txt', bytes: new Uint8Array([1]) })),
    saveFile: vi.fn(async () => ({ status: 'saved', name: 'r.md' }) as const),
    printToPdf: vi.fn(async () => ({ status: 'cancelled' }) as const),
    openExternal: vi.fn(async () => true),
    teamFetch: vi.fn(async () => ({ status: 200, headers: { etag: '"x"' }, body: '{}' })),
    setMenuState: vi.fn((_state: MenuState) => undefined),
  } satisfies HostOperations
}

let ipc: FakeIpcMain
let ops: ReturnType<typeof fakeOperations>

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
  ipc = new FakeIpcMain()
  ops = fakeOperations()
  registerHostIpc(ipc, ops, (event) => isTrustedSender(event))
})

describe('registerHostIpc', () => {
  it('registers exactly one handler per invoke channel and a listener for setMenuState', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual(
      [CHANNELS.pickFile, CHANNELS.saveFile, CHANNELS.printToPdf, CHANNELS.openExternal, CHANNELS.teamFetch].sort(),
    )
    expect([...ipc.listeners.keys()]).toEqual([CHANNELS.setMenuState])
  })

  it('passes validated payloads and the sender to the operations', async () => {
    await expect(ipc.invoke(CHANNELS.pickFile, fromBundle, 'annotations')).resolves.toEqual({
      name: 'a.txt',
      bytes: new Uint8Array([1]),
    })
    expect(ops.pickFile).toHaveBeenCalledWith('annotations', SENDER)

    const save = { suggestedName: 'r.md', mimeType: 'text/markdown; charset=utf-8', data: '# r' }
    await expect(ipc.invoke(CHANNELS.saveFile, fromBundle, save)).resolves.toEqual({ status: 'saved', name: 'r.md' })
    expect(ops.saveFile).toHaveBeenCalledWith(save, SENDER)

    await ipc.invoke(CHANNELS.printToPdf, fromBundle, { html: '<p>x</p>', suggestedName: 'r.pdf' })
    expect(ops.printToPdf).toHaveBeenCalledWith({ html: '<p>x</p>', suggestedName: 'r.pdf' }, SENDER)

    await expect(ipc.invoke(CHANNELS.openExternal, fromBundle, 'https://example.com/')).resolves.toBe(true)
    expect(ops.openExternal).toHaveBeenCalledWith('https://example.com/')

    await expect(ipc.invoke(CHANNELS.teamFetch, fromBundle, TEAM_REQUEST)).resolves.toEqual({ status: 200, headers: { etag: '"x"' }, body: '{}' })
    expect(ops.teamFetch).toHaveBeenCalledWith(TEAM_REQUEST)
  })

  it.each([
    [CHANNELS.pickFile, 'article'],
    [CHANNELS.saveFile, { suggestedName: 'r.md', mimeType: 'text/markdown', data: 'x' }],
    [CHANNELS.printToPdf, { html: '<p>x</p>', suggestedName: 'r.pdf' }],
    [CHANNELS.openExternal, 'https://example.com/'],
    [CHANNELS.teamFetch, TEAM_REQUEST],
  ])('refuses %s from an untrusted sender before touching anything', async (channel, payload) => {
    for (const event of [fromWeb, fromFile, { senderFrame: null, sender: SENDER }]) {
      await expect(ipc.invoke(channel, event, payload)).rejects.toBeInstanceOf(UntrustedSenderError)
    }
    for (const op of Object.values(ops)) expect(op).not.toHaveBeenCalled()
  })

  it.each([
    [CHANNELS.pickFile, 'executable'],
    [CHANNELS.pickFile, undefined],
    [CHANNELS.saveFile, { suggestedName: '../../.bashrc', mimeType: 'text/plain', data: 'x' }],
    [CHANNELS.saveFile, { suggestedName: 'a.md', mimeType: 'text/plain', data: 'x', path: '/etc' }],
    [CHANNELS.printToPdf, { html: 42, suggestedName: 'r.pdf' }],
    [CHANNELS.openExternal, 'file:///etc/passwd'],
    [CHANNELS.openExternal, 'javascript:alert(1)'],
    // The team channel carries requests to the configured server only, with the protocol's headers.
    [CHANNELS.teamFetch, { ...TEAM_REQUEST, url: 'https://evil.example/steal' }],
    [CHANNELS.teamFetch, { ...TEAM_REQUEST, url: 'https://team.example.org.evil.example/me' }],
    [CHANNELS.teamFetch, { ...TEAM_REQUEST, server: 'file:///etc', url: 'file:///etc/passwd' }],
    [CHANNELS.teamFetch, { ...TEAM_REQUEST, headers: { Cookie: 'a=b' } }],
    [CHANNELS.teamFetch, { ...TEAM_REQUEST, headers: { Authorization: 'Bearer x\r\nHost: evil' } }],
    [CHANNELS.teamFetch, { ...TEAM_REQUEST, method: 'CONNECT' }],
    [CHANNELS.teamFetch, { ...TEAM_REQUEST, body: 'x'.repeat(1024 * 1024 + 1) }],
  ])('refuses a malformed %s payload with BridgePayloadError', async (channel, payload) => {
    await expect(ipc.invoke(channel, fromBundle, payload)).rejects.toBeInstanceOf(BridgePayloadError)
    for (const op of Object.values(ops)) expect(op).not.toHaveBeenCalled()
  })

  it('applies a valid menu state from the bundle and drops the rest', () => {
    ipc.emit(CHANNELS.setMenuState, fromBundle, { documentOpen: true, recent: ['A'], locale: 'en' })
    expect(ops.setMenuState).toHaveBeenCalledWith({ documentOpen: true, recent: ['A'], locale: 'en' })
    ipc.emit(CHANNELS.setMenuState, fromWeb, { documentOpen: false, recent: [], locale: 'en' })
    ipc.emit(CHANNELS.setMenuState, fromBundle, { documentOpen: 'yes', recent: [], locale: 'en' })
    expect(ops.setMenuState).toHaveBeenCalledTimes(1)
  })
})
