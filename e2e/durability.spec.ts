/**
 * Crash durability: what the app says is saved survives the browser being
 * killed outright (SIGKILL of every Chromium process, no shutdown, no flush)
 * the moment after. Each flow does one thing, waits for the app to show it
 * done, kills, relaunches on the same profile and looks: a tagged claim
 * ("Saved"), an imported article (it opens in the reader), a deleted article
 * (its row leaves the library), a note being typed (killed once "Saved" shows,
 * and killed 100 ms after the last key without waiting for anything).
 */
import { expect, test, type Page } from '@playwright/test'
import { join } from 'node:path'
import { answerAnalystPrompt, articleTitle, claimsPanel, newProfile, SEED_SPECULATION, selectInReader, waitForReader } from './support/app'
import { launchKillable } from './support/killable-chromium'
import { paintedTexts } from './support/painted-claims'

const FIXTURES = join(__dirname, '..', 'fixtures', 'articles')
const IMPORTED_TITLE = 'Why Cities Should Bet on Night Trains'

function claimItems(page: Page) {
  return claimsPanel(page).getByRole('list', { name: 'Claims in document order' }).getByRole('listitem')
}

function libraryRows(page: Page) {
  return page.getByRole('table').locator('tbody tr')
}

async function openLibrary(page: Page) {
  await page.getByRole('banner').getByRole('button', { name: 'Library' }).click()
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible()
}

async function importArticle(page: Page, file: string) {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('banner').getByRole('button', { name: 'Open Article…' }).click()
  await (await chooser).setFiles(join(FIXTURES, file))
}

test('a tagged claim shown as Saved survives a hard kill', async ({ baseURL }) => {
  const profile = newProfile()
  const first = await launchKillable(profile, baseURL!)
  await waitForReader(first.page)
  await selectInReader(first.page, SEED_SPECULATION)
  await first.page.keyboard.press('s')
  await answerAnalystPrompt(first.page)
  await expect(first.page.locator('.save-status')).toHaveText('Saved')
  await first.killHard()

  const second = await launchKillable(profile, baseURL!)
  try {
    await waitForReader(second.page)
    await expect(claimItems(second.page)).toHaveCount(1)
    await expect(claimItems(second.page).first()).toContainText('Speculative')
    await expect.poll(() => paintedTexts(second.page, 'speculative')).toEqual([SEED_SPECULATION])
  } finally {
    await second.killHard()
  }
})

test('an imported article survives a hard kill right after it opens', async ({ baseURL }) => {
  const profile = newProfile()
  const first = await launchKillable(profile, baseURL!)
  await waitForReader(first.page)
  await importArticle(first.page, 'sample-article.md')
  await expect(articleTitle(first.page)).toHaveText(IMPORTED_TITLE)
  await first.killHard()

  const second = await launchKillable(profile, baseURL!)
  try {
    await waitForReader(second.page)
    await openLibrary(second.page)
    await expect(libraryRows(second.page)).toHaveCount(2)
    await second.page.getByRole('button', { name: IMPORTED_TITLE, exact: true }).click()
    await expect(articleTitle(second.page)).toHaveText(IMPORTED_TITLE)
    await expect(second.page.locator('.reader-text a[href="https://www.iea.org/"]')).toHaveText('International Energy Agency')
  } finally {
    await second.killHard()
  }
})

test('a deleted article stays deleted after a hard kill right after its row goes', async ({ baseURL }) => {
  const profile = newProfile()
  // Import on a first run, closed cleanly, so the deletion is the only thing in flight when we kill.
  const setup = await launchKillable(profile, baseURL!)
  await waitForReader(setup.page)
  await importArticle(setup.page, 'sample-article.md')
  await expect(articleTitle(setup.page)).toHaveText(IMPORTED_TITLE)
  await setup.page.close()
  await setup.killHard()

  const first = await launchKillable(profile, baseURL!)
  await waitForReader(first.page)
  await openLibrary(first.page)
  await expect(libraryRows(first.page)).toHaveCount(2)
  await first.page.getByRole('button', { name: `Delete ${IMPORTED_TITLE}` }).click()
  await first.page.getByRole('dialog', { name: 'Delete article?' }).getByRole('button', { name: 'Delete' }).click()
  await expect(libraryRows(first.page)).toHaveCount(1)
  await first.killHard()

  const second = await launchKillable(profile, baseURL!)
  try {
    // The last article read is gone, so the app may open on the library rather than the reader.
    await expect(second.page.getByRole('banner').getByRole('button', { name: 'Library' })).toBeVisible()
    await openLibrary(second.page)
    await expect(libraryRows(second.page)).toHaveCount(1)
    await expect(second.page.getByRole('table')).not.toContainText(IMPORTED_TITLE)
  } finally {
    await second.killHard()
  }
})

/** Tag the seed's speculation and open its note field, in a fresh profile. */
async function claimWithNoteField(page: Page) {
  await waitForReader(page)
  await selectInReader(page, SEED_SPECULATION)
  await page.keyboard.press('s')
  await answerAnalystPrompt(page)
  await expect(page.locator('.save-status')).toHaveText('Saved')
  const note = page.getByRole('region', { name: 'Claim' }).getByLabel('Note (your rationale)')
  await note.click()
  return note
}

async function expectNoteAfterRelaunch(profile: string, baseURL: string, typed: string) {
  const second = await launchKillable(profile, baseURL)
  try {
    await waitForReader(second.page)
    await expect(claimItems(second.page)).toHaveCount(1)
    await expect(claimItems(second.page).first()).toContainText(typed)
  } finally {
    await second.killHard()
  }
}

const TYPED_NOTE = '「間違いない」と断定するが、根拠となる事実が示されていない'

test('a note being typed survives a hard kill once the status line says Saved', async ({ baseURL }) => {
  const profile = newProfile()
  const first = await launchKillable(profile, baseURL!)
  await claimWithNoteField(first.page)
  await first.page.keyboard.type(TYPED_NOTE, { delay: 30 })
  await expect(first.page.locator('.save-status')).toHaveText('Saved')
  await first.killHard()
  await expectNoteAfterRelaunch(profile, baseURL!, TYPED_NOTE)
})

test('a note being typed survives a hard kill 100 ms after the last key, without waiting for Saved', async ({ baseURL }) => {
  const profile = newProfile()
  const first = await launchKillable(profile, baseURL!)
  await claimWithNoteField(first.page)
  await first.page.keyboard.type(TYPED_NOTE, { delay: 30 })
  // The bound the app promises: typed text reaches disk within one write, well inside 100 ms.
  await new Promise((resolve) => setTimeout(resolve, 100))
  await first.killHard()
  await expectNoteAfterRelaunch(profile, baseURL!, TYPED_NOTE)
})
