/**
 * Helpers that drive the workbench the way a person does: launch on a profile
 * (and relaunch on the same one), select text in the reader, read what the
 * screen shows.
 */
import { chromium, expect, type BrowserContext, type Download, type Page } from '@playwright/test'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs'

export const SEED_SPECULATION = '欧米の結束に亀裂が拡大することは間違いない'

/** A fresh, empty browser profile folder. */
export function newProfile(): string {
  return mkdtempSync(join(tmpdir(), 'cw-profile-'))
}

/** Launch Chromium on `profile` (a persistent context, as a relaunched app would be) and open the workbench. */
export async function launchApp(baseURL: string, profile: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  })
  const page = context.pages()[0] ?? (await context.newPage())
  await page.goto(baseURL)
  return { context, page }
}

/** Wait for the reader to show an article. */
export async function waitForReader(page: Page): Promise<void> {
  await expect(page.locator('.reader-text')).toBeVisible()
}

/**
 * Select the `occurrence`-th appearance of `text` in the reader, as a mouse
 * drag would (a DOM selection that ProseMirror picks up).
 */
export async function selectInReader(page: Page, text: string, occurrence = 0, toolbarName = 'Tag claim'): Promise<void> {
  // A person cannot select within a frame of the last key press; let a pending
  // render (e.g. the desk catching up on a new claim) land before selecting.
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)))))
  await page.evaluate(
    ({ text, occurrence }) => {
      const root = document.querySelector('.reader-text')
      if (!root) throw new Error('reader not open')
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      // Text may be split across decoration spans: search the concatenation.
      const nodes: Text[] = []
      let all = ''
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push(n as Text)
        all += (n as Text).data
      }
      let at = -1
      for (let i = 0; i <= occurrence; i++) at = all.indexOf(text, at + 1)
      if (at < 0) throw new Error(`text not in reader: ${text}`)
      // A start at a node boundary belongs to the next node, an end to the previous one.
      const locate = (offset: number, isEnd: boolean): [Text, number] => {
        let seen = 0
        for (const node of nodes) {
          const inside = isEnd ? offset <= seen + node.data.length : offset < seen + node.data.length
          if (inside) return [node, offset - seen]
          seen += node.data.length
        }
        throw new Error('offset beyond text')
      }
      const [startNode, startOffset] = locate(at, false)
      const [endNode, endOffset] = locate(at + text.length, true)
      startNode.parentElement?.scrollIntoView({ block: 'center' })
      ;(root as HTMLElement).focus()
      const range = document.createRange()
      range.setStart(startNode, startOffset)
      range.setEnd(endNode, endOffset)
      const selection = window.getSelection()!
      selection.removeAllRanges()
      selection.addRange(range)
    },
    { text, occurrence },
  )
  await expect(page.getByRole('toolbar', { name: toolbarName })).toBeVisible()
}

/**
 * The reader's text content. (Not innerText: blocks off screen skip layout under
 * content-visibility, and innerText leaves their text out.)
 */
export async function readerText(page: Page): Promise<string> {
  return page.locator('.reader-text').evaluate((el) => el.textContent ?? '')
}

/** The claims panel landmark. */
export function claimsPanel(page: Page) {
  return page.getByRole('complementary', { name: 'Claims' })
}

/** Answer the "Who is reading?" prompt if it appears. */
export async function answerAnalystPrompt(page: Page, name = 'Aiko Tanaka'): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Who is reading?' })
  await dialog.waitFor({ state: 'visible', timeout: 5000 })
  await dialog.getByLabel('Your name').fill(name)
  await dialog.getByRole('button', { name: 'Start' }).click()
}

/** What an analyst types into the "Add counterpoint" form. */
export interface CounterpointEntry {
  text: string
  strength: 'weak' | 'moderate' | 'strong'
  source?: string
  url?: string
}

/** The counterpoint a NATO statement makes against the seed's 「間違いない」 claim, with a source URL. */
export const NATO_COUNTERPOINT: CounterpointEntry = {
  text: 'NATO members reaffirmed joint support for Ukraine a week later.',
  strength: 'strong',
  source: 'NATO press release, 25 Aug 2025',
  url: 'https://www.nato.int/news',
}

/** Fill in and submit the open claim's "Add counterpoint" form, once per entry. */
export async function addCounterpoints(page: Page, entries: readonly CounterpointEntry[]): Promise<void> {
  const form = page.getByRole('region', { name: 'Claim' }).getByRole('form', { name: 'Add counterpoint' })
  for (const entry of entries) {
    await form.getByLabel('Counterpoint').fill(entry.text)
    await form.getByLabel('Strength').selectOption(entry.strength)
    if (entry.source) await form.getByLabel('Source (optional)').fill(entry.source)
    if (entry.url) await form.getByLabel('Source URL (optional)').fill(entry.url)
    await form.getByRole('button', { name: 'Add counterpoint' }).click()
  }
}

/**
 * The article's title as a reader sees it: the page's level-1 heading, whether
 * the header draws it or the article opens with it (then it is shown once).
 */
export function articleTitle(page: Page) {
  return page.getByRole('main', { name: 'Article' }).getByRole('heading', { level: 1 })
}

/** Switch the UI to Japanese the keyboard way: the command palette's 日本語に切り替え. */
export async function switchToJapaneseByPalette(page: Page): Promise<void> {
  await page.keyboard.press('Control+k')
  const input = page.locator('dialog.palette').getByRole('combobox')
  await input.fill('日本語に切り替え')
  await expect(page.locator('dialog.palette').getByRole('option', { name: '日本語に切り替え' })).toBeVisible()
  await input.press('Enter')
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja')
}

/**
 * On a fresh profile: tag the seed's speculative claim, wait for "Saved", then
 * Preferences ▸ Back up everything. Resolves the backup's download.
 */
export async function tagSeedAndBackUp(page: Page): Promise<Download> {
  await waitForReader(page)
  await selectInReader(page, SEED_SPECULATION)
  await page.keyboard.press('s')
  await answerAnalystPrompt(page)
  await expect(page.locator('.save-status')).toHaveText('Saved')
  await page.getByRole('banner').getByRole('button', { name: 'Preferences' }).click()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Back up everything' }).click()
  return download
}
