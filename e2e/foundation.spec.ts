/**
 * Foundation flows: the bundled article opens by default and reads well, the
 * library imports and refuses files as a user would meet them, and nothing is
 * lost across a relaunch.
 */
import { expect, test, type Page } from '@playwright/test'
import { join } from 'node:path'
import { articleTitle, launchApp, newProfile, readerText, SEED_SPECULATION, waitForReader } from './support/app'

const FIXTURES = join(__dirname, '..', 'fixtures', 'articles')
const SEED_HEADINGS = ['会談の背景とプーチンの戦略的アプローチ', 'ウクライナ問題を「蚊帳の外」に', '制裁緩和と欧州への牽制', '今後の展望と課題']

async function importViaButton(page: Page, file: string) {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('banner').getByRole('button', { name: 'Open Article…' }).click()
  await (await chooser).setFiles(join(FIXTURES, file))
}

test('the bundled article opens by default with its four headings, and the outline jumps to each', async ({ page }) => {
  await page.goto('/')
  await waitForReader(page)
  const reader = page.locator('.reader-text')
  await expect(reader.getByRole('heading', { level: 2 })).toHaveText(SEED_HEADINGS)
  await expect(page.locator('.article-meta time')).toHaveAttribute('datetime', '2025-08-18')
  // The date token is metadata, not body text.
  expect(await readerText(page)).not.toContain('date 2025-08-18')
  expect(await readerText(page)).toContain(SEED_SPECULATION)

  const outline = page.getByRole('navigation', { name: 'Outline' })
  for (const heading of [...SEED_HEADINGS].reverse()) {
    await outline.getByRole('button', { name: heading }).click()
    await expect(reader.getByRole('heading', { name: heading })).toBeInViewport()
  }

  // Japanese must render with real glyphs: the CJK font is installed and used.
  const fontOk = await page.evaluate(() => document.fonts.check('17px "Noto Serif CJK JP"', '欧米'))
  expect(fontOk).toBe(true)
  await page.getByRole('button', { name: 'Got it' }).click()
  await page.screenshot({ path: 'test-results/screens/reader-seed.png' })
})

test('typing, pasting, cutting, dropping and IME composition change nothing in the reader', async ({ page, context }) => {
  await page.goto('/')
  await waitForReader(page)
  const before = await readerText(page)
  const firstParagraph = page.locator('.reader-text .block-group > p').first()
  await firstParagraph.click()
  await page.keyboard.type('xyz 改竄')
  await page.keyboard.press('Backspace')
  await page.keyboard.press('Delete')
  await page.keyboard.press('Enter')
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.evaluate(() => navigator.clipboard.writeText('PASTED TEXT'))
  await page.keyboard.press('Control+V')
  await page.keyboard.press('Control+A')
  await page.keyboard.press('Control+X')
  // An IME composition, as a Japanese input method sends it.
  const cdp = await context.newCDPSession(page)
  await firstParagraph.click()
  await cdp.send('Input.imeSetComposition', { text: 'にほんご', selectionStart: 4, selectionEnd: 4 })
  await cdp.send('Input.insertText', { text: '日本語' })
  // The view has seen the input (ProseMirror reads DOM changes in a mutation observer) once two frames are drawn.
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))))
  expect(await readerText(page)).toBe(before)
})

