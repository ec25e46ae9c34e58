/**
 * Storage faults, met as a user would meet them: each one gives a clear
 * message and loses nothing that was on screen.
 *
 * - The disk (quota) is full while importing an article: a real quota set
 *   through the DevTools protocol, with room for the library record but not
 *   the text; a message naming the file, the article being read stays,
 *   nothing half-stored (claims under a full disk: e2e/claims.spec.ts).
 * - IndexedDB is unavailable: blocked by the browser's site-data setting (a
 *   real profile setting), or `indexedDB.open` throwing SecurityError.
 * - Another window upgrades the data past this build: this window keeps the
 *   article, its claims and the note being typed on screen, under a banner.
 * - This build's upgrade waits on an older window: a banner until it closes,
 *   then the app continues by itself.
 * - The upgrade fails: a message, and the old data is untouched for the next
 *   start.
 */
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { answerAnalystPrompt, claimsPanel, launchApp, newProfile, SEED_SPECULATION, selectInReader, waitForReader } from './support/app'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './support/chromium.mjs'
import { fillDiskLeaving, freeDisk } from './support/quota'
import { paintedTexts } from './support/painted-claims'

const DATABASE = 'critique-workbench'
const BLANK = '/storage-faults-blank.html'

function claimItems(page: Page) {
  return claimsPanel(page).getByRole('list', { name: 'Claims in document order' }).getByRole('listitem')
}

/** Serve a blank page on the app's origin (same IndexedDB), so a test can touch storage without the app running. */
async function routeBlank(page: Page): Promise<void> {
  await page.route(`**${BLANK}`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title>' }))
}

/** A browser on `profile` showing the blank page on the app's origin: the app has not run, so no database exists yet. */
async function launchBlank(baseURL: string, profile: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, viewport: { width: 1440, height: 900 } })
  const page = context.pages()[0] ?? (await context.newPage())
  await routeBlank(page)
  await page.goto(new URL(BLANK, baseURL).href)
  return { context, page }
}

/**
 * Create the database as the first build (schema version 1, native version 10)
 * left it, with one document and its body. Runs in a page of the app's origin.
 */
async function writeFoundationDatabase(page: Page): Promise<void> {
  await page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 10)
      request.onupgradeneeded = () => {
        const documents = request.result.createObjectStore('documents', { keyPath: 'id' })
        documents.createIndex('sha256', 'sha256', { unique: true })
        documents.createIndex('importedAt', 'importedAt')
        request.result.createObjectStore('bodies', { keyPath: 'id' })
        request.result.createObjectStore('prefs', { keyPath: 'key' })
      }
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    const tx = db.transaction(['documents', 'bodies', 'prefs'], 'readwrite')
    const text = 'Old notes from the first build.'
    tx.objectStore('documents').add({
      id: 'doc-old',
      title: 'Kept from the first build',
      publishedOn: null,
      language: 'en',
      format: 'text',
      sha256: 'f'.repeat(64),
      sourceName: 'old.txt',
      sourceBytes: text.length,
      importedAt: '2025-01-02T03:04:05.000Z',
    })
    tx.objectStore('bodies').add({ id: 'doc-old', blocks: [{ type: 'paragraph', level: 0, text, marks: [] }], text })
    tx.objectStore('prefs').add({ key: 'seeded', value: true })
    tx.objectStore('prefs').add({ key: 'lastDocumentId', value: 'doc-old' })
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve
      tx.onerror = () => reject(tx.error)
    })
    db.close()
  }, DATABASE)
}

/**
 * A Markdown article of about `kilobytes` kB whose body far outweighs its
 * library record. Words are drawn at random (seeded) so that IndexedDB's
 * compression cannot shrink the text below the quota.
 */
function bigArticle(kilobytes: number): Buffer {
  let seed = 20250818
  const letter = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
    return String.fromCharCode(97 + ((seed >>> 16) % 26))
  }
  const paragraphs: string[] = []
  let size = 0
  while (size < kilobytes * 1024) {
    const words = Array.from({ length: 80 }, () => Array.from({ length: 3 + (seed % 7) }, letter).join(''))
    const paragraph = `${words.join(' ')}.`
    paragraphs.push(paragraph)
    size += paragraph.length + 2
  }
  return Buffer.from(`# A Very Long Report on Night Trains\n\n${paragraphs.join('\n\n')}\n`)
}

