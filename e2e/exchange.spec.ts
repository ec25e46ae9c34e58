/**
 * Annotation exchange, driven as an analyst works: export a set as W3C
 * JSON-LD and import it on another machine (a fresh profile) unchanged;
 * import Hypothesis JSON and read where each claim landed; re-attach an
 * orphan; and see bad files refused with nothing stored.
 */
import { expect, test, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { answerAnalystPrompt, switchToJapaneseByPalette, claimsPanel, launchApp, newProfile, SEED_SPECULATION, selectInReader, waitForReader, addCounterpoints, NATO_COUNTERPOINT } from './support/app'
import { markerCount, paintedTexts } from './support/painted-claims'

const W3C_FIXTURES = join(__dirname, '..', 'fixtures', 'w3c')
const EVIDENCED_SENTENCE = 'ロシア経済は、2014年のクリミア併合以降、米国やEUによる厳しい制裁に直面してきた。'
const FOREIGN_QUOTE = '日銀は政策金利を据え置き、円安の進行を注視する姿勢を示した'
const NOTE = '「間違いない」と断定しているが、根拠となる事実が示されていない。'

function claimItems(page: Page) {
  return claimsPanel(page).getByRole('list', { name: 'Claims in document order' }).getByRole('listitem')
}

function orphans(page: Page) {
  return claimsPanel(page).getByRole('region', { name: /^Orphans/ })
}

/** Pick `path` (or an in-memory file) in the file chooser the "Import annotations…" button opens. */
async function importThroughButton(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser')
  await claimsPanel(page).getByRole('button', { name: 'Import annotations…' }).click()
  await (await chooser).setFiles(file)
}

/** Export the active set through the panel button; returns the saved file's path and its parsed JSON. */
async function exportThroughButton(page: Page, saveAs: string): Promise<{ name: string; json: Record<string, unknown> }> {
  const download = page.waitForEvent('download')
  await claimsPanel(page).getByRole('button', { name: 'Export set…' }).click()
  const file = await download
  await file.saveAs(saveAs)
  return { name: file.suggestedFilename(), json: JSON.parse(readFileSync(saveAs, 'utf8')) as Record<string, unknown> }
}

async function setOptions(page: Page): Promise<string[]> {
  return claimsPanel(page).getByLabel('Annotation set').locator('option').allTextContents()
}

test('a set exported as W3C JSON-LD imports unchanged into a fresh profile', async ({ baseURL }, testInfo) => {
  const a = await launchApp(baseURL!, newProfile())
  let page = a.page
  await waitForReader(page)
  await selectInReader(page, SEED_SPECULATION)
  await page.keyboard.press('s')
  await answerAnalystPrompt(page)
  const detail = page.getByRole('region', { name: 'Claim' })
  await detail.getByLabel('Note (your rationale)').fill(NOTE)
  await addCounterpoints(page, [NATO_COUNTERPOINT])
  await expect(detail.getByRole('heading', { name: 'Counterpoints (1)' })).toBeVisible()
  await selectInReader(page, EVIDENCED_SENTENCE)
  await page.keyboard.press('e')
  await expect(claimItems(page)).toHaveCount(2)
  await expect(page.locator('.save-status')).toHaveText('Saved')

  const first = await exportThroughButton(page, testInfo.outputPath('exported.jsonld'))
  expect(first.name).toBe("Aiko Tanaka's reading.jsonld")
  expect(first.json.type).toBe('AnnotationCollection')
  expect(first.json.total).toBe(2)
  await a.context.close()

  // Another analyst's machine: only the bundled article, no sets.
  const b = await launchApp(baseURL!, newProfile())
  page = b.page
  await waitForReader(page)
  expect(await setOptions(page)).toEqual(['No set yet'])
  await importThroughButton(page, testInfo.outputPath('exported.jsonld'))
  const result = page.getByRole('dialog', { name: 'Import result' })
  await expect(result).toContainText('Imported 2 claims from exported.jsonld (W3C Web Annotation, by Aiko Tanaka)')
  await expect(result.getByRole('row', { name: 'At their stated position' })).toContainText('2')
  await expect(result.getByRole('row', { name: /^Orphaned/ })).toContainText('0')
  await result.getByRole('button', { name: 'Done' }).click()
  await expect(result).toBeHidden()

  expect(await setOptions(page)).toEqual(["Aiko Tanaka's reading"])
  await expect(claimItems(page)).toHaveCount(2)
  await expect(claimItems(page).nth(0)).toContainText('Evidenced')
  await expect(claimItems(page).nth(1)).toContainText('Speculative')
  await expect(claimItems(page).nth(1)).toContainText('1 counterpoint')
  await expect.poll(() => paintedTexts(page, 'speculative')).toEqual([SEED_SPECULATION])
  await expect.poll(() => paintedTexts(page, 'evidenced')).toEqual([EVIDENCED_SENTENCE])
  await claimItems(page).nth(1).getByRole('button').click()
  const detailB = page.getByRole('region', { name: 'Claim' })
  await expect(detailB.getByLabel('Note (your rationale)')).toHaveValue(NOTE)
  await expect(detailB.locator('.counterpoint')).toContainText('NATO press release, 25 Aug 2025')
  await expect(detailB.locator('.counterpoint')).toContainText('Strong')

  // Exported again on the other machine, the file is the same, byte for byte.
  const second = await exportThroughButton(page, testInfo.outputPath('re-exported.jsonld'))
  expect(second.name).toBe(first.name)
  expect(second.json).toEqual(first.json)
  expect(readFileSync(testInfo.outputPath('re-exported.jsonld'), 'utf8')).toBe(readFileSync(testInfo.outputPath('exported.jsonld'), 'utf8'))
  await b.context.close()
})

test('Hypothesis JSON lands by quote and fuzzily, with its orphan listed apart and re-attached by selection', async ({ page }) => {
  await page.goto('/')
  await waitForReader(page)
  // The menu command's shortcut opens the annotation file picker.
  const chooser = page.waitForEvent('filechooser')
  await page.locator('.reader-text').click()
  await page.keyboard.press('Control+Shift+I')
  await (await chooser).setFiles(join(W3C_FIXTURES, 'hypothesis-seed.json'))

  const result = page.getByRole('dialog', { name: 'Import result' })
  await expect(result).toContainText('Imported 4 claims from hypothesis-seed.json (Hypothesis, by Hana Sato)')
  await expect(result.getByRole('row', { name: 'At their stated position' })).toContainText('0')
  await expect(result.getByRole('row', { name: 'By exact quote' })).toContainText('2')
  await expect(result.getByRole('row', { name: 'By fuzzy match' })).toContainText('1')
  await expect(result.getByRole('row', { name: /^Orphaned/ })).toContainText('1')
  const fuzzy = result.getByRole('region', { name: 'Fuzzy matches' }).getByRole('listitem')
  await expect(fuzzy).toHaveCount(1)
  await expect(fuzzy).toContainText(/\b(7[5-9]|8\d|9\d)%/)
  await expect(fuzzy).toContainText('ロシアのエネルギー産業や金融セクターは大きな打撃を受け')
  await expect(result.getByRole('region', { name: 'Orphans' })).toContainText(FOREIGN_QUOTE)
  await expect(result).not.toContainText('may belong to another article')
  await page.screenshot({ path: 'test-results/screens/exchange-import.png' })
  await result.getByRole('button', { name: 'Done' }).click()

  // Three placed claims are listed and drawn; the orphan is listed apart and drawn nowhere.
  await expect(claimsPanel(page).getByLabel('Annotation set')).toHaveValue(/.+/)
  expect(await setOptions(page)).toEqual(['hypothesis-seed — Hana Sato'])
  await expect(claimItems(page)).toHaveCount(3)
  await expect(claimsPanel(page).getByRole('radio', { name: /^All/ })).toHaveAccessibleName('All 3')
  await expect.poll(() => markerCount(page)).toBe(3)
  await expect(orphans(page)).toHaveAccessibleName('Orphans (1)')
  await expect(orphans(page).getByRole('listitem')).toContainText(FOREIGN_QUOTE)
  const attach = orphans(page).getByRole('button', { name: 'Attach to selection' })
  await expect(attach).toBeDisabled()
  await orphans(page).scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'test-results/screens/exchange-orphans.png' })

  // Re-attach it to a passage of this article.
  await selectInReader(page, SEED_SPECULATION)
  await attach.click()
  await expect(orphans(page)).toHaveCount(0)
  await expect(claimItems(page)).toHaveCount(4)
  await expect.poll(() => markerCount(page)).toBe(4)
  await expect.poll(() => paintedTexts(page, 'speculative')).toContain(SEED_SPECULATION)
  await expect(page.getByRole('region', { name: 'Claim' })).toContainText(SEED_SPECULATION)
  await expect(page.locator('.save-status')).toHaveText('Saved')

  // Undo makes it an orphan again; redo re-attaches it.
  await page.getByRole('region', { name: 'Claim' }).getByRole('button', { name: 'Close claim detail' }).click()
  await page.keyboard.press('Control+Z')
  await expect(orphans(page)).toHaveAccessibleName('Orphans (1)')
  await expect.poll(() => markerCount(page)).toBe(3)
  await page.keyboard.press('Control+Shift+Z')
  await expect(orphans(page)).toHaveCount(0)
  await expect.poll(() => markerCount(page)).toBe(4)

  // Discarding an orphan is undoable too.
  await page.keyboard.press('Control+Z')
  await orphans(page).getByRole('button', { name: 'Discard' }).click()
  await expect(orphans(page)).toHaveCount(0)
  await expect(claimItems(page)).toHaveCount(3)
  await page.keyboard.press('Control+Z')
  await expect(orphans(page)).toHaveAccessibleName('Orphans (1)')
})

