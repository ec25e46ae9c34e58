import { beforeEach, describe, expect, it, vi } from 'vitest'
import { guardWebContents, type GuardedContents } from './web-contents-guard'

type Listener = (event: { url: string; preventDefault: () => void }) => void

function fakeContents() {
  const listeners = new Map<string, Listener>()
  let openHandler: ((details: { url: string }) => { action: string }) | undefined
  const contents = {
    on: (name: string, listener: Listener) => {
      listeners.set(name, listener)
      return contents
    },
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler
    },
  }
  /** Fire `name` for `url`; true when the guard prevented it. */
  const fire = (name: string, url = ''): boolean => {
    let prevented = false
    listeners.get(name)?.({ url, preventDefault: () => (prevented = true) })
    return prevented
  }
  return { contents: contents as unknown as GuardedContents, listeners, fire, open: (url: string) => openHandler?.({ url }) }
}

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
})

describe('guardWebContents', () => {
  it('lets navigations within the bundle through', () => {
    const fake = fakeContents()
    guardWebContents(fake.contents)
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(fake.fire(name, 'app://bundle/index.html')).toBe(false)
    }
  })

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('prevents %s away from the bundle', (name) => {
    const fake = fakeContents()
    guardWebContents(fake.contents)
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'http://localhost:5173/']) {
      expect(fake.fire(name, url)).toBe(true)
    }
  })

  it('allows the dev server only when it is given', () => {
    const fake = fakeContents()
    guardWebContents(fake.contents, 'http://localhost:5173')
    expect(fake.fire('will-navigate', 'http://localhost:5173/')).toBe(false)
    expect(fake.fire('will-navigate', 'https://example.com/')).toBe(true)
  })

  it('denies every new window, even for the bundle itself', () => {
    const fake = fakeContents()
    guardWebContents(fake.contents)
    expect(fake.open('https://example.com/')).toEqual({ action: 'deny' })
    expect(fake.open('app://bundle/index.html')).toEqual({ action: 'deny' })
  })

  it('prevents attaching a webview', () => {
    const fake = fakeContents()
    guardWebContents(fake.contents)
    expect(fake.fire('will-attach-webview')).toBe(true)
  })
})
