/**
 * The peer: @recogito/text-annotator 4.1.1 on a plain page holding the same
 * text, loading the same annotations (the app's own W3C export of the claims).
 *
 * The page renders the blocks as `<p>` elements, each but the last ending in
 * the "\n\n" that separates blocks ({@link peerBody}), so the container's text
 * content equals the app's canonical text and the TextPositionSelectors mean
 * the same characters in both (the bench checks it on every run). The
 * annotations are fetched from a script in <head>, while the page is parsed
 * and the library loads. The library is
 * loaded from its UMD bundle in node_modules (dependencies inlined; it reads
 * `process.env.NODE_ENV`, which the page defines as 'production'). The
 * annotations are parsed with its W3CTextFormat adapter and added with
 * `state.store.bulkAddAnnotations(parsed, true, Origin.REMOTE)` — in 4.1.1
 * the public `setAnnotations(list)` draws nothing. REMOTE is the origin
 * setAnnotations itself passes; with the default LOCAL the undo stack sees the
 * load, and when that happens less than 250 ms after navigation start its
 * change-merging throws (reading `created` of undefined).
 *
 * Done signal: bulkAddAnnotations revives every range and fills the spatial
 * tree synchronously; the renderer then redraws (debounced 10 ms, in a rAF)
 * and emits `onRedraw` a tick after painting its highlight spans. The page
 * waits for that event and two more animation frames (the frame that shows
 * the spans has been produced), then marks `peer:painted`.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright'
import { chromium } from 'playwright'
import type { Article } from '../shared/article/model'
import type { W3cAnnotation } from '../shared/w3c/vocabulary'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/chromium.mjs'
import { freshProfile, removeProfile, TSX_NAME_SHIM, VIEWPORT } from './browser'

export const PEER_LIBRARY_DIR = join(import.meta.dirname, '..', 'node_modules/@recogito/text-annotator/dist')

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

// Started in <head>, before the 1 MB body is parsed, so fetching and parsing
// the 6 MB of annotations overlaps with parsing the page and loading the
// library instead of being counted after them.
const PREFETCH = `window.peerAnnotations = fetch('annotations.json').then((r) => r.json());`

const HARNESS = `
(async () => {
  performance.mark('peer:script');
  const items = await window.peerAnnotations;
  performance.mark('peer:fetched');
  const { createTextAnnotator, W3CTextFormat, Origin } = window.RecogitoJS;
  const container = document.getElementById('content');
  const anno = createTextAnnotator(container);
  const adapter = W3CTextFormat(location.href, container);
  const parsed = [];
  for (const item of items) { const r = adapter.parse(item); if (r.parsed) parsed.push(r.parsed); }
  const redrawn = new Promise((resolve) => { const off = anno.renderer.on('onRedraw', () => { off(); resolve(); }); });
  performance.mark('peer:add-start');
  const notRevived = anno.state.store.bulkAddAnnotations(parsed, true, Origin.REMOTE);
  performance.mark('peer:added', { detail: { notRevived: notRevived.length } });
  await redrawn;
  requestAnimationFrame(() => requestAnimationFrame(() => {
    performance.mark('peer:painted', { detail: { count: anno.state.store.all().length, spans: document.querySelectorAll('.r6o-annotation').length } });
  }));
})().catch((e) => { console.error(e); performance.mark('peer:failed', { detail: { message: String(e && e.message || e) } }); });
`

/**
 * The peer's container: one `<p>` per block, the "\n\n" between blocks at the
 * end of the previous paragraph's own text node. The container's text is then
 * the app's canonical text, so the app's export (positions included) means the
 * same characters, while the container holds one text node per block: the
 * library resolves each position by walking the container's text nodes from
 * the first, so separate separator nodes would double its walk (they did, in
 * the first version of this page: 11-12 s instead of 7-8 s).
 */
export function peerBody(article: Article): string {
  const last = article.blocks.length - 1
  return article.blocks.map((b, i) => `<p>${escapeHtml(b.text)}${i < last ? '\n\n' : ''}</p>`).join('')
}

/** Write the peer's page (index.html, harness.js, annotations.json) for `article` into `dir`. */
export function writePeerPage(dir: string, article: Article, annotations: readonly W3cAnnotation[]): void {
  mkdirSync(dir, { recursive: true })
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="${article.language}"><head><meta charset="utf-8"><title>peer</title>` +
      `<script>${PREFETCH}</script>` +
      `<link rel="stylesheet" href="lib/text-annotator.css">` +
      `<style>body{margin:0;font:17px/1.95 'Noto Serif CJK JP','Hiragino Mincho ProN','Yu Mincho','Source Serif 4',Georgia,serif}#content{max-width:40em;margin:0 auto;padding:3rem 3.5rem 6rem 4.5rem}p{margin:0 0 1.25em}</style>` +
      `</head><body><div id="content">${peerBody(article)}</div><script>window.process={env:{NODE_ENV:'production'}}</script><script src="lib/text-annotator.umd.js"></script><script src="harness.js"></script></body></html>`,
  )
  writeFileSync(join(dir, 'harness.js'), HARNESS)
  writeFileSync(join(dir, 'annotations.json'), JSON.stringify(annotations))
}

export interface PeerRun {
  /** Navigation start to `peer:painted`, ms. */
  openMs: number
  /** Time spent inside bulkAddAnnotations, ms. */
  addMs: number
  /** Navigation start to the harness script running (page parsed, library loaded), ms. */
  scriptMs: number
  /** Navigation start to the annotations fetched and parsed as JSON, ms. */
  fetchedMs: number
  annotations: number
  notRevived: number
  /** Highlight spans painted (the peer paints only those in the viewport). */
  spans: number
  /** Whether the peer's container text equals the article's canonical text (so positions mean the same characters). */
  sameText: boolean
}

async function readPeerMarks(page: Page, text: string): Promise<PeerRun> {
  const sameText = await page.evaluate((expected) => document.getElementById('content')!.textContent === expected, text)
  const marks = await page.evaluate(() => {
    const one = (name: string) => performance.getEntriesByName(name)[0] as PerformanceMark | undefined
    const failed = one('peer:failed')
    if (failed) throw new Error(`peer page failed: ${JSON.stringify(failed.detail)}`)
    const painted = one('peer:painted')!
    const added = one('peer:added')!
    const start = one('peer:add-start')!
    const detail = painted.detail as { count: number; spans: number }
    return {
      openMs: painted.startTime,
      addMs: added.startTime - start.startTime,
      scriptMs: one('peer:script')!.startTime,
      fetchedMs: one('peer:fetched')!.startTime,
      annotations: detail.count,
      notRevived: (added.detail as { notRevived: number }).notRevived,
      spans: detail.spans,
    }
  })
  return { ...marks, sameText }
}

/**
 * One run of the peer in a fresh Chromium (new empty profile): navigation
 * start to highlights painted. `text` is the article's canonical text, which
 * the page's container must hold exactly.
 */
export async function runPeerOnce(url: string, text: string, timeoutMs = 120_000): Promise<PeerRun> {
  const profile = freshProfile('peer')
  let context: BrowserContext | null = null
  try {
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, viewport: VIEWPORT })
    await context.addInitScript(TSX_NAME_SHIM)
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(url)
    await page.waitForFunction(() => performance.getEntriesByName('peer:painted').length + performance.getEntriesByName('peer:failed').length > 0, null, {
      timeout: timeoutMs,
      polling: 100,
    })
    return await readPeerMarks(page, text)
  } finally {
    await context?.close()
    removeProfile(profile)
  }
}
