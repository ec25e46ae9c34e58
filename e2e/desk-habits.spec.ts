/**
 * Habits a first-time analyst expects of a desktop app, driven as they would
 * try them: Preferences has a way back (button and Escape); deleting a claim
 * moves the focus to the next one and offers Undo; the claim filter finds
 * claims by the sources of their evidence and counterpoints; an article shows
 * its title once and can be renamed from the reader; the lexicon shows words,
 * not regular expressions.
 */
import { expect, test, type Page } from '@playwright/test'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { addCounterpoints, answerAnalystPrompt, claimsPanel, SEED_SPECULATION, selectInReader, waitForReader } from './support/app'

const EVIDENCED_SENTENCE = 'ロシア経済は、2014年のクリミア併合以降、米国やEUによる厳しい制裁に直面してきた。'

function claimItems(page: Page) {
  return claimsPanel(page).getByRole('list', { name: 'Claims in document order' }).getByRole('listitem')
}

async function tagTwo(page: Page) {
  await selectInReader(page, SEED_SPECULATION)
  await page.keyboard.press('s')
  await answerAnalystPrompt(page)
  await selectInReader(page, EVIDENCED_SENTENCE)
  await page.keyboard.press('e')
  await expect(claimItems(page)).toHaveCount(2)
  await expect(page.locator('.save-status')).toHaveText('Saved')
}

function articleFile(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'cw-title-')), name)
  writeFileSync(file, text)
  return file
}

async function openArticle(page: Page, file: string) {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('banner').getByRole('button', { name: 'Open Article…' }).click()
  await (await chooser).setFiles(file)
  await waitForReader(page)
}

test('Preferences has a way back: the Back button and Escape return to the article, or to the library', async ({ page }) => {
  await page.goto('/')
  await waitForReader(page)
  const prefs = page.getByRole('heading', { name: 'Preferences', level: 1 })
  await page.getByRole('banner').getByRole('button', { name: 'Preferences' }).click()
  await expect(prefs).toBeVisible()
  await page.getByRole('button', { name: '← Back to the article' }).click()
  await waitForReader(page)

  await page.getByRole('banner').getByRole('button', { name: 'Preferences' }).click()
  await expect(prefs).toBeVisible()
  await page.keyboard.press('Escape')
  await waitForReader(page)

  // Escape that closes the lexicon dialog stays in Preferences.
  await page.getByRole('banner').getByRole('button', { name: 'Preferences' }).click()
  await page.getByRole('button', { name: 'Edit the lexicon…' }).click()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog', { name: 'Suggestion lexicon' })).toBeHidden()
  await expect(prefs).toBeVisible()

  await page.getByRole('banner').getByRole('button', { name: 'Library' }).click()
  await page.getByRole('banner').getByRole('button', { name: 'Preferences' }).click()
  await page.getByRole('button', { name: '← Back to the library' }).click()
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible()
})

test('Delete claim moves the focus to the next claim and offers Undo for a few seconds', async ({ page }) => {
  await page.goto('/')
  await waitForReader(page)
  await tagTwo(page)
  // Document order: the evidenced sentence (¶16) comes before the speculation (¶17).
  await claimItems(page).first().getByRole('button').click()
  const detail = page.getByRole('region', { name: 'Claim' })
  await detail.getByRole('button', { name: 'Delete claim' }).click()
  await expect(claimItems(page)).toHaveCount(1)
  await expect(claimItems(page).first().getByRole('button')).toBeFocused()
  await expect(claimItems(page).first()).toContainText(SEED_SPECULATION)
  const notice = page.getByRole('status').filter({ hasText: 'Deleted the claim' })
  await expect(notice).toBeVisible()
  await notice.getByRole('button', { name: 'Undo' }).click()
  await expect(claimItems(page)).toHaveCount(2)
  await expect(notice).toBeHidden()

  // The last claim deleted: the focus goes to the list's pane.
  for (let left = 2; left > 0; left--) {
    await claimItems(page).first().getByRole('button').click()
    await detail.getByRole('button', { name: 'Delete claim' }).click()
    await expect(claimsPanel(page).locator('.claim-item')).toHaveCount(left - 1)
  }
  await expect(claimsPanel(page).locator('.claims-browse')).toBeFocused()
})