test('a full disk while importing an article: a message naming it, the open article stays, nothing half-stored', async ({ page }) => {
  await page.goto('/')
  await waitForReader(page)
  const before = await page.locator('.article-title').textContent()
  // Room for the library record (≈ 1 kB) but not for the 2 MB body:
  // an import that stored them in two transactions would leave a record without its text.
  await fillDiskLeaving(page, 256 * 1024)
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('banner').getByRole('button', { name: 'Open Article…' }).click()
  await (await chooser).setFiles({ name: 'night-trains-long.md', mimeType: 'text/markdown', buffer: bigArticle(2048) })

  const alert = page.getByRole('alert').filter({ hasText: /quota is full/ })
  await expect(alert).toBeVisible()
  await expect(alert).toContainText('night-trains-long.md')
  await expect(alert).not.toContainText('retried')
  await expect(page.locator('.article-title')).toHaveText(before!)
  await waitForReader(page)

  await page.getByRole('banner').getByRole('button', { name: 'Library' }).click()
  await expect(page.getByRole('table').locator('tbody tr')).toHaveCount(1)
  await expect(page.getByRole('table')).not.toContainText('Night Trains')
  const stored = await page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open(name)
        request.onsuccess = () => {
          const count = request.result.transaction('documents').objectStore('documents').count()
          count.onsuccess = () => resolve(count.result)
          count.onerror = () => reject(count.error)
        }
        request.onerror = () => reject(request.error)
      }),
    DATABASE,
  )
  expect(stored).toBe(1)

  // Space again: the same file imports.
  await freeDisk(page)
  const again = page.waitForEvent('filechooser')
  await page.getByRole('banner').getByRole('button', { name: 'Open Article…' }).click()
  await (await again).setFiles({ name: 'night-trains-long.md', mimeType: 'text/markdown', buffer: bigArticle(2048) })
  await expect(page.getByRole('heading', { name: 'A Very Long Report on Night Trains', level: 1 })).toBeVisible({ timeout: 30_000 })
})

test('IndexedDB blocked by the browser setting for site data: a clear message', async ({ baseURL }) => {
  const profile = newProfile()
  // Chromium's "Don't allow sites to save data" setting, as the settings page writes it.
  mkdirSync(join(profile, 'Default'), { recursive: true })
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { default_content_setting_values: { cookies: 2 } } }))
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(baseURL!)
    const problem = page.getByRole('alert')
    await expect(problem).toContainText('Your work could not be opened')
    await expect(problem).toContainText('Local storage (IndexedDB) is not available')
    await page.screenshot({ path: 'test-results/screens/storage-unavailable.png' })
  } finally {
    await context.close()
  }
})

test('indexedDB.open throwing SecurityError: the same clear message', async ({ page }) => {
  await page.addInitScript(() => {
    IDBFactory.prototype.open = function () {
      throw new DOMException('Access to the IndexedDB API is denied in this context.', 'SecurityError')
    }
  })
  await page.goto('/')
  const problem = page.getByRole('alert')
  await expect(problem).toContainText('Your work could not be opened')
  await expect(problem).toContainText('Local storage (IndexedDB) is not available')
  await expect(problem).toContainText('Allow site data for this app')
})

