/**
 * Long articles stay readable and correct while the reader draws lazily
 * (docs/performance.md): claims far down the text are highlighted once the
 * reader gets there, a claim made there is drawn at once, paragraph numbers
 * and claim markers survive content-visibility's clipping, and a long claims
 * list grows as it is scrolled (renderer/src/claims/claims-panel.browser.test.tsx).
 */
import { expect, test, type Page } from '@playwright/test'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { answerAnalystPrompt, claimsPanel, waitForReader } from './support/app'
import { markerBoxOf, paintedTexts } from './support/painted-claims'

/** 300 numbered paragraphs of ~400 characters: 120,000 characters, past the reader's lazy-drawing threshold. */
function longArticleFile(): string {
  const paragraphs = Array.from({ length: 300 }, (_, i) => `Paragraph marker P${String(i).padStart(3, '0')} opens this block. ${'The river towns kept their harbours open through the winter. '.repeat(6)}`)
  const dir = mkdtempSync(join(tmpdir(), 'cw-long-'))
  const file = join(dir, 'long-river-report.txt')
  writeFileSync(file, paragraphs.join('\n\n'))
  return file
}

async function importFile(page: Page, file: string) {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('banner').getByRole('button', { name: 'Open Article…' }).click()
  await (await chooser).setFiles(file)
  await expect(page.locator('.article-title')).toHaveText('long-river-report')
}

/**
 * Select `text` in the reader as a mouse drag would, without scrolling: focusing
 * the whole (very tall) reader the way the shared helper does scrolls it to its top.
 */
async function selectText(page: Page, text: string) {
  await page.locator('.reader-text .block-group > p', { hasText: text }).evaluate((p, t) => {
    p.scrollIntoView({ block: 'center' })
    const node = [...p.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && (n as Text).data.includes(t)) as Text
    const at = node.data.indexOf(t)
    ;(p.closest('.reader-text') as HTMLElement).focus({ preventScroll: true })
    const range = document.createRange()
    range.setStart(node, at)
    range.setEnd(node, at + t.length)
    window.getSelection()!.removeAllRanges()
    window.getSelection()!.addRange(range)
  }, text)
  await expect(page.getByRole('toolbar', { name: 'Tag claim' })).toBeVisible()
}

/** Jump (not smooth-scroll) the reader to a fraction of its height, as dragging the scrollbar does. */
async function scrollReaderTo(page: Page, fraction: number) {
  await page.locator('.reader-scroll').evaluate((el, f) => {
    el.scrollTop = (el.scrollHeight - el.clientHeight) * f
  }, fraction)
}


test('claims far down a long article are drawn when the reader gets there, with their markers and numbers', async ({ page }) => {
  await page.goto('/')
  await waitForReader(page)
  await importFile(page, longArticleFile())

  await selectText(page, 'Paragraph marker P001')
  await page.keyboard.press('e')
  await answerAnalystPrompt(page)
  await expect(page.locator('.save-status')).toHaveText('Saved')

  await scrollReaderTo(page, 0.97)
  await selectText(page, 'Paragraph marker P298')
  await page.keyboard.press('s')
  await expect.poll(() => paintedTexts(page, 'speculative')).toEqual(['Paragraph marker P298'])
  await expect(page.locator('.save-status')).toHaveText('Saved')

  // Back at the top the first claim is still drawn; choosing the last one in the panel jumps down to it.
  await scrollReaderTo(page, 0)
  await expect.poll(() => paintedTexts(page, 'evidenced')).toEqual(['Paragraph marker P001'])
  await claimsPanel(page).getByRole('button', { name: /Paragraph marker P298/ }).click()
  await expect.poll(() => paintedTexts(page, 'speculative')).toEqual(['Paragraph marker P298'])
  const paragraph = page.locator('.reader-text .block-group > p', { hasText: 'Paragraph marker P298' })
  await expect(paragraph).toBeInViewport()

  // The marker sits in the right margin, outside the block that content-visibility clips (the screenshot shows it and the paragraph number).
  await expect(paragraph).toHaveAttribute('data-claim-marks', 'S')
  const [box, markerBox] = [await paragraph.boundingBox(), await markerBoxOf(paragraph)]
  expect(markerBox.width).toBeGreaterThan(0)
  expect(markerBox.x).toBeGreaterThan(box!.x + box!.width)
  // Its number (drawn by a CSS counter that each group of blocks resumes from --para-start) is its place among the paragraphs: P298 is the 299th.
  const number = await paragraph.evaluate((p) => {
    const start = Number(getComputedStyle(p.parentElement!).getPropertyValue('--para-start'))
    const before = [...p.parentElement!.children].slice(0, [...p.parentElement!.children].indexOf(p)).filter((b) => !/^H\d$/.test(b.tagName)).length
    return start + before + 1
  })
  expect(number).toBe(299)
  await page.screenshot({ path: 'test-results/screens/long-article-end.png' })
  await expect(claimsPanel(page).getByRole('listitem')).toHaveCount(2)

  // Reopened, one jump to the end (text the browser has never laid out) shows the claim there.
  await page.reload()
  await waitForReader(page)
  await expect.poll(() => paintedTexts(page, 'evidenced')).toEqual(['Paragraph marker P001'])
  await scrollReaderTo(page, 0.97)
  await expect.poll(() => paintedTexts(page, 'speculative')).toEqual(['Paragraph marker P298'])
})

test('focusing the reader from the keyboard keeps the reader’s place and puts the caret there', async ({ page }) => {
  await page.goto('/')
  await waitForReader(page)
  await importFile(page, longArticleFile())
  await scrollReaderTo(page, 0.5)
  const scroller = page.locator('.reader-scroll')
  const before = await scroller.evaluate((el) => el.scrollTop)
  expect(before).toBeGreaterThan(10_000)

  await page.locator('.reader-text').focus()
  await expect(page.locator('.reader-text')).toBeFocused()
  expect(Math.abs((await scroller.evaluate((el) => el.scrollTop)) - before)).toBeLessThan(2)
  // The caret sits in a paragraph on screen, so Shift+arrows select what the analyst is looking at.
  await page.keyboard.press('Shift+End')
  const selected = await page.evaluate(() => window.getSelection()!.toString())
  expect(selected.length).toBeGreaterThan(0)
  const caretBlock = page.locator('.reader-text .block-group > p', { hasText: selected.slice(0, 40) }).first()
  await expect(caretBlock).toBeInViewport()
})