test('bad annotation files are refused with a message, and nothing is stored', async ({ page }) => {
  await page.goto('/')
  await waitForReader(page)
  const before = await setOptions(page)

  await importThroughButton(page, { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('these are my notes, not JSON') })
  const alert = page.getByRole('alert').filter({ hasText: 'notes.json' })
  await expect(alert).toContainText('"notes.json" is not valid JSON')
  await alert.getByRole('button', { name: 'Dismiss message' }).click()

  const hostile = readFileSync(join(W3C_FIXTURES, 'seed-set.jsonld'), 'utf8').replace('https://example.org/transcripts/2025-08-15', 'javascript:alert(1)')
  await importThroughButton(page, { name: 'hostile.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(hostile) })
  await expect(page.getByRole('alert').filter({ hasText: 'hostile.jsonld' })).toContainText(/items\[\d\] contains a script URL \("javascript:alert\(1\)"\); the file was refused\./)

  await expect(page.getByRole('dialog', { name: 'Import result' })).toHaveCount(0)
  expect(await setOptions(page)).toEqual(before)
  await expect(claimItems(page)).toHaveCount(0)
  // Nothing reached storage either: a reload shows the same.
  await page.reload()
  await waitForReader(page)
  expect(await setOptions(page)).toEqual(before)
})

test('a dropped .jsonld file is imported onto the article it names, from the library too', async ({ page }) => {
  await page.goto('/')
  await waitForReader(page)
  await page.getByRole('banner').getByRole('button', { name: 'Library' }).click()
  await expect(page.locator('.reader-text')).toHaveCount(0)
  const text = readFileSync(join(W3C_FIXTURES, 'seed-set.jsonld'), 'utf8')
  await page.evaluate((json) => {
    const data = new DataTransfer()
    data.items.add(new File([json], 'seed-set.jsonld', { type: 'application/ld+json' }))
    window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true, cancelable: true }))
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }))
  }, text)
  const result = page.getByRole('dialog', { name: 'Import result' })
  await expect(result.getByRole('row', { name: 'At their stated position' })).toContainText('4')
  await result.getByRole('button', { name: 'Done' }).click()
  await waitForReader(page)
  expect(await setOptions(page)).toEqual(['Seed review — Mika Tanaka'])
  await expect(claimItems(page)).toHaveCount(4)
  await expect.poll(() => markerCount(page)).toBe(4)
})

