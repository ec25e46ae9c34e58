import { describe, expect, it } from 'vitest'
import { isTrustedSender, type SenderEventLike } from './trusted-sender'

const mainFrame = (url: string): SenderEventLike => ({ senderFrame: { url, parent: null } })
const subFrame = (url: string, parentUrl: string): SenderEventLike => ({
  senderFrame: { url, parent: { url: parentUrl, parent: null } },
})

describe('isTrustedSender', () => {
  it('trusts the main frame of a bundle page', () => {
    expect(isTrustedSender(mainFrame('app://bundle/index.html'))).toBe(true)
    expect(isTrustedSender(mainFrame('app://bundle/index.html#/article/1'))).toBe(true)
  })

  it.each([
    ['a file: page', mainFrame('file:///home/user/evil.html')],
    ['an http page', mainFrame('http://localhost:5173/')],
    ['an https page', mainFrame('https://example.com/')],
    ['a data: page', mainFrame('data:text/html,hi')],
    ['about:blank', mainFrame('about:blank')],
    ['another app host', mainFrame('app://evil/index.html')],
    ['a null sender frame', { senderFrame: null }],
    ['a subframe of another origin', subFrame('https://example.com/frame', 'app://bundle/index.html')],
    ['a subframe even of the bundle', subFrame('app://bundle/frame.html', 'app://bundle/index.html')],
  ])('refuses %s', (_label, event) => {
    expect(isTrustedSender(event)).toBe(false)
  })

  it('refuses a disposed frame whose properties throw', () => {
    const disposed: SenderEventLike = {
      senderFrame: {
        get url(): string {
          throw new Error('Render frame was disposed')
        },
        parent: null,
      },
    }
    expect(isTrustedSender(disposed)).toBe(false)
  })

  it('trusts the dev server main frame only when its origin is given', () => {
    const dev = mainFrame('http://localhost:5173/index.html')
    expect(isTrustedSender(dev)).toBe(false)
    expect(isTrustedSender(dev, 'http://localhost:5173')).toBe(true)
    expect(isTrustedSender(mainFrame('http://localhost:9999/'), 'http://localhost:5173')).toBe(false)
  })
})
