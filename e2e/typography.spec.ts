/**
 * Japanese is never set in fake italics: not in the app (the import dialog's
 * 「選択範囲に付ける」, Compare's "none" lines, the orphan list) and not in the
 * reports it exports (「記録なし。」). CJK fonts have no italic, so a slanted
 * glyph is always a synthesised one.
 */
import { expect, test, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { waitForReader } from './support/app'

const HYPOTHESIS = join(__dirname, '..', 'fixtures', 'w3c', 'hypothesis-seed.json')

/** Text of every element whose own text has CJK characters and which is drawn slanted. */
async function slantedCjk(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cjk = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uff00-\uffef]/
    const out: string[] = []
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? '').join('')
      if (!cjk.test(own)) continue
      const style = getComputedStyle(el).fontStyle
      if (style !== 'normal') out.push(`${el.tagName.toLowerCase()}.${el.className}: ${own.trim().slice(0, 30)} (${style})`)
    }
    return out
  })
}

test('no Japanese text is slanted, in the app in 日本語 or in its Japanese report', async ({ page }, testInfo) => {
  await page.goto('/')
  await waitForReader(page)
  await page.getByRole('banner').getByRole('button', { name: 'Preferences' }).click()
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ja')
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja')
  await page.getByRole('banner').getByRole('button', { name: 'ライブラリ' }).click()
  await page.getByRole('button', { name: 'alaska-summit-2025-08-18' }).first().click()
  await waitForReader(page)

  // The import dialog's orphan hint names a button in <em>.
  const chooser = page.waitForEvent('filechooser')
  await page.locator('.reader-text').click()
  await page.keyboard.press('Control+Shift+I')
  await (await chooser).setFiles(HYPOTHESIS)
  const result = page.getByRole('dialog', { name: '取り込み結果' })
  const named = result.locator('em', { hasText: '選択範囲に付ける' })
  await expect(named).toBeVisible()
  await expect(named).toHaveCSS('font-style', 'normal')
  expect(await slantedCjk(page)).toEqual([])
  await page.screenshot({ path: 'test-results/screens/typography-import-ja.png' })
  await result.getByRole('button', { name: '完了' }).click()
  // The orphan list under the claims says the same.
  await expect(page.locator('.orphans-hint em')).toHaveCSS('font-style', 'normal')
  expect(await slantedCjk(page)).toEqual([])

  // The imported claims have no evidence recorded: the report says 「記録なし。」, upright.
  const download = page.waitForEvent('download')
  await page.locator('.report-export-toggle').click()
  await page.getByRole('group', { name: '批評レポートの書き出し' }).getByRole('button', { name: /^HTML\b/ }).click()
  const file = testInfo.outputPath('report-ja.html')
  await (await download).saveAs(file)
  expect(readFileSync(file, 'utf8')).toContain('記録なし。')
  const viewer = await page.context().newPage()
  await viewer.goto(pathToFileURL(file).href)
  await expect(viewer.locator('.none', { hasText: '記録なし。' }).first()).toHaveCSS('font-style', 'normal')
  expect(await slantedCjk(viewer)).toEqual([])
  await viewer.close()
})

