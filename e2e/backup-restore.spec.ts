/**
 * Restoring backups as a user meets it: a backup the app wrote restores
 * whatever its size up to the format's 200 MB (not the annotation files' 50
 * MB); a backup with duplicate ids is refused before the confirmation, naming
 * the file; a backup from a newer version says so in the UI language; and no
 * refusal changes the library.
 */
import { expect, test, type Page } from '@playwright/test'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { BackupFile } from '../shared/backup/backup-format'
import { createClaim } from '../shared/claims/create-claim'
import { launchApp, newProfile, switchToJapaneseByPalette, tagSeedAndBackUp, waitForReader } from './support/app'

/** A backup the app wrote, on a fresh profile with one tagged claim. */
async function backupFromApp(baseURL: string): Promise<BackupFile> {
  const { context, page } = await launchApp(baseURL, newProfile())
  const download = tagSeedAndBackUp(page)
  const backup = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as BackupFile
  await context.close()
  return backup
}

async function openPreferences(page: Page) {
  await page.getByRole('banner').getByRole('button', { name: 'Preferences' }).click()
}

/** Pick `backup` (written to a file named `name`, as Playwright hands over large files only by path) for restoring. */
async function pickBackup(page: Page, buttonName: string, name: string, backup: unknown) {
  const path = test.info().outputPath(name)
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, JSON.stringify(backup))
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: buttonName }).click()
  await (await chooser).setFiles(path)
}

test('a backup over 50 MB (the annotation files’ limit) restores: backups have their own 200 MB limit', async ({ baseURL }) => {
  test.setTimeout(120_000)
  const backup = await backupFromApp(baseURL!)
  const [document] = backup.documents
  const [set] = backup.sets
  // 600 claims with 100 kB notes each: ≈ 60 MB, as an analyst's long-running work would make.
  const long = 'この主張は根拠が示されていない。'.repeat(2_200)
  for (let i = 0; i < 600; i++) {
    const start = (i * 7) % (document!.text.length - 20)
    const claim = createClaim({ set: set!, text: document!.text, start, end: start + 10, stance: 'evidenced', author: set!.analyst, now: backup.createdAt, id: `bulk-${i}` })
    backup.claims.push({ ...claim, note: long })
  }
  expect(Buffer.byteLength(JSON.stringify(backup))).toBeGreaterThan(55 * 1024 * 1024)

  const { context, page } = await launchApp(baseURL!, newProfile())
  await waitForReader(page)
  await openPreferences(page)
  await pickBackup(page, 'Restore from backup…', 'big-backup.json', backup)
  const confirm = page.getByRole('dialog', { name: 'Replace everything with this backup?' })
  await expect(confirm).toContainText('1 documents, 1 sets and 601 claims', { timeout: 30_000 })
  await confirm.getByRole('button', { name: 'Replace with backup' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Restored' })).toBeVisible({ timeout: 30_000 })
  await context.close()
})

test('a backup with duplicate ids is refused before the confirmation, naming the file, and changes nothing', async ({ baseURL }) => {
  const backup = await backupFromApp(baseURL!)
  backup.claims.push({ ...backup.claims[0]!, note: 'a copy with the same id' })
  const { context, page } = await launchApp(baseURL!, newProfile())
  await waitForReader(page)
  await openPreferences(page)
  await pickBackup(page, 'Restore from backup…', 'edited-by-hand.json', backup)
  const alert = page.getByRole('alert').filter({ hasText: 'edited-by-hand.json' })
  await expect(alert).toContainText('two claims share the id')
  await expect(alert).toContainText('Nothing was changed')
  await expect(alert).not.toContainText(/bulkAdd|retried/)
  await expect(page.getByRole('dialog', { name: 'Replace everything with this backup?' })).toHaveCount(0)
  await page.getByRole('banner').getByRole('button', { name: 'Library' }).click()
  await expect(page.getByRole('table').locator('tbody tr')).toHaveCount(1)
  await context.close()
})

test('a backup from a newer version says so in Japanese, naming the file', async ({ baseURL }) => {
  const backup = await backupFromApp(baseURL!)
  const { context, page } = await launchApp(baseURL!, newProfile())
  await waitForReader(page)
  await switchToJapaneseByPalette(page)
  await page.getByRole('banner').getByRole('button', { name: '環境設定', exact: true }).click()
  await pickBackup(page, 'バックアップから復元…', 'from-the-future.json', { ...backup, version: 3 })
  const alert = page.getByRole('alert').filter({ hasText: 'from-the-future.json' })
  await expect(alert).toContainText('新しいバージョン')
  await expect(alert).not.toContainText(/Invalid type|Expected/)
  await page.screenshot({ path: 'test-results/screens/backup-newer-ja.png' })
  await context.close()
})
