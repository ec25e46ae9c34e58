/**
 * Remembering where the main window was: a small JSON file in userData,
 * restored only when the saved rectangle is still visible on a connected
 * display (a monitor may have been unplugged since).
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import * as v from 'valibot'

/** A rectangle in screen coordinates (DIP), as Electron reports them. */
export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

/** What is saved: the normal (unmaximised) bounds and whether the window was maximised. */
export interface WindowBounds extends Rect {
  maximized: boolean
}

/** Size of a fresh window, before any bounds were saved. */
export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 860 } as const

/** Smallest window the app allows; saved bounds below it are refused. */
export const MIN_WINDOW_SIZE = { width: 640, height: 480 } as const

/** How much of the window's top strip (title bar) must lie on a display for the bounds to count as visible. */
const MIN_VISIBLE_WIDTH = 120
const MIN_VISIBLE_HEIGHT = 40

const coordinate = v.pipe(v.number(), v.integer(), v.minValue(-100_000), v.maxValue(100_000))
const WindowBoundsSchema = v.object({
  x: coordinate,
  y: coordinate,
  width: v.pipe(v.number(), v.integer(), v.minValue(MIN_WINDOW_SIZE.width), v.maxValue(100_000)),
  height: v.pipe(v.number(), v.integer(), v.minValue(MIN_WINDOW_SIZE.height), v.maxValue(100_000)),
  maximized: v.optional(v.boolean(), false),
})

/** Parse saved bounds; null for anything malformed (wrong types, non-integers, too small). */
export function parseWindowBounds(value: unknown): WindowBounds | null {
  const result = v.safeParse(WindowBoundsSchema, value)
  return result.success ? result.output : null
}

/**
 * True when the window's title strip (its top `MIN_VISIBLE_HEIGHT` pixels)
 * overlaps one display's work area by at least `MIN_VISIBLE_WIDTH` x
 * `MIN_VISIBLE_HEIGHT`, so the user can grab and move it. False when no
 * display is given.
 */
export function isVisibleOnSomeDisplay(bounds: Rect, workAreas: readonly Rect[]): boolean {
  const strip = { x: bounds.x, y: bounds.y, width: bounds.width, height: Math.min(bounds.height, MIN_VISIBLE_HEIGHT) }
  return workAreas.some((area) => {
    const overlapWidth = Math.min(strip.x + strip.width, area.x + area.width) - Math.max(strip.x, area.x)
    const overlapHeight = Math.min(strip.y + strip.height, area.y + area.height) - Math.max(strip.y, area.y)
    return overlapWidth >= MIN_VISIBLE_WIDTH && overlapHeight >= Math.min(MIN_VISIBLE_HEIGHT, strip.height)
  })
}

/**
 * Bounds to open the window with: the saved ones when they parse and are
 * visible on one of `workAreas`, else null (the caller centres a default-size
 * window).
 */
export function boundsToRestore(saved: unknown, workAreas: readonly Rect[]): WindowBounds | null {
  const bounds = parseWindowBounds(saved)
  return bounds !== null && isVisibleOnSomeDisplay(bounds, workAreas) ? bounds : null
}

/** Read the saved JSON at `file`; null when it is missing or not JSON. Never throws. */
export function readSavedBounds(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown
  } catch {
    return null
  }
}

/**
 * Write `bounds` to `file` (via a temporary file and rename, so a crash never
 * leaves half a file). Failures are logged, not thrown: losing the window
 * position must never stop the app from closing.
 */
export function writeSavedBounds(file: string, bounds: WindowBounds): void {
  try {
    mkdirSync(dirname(file), { recursive: true })
    const temporary = `${file}.tmp`
    writeFileSync(temporary, `${JSON.stringify(bounds)}\n`, 'utf8')
    renameSync(temporary, file)
  } catch (error) {
    console.warn(`[window] could not save window bounds: ${String(error)}`)
  }
}