test('the claim filter finds claims by the sources of their counterpoints and evidence, full-width or not', async ({ page }) => {
  await page.goto('/')
  await waitForReader(page)
  await tagTwo(page)
  await claimItems(page).last().getByRole('button').click()
  await expect(page.getByRole('region', { name: 'Claim' }).locator('blockquote')).toHaveText(SEED_SPECULATION)
  await addCounterpoints(page, [{ text: 'European capitals issued a joint statement the next day.', strength: 'moderate', source: 'Reuters, 19 Aug 2025' }])
  await expect(page.locator('.save-status')).toHaveText('Saved')
  const filter = claimsPanel(page).getByRole('searchbox')
  await filter.fill('reuters')
  await expect(claimItems(page)).toHaveCount(1)
  await expect(claimItems(page).first()).toContainText(SEED_SPECULATION)
  await filter.fill('ＲＥＵＴＥＲＳ')
  await expect(claimItems(page)).toHaveCount(1)
  await filter.fill('AP News')
  await expect(claimsPanel(page).locator('.claims-empty')).toBeVisible()
})

test('an article shows its title once, takes a plain-text title line, and is renamed from the reader', async ({ page }) => {
  await page.goto('/')
  await waitForReader(page)
  await openArticle(page, articleFile('night-trains.md', '---\ntitle: Night trains return\ndate: 2025-09-02\n---\n\n# Night trains return\n\nSleepers are back.\n\n## The numbers\n\nTwelve new routes opened.\n'))
  await expect(page.locator('.reader-page')).toContainText('Night trains return')
  const titleShown = page.locator('.reader-page').getByText('Night trains return', { exact: true })
  await expect(titleShown).toHaveCount(1)
  const outline = page.getByRole('navigation', { name: 'Outline' })
  await expect(outline.getByRole('button')).toHaveText(['The numbers'])

  await openArticle(page, articleFile('draft-7.txt', 'The rent cap that never was\n\nThe council voted on Tuesday to shelve the cap.\n'))
  await expect(page.locator('.reader-page').getByText('The rent cap that never was', { exact: true })).toHaveCount(1)
  await page.getByRole('banner').getByRole('button', { name: 'Library' }).click()
  await expect(page.getByRole('table').getByRole('button', { name: 'The rent cap that never was', exact: true })).toBeVisible()

  // A file-named article renamed from the reader's header.
  await openArticle(page, articleFile('scan-0042.txt', 'It rained all week in the river towns.\n\nThe ferries kept running.\n'))
  await expect(page.locator('.article-title')).toHaveText('scan-0042')
  await page.getByRole('button', { name: 'Rename scan-0042' }).click()
  const dialog = page.getByRole('dialog', { name: 'Rename article' })
  await dialog.getByLabel('Title').fill('River towns in the rain')
  await dialog.getByRole('button', { name: 'Rename' }).click()
  await expect(page.locator('.article-title')).toHaveText('River towns in the rain')
  await page.getByRole('banner').getByRole('button', { name: 'Library' }).click()
  await expect(page.getByRole('table').getByRole('button', { name: 'River towns in the rain', exact: true })).toBeVisible()
})

test('the lexicon shows each cue as the words it matches, with its pattern behind a switch', async ({ page }) => {
  await page.goto('/')
  await waitForReader(page)
  await page.getByRole('banner').getByRole('button', { name: 'Preferences' }).click()
  await page.getByRole('button', { name: 'Edit the lexicon…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Suggestion lexicon' })
  const row = dialog.locator('.cue-row').filter({ hasText: '間違いない' })
  await expect(row.locator('.cue-word')).toHaveText(['間違いない', '間違いなく', '間違いがない', '間違いはない'])
  await expect(dialog.locator('.lexicon-list')).not.toContainText('(?:')
  await dialog.getByRole('checkbox', { name: 'Show patterns (advanced)' }).check()
  await expect(row.locator('code')).toHaveText('間違い(?:ない|なく|がない|はない)')
  await page.screenshot({ path: 'test-results/screens/lexicon-words-en.png' })
})
