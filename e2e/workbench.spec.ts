/**
 * The workbench as a whole: two languages, keyboard-first operation, themes
 * that persist, backup and restore, and an accessibility scan of every main
 * screen. Screenshots of the main screens in both languages and themes.
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { copyFileSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { answerAnalystPrompt, tagSeedAndBackUp, claimsPanel, launchApp, newProfile, SEED_SPECULATION, selectInReader, waitForReader } from './support/app'
import { paintedTexts } from './support/painted-claims'

async function seriousViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  return bad.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)
}

async function tabUntil(page: Page, isTarget: () => boolean, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate(isTarget)) return
    await page.keyboard.press('Tab')
  }
  throw new Error('focus never reached the target')
}

test('switch the whole UI to Japanese and back, native-like menus included', async ({ page }) => {
  await page.goto('/')
  await waitForReader(page)
  const menubar = page.getByRole('menubar')
  await menubar.getByRole('menuitem', { name: 'File' }).click()
  await expect(page.getByRole('menu', { name: 'File' }).getByRole('menuitem', { name: /Open Article…/ })).toBeVisible()
  await page.keyboard.press('Escape')

  await page.getByRole('banner').getByRole('button', { name: 'Preferences' }).click()
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ja')
  await expect(page.getByRole('heading', { name: '環境設定', level: 1 })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja')
  await menubar.getByRole('menuitem', { name: 'ファイル' }).click()
  await expect(page.getByRole('menu', { name: 'ファイル' }).getByRole('menuitem', { name: /記事を開く…/ })).toBeVisible()
  await page.keyboard.press('Escape')
  await page.getByRole('banner').getByRole('button', { name: 'ライブラリ' }).click()
  await expect(page.getByRole('heading', { name: 'ライブラリ', level: 1 })).toBeVisible()
  await expect(page.getByRole('columnheader', { name: 'タイトル' })).toBeVisible()
  await expect(page.getByRole('cell', { name: '日本語' })).toBeVisible()
  await page.screenshot({ path: 'test-results/screens/library-ja.png' })
  await page.getByRole('button', { name: 'alaska-summit-2025-08-18' }).first().click()
  await waitForReader(page)
  await expect(page.getByRole('complementary', { name: '主張' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: '見出し' })).toBeVisible()
  await expect(page.locator('.article-meta time')).toHaveText('2025年8月18日')
  await page.screenshot({ path: 'test-results/screens/reader-ja.png' })
  await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'))
  await page.screenshot({ path: 'test-results/screens/reader-ja-dark.png' })
  await page.evaluate(() => (document.documentElement.dataset.theme = 'system'))

  await page.getByRole('banner').getByRole('button', { name: '環境設定' }).click()
  await page.getByRole('combobox', { name: '表示言語' }).selectOption('en')
  await expect(page.getByRole('heading', { name: 'Preferences', level: 1 })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
})

test('the command palette runs "Export report" with the keyboard alone', async ({ page }) => {
  await page.goto('/')
  await waitForReader(page)
  await selectInReader(page, SEED_SPECULATION)
  await page.keyboard.press('s')
  await answerAnalystPrompt(page)
  await expect(page.locator('.save-status')).toHaveText('Saved')
  await page.locator('.article-title').click()
  await page.keyboard.press('Control+K')
  const palette = page.getByRole('dialog', { name: 'Command palette' })
  await expect(palette).toBeVisible()
  await page.keyboard.type('report markdown')
  await expect(palette.getByRole('option')).toHaveCount(1)
  const download = page.waitForEvent('download')
  await page.keyboard.press('Enter')
  const file = await (await download).path()
  expect(readFileSync(file, 'utf8')).toContain(SEED_SPECULATION)
  await expect(palette).toBeHidden()
  // The shortcuts sheet answers "?".
  await page.locator('.article-title').click()
  await page.keyboard.press('?')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Tag the selection as speculative')
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden()
})

test('the palette, the menus and the ? sheet offer Compare, the Suggestions switch and every key, in both languages', async ({ page }) => {
  await page.goto('/')
  await waitForReader(page)
  // The Suggestions switch from the palette.
  await page.keyboard.press('Control+K')
  const palette = page.getByRole('dialog', { name: 'Command palette' })
  await page.keyboard.type('suggestions on')
  await expect(palette.getByRole('option')).toHaveCount(1)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: 'Suggestions' })).toHaveAttribute('aria-pressed', 'true')
  // Compare is offered, disabled while the document has a single set or none.
  await page.keyboard.press('Control+K')
  await page.keyboard.type('compare')
  await expect(palette.getByRole('option', { name: /Compare sets/i })).toHaveAttribute('aria-disabled', 'true')
  await page.keyboard.press('Escape')
  // The in-app View menu holds both.
  await page.getByRole('menubar').getByRole('menuitem', { name: 'View' }).click()
  const view = page.getByRole('menu', { name: 'View' })
  await expect(view.getByRole('menuitem', { name: /Compare Sets/ })).toBeDisabled()
  await expect(view.getByRole('menuitem', { name: /Suggestions on or off/ })).toBeEnabled()
  await page.keyboard.press('Escape')
  // The sheet lists the suggestion keys too.
  await page.locator('.article-title').click()
  await page.keyboard.press('?')
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  for (const [label, key] of <[string, string][]>[
    ['Next suggestion', 'N'],
    ['Previous suggestion', 'P'],
    ['Accept the suggestion', 'A'],
    ['Dismiss the suggestion', 'D'],
    ['Undo', 'Ctrl+Z'],
    ['Next claim', 'J'],
  ]) {
    await expect(sheet.locator('tr', { has: page.getByRole('rowheader', { name: label, exact: true }) }).getByRole('cell')).toHaveText(key)
  }
  await page.screenshot({ path: 'test-results/screens/shortcuts-sheet-en.png' })
  await page.keyboard.press('Escape')
  await page.keyboard.press('Control+K')
  await page.keyboard.type('日本語')
  await page.keyboard.press('Enter')
  await page.locator('.article-title').click()
  await page.keyboard.press('?')
  const sheetJa = page.getByRole('dialog', { name: 'キーボードショートカット' })
  await expect(sheetJa.locator('tr', { has: page.getByRole('rowheader', { name: '候補を却下', exact: true }) }).getByRole('cell')).toHaveText('D')
  await page.screenshot({ path: 'test-results/screens/shortcuts-sheet-ja.png' })
  await page.keyboard.press('Escape')
  await page.keyboard.press('Control+K')
  await page.keyboard.type('比較')
  await page.screenshot({ path: 'test-results/screens/palette-ja.png' })
})

test('tag a claim and add a counterpoint with the keyboard only', async ({ page }) => {
  await page.goto('/')
  await waitForReader(page)
  // Tab into the article; the caret lands at its start.
  await tabUntil(page, () => document.activeElement?.classList.contains('reader-text') ?? false)
  await page.keyboard.press('Control+Home')
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight')
  await expect(page.getByRole('toolbar', { name: 'Tag claim' })).toBeVisible()
  await page.keyboard.press('w')
  await page.keyboard.press('s')
  const dialog = page.getByRole('dialog', { name: 'Who is reading?' })
  await expect(dialog).toBeVisible()
  await page.keyboard.type('Aiko Tanaka')
  await page.keyboard.press('Enter')
  await expect.poll(() => paintedTexts(page, 'speculative')).toEqual(['2025年8月、アラスカで開催された米露首脳会談が世界の注目を集めた。'])

  await tabUntil(page, () => document.activeElement?.getAttribute('placeholder') === 'What speaks against this claim?')
  await page.keyboard.type('Attention is not the same as significance.')
  await page.keyboard.press('Tab')
  await page.keyboard.press('ArrowDown')
  await tabUntil(page, () => document.activeElement?.textContent === 'Add counterpoint')
  await page.keyboard.press('Enter')
  const detail = page.getByRole('region', { name: 'Claim' })
  await expect(detail.getByRole('heading', { name: 'Counterpoints (1)' })).toBeVisible()
  await expect(detail.locator('.counterpoint')).toContainText('Strong')
  await expect(page.locator('.save-status')).toHaveText('Saved')
})

test('the dark theme persists across a relaunch', async ({ baseURL }) => {
  const profile = newProfile()
  let { context, page } = await launchApp(baseURL!, profile)
  await waitForReader(page)
  await page.keyboard.press('Control+K')
  await page.keyboard.type('dark theme')
  await page.keyboard.press('Enter')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await context.close()
  ;({ context, page } = await launchApp(baseURL!, profile))
  await waitForReader(page)
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  expect(background).toBe('rgb(27, 29, 32)')
  await page.screenshot({ path: 'test-results/screens/reader-dark-en.png' })
  await context.close()
})

test('back up everything, restore into a fresh profile, and get the same library', async ({ baseURL }) => {
  let { context, page } = await launchApp(baseURL!, newProfile())
  const download = tagSeedAndBackUp(page)
  // The download goes with its browser context: keep a copy for the second profile.
  const backup = join(tmpdir(), `cw-backup-${Date.now()}.json`)
  copyFileSync(await (await download).path(), backup)
  await context.close()

  ;({ context, page } = await launchApp(baseURL!, newProfile()))
  await waitForReader(page)
  await page.getByRole('banner').getByRole('button', { name: 'Preferences' }).click()
  // A bad file is refused and changes nothing.
  const badChooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Restore from backup…' }).click()
  await (await badChooser).setFiles({ name: 'not-a-backup.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') })
  await expect(page.getByRole('alert')).toContainText('not a Critique Workbench backup')

  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Restore from backup…' }).click()
  await (await chooser).setFiles(backup)
  const confirm = page.getByRole('dialog', { name: 'Replace everything with this backup?' })
  await expect(confirm).toContainText('1 documents, 1 sets and 1 claims')
  await confirm.getByRole('button', { name: 'Replace with backup' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Restored' })).toBeVisible()
  await page.getByRole('banner').getByRole('button', { name: 'Library' }).click()
  await expect(page.getByRole('table').locator('tbody tr')).toHaveCount(1)
  await page.getByRole('table').getByRole('button', { name: 'alaska-summit-2025-08-18', exact: true }).click()
  await waitForReader(page)
  await expect.poll(() => paintedTexts(page, 'speculative')).toEqual([SEED_SPECULATION])
  await context.close()
})

test('no serious or critical accessibility violations on the main screens, light and dark', async ({ page }) => {
  const problems: string[] = []
  await page.goto('/')
  await waitForReader(page)
  await selectInReader(page, SEED_SPECULATION)
  await page.keyboard.press('s')
  await answerAnalystPrompt(page)
  await expect(page.locator('.save-status')).toHaveText('Saved')
  await page.getByRole('button', { name: 'Got it' }).click()
  for (const theme of ['light', 'dark'] as const) {
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme)
    problems.push(...(await seriousViolations(page, `reader + claim detail (${theme})`)))
    await page.screenshot({ path: `test-results/screens/reader-claims-${theme}.png` })
  }
  await page.evaluate(() => (document.documentElement.dataset.theme = 'light'))
  // Compare mode needs two sets.
  await claimsPanel(page).getByRole('button', { name: 'New set' }).click()
  await page.getByRole('dialog', { name: 'New annotation set' }).getByRole('button', { name: 'Create set' }).click()
  // The new, empty set becomes the active one.
  await expect(claimsPanel(page).locator('.claims-empty')).toBeVisible()
  await selectInReader(page, SEED_SPECULATION)
  await page.keyboard.press('e')
  await expect(page.locator('.save-status')).toHaveText('Saved')
  await claimsPanel(page).getByRole('button', { name: /Compare sets/i }).click()
  const chooser = page.getByRole('dialog')
  await chooser.getByRole('button', { name: /Compare/ }).last().click()
  await expect(page.getByText(/Stance conflicts/).first()).toBeVisible()
  problems.push(...(await seriousViolations(page, 'compare')))
  await page.keyboard.press('Escape')

  await page.getByRole('banner').getByRole('button', { name: 'Library' }).click()
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible()
  problems.push(...(await seriousViolations(page, 'library')))
  await page.getByRole('banner').getByRole('button', { name: 'Preferences' }).click()
  await expect(page.getByRole('heading', { name: 'Preferences', level: 1 })).toBeVisible()
  problems.push(...(await seriousViolations(page, 'preferences')))
  await page.screenshot({ path: 'test-results/screens/preferences-en.png', fullPage: true })
  // The suggestion lexicon is editable from Preferences too.
  await page.getByRole('button', { name: 'Edit the lexicon…' }).click()
  const lexicon = page.getByRole('dialog')
  await expect(lexicon).toContainText('間違いない')
  await page.keyboard.press('Escape')
  await expect(lexicon).toBeHidden()
  expect(problems).toEqual([])
})
