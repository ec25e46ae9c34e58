import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => ({ BrowserWindow: class {}, session: {}, dialog: {}, screen: {} }))

const { PRINT_CONTENT_SECURITY_POLICY, withPrintCsp } = await import('./pdf-export')

const META = `<meta http-equiv="Content-Security-Policy" content="${PRINT_CONTENT_SECURITY_POLICY}">`

describe('withPrintCsp', () => {
  it('puts the CSP first in <head>', () => {
    expect(withPrintCsp('<!doctype html><html lang="ja"><head><title>r</title></head><body>x</body></html>')).toBe(
      `<!doctype html><html lang="ja"><head>${META}<title>r</title></head><body>x</body></html>`,
    )
    expect(withPrintCsp('<HEAD class="a"><p>x')).toBe(`<HEAD class="a">${META}<p>x`)
  })

  it('falls back to after <html>, after the doctype, then the start', () => {
    expect(withPrintCsp('<html><body>x</body></html>')).toBe(`<html>${META}<body>x</body></html>`)
    expect(withPrintCsp('<!DOCTYPE html><p>x</p>')).toBe(`<!DOCTYPE html>${META}<p>x</p>`)
    expect(withPrintCsp('<p>x</p>')).toBe(`${META}<p>x</p>`)
  })

  it('does not mistake <header> for <head>', () => {
    expect(withPrintCsp('<html><body><header>h</header></body></html>')).toBe(
      `<html>${META}<body><header>h</header></body></html>`,
    )
  })

  it('allows no script, frame, fetch or file source', () => {
    expect(PRINT_CONTENT_SECURITY_POLICY).toContain("default-src 'none'")
    expect(PRINT_CONTENT_SECURITY_POLICY).not.toMatch(/script-src|frame-src|connect-src|file:/)
  })
})
