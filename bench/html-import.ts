/**
 * The `html-import` suite: a generated ~10 MB HTML article imported through
 * the app's own Open Article… button, in a fresh Chromium profile per run.
 *
 * Measured on the page (main thread), from the moment the file is handed to
 * the page until the "Imported" notice shows (parsed and stored):
 * - the longest main-thread task: the longest Long Tasks API entry (tasks of
 *   50 ms or more); when there is none, the longest gap of a 4 ms timer
 *   heartbeat, which bounds every shorter task from above;
 * - the total import time.
 * Opening the imported article in the reader afterwards is reported beside
 * them (longest task until its title shows), not as the figure: it is the
 * reader's work, not the import's.
 */
import { chromium, type Page } from 'playwright'
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/chromium.mjs'
import { freshProfile, removeProfile, TSX_NAME_SHIM, VIEWPORT } from './browser'

export const HTML_IMPORT_TITLE = 'Ten Megabytes of River Towns'

/** A ~`bytes` HTML article: headings, marks, links, and the scripts and images real pages carry. */
export function largeHtmlArticle(bytes: number): string {
  const parts = [`<!doctype html><html><head><title>${HTML_IMPORT_TITLE}</title><script>window.__pwned = 1</script></head><body>`]
  parts.push(`<nav><a href="/">Home</a></nav><h1>${HTML_IMPORT_TITLE}</h1>`)
  let size = parts.join('').length
  for (let i = 0; size < bytes; i++) {
    if (i % 200 === 0) parts.push(`<h2>Section ${i / 200 + 1}</h2>`)
    const paragraph =
      `<p>Paragraph ${i} opens this block. The river towns kept their <em>harbours</em> open through the winter, ` +
      `and the <strong>ferry</strong> crews logged every crossing in <a href="https://example.org/log/${i}">the harbour book</a>. ` +
      `${'Trade moved slowly but it moved, and the ledgers say so line after line. '.repeat(6)}<img src=x onerror="window.__pwned = 2"></p>\n`
    parts.push(paragraph)
    size += paragraph.length
  }
  parts.push('</body></html>')
  return parts.join('')
}

export interface HtmlImportRun {
  /** Longest main-thread task while the file was parsed and stored (see module comment). */
  longestTaskMs: number
  /** Long tasks (50 ms or more) in that window. */
  longTasks: number
  /** From the file handed to the page to the "Imported" notice. */
  importMs: number
  /** Longest main-thread task from the notice until the article's title shows in the reader. */
  openLongestTaskMs: number
}

/** Import the file at `path` once into the app at `origin`, on a fresh profile. */
export async function runHtmlImportOnce(origin: string, path: string, timeoutMs = 600_000): Promise<HtmlImportRun> {
  const profile = freshProfile('html-import')
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, viewport: VIEWPORT })
  try {
    await context.addInitScript(TSX_NAME_SHIM)
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(`${origin}/`)
    await page.locator('.reader-text').waitFor({ state: 'visible', timeout: 120_000 })
    await page.waitForTimeout(1000)
    await startTaskWatch(page)
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('banner').getByRole('button', { name: 'Open Article…' }).click()
    await (await chooser).setFiles(path)
    await page.evaluate(() => (window as unknown as Watch).__watch.mark('handed'))
    // The page marks the notice itself (an info notice goes after 6 s; a loaded machine must not miss it).
    const notice = await page.waitForFunction(() => (window as unknown as Watch).__watch.notice(), null, { timeout: timeoutMs, polling: 250 })
    const text = String(await notice.jsonValue())
    if (!text.startsWith(`Imported “${HTML_IMPORT_TITLE}”.`)) throw new Error(`bench: the import ended with "${text}"`)
    // The article's title as the reader shows it: the header's, or the article's own first heading.
    await page.getByRole('main', { name: 'Article' }).getByRole('heading', { level: 1, name: HTML_IMPORT_TITLE }).waitFor({ state: 'visible', timeout: timeoutMs })
    await page.evaluate(() => (window as unknown as Watch).__watch.mark('opened'))
    const pwned = await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)
    if (pwned !== undefined) throw new Error('bench: the imported HTML ran a script')
    return await page.evaluate(() => (window as unknown as Watch).__watch.result())
  } finally {
    await context.close()
    removeProfile(profile)
  }
}

interface Watch {
  __watch: { mark(name: 'handed' | 'imported' | 'opened'): void; notice(): string | null; result(): HtmlImportRun }
}

/** Start the long-task observer and the 4 ms heartbeat in the page. */
async function startTaskWatch(page: Page): Promise<void> {
  await page.evaluate(() => {
    const tasks: { start: number; end: number }[] = []
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, end: entry.startTime + entry.duration })
    }).observe({ type: 'longtask' })
    const beats: number[] = []
    const beat = () => {
      beats.push(performance.now())
      setTimeout(beat, 4)
    }
    beat()
    const marks: Record<string, number> = {}
    let notice: string | null = null
    // The file input's change event is the hand-over; a page that then blocks cannot delay this mark.
    window.addEventListener('change', () => (marks.handed ??= performance.now()), true)
    // The first notice after the hand-over ends the import: "Imported …" or a refusal.
    new MutationObserver(() => {
      if (notice !== null || marks.handed === undefined) return
      // Ours: the import's own notice, or a refusal naming the file (other notices may still be up).
      const shown = Array.from(document.querySelectorAll('.notices .notice'), (n) => n.textContent ?? '').find(
        (text) => text.startsWith('Imported “') || text.includes('river-towns-10mb.html'),
      )
      if (!shown) return
      notice = shown
      marks.imported = performance.now()
    }).observe(document.querySelector('.notices') ?? document.body, { childList: true, subtree: true, characterData: true })
    const longestIn = (from: number, to: number) => {
      let longest = 0
      for (const t of tasks) if (t.end > from && t.start < to) longest = Math.max(longest, t.end - t.start)
      for (let i = 1; i < beats.length; i++) if (beats[i]! > from && beats[i - 1]! < to) longest = Math.max(longest, beats[i]! - beats[i - 1]!)
      return longest
    }
    ;(window as unknown as Watch).__watch = {
      mark: (name) => (marks[name] ??= performance.now()),
      notice: () => notice,
      result: () => {
        const from = marks.handed!
        return {
          longestTaskMs: longestIn(from, marks.imported!),
          longTasks: tasks.filter((t) => t.end > from && t.start < marks.imported!).length,
          importMs: marks.imported! - from,
          openLongestTaskMs: longestIn(marks.imported!, marks.opened!),
        }
      },
    }
  })
}

/** Write the generated article to a temporary file; returns its path and a clean-up. */
export function writeLargeHtml(bytes: number): { path: string; bytes: number; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'cw-bench-html-'))
  const path = join(dir, 'river-towns-10mb.html')
  writeFileSync(path, largeHtmlArticle(bytes))
  return { path, bytes: statSync(path).size, dispose: () => rmSync(dir, { recursive: true, force: true }) }
}