test('importing the same file again asks first, and updates the existing set instead of making a second', async ({ page }) => {
  await page.goto('/')
  await waitForReader(page)
  const file = join(W3C_FIXTURES, 'hypothesis-seed.json')
  await importThroughButton(page, file)
  await page.getByRole('dialog', { name: 'Import result' }).getByRole('button', { name: 'Done' }).click()
  expect(await setOptions(page)).toEqual(['hypothesis-seed — Hana Sato'])
  // The analyst works on the set: the orphan is discarded.
  await orphans(page).getByRole('button', { name: 'Discard' }).click()
  await expect(orphans(page)).toHaveCount(0)
  await expect(page.locator('.save-status')).toHaveText('Saved')

  // The same file again: nothing is stored until the analyst says what to do.
  await importThroughButton(page, file)
  const again = page.getByRole('dialog', { name: 'Already imported' })
  await expect(again).toContainText('hypothesis-seed.json was imported before: it is the set “hypothesis-seed” by Hana Sato (3 claims, since')
  await page.screenshot({ path: 'test-results/screens/exchange-import-again.png' })
  await again.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('status').filter({ hasText: '“hypothesis-seed.json” was not imported again.' })).toBeVisible()
  expect(await setOptions(page)).toEqual(['hypothesis-seed — Hana Sato'])

  // Update: still one set, holding the file's claims again (the orphan is back).
  await importThroughButton(page, file)
  await page.getByRole('dialog', { name: 'Already imported' }).getByRole('button', { name: 'Update the existing set' }).click()
  const result = page.getByRole('dialog', { name: 'Import result' })
  await expect(result).toContainText('Updated the set “hypothesis-seed” on')
  await expect(result).toContainText('it now holds the file’s 4 claims')
  await result.getByRole('button', { name: 'Done' }).click()
  expect(await setOptions(page)).toEqual(['hypothesis-seed — Hana Sato'])
  await expect(orphans(page)).toHaveAccessibleName('Orphans (1)')
  await expect(claimItems(page)).toHaveCount(3)

  // Or deliberately a second, independent set.
  await importThroughButton(page, file)
  await page.getByRole('dialog', { name: 'Already imported' }).getByRole('button', { name: 'Import as a new set' }).click()
  await page.getByRole('dialog', { name: 'Import result' }).getByRole('button', { name: 'Done' }).click()
  await expect.poll(() => setOptions(page)).toHaveLength(2)

  // The question in Japanese.
  await switchToJapaneseByPalette(page)
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: '注釈を取り込む…' }).click()
  await (await chooser).setFiles(file)
  const asked = page.getByRole('dialog', { name: '取り込み済み' })
  await expect(asked).toContainText('hypothesis-seed.json は以前に取り込まれています')
  await page.screenshot({ path: 'test-results/screens/exchange-import-again-ja.png' })
  await asked.getByRole('button', { name: 'キャンセル' }).click()
})

