import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CHANNELS } from '../../shared/bridge/contract'

vi.mock('electron', () => ({ dialog: {} }))

const { articlePathFromArgv, claimSingleInstance, sendArticleFile } = await import('./single-instance')

let folder: string
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'critique-instance-'))
  writeFileSync(join(folder, 'op-ed.txt'), '記事')
})
afterAll(() => {
  rmSync(folder, { recursive: true, force: true })
})

describe('articlePathFromArgv', () => {
  it('takes the first positional argument after the executable (packaged app)', () => {
    expect(articlePathFromArgv(['/opt/critique/critique', '/home/u/a.txt'], { defaultApp: false, cwd: '/' })).toBe(
      '/home/u/a.txt',
    )
  })

  it('skips the app folder when running as `electron .`', () => {
    expect(articlePathFromArgv(['/x/electron', '.', 'a.txt'], { defaultApp: true, cwd: '/work' })).toBe('/work/a.txt')
    expect(articlePathFromArgv(['/x/electron', '.'], { defaultApp: true, cwd: '/work' })).toBeNull()
  })

  it('ignores switches, including those Chromium adds', () => {
    expect(
      articlePathFromArgv(
        ['/opt/critique/critique', '--no-sandbox', '--user-data-dir=/tmp/p', '-v', 'notes/a.md', 'b.md'],
        { defaultApp: false, cwd: '/home/u' },
      ),
    ).toBe('/home/u/notes/a.md')
    expect(articlePathFromArgv(['/opt/critique/critique', '--flag'], { defaultApp: false, cwd: '/' })).toBeNull()
    expect(articlePathFromArgv([], { defaultApp: false, cwd: '/' })).toBeNull()
  })
})

function fakeWindow(loading: boolean) {
  const sent: Array<[string, unknown]> = []
  const once = new Map<string, () => void>()
  const window = {
    isDestroyed: () => false,
    isMinimized: vi.fn(() => true),
    restore: vi.fn(),
    focus: vi.fn(),
    webContents: {
      isLoading: () => loading,
      send: (channel: string, payload: unknown) => sent.push([channel, payload]),
      once: (event: string, listener: () => void) => once.set(event, listener),
    },
  }
  return { window, sent, once }
}

describe('sendArticleFile', () => {
  it('sends the file at once when the page has loaded', async () => {
    const { window, sent } = fakeWindow(false)
    await sendArticleFile(window as never, join(folder, 'op-ed.txt'), () => undefined)
    expect(sent).toEqual([[CHANNELS.openFile, { name: 'op-ed.txt', bytes: new TextEncoder().encode('記事') }]])
  })

  it('waits for the page to finish loading', async () => {
    const { window, sent, once } = fakeWindow(true)
    await sendArticleFile(window as never, join(folder, 'op-ed.txt'), () => undefined)
    expect(sent).toEqual([])
    once.get('did-finish-load')?.()
    expect(sent).toHaveLength(1)
  })

  it('reports a refused file and sends nothing', async () => {
    const { window, sent } = fakeWindow(false)
    const errors: string[] = []
    await sendArticleFile(window as never, join(folder, 'missing.txt'), (message) => errors.push(message))
    expect(sent).toEqual([])
    expect(errors).toEqual(['“missing.txt” could not be opened.'])
  })
})

describe('claimSingleInstance', () => {
  function fakeApp(gotLock: boolean) {
    const handlers = new Map<string, (...args: unknown[]) => void>()
    const app = {
      requestSingleInstanceLock: () => gotLock,
      on: (event: string, handler: (...args: unknown[]) => void) => handlers.set(event, handler),
    }
    return { app, handlers }
  }

  it('returns false and listens to nothing when another instance holds the lock', () => {
    const { app, handlers } = fakeApp(false)
    expect(claimSingleInstance(app as never, { getWindow: () => null, openPath: () => undefined })).toBe(false)
    expect(handlers.size).toBe(0)
  })

  it('focuses the window and opens the second instance’s file', () => {
    const { app, handlers } = fakeApp(true)
    const { window } = fakeWindow(false)
    const opened: string[] = []
    expect(claimSingleInstance(app as never, { getWindow: () => window as never, openPath: (p) => opened.push(p) })).toBe(true)
    const argv = process.defaultApp === true ? ['/x/electron', '.', 'b.txt'] : ['/x/critique', 'b.txt']
    handlers.get('second-instance')?.({}, argv, '/home/u')
    expect(window.restore).toHaveBeenCalled()
    expect(window.focus).toHaveBeenCalled()
    expect(opened).toEqual(['/home/u/b.txt'])

    const preventDefault = vi.fn()
    handlers.get('open-file')?.({ preventDefault }, '/Users/u/c.txt')
    expect(preventDefault).toHaveBeenCalled()
    expect(opened).toEqual(['/home/u/b.txt', '/Users/u/c.txt'])
  })
})
