import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  boundsToRestore,
  isVisibleOnSomeDisplay,
  parseWindowBounds,
  readSavedBounds,
  writeSavedBounds,
  type Rect,
} from './window-bounds'

const LAPTOP: Rect = { x: 0, y: 0, width: 1920, height: 1050 }
const RIGHT_MONITOR: Rect = { x: 1920, y: 0, width: 2560, height: 1400 }

describe('parseWindowBounds', () => {
  it('accepts whole-pixel bounds and defaults maximized to false', () => {
    expect(parseWindowBounds({ x: 10, y: 20, width: 1200, height: 800 })).toEqual({
      x: 10,
      y: 20,
      width: 1200,
      height: 800,
      maximized: false,
    })
    expect(parseWindowBounds({ x: -1900, y: 0, width: 800, height: 600, maximized: true })?.maximized).toBe(true)
  })

  it.each([
    null,
    'x',
    { x: 0, y: 0, width: 100, height: 100 },
    { x: 0, y: 0, width: 1200.5, height: 800 },
    { x: '0', y: 0, width: 1200, height: 800 },
    { x: 0, y: 0, width: 1200 },
    { x: 1e9, y: 0, width: 1200, height: 800 },
    { x: 0, y: 0, width: 1200, height: 800, maximized: 'yes' },
  ])('refuses %j', (value) => {
    expect(parseWindowBounds(value)).toBeNull()
  })
})

describe('isVisibleOnSomeDisplay', () => {
  it('accepts a window on either display', () => {
    expect(isVisibleOnSomeDisplay({ x: 100, y: 100, width: 1200, height: 800 }, [LAPTOP, RIGHT_MONITOR])).toBe(true)
    expect(isVisibleOnSomeDisplay({ x: 2500, y: 200, width: 1200, height: 800 }, [LAPTOP, RIGHT_MONITOR])).toBe(true)
  })

  it('refuses a window left on a monitor that is gone', () => {
    expect(isVisibleOnSomeDisplay({ x: 2500, y: 200, width: 1200, height: 800 }, [LAPTOP])).toBe(false)
  })

  it('refuses a window whose title bar is above or mostly beside the screen', () => {
    expect(isVisibleOnSomeDisplay({ x: 100, y: -500, width: 1200, height: 800 }, [LAPTOP])).toBe(false)
    expect(isVisibleOnSomeDisplay({ x: 1850, y: 100, width: 1200, height: 800 }, [LAPTOP])).toBe(false)
    expect(isVisibleOnSomeDisplay({ x: 1700, y: 100, width: 1200, height: 800 }, [LAPTOP])).toBe(true)
  })

  it('refuses everything when there is no display', () => {
    expect(isVisibleOnSomeDisplay({ x: 0, y: 0, width: 1200, height: 800 }, [])).toBe(false)
  })
})

describe('boundsToRestore', () => {
  it('restores valid visible bounds and drops the rest', () => {
    const saved = { x: 100, y: 100, width: 1200, height: 800, maximized: true }
    expect(boundsToRestore(saved, [LAPTOP])).toEqual(saved)
    expect(boundsToRestore({ ...saved, x: 5000 }, [LAPTOP])).toBeNull()
    expect(boundsToRestore({ nonsense: true }, [LAPTOP])).toBeNull()
  })
})

describe('saved bounds file', () => {
  let folder: string
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'critique-bounds-'))
  })
  afterEach(() => {
    rmSync(folder, { recursive: true, force: true })
  })

  it('round-trips through the JSON file, creating the folder', () => {
    const file = join(folder, 'nested', 'window-state.json')
    const bounds = { x: 5, y: 6, width: 1000, height: 700, maximized: false }
    writeSavedBounds(file, bounds)
    expect(readSavedBounds(file)).toEqual(bounds)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(bounds)
  })

  it('reads a missing or corrupt file as null', () => {
    expect(readSavedBounds(join(folder, 'missing.json'))).toBeNull()
    const corrupt = join(folder, 'corrupt.json')
    writeFileSync(corrupt, '{"x": 1,')
    expect(readSavedBounds(corrupt)).toBeNull()
  })

  it('does not throw when the file cannot be written', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const blocker = join(folder, 'blocker')
    writeFileSync(blocker, 'a file where a folder should be')
    expect(() => writeSavedBounds(join(blocker, 'window-state.json'), { x: 0, y: 0, width: 800, height: 600, maximized: false })).not.toThrow()
    expect(warn).toHaveBeenCalledOnce()
  })
})