test('offsets without quotes, made on another version of the text, are never placed silently', async ({ page }) => {
  await page.goto('/')
  await waitForReader(page)
  // The app's own export with its quotes stripped, said to be made on another text (another hash).
  const doc = JSON.parse(readFileSync(join(W3C_FIXTURES, 'seed-set.jsonld'), 'utf8')) as {
    id: string
    first: { items: { target: { source: string; selector: { type: string }[] } }[] }
  }
  doc.id = 'urn:uuid:5e5e5e5e-0000-4000-8000-000000000001'
  for (const item of doc.first.items) {
    item.target.source = `urn:sha256:${'ab'.repeat(32)}`
    item.target.selector = item.target.selector.filter((s) => s.type === 'TextPositionSelector')
  }
  await importThroughButton(page, { name: 'positions-only.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(JSON.stringify(doc)) })

  const result = page.getByRole('dialog', { name: 'Import result' })
  await expect(result.getByRole('row', { name: 'At their stated position' })).toContainText('0')
  await expect(result.getByRole('row', { name: /^Orphaned/ })).toContainText('4')
  await expect(result).toContainText('4 annotations have a position but no quote, and the file does not name this exact text, so nothing confirms which words they meant. They were not placed')
  await expect(result).not.toContainText('looked for by their quotes')
  const listed = result.getByRole('region', { name: 'Orphans' }).getByRole('listitem')
  await expect(listed).toHaveCount(4)
  await expect(listed.first()).toContainText(/position [\d,]+–[\d,]+ in the file \(code points\)/)
  await page.screenshot({ path: 'test-results/screens/exchange-positions-only.png' })
  await result.getByRole('button', { name: 'Done' }).click()

  await expect(orphans(page)).toHaveAccessibleName('Orphans (4)')
  await expect.poll(() => markerCount(page)).toBe(0)
  await expect(orphans(page).getByRole('listitem').first()).toContainText(/no quote: the file pointed at characters [\d,]+–[\d,]+/)
  await expect(orphans(page).getByRole('listitem').first()).toContainText('there now:')
  await orphans(page).scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'test-results/screens/exchange-positions-only-orphans.png' })
})
