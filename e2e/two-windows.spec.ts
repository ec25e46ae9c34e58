/**
 * Two windows on one profile editing the same claim, as an analyst with the
 * article open twice would: edits to different parts of the claim both
 * survive (claim operations, shared/claims/operations.ts), undo takes back
 * only this window's edit, and a note being typed is never replaced under the
 * cursor. Also: the status line never says "Saved" while a typed note is not
 * on disk.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test'
import { addCounterpoints, answerAnalystPrompt, claimsPanel, launchApp, newProfile, SEED_SPECULATION, selectInReader, waitForReader } from './support/app'

function claimItems(page: Page) {
  return claimsPanel(page).getByRole('list', { name: 'Claims in document order' }).getByRole('listitem')
}

const detail = (page: Page) => page.getByRole('region', { name: 'Claim' })
const noteField = (page: Page) => detail(page).getByLabel('Note (your rationale)')
const counterpoints = (page: Page) => detail(page).locator('.counterpoint .item-text')

/** One claim tagged in a first tab, open in the detail of both tabs. */
async function twoTabsOnOneClaim(baseURL: string): Promise<{ context: BrowserContext; a: Page; b: Page }> {
  const { context, page: a } = await launchApp(baseURL, newProfile())
  await waitForReader(a)
  await selectInReader(a, SEED_SPECULATION)
  await a.keyboard.press('s')
  await answerAnalystPrompt(a)
  await expect(a.locator('.save-status')).toHaveText('Saved')
  const b = await context.newPage()
  await b.goto(baseURL)
  await waitForReader(b)
  await expect(claimItems(b)).toHaveCount(1)
  await claimItems(b).first().getByRole('button').first().click()
  await expect(detail(b)).toBeVisible()
  return { context, a, b }
}

/** The note of the only claim as IndexedDB holds it now (journal over pages), read in the page. */
async function storedNote(page: Page): Promise<string | null> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('critique-workbench')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    const all = (store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll()
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
    const edits = (await all('claimEdits')) as { claim: { note: string } | null }[]
    const pages = (await all('claimPages')) as { claims: { note: string }[] }[]
    db.close()
    const claim = edits[0]?.claim ?? pages[0]?.claims[0] ?? null
    return claim ? claim.note : null
  })
}

test('counterpoints added in two tabs at the same moment both survive, on both screens and on disk', async ({ baseURL }) => {
  const { context, a, b } = await twoTabsOnOneClaim(baseURL!)
  // Both forms filled, then submitted back to back: the second write starts before the first tab heard of the first.
  const formA = detail(a).getByRole('form', { name: 'Add counterpoint' })
  const formB = detail(b).getByRole('form', { name: 'Add counterpoint' })
  await formA.getByLabel('Counterpoint').fill('From the first tab.')
  await formB.getByLabel('Counterpoint').fill('From the second tab.')
  await Promise.all([formA.getByRole('button', { name: 'Add counterpoint' }).click(), formB.getByRole('button', { name: 'Add counterpoint' }).click()])
  for (const page of [a, b]) {
    await expect(counterpoints(page)).toHaveCount(2)
    await expect(page.locator('.save-status')).toHaveText('Saved')
  }
  await a.reload()
  await waitForReader(a)
  await claimItems(a).first().getByRole('button').first().click()
  await expect(counterpoints(a)).toHaveCount(2)
  // Whichever write came first is first: both are there.
  expect((await counterpoints(a).allInnerTexts()).sort()).toEqual(['From the first tab.', 'From the second tab.'])
  await context.close()
})

test('Ctrl+Z in one tab takes back its own counterpoint, not the one the other tab added', async ({ baseURL }) => {
  const { context, a, b } = await twoTabsOnOneClaim(baseURL!)
  await addCounterpoints(a, [{ text: 'Mine, to be undone.', strength: 'weak' }])
  await expect(counterpoints(b)).toHaveCount(1)
  await addCounterpoints(b, [{ text: 'The other tab’s, to be kept.', strength: 'strong' }])
  await expect(counterpoints(a)).toHaveCount(2)
  // Focus is still on the form's button, as after adding by hand: Ctrl+Z is the app's undo.
  await a.keyboard.press('Control+Z')
  await expect(counterpoints(a)).toHaveText(['The other tab’s, to be kept.'])
  await expect(counterpoints(b)).toHaveText(['The other tab’s, to be kept.'])
  await context.close()
})

test('a note being typed is not replaced by the other tab’s note: the analyst sees both and chooses', async ({ baseURL }) => {
  const { context, a, b } = await twoTabsOnOneClaim(baseURL!)
  await noteField(a).click()
  await a.keyboard.type('Mine: no facts behind ')
  await expect(a.locator('.save-status')).toHaveText('Saved')
  await expect(noteField(b)).toHaveValue('Mine: no facts behind ')
  // The other tab writes its own note and leaves the field, while the first is still typing.
  await noteField(b).fill('Theirs: the summit outcome is open.')
  await noteField(b).blur()
  await expect(b.locator('.save-status')).toHaveText('Saved')
  const conflict = detail(a).getByRole('alert')
  await expect(conflict).toContainText('changed in another window')
  await expect(conflict.getByLabel('The other window’s text')).toHaveText('Theirs: the summit outcome is open.')
  await expect(noteField(a)).toHaveValue('Mine: no facts behind ')
  await expect(noteField(a)).toBeFocused()
  // Still typing: the text stays, and the status line does not claim it is saved.
  await a.keyboard.type('"undoubtedly".')
  await expect(noteField(a)).toHaveValue('Mine: no facts behind "undoubtedly".')
  await expect(a.locator('.save-status')).toHaveText('Unsaved')
  await a.screenshot({ path: 'test-results/screens/note-conflict-en.png' })
  await conflict.getByRole('button', { name: 'Keep my text' }).click()
  await expect(a.locator('.save-status')).toHaveText('Saved')
  await expect(noteField(b)).toHaveValue('Mine: no facts behind "undoubtedly".')
  expect(await storedNote(a)).toBe('Mine: no facts behind "undoubtedly".')
  await context.close()
})

test('the other tab’s note can be taken instead', async ({ baseURL }) => {
  const { context, a, b } = await twoTabsOnOneClaim(baseURL!)
  await noteField(a).click()
  await a.keyboard.type('Draft I will drop')
  await expect(noteField(b)).toHaveValue('Draft I will drop')
  await noteField(b).fill('Agreed wording.')
  await noteField(b).blur()
  await detail(a).getByRole('alert').getByRole('button', { name: 'Use the other window’s text' }).click()
  await expect(noteField(a)).toHaveValue('Agreed wording.')
  await expect(a.locator('.save-status')).toHaveText('Saved')
  expect(await storedNote(a)).toBe('Agreed wording.')
  await context.close()
})

test('"Saved" after typing a note means the note is on disk', async ({ baseURL }) => {
  const { context, page } = await launchApp(baseURL!, newProfile())
  await waitForReader(page)
  await selectInReader(page, SEED_SPECULATION)
  await page.keyboard.press('s')
  await answerAnalystPrompt(page)
  await expect(page.locator('.save-status')).toHaveText('Saved')
  await noteField(page).click()
  const typed = '「間違いない」の根拠がない'
  await page.keyboard.type(typed)
  // The status line may say "Saving…" for a moment; once it says "Saved", the disk must agree.
  await expect(page.locator('.save-status')).toHaveText('Saved')
  expect(await storedNote(page)).toBe(typed)
  await context.close()
})
