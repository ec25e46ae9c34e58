/**
 * The project's real reader under the bench: the built renderer served
 * locally, opened on a profile whose IndexedDB already holds the article and
 * its claims, exactly as a returning analyst opens it.
 *
 * Seeding runs the app once on a fresh persistent profile (it creates its
 * Dexie database 'critique-workbench' and imports the bundled article), then
 * writes the bench's records straight into that database from the page —
 * claims paged by the app's own `toClaimPages`, with its record types — with the prefs
 * that make the next launch reopen the bench document with the bench set
 * active. Each measured run launches Chromium on a fresh copy of that
 * profile and reads the app's `cw:claims-painted` mark (navigation start to
 * the first frame after the claims were drawn; renderer/src/desk/paint-mark.ts).
 */
import type { BrowserContext, Page } from 'playwright'
import { chromium } from 'playwright'
import type { Article } from '../shared/article/model'
import type { AnnotationSet, Claim } from '../shared/claims/model'
import { toClaimPages } from '../renderer/src/storage/claim-pages'
import type { BodyRecord, ClaimPageRecord, DocumentRecord, PrefRecord, SetRecord } from '../renderer/src/storage/records'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/chromium.mjs'
import { copyProfile, freshProfile, removeProfile, TSX_NAME_SHIM, VIEWPORT } from './browser'
import { measurePanelFilters, type FilterTiming } from './panel-filter'
import { installWriteTrace } from './write-trace'
import { measureCreateClaim, measureScrollFrame, type CreateTiming, type ScrollTiming } from './app-interactions'

const MARK = 'cw:claims-painted'

interface SeedRecords {
  document: DocumentRecord
  body: BodyRecord
  set: SetRecord
  claimPages: ClaimPageRecord[]
  prefs: PrefRecord[]
  workRecords: PrefRecord[]
}

async function launch(profile: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, viewport: VIEWPORT })
  await context.addInitScript(TSX_NAME_SHIM)
  const page = context.pages()[0] ?? (await context.newPage())
  return { context, page }
}

/** Write `records` into the app's database from inside the page, in one strict-durability transaction. */
async function writeRecords(page: Page, records: SeedRecords): Promise<void> {
  await page.evaluate(
    (r) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('critique-workbench')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          const tx = db.transaction(['documents', 'bodies', 'sets', 'claimPages', 'prefs', 'workRecords'], 'readwrite', { durability: 'strict' })
          tx.objectStore('documents').put(r.document)
          tx.objectStore('bodies').put(r.body)
          tx.objectStore('sets').put(r.set)
          const pages = tx.objectStore('claimPages')
          for (const p of r.claimPages) pages.put(p)
          const prefs = tx.objectStore('prefs')
          for (const p of r.prefs) prefs.put(p)
          const work = tx.objectStore('workRecords')
          for (const w of r.workRecords) work.put(w)
          tx.oncomplete = () => {
            db.close()
            resolve()
          }
          tx.onerror = () => reject(tx.error)
          tx.onabort = () => reject(tx.error)
        }
      }),
    records,
  )
}

/**
 * A profile in which the app opens `article` with `set` (holding `claims`)
 * active. Returns the profile folder; the caller removes it with removeProfile.
 */
export async function seedAppProfile(origin: string, article: Article, set: AnnotationSet, claims: readonly Claim[]): Promise<string> {
  const profile = freshProfile('app-seed')
  const { context, page } = await launch(profile)
  try {
    await page.goto(`${origin}/`)
    // First run: the app opens its database and imports the bundled article.
    await page.locator('.reader-text').waitFor({ state: 'visible', timeout: 60_000 })
    const { text, blocks, ...meta } = article
    await writeRecords(page, {
      document: meta,
      body: { id: article.id, blocks, text },
      set,
      claimPages: toClaimPages(claims),
      prefs: [
        { key: 'seeded', value: true },
        { key: 'lastDocumentId', value: article.id },
        { key: 'analystName', value: set.analyst },
        { key: 'hintDismissed', value: true },
      ],
      workRecords: [{ key: 'activeSets', value: { [article.id]: set.id } }],
    })
  } finally {
    await context.close()
  }
  return profile
}

export interface AppRun {
  /** Navigation start to the first frame with all the set's highlights, ms. */
  openMs: number
  /** Claims drawn at that mark (must equal the set's size). */
  claims: number
  /** One timing per scroll, in the order of {@link SCROLL_FRACTIONS} (empty when not asked for). */
  scrolls: ScrollTiming[]
  creates: CreateTiming[]
  /** The claims panel's filters, timed (empty when not asked for). */
  filters: FilterTiming[]
  /** V8 heap plus the DOM's (embedder) heap after a forced GC, MiB. */
  heapMb: number | null
}

export interface AppRunOptions {
  /** Also measure scrolling to far parts of the article (one frame each, see {@link SCROLL_FRACTIONS}). */
  scroll?: boolean
  /** How many claims to create (each: paint and durability latency). */
  creates?: number
  /** Also time the claims panel's stance and text filters (panel-filter.ts), typing this character. */
  filterText?: string
  /** Also measure the heap after opening. */
  heap?: boolean
  timeoutMs?: number
}

/** The heap in use after a full GC, via the DevTools protocol. */
async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number }
  await cdp.detach()
  return (usage.usedSize + (usage.embedderHeapUsedSize ?? 0)) / 2 ** 20
}

/**
 * Where the reader is scrolled to, as fractions of its height: three jumps to
 * parts never shown before, ending in the middle, where the creates happen.
 */
export const SCROLL_FRACTIONS = [0.25, 0.75, 0.5] as const

/** One measured launch of the app on a fresh copy of `seededProfile`. */
export async function runAppOnce(origin: string, seededProfile: string, options: AppRunOptions = {}): Promise<AppRun> {
  const profile = copyProfile(seededProfile, 'app-run')
  let context: BrowserContext | null = null
  try {
    const launched = await launch(profile)
    context = launched.context
    const page = launched.page
    // Only where claims are created: the open figure of the side-by-side runs is taken without it.
    if ((options.creates ?? 0) > 0) await installWriteTrace(context)
    await page.goto(`${origin}/`)
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, MARK, { timeout: options.timeoutMs ?? 120_000, polling: 100 })
    const { openMs, claims } = await page.evaluate((name) => {
      const mark = performance.getEntriesByName(name)[0] as PerformanceMark
      return { openMs: mark.startTime, claims: (mark.detail as { count: number }).count }
    }, MARK)
    // Let the page settle (the live query's follow-ups, idle callbacks) before interacting.
    await page.waitForTimeout(300)
    const heapMb = options.heap ? await heapAfterGc(page) : null
    const scrolls: ScrollTiming[] = []
    for (const fraction of options.scroll ? SCROLL_FRACTIONS : []) scrolls.push(await measureScrollFrame(page, fraction))
    // Before the creates: a created claim opens its detail in the panel.
    const filters = options.filterText ? await measurePanelFilters(page, options.filterText) : []
    const creates: CreateTiming[] = []
    for (let i = 0; i < (options.creates ?? 0); i++) creates.push(await measureCreateClaim(page, i))
    return { openMs, claims, scrolls, creates, filters, heapMb }
  } finally {
    await context?.close()
    removeProfile(profile)
  }
}
