import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => ({ BrowserWindow: class {}, screen: { getAllDisplays: () => [] } }))

const { secureWebPreferences } = await import('./window')

describe('secureWebPreferences', () => {
  it('spells out every security-relevant preference', () => {
    expect(secureWebPreferences('/app/out/preload/index.js')).toEqual({
      preload: '/app/out/preload/index.js',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    })
  })

  it('gives a window without a bridge no preload, and the same locks', () => {
    const prefs = secureWebPreferences(null)
    expect('preload' in prefs).toBe(false)
    expect(prefs.sandbox).toBe(true)
    expect(prefs.contextIsolation).toBe(true)
    expect(prefs.nodeIntegration).toBe(false)
  })

  it('accepts Windows absolute paths and refuses relative ones', () => {
    expect(secureWebPreferences('C:\\app\\preload.js').preload).toBe('C:\\app\\preload.js')
    expect(() => secureWebPreferences('out/preload/index.js')).toThrow(RangeError)
    expect(() => secureWebPreferences('')).toThrow(RangeError)
  })
})