test('another window upgrading the data: a banner, and the article, claims and the note being typed stay on screen', async ({ baseURL }) => {
  const { context, page } = await launchApp(baseURL!, newProfile())
  try {
    await waitForReader(page)
    await selectInReader(page, SEED_SPECULATION)
    await page.keyboard.press('s')
    await answerAnalystPrompt(page)
    await expect(page.locator('.save-status')).toHaveText('Saved')
    const note = page.getByRole('region', { name: 'Claim' }).getByLabel('Note (your rationale)')
    await note.fill('Saved before the upgrade.')
    await expect(page.locator('.save-status')).toHaveText('Saved')

    // A "newer build" in a second tab opens the same database at a higher version.
    const other = await context.newPage()
    await routeBlank(other)
    await other.goto(BLANK)
    const upgradedTo = await other.evaluate(
      (name) =>
        new Promise<number>((resolve, reject) => {
          const request = indexedDB.open(name, 999)
          request.onsuccess = () => {
            const version = request.result.version
            request.result.close()
            resolve(version)
          }
          request.onerror = () => reject(request.error)
        }),
      DATABASE,
    )
    expect(upgradedTo).toBe(999)

    const banner = page.getByRole('alert').filter({ hasText: 'A newer Critique Workbench opened your data in another window' })
    await expect(banner).toBeVisible()
    await expect(banner).toContainText('reload it to continue')
    // Everything on screen is still there, and still usable.
    await waitForReader(page)
    await expect(claimItems(page)).toHaveCount(1)
    await expect.poll(() => paintedTexts(page, 'speculative')).toEqual([SEED_SPECULATION])
    await expect(note).toHaveValue('Saved before the upgrade.')

    await note.fill('Typed after the upgrade: must not vanish.')
    await expect(page.locator('.save-status')).toContainText('Not saved')
    await expect(note).toHaveValue('Typed after the upgrade: must not vanish.')
    await expect(claimItems(page)).toHaveCount(1)
    await page.screenshot({ path: 'test-results/screens/storage-upgraded-elsewhere.png' })
  } finally {
    await context.close()
  }
})

test('an older window holding the data open: a banner while the upgrade waits, then the app continues', async ({ baseURL }) => {
  const { context, page: older } = await launchBlank(baseURL!, newProfile())
  try {
    await writeFoundationDatabase(older)
    // The older build keeps its connection open and ignores requests to close it.
    await older.evaluate(async (name) => {
      const w = window as unknown as { __held: IDBDatabase }
      w.__held = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name, 10)
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
    }, DATABASE)

    const page = await context.newPage()
    await page.goto(baseURL!)
    const banner = page.getByRole('alert').filter({ hasText: 'holding an older version of your data open' })
    await expect(banner).toBeVisible()
    await page.screenshot({ path: 'test-results/screens/storage-upgrade-blocked.png' })

    await older.evaluate(() => (window as unknown as { __held: IDBDatabase }).__held.close())
    await waitForReader(page)
    await expect(banner).toHaveCount(0)
    await expect(page.locator('.article-title')).toHaveText('Kept from the first build')
  } finally {
    await context.close()
  }
})

test('a failed upgrade: a message, and the old data is untouched and opens once the upgrade can run', async ({ baseURL }) => {
  const profile = newProfile()
  let { context, page } = await launchBlank(baseURL!, profile)
  try {
    await writeFoundationDatabase(page)
    // Break this build's upgrade half-way: creating the claims tables fails.
    await page.addInitScript(() => {
      const create = IDBDatabase.prototype.createObjectStore
      IDBDatabase.prototype.createObjectStore = function (this: IDBDatabase, name: string, options?: IDBObjectStoreParameters) {
        if (name === 'claims') throw new DOMException('Simulated failure while upgrading.', 'UnknownError')
        return create.call(this, name, options)
      }
    })
    await page.goto(baseURL!)
    const problem = page.getByRole('alert')
    await expect(problem).toContainText('Your work could not be opened')
    await expect(problem).toContainText('could not be upgraded to this version. It is untouched')
    await page.screenshot({ path: 'test-results/screens/storage-upgrade-failed.png' })
    const version = await page.evaluate(async (name) => (await indexedDB.databases()).find((d) => d.name === name)?.version, DATABASE)
    expect(version).toBe(10)
  } finally {
    await context.close()
  }

  // The next start, without the fault: the upgrade runs and the first build's document is there.
  ;({ context, page } = await launchApp(baseURL!, profile))
  try {
    await waitForReader(page)
    await expect(page.locator('.article-title')).toHaveText('Kept from the first build')
    await expect(page.locator('.reader-text')).toContainText('Old notes from the first build.')
  } finally {
    await context.close()
  }
})