test('imports .txt, .md and .html; strips everything executable from hostile HTML', async ({ page }) => {
  await page.goto('/')
  await waitForReader(page)

  await importViaButton(page, 'river-towns-2024-05-02.txt')
  await expect(page.locator('.article-title')).toHaveText('river-towns-2024-05-02')
  await expect(page.locator('.reader-text').getByRole('heading', { level: 2 })).toHaveText(['What the towns did', 'What comes next'])

  await importViaButton(page, 'sample-article.md')
  await expect(articleTitle(page)).toHaveText('Why Cities Should Bet on Night Trains')
  await expect(page.locator('.reader-text a[href="https://www.iea.org/"]')).toHaveText('International Energy Agency')
  await expect(page.locator('.reader-text em').first()).toHaveText('more')

  await importViaButton(page, 'sample-article.html')
  await expect(articleTitle(page)).toHaveText('A Quiet Case for Public Libraries')

  await importViaButton(page, 'hostile.html')
  await waitForReader(page)
  await expect(page.locator('.article-title')).toContainText('Hostile')
  const reader = page.locator('.reader-text')
  await expect(reader.locator('script, iframe, object, embed, svg, img, style, [onerror], [onload], [onclick]')).toHaveCount(0)
  for (const href of await reader.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) {
    expect(href).toMatch(/^(https?:|mailto:)/)
  }
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined()

  await page.getByRole('banner').getByRole('button', { name: 'Library' }).click()
  const rows = page.getByRole('table').locator('tbody tr')
  await expect(rows).toHaveCount(5)
})

test('binary, empty and non-UTF-8 files are refused with a message and the library is unchanged', async ({ page }) => {
  await page.goto('/')
  await waitForReader(page)
  await page.getByRole('banner').getByRole('button', { name: 'Library' }).click()
  const rows = page.getByRole('table').locator('tbody tr')
  await expect(rows).toHaveCount(1)

  for (const [file, reason] of [
    ['binary.bin', /binary/i],
    ['empty.txt', /empty/i],
    ['not-utf8.txt', /UTF-8/i],
  ] as const) {
    await importViaButton(page, file)
    const alert = page.getByRole('alert').filter({ hasText: file })
    await expect(alert).toContainText(reason)
    await alert.getByRole('button', { name: 'Dismiss message' }).click()
    await expect(rows).toHaveCount(1)
  }
})

test('the library renames and, after confirmation, deletes; documents survive a relaunch', async ({ baseURL }) => {
  const profile = newProfile()
  let { context, page } = await launchApp(baseURL!, profile)
  await waitForReader(page)
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('banner').getByRole('button', { name: 'Open Article…' }).click()
  await (await chooser).setFiles(join(FIXTURES, 'sample-article.md'))
  await expect(articleTitle(page)).toHaveText('Why Cities Should Bet on Night Trains')
  await context.close()

  ;({ context, page } = await launchApp(baseURL!, profile))
  await waitForReader(page)
  await page.getByRole('banner').getByRole('button', { name: 'Library' }).click()
  const table = page.getByRole('table')
  await expect(table.locator('tbody tr')).toHaveCount(2)
  await expect(table).toContainText('Why Cities Should Bet on Night Trains')
  await expect(table).toContainText('alaska-summit-2025-08-18')
  await expect(table).toContainText('Japanese')

  await page.getByRole('button', { name: 'Rename alaska-summit-2025-08-18' }).click()
  const rename = page.getByRole('dialog', { name: 'Rename article' })
  await rename.getByLabel('Title').fill('アラスカ米露首脳会談の分析')
  await rename.getByRole('button', { name: 'Rename' }).click()
  await expect(table).toContainText('アラスカ米露首脳会談の分析')

  await page.getByRole('button', { name: 'Delete Why Cities Should Bet on Night Trains' }).click()
  const confirm = page.getByRole('dialog', { name: 'Delete article?' })
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(table.locator('tbody tr')).toHaveCount(2)
  await page.getByRole('button', { name: 'Delete Why Cities Should Bet on Night Trains' }).click()
  await confirm.getByRole('button', { name: 'Delete' }).click()
  await expect(table.locator('tbody tr')).toHaveCount(1)
  await page.screenshot({ path: 'test-results/screens/library.png' })
  await context.close()

  ;({ context, page } = await launchApp(baseURL!, profile))
  await page.getByRole('banner').getByRole('button', { name: 'Library' }).click()
  await expect(page.getByRole('table').locator('tbody tr')).toHaveCount(1)
  await expect(page.getByRole('table')).toContainText('アラスカ米露首脳会談の分析')
  await context.close()
})
