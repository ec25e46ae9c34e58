/**
 * Find in the article (Ctrl/Cmd+F) and print it (Ctrl/Cmd+P), as in every
 * desktop app: matches counted and stepped through, full-width and half-width
 * alike, painted as highlights that leave the claims as they were; and a
 * printout of the article with its claims and a legend, without the app.
 */
import { expect, test, type Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { answerAnalystPrompt, readerText, SEED_SPECULATION, selectInReader, waitForReader } from './support/app'
import { paintedStyle, paintedTexts } from './support/painted-claims'

const EVIDENCED_SENTENCE = 'ロシア経済は、2014年のクリミア併合以降、米国やEUによる厳しい制裁に直面してきた。'
const LAST_WORDS = '今後の展望と課題'

/** The text of the ranges in a named custom highlight. */
async function highlighted(page: Page, name: string): Promise<string[]> {
  return page.evaluate((n) => [...((CSS.highlights.get(n) as Highlight | undefined) ?? [])].map((r) => (r as Range).toString()), name)
}

async function tag(page: Page, text: string, key: 'e' | 's') {
  await selectInReader(page, text)
  await page.keyboard.press(key)
}

function occurrences(text: string, word: string): number {
  return text.split(word).length - 1
}

test('Ctrl/Cmd+F finds text in the article: count, next and previous, full-width alike, claims untouched', async ({ page }) => {
  await page.goto('/')
  await waitForReader(page)
  await tag(page, EVIDENCED_SENTENCE, 'e')
  await answerAnalystPrompt(page)
  await expect(page.locator('.save-status')).toHaveText('Saved')
  await expect.poll(() => paintedTexts(page, 'evidenced')).toEqual([EVIDENCED_SENTENCE])

  await page.keyboard.press('Control+f')
  const search = page.getByRole('search', { name: 'Find in article' })
  const field = search.getByRole('searchbox', { name: 'Find in article' })
  await expect(field).toBeFocused()

  // Full-width digits find the half-width year inside the claim.
  await field.fill('２０１４')
  const total2014 = occurrences(await readerText(page), '2014')
  await expect(search.locator('output')).toHaveText(`1 of ${total2014}`)
  expect(await highlighted(page, 'search-current')).toEqual(['2014'])
  // The claim is painted exactly as before, beside the search's own highlights.
  expect(await paintedTexts(page, 'evidenced')).toEqual([EVIDENCED_SENTENCE])

  // Next and previous, wrapping around; Enter and Shift+Enter do the same.
  const word = '会談'
  await field.fill(word)
  const total = occurrences(await readerText(page), word)
  expect(total).toBeGreaterThan(3)
  await expect(search.locator('output')).toHaveText(`1 of ${total}`)
  expect(await highlighted(page, 'search-match')).toHaveLength(total - 1)
  await field.press('Enter')
  await expect(search.locator('output')).toHaveText(`2 of ${total}`)
  await search.getByRole('button', { name: 'Next match' }).click()
  await expect(search.locator('output')).toHaveText(`3 of ${total}`)
  await field.press('Shift+Enter')
  await search.getByRole('button', { name: 'Previous match' }).click()
  await expect(search.locator('output')).toHaveText(`1 of ${total}`)
  await field.press('Shift+Enter')
  await expect(search.locator('output')).toHaveText(`${total} of ${total}`)
  // The current match is scrolled into the reader's view.
  const inView = await page.evaluate(() => {
    const range = [...(CSS.highlights.get('search-current') as Highlight)][0] as Range
    const box = range.getBoundingClientRect()
    const view = document.querySelector('.reader-scroll')!.getBoundingClientRect()
    return box.top >= view.top && box.bottom <= view.bottom
  })
  expect(inView).toBe(true)
  mkdirSync('test-results/screens', { recursive: true })
  await page.screenshot({ path: 'test-results/screens/search-en.png' })

  await field.fill('存在しない語句')
  await expect(search.locator('output')).toHaveText('No matches')

  // Escape closes the search, clears the highlights and puts the focus back in the text.
  await field.press('Escape')
  await expect(search).toBeHidden()
  expect(await highlighted(page, 'search-match')).toEqual([])
  await expect(page.locator('.reader-text')).toBeFocused()
})

test('find in the article in Japanese: half-width katakana and full-width Latin', async ({ page }) => {
  await page.goto('/')
  await waitForReader(page)
  await page.getByRole('banner').getByRole('button', { name: 'Preferences' }).click()
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ja')
  await page.getByRole('button', { name: '← 記事に戻る' }).click()
  await waitForReader(page)
  await page.keyboard.press('Control+f')
  const search = page.getByRole('search', { name: '記事内を検索' })
  await search.getByRole('searchbox').fill('ﾌﾟｰﾁﾝ')
  const total = occurrences(await readerText(page), 'プーチン')
  await expect(search.locator('output')).toHaveText(`1 / ${total} 件`)
  expect(await highlighted(page, 'search-current')).toEqual(['プーチン'])
  await search.getByRole('searchbox').fill('ｅｕ')
  await expect(search.locator('output')).toHaveText(/^1 \/ \d+ 件$/)
  expect(await highlighted(page, 'search-current')).toEqual(['EU'])
  await page.screenshot({ path: 'test-results/screens/search-ja.png' })
})

test('Ctrl/Cmd+P prints the article with its claims and a legend, not the app', async ({ page, context }) => {
  await context.addInitScript(() => {
    window.print = () => {
      const w = window as unknown as { __printCalls?: number }
      w.__printCalls = (w.__printCalls ?? 0) + 1
    }
  })
  await page.goto('/')
  await waitForReader(page)
  await tag(page, SEED_SPECULATION, 's')
  await answerAnalystPrompt(page)
  await tag(page, EVIDENCED_SENTENCE, 'e')
  await expect(page.locator('.save-status')).toHaveText('Saved')

  await page.locator('.reader-text').focus()
  await page.keyboard.press('Control+p')
  await expect.poll(() => page.evaluate(() => (window as unknown as { __printCalls?: number }).__printCalls)).toBe(1)

  await page.emulateMedia({ media: 'print' })
  for (const chrome of ['.app-bar', '.outline', '.claims-panel', '.suggestions-bar', '.status-line', '.first-run-hint']) {
    await expect(page.locator(chrome), chrome).toBeHidden()
  }
  const legend = page.locator('.print-legend')
  await expect(legend).toBeVisible()
  await expect(legend).toContainText('Claims of “Aiko Tanaka')
  await expect(legend).toContainText('evidenced (solid underline): 1 claim')
  await expect(legend).toContainText('speculative (wavy underline): 1 claim')
  await expect.poll(() => paintedTexts(page, 'speculative')).toEqual([SEED_SPECULATION])
  expect(await paintedStyle(page, 'speculative', 'text-decoration-style')).toBe('wavy')
  expect(await paintedStyle(page, 'evidenced', 'text-decoration-style')).toBe('solid')
  // The legend's samples wear the same marking.
  await expect(legend.locator('.claim--speculative')).toHaveCSS('text-decoration-style', 'wavy')
  await expect(legend.locator('.claim--evidenced')).toHaveCSS('text-decoration-style', 'solid')
  // One flowing page: nothing scrolls inside, every block group is laid out.
  await expect(page.locator('.reader-scroll')).toHaveCSS('overflow-y', 'visible')
  await expect(page.locator('.reader-text > .block-group').last()).toHaveCSS('content-visibility', 'visible')

  // What the printer gets: every page of the article, the legend, none of the app.
  await page.emulateMedia({ media: null })
  const pdf = join('test-results', 'print', 'reader.pdf')
  mkdirSync(join('test-results', 'print'), { recursive: true })
  await page.pdf({ path: pdf, format: 'A4', printBackground: true })
  // Reading order (no -layout): the claim markers in the margin do not land inside the quotes.
  const printed = execFileSync('pdftotext', [pdf, '-']).toString().replace(/\s+/g, '')
  expect(printed).toContain(LAST_WORDS)
  expect(printed).toContain('evidenced(solidunderline):')
  expect(printed).toContain('speculative(wavyunderline):')
  expect(printed).toContain(SEED_SPECULATION)
  for (const chrome of ['OpenArticle', 'Exportreport', 'Claimsindocumentorder', 'Outline']) expect(printed).not.toContain(chrome)
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())?.[1])
  expect(pages).toBeGreaterThan(1)
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, join('test-results', 'screens', 'print-reader')])
})
