import { describe, expect, it, vi } from 'vitest'
import { EXPOSED_KEYS, HOST_BRIDGE_GLOBAL } from './api'

const exposed: Array<[string, unknown]> = []
const ipcRenderer = {
  invoke: vi.fn(async () => null),
  send: vi.fn(),
  on: vi.fn(),
  removeListener: vi.fn(),
  sendSync: vi.fn(),
  postMessage: vi.fn(),
}
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push([key, api]) },
  ipcRenderer,
}))

await import('./index')

/** Every value reachable from `value` (own properties, recursively), with its path. */
function walk(value: unknown, path: string, seen = new Set<unknown>()): Array<[string, unknown]> {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value)) return []
  seen.add(value)
  return Object.getOwnPropertyNames(value).flatMap((key) => {
    const child = (value as Record<string, unknown>)[key]
    return [[`${path}.${key}`, child] as [string, unknown], ...(typeof child === 'object' ? walk(child, `${path}.${key}`, seen) : [])]
  })
}

describe('preload', () => {
  it('exposes exactly one global, window.critiqueHost', () => {
    expect(exposed.map(([key]) => key)).toEqual([HOST_BRIDGE_GLOBAL])
    expect(HOST_BRIDGE_GLOBAL).toBe('critiqueHost')
  })

  it('exposes exactly the bridge contract: info plus one function per channel', () => {
    const api = exposed[0]?.[1] as Record<string, unknown>
    expect(Object.getOwnPropertyNames(api).sort()).toEqual([...EXPOSED_KEYS].sort())
    expect(Object.getOwnPropertySymbols(api)).toEqual([])
    for (const key of EXPOSED_KEYS) {
      expect(typeof api[key], key).toBe(key === 'info' ? 'object' : 'function')
    }
    expect(Object.keys(api.info as object).sort()).toEqual(['kind', 'platform'])
  })

  it('never leaks ipcRenderer or a generic send/invoke/on', () => {
    const api = exposed[0]?.[1]
    const reachable = walk(api, 'critiqueHost')
    for (const [path, value] of reachable) {
      expect(value, path).not.toBe(ipcRenderer)
      for (const method of Object.values(ipcRenderer)) expect(value, path).not.toBe(method)
    }
    const names = reachable.map(([path]) => path.split('.').pop())
    for (const forbidden of ['ipcRenderer', 'send', 'invoke', 'on', 'sendSync', 'postMessage', 'removeListener']) {
      expect(names).not.toContain(forbidden)
    }
  })

  it('subscribes to the open-file channel only, up front (to keep early files)', () => {
    expect(ipcRenderer.on.mock.calls.map((call: unknown[]) => call[0])).toEqual(['host:open-file'])
  })
})
