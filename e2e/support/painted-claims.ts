/**
 * What the reader shows of claims, read back the way it is drawn: the claims'
 * highlights (CSS Custom Highlight API, renderer/src/reader/claim-highlights.ts)
 * as the text of their ranges, and the margin markers (the letters each block
 * draws from its data-claim-marks). Specs assert through these instead of
 * DOM elements, which the reader no longer adds to the text.
 */
import type { Locator, Page } from '@playwright/test'

export type PaintedStance = 'evidenced' | 'speculative'

const NAMES = { evidenced: 'cw-claim-evidenced', speculative: 'cw-claim-speculative', focus: 'cw-claim-focus' } as const

/**
 * The text of every range painted under `name` (a stance, or 'focus' for the
 * selected claim's outline), in document order. Widgets inside a range (the
 * claim finder's glyphs) are not article text and are left out.
 */
export async function paintedTexts(page: Page, name: PaintedStance | 'focus'): Promise<string[]> {
  return page.evaluate((highlightName) => {
    const h = CSS.highlights.get(highlightName) as Highlight | undefined
    const ranges = [...(h ?? [])].filter((r): r is Range => r instanceof Range)
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b) || a.compareBoundaryPoints(Range.END_TO_END, b))
    return ranges.map((r) => {
      const holder = document.createElement('div')
      holder.append(r.cloneContents())
      holder.querySelectorAll('[contenteditable="false"]').forEach((w) => w.remove())
      return holder.textContent ?? ''
    })
  }, NAMES[name])
}

/** The margin markers of the reader's text in document order, one letter per claim ("E" or "S"). */
export async function markerLetters(page: Page): Promise<string> {
  return page.evaluate(() => [...document.querySelectorAll('.reader-text [data-claim-marks]')].map((b) => b.getAttribute('data-claim-marks')).join(''))
}

/** How many markers are drawn, of one stance or all. */
export async function markerCount(page: Page, stance?: PaintedStance): Promise<number> {
  const letters = await markerLetters(page)
  if (!stance) return letters.length
  return [...letters].filter((l) => l === (stance === 'evidenced' ? 'E' : 'S')).length
}

/**
 * Click the middle of the first line of the first range painted under
 * `stance` whose text contains `text`, as a reader clicks highlighted text.
 * Throws when no such range is painted.
 */
export async function clickPaintedClaim(page: Page, stance: PaintedStance, text: string): Promise<void> {
  const point = await page.evaluate(
    ({ name, wanted }) => {
      const h = CSS.highlights.get(name) as Highlight | undefined
      const ranges = [...(h ?? [])].filter((r): r is Range => r instanceof Range && r.toString().includes(wanted))
      ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))
      const first = ranges[0]
      if (!first) return null
      // Click inside the wanted text, on its first line.
      const sub = document.createRange()
      const at = first.toString().indexOf(wanted)
      const common = first.commonAncestorContainer
      const walker = document.createTreeWalker(common.nodeType === Node.TEXT_NODE ? common.parentNode! : common, NodeFilter.SHOW_TEXT)
      let seen = 0
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        if (!first.intersectsNode(n)) continue
        const from = n === first.startContainer ? first.startOffset : 0
        const to = n === first.endContainer ? first.endOffset : n.data.length
        if (seen + (to - from) > at) {
          sub.setStart(n, from + (at - seen))
          sub.setEnd(n, Math.min(to, from + (at - seen) + Math.max(1, Math.min(wanted.length, to - from - (at - seen)))))
          break
        }
        seen += to - from
      }
      const box = sub.getClientRects()[0]
      return box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : null
    },
    { name: NAMES[stance], wanted: text },
  )
  if (!point) throw new Error(`no ${stance} claim containing “${text}” is painted`)
  await page.mouse.click(point.x, point.y)
}

/** A computed property of the `::highlight()` of `stance`, as the reader's stylesheet sets it. */
export async function paintedStyle(page: Page, stance: PaintedStance, property: string): Promise<string> {
  return page.evaluate(
    ({ name, prop }) => {
      const text = document.querySelector('.reader-text')
      if (!text) throw new Error('no reader text')
      return getComputedStyle(text, `::highlight(${name})`).getPropertyValue(prop)
    },
    { name: NAMES[stance], prop: property },
  )
}

/** Where a block's marker is drawn (its `::after`), in page coordinates: the block's box moved by the marker's offsets. */
export async function markerBoxOf(block: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  return block.evaluate((el) => {
    const box = el.getBoundingClientRect()
    const after = getComputedStyle(el, '::after')
    const left = parseFloat(after.left)
    const top = parseFloat(after.top) + parseFloat(after.marginTop)
    return { x: box.left + left, y: box.top + top, width: parseFloat(after.width), height: parseFloat(after.height) }
  })
}
