/**
 * Frame-level timings of two interactions with the open reader, taken inside
 * the page with performance.now():
 *
 * - scrolling the reader to the middle of the article, until the frame that
 *   shows the new position has been produced;
 * - creating a claim the way a person does (select text, press E), until the
 *   frame that shows its highlight and its marker has been produced, and until the status
 *   line says "Saved" (which the app shows only once the IndexedDB write with
 *   strict durability resolved).
 *
 * "Until the frame has been produced" is a task posted from inside that
 * frame's requestAnimationFrame callback: it runs after the frame's style,
 * layout, paint and commit. It is posted with `scheduler.postTask` at
 * user-blocking priority, so it runs as soon as the frame is done rather than
 * behind tasks queued earlier (React's scheduler slices its deferred renders
 * into MessageChannel tasks, which would otherwise run first and be counted
 * as if they delayed the frame). The figure is main-thread busy time: the input's
 * own task (with React's synchronous render and effects) plus the frame's
 * work, leaving out the idle wait for the next vsync in between (up to one
 * frame interval that no code can shorten). The raw input-to-frame time,
 * idle wait included, is kept as well.
 */
import type { Page } from 'playwright'
import { milestonesOf, type TracedTransaction, type WriteMilestones } from './write-trace'

export interface ScrollTiming {
  /** Busy time of the scroll and the frame that shows it, ms. */
  frameMs: number
  /** Same, with the wait for vsync, ms. */
  rawMs: number
}

export interface CreateTiming {
  /** Busy time from the key press to the end of the frame that shows the highlight, ms. */
  paintMs: number
  /** Key press to that frame's end, wait for vsync included, ms. */
  paintRawMs: number
  /** Key press to "Saved" on the status line (the write is durable), ms. */
  durableMs: number
  /** Key press to the end of the key's own task (the app's handler, the draw), ms. */
  keyTaskMs: number
  /** Where the write's time went (write-trace.ts), ms after the key press. */
  write: WriteMilestones
}

/** What the page resolves with: the timings, the key press's time and the IndexedDB trace. */
type PageCreateTiming = Omit<CreateTiming, 'write'> & { keyAt: number; trace: TracedTransaction[] }

/**
 * Scroll the reader to `fraction` of its height (0.5: the middle of the
 * article) and time the frame that shows it. Throws RangeError when
 * `fraction` is outside [0, 1].
 */
export async function measureScrollFrame(page: Page, fraction = 0.5): Promise<ScrollTiming> {
  if (!(fraction >= 0 && fraction <= 1)) throw new RangeError(`scroll fraction ${fraction} is outside [0, 1]`)
  return page.evaluate(
    (fraction) =>
      new Promise<ScrollTiming>((resolve) => {
        const afterTask = (run: () => void) => {
          const scheduler = (globalThis as { scheduler?: { postTask(run: () => void, options: { priority: string }): unknown } }).scheduler
          if (scheduler) return void scheduler.postTask(run, { priority: 'user-blocking' })
          const channel = new MessageChannel()
          channel.port1.onmessage = run
          channel.port2.postMessage(0)
        }
        const scroller = document.querySelector<HTMLElement>('.reader-scroll')!
        requestAnimationFrame(() =>
          setTimeout(() => {
            const t0 = performance.now()
            scroller.scrollTop = scroller.scrollHeight * fraction
            const t1 = performance.now()
            requestAnimationFrame((vsync) => {
              afterTask(() => {
                const t2 = performance.now()
                const frameStart = Math.max(t1, Math.min(vsync, performance.now()))
                resolve({ frameMs: t1 - t0 + (t2 - frameStart), rawMs: t2 - t0 })
              })
            })
          }, 0),
        )
      }),
    fraction,
  )
}

/**
 * Select a few characters of a paragraph in view and press E; time until the
 * highlight is painted and until the claim is saved. `n` picks a different
 * paragraph for each call. The page must carry the write trace
 * (write-trace.ts `installWriteTrace`, before the app loaded).
 */
export async function measureCreateClaim(page: Page, n: number): Promise<CreateTiming> {
  await page.evaluate((n) => {
    const scroller = document.querySelector<HTMLElement>('.reader-scroll')!
    const box = scroller.getBoundingClientRect()
    // Paragraphs in view found by hit-testing down the middle of the reader, as
    // a mouse finds them: asking every paragraph for its box would force the
    // layout of the whole article (content-visibility skips it), ≈ 1.4 s per
    // create on the 2 MB article, and leave the page in a state no reader's
    // selection produces.
    // Right after a jump the groups now in view may not be laid out yet, and a
    // hit then lands on the group itself: its own paragraphs are the candidates.
    const hit = new Set<HTMLElement>()
    for (let y = box.top + 8; y < box.bottom; y += 16) {
      const element = document.elementFromPoint(box.left + box.width / 2, y)
      const p = element?.closest<HTMLElement>('.reader-text .block-group > p')
      if (p) hit.add(p)
      else if (element?.matches('.reader-text .block-group')) element.querySelectorAll<HTMLElement>(':scope > p').forEach((c) => hit.add(c))
    }
    const visible = [...hit].filter((p) => {
      const r = p.getBoundingClientRect()
      return r.top >= box.top && r.bottom <= box.bottom
    })
    const para = visible[n % visible.length]
    if (!para) throw new Error('no paragraph in view')
    const walker = document.createTreeWalker(para, NodeFilter.SHOW_TEXT)
    let node: Text | null = null
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      if ((t as Text).data.length >= 12 && !t.parentElement?.closest('[contenteditable="false"]')) {
        node = t as Text
        break
      }
    }
    if (!node) throw new Error('no text node to select')
    // Remembered by reference: an attribute of ours on it would be a DOM change ProseMirror re-reads.
    ;(window as unknown as { __benchPara: HTMLElement }).__benchPara = para
    // As a mouse selection does: focusing the whole reader would scroll it to its caret at the top.
    ;(document.querySelector('.reader-text') as HTMLElement).focus({ preventScroll: true })
    const range = document.createRange()
    range.setStart(node, 2)
    range.setEnd(node, 11)
    const selection = window.getSelection()!
    selection.removeAllRanges()
    selection.addRange(range)
  }, n)
  await page.getByRole('toolbar', { name: 'Tag claim' }).waitFor({ state: 'visible', timeout: 10_000 })
  await page.evaluate(() => {
    const para = (window as unknown as { __benchPara: HTMLElement }).__benchPara
    const status = document.querySelector('.save-status')!
    // The claim is drawn once its Range is in the evidenced highlight (CSS Custom
    // Highlight API) and the paragraph's marker letters count one more
    // (renderer/src/reader/claim-painter.ts): both must be there in the frame.
    const highlight = () => CSS.highlights.get('cw-claim-evidenced')?.size ?? 0
    const markers = () => (para.getAttribute('data-claim-marks') ?? '').length
    const rangesBefore = highlight()
    const markersBefore = markers()
    const w = window as unknown as { __benchCreate: Promise<PageCreateTiming>; __cwWriteTrace: TracedTransaction[] }
    w.__benchCreate = new Promise((resolve) => {
      const afterTask = (run: () => void) => {
        const scheduler = (globalThis as { scheduler?: { postTask(run: () => void, options: { priority: string }): unknown } }).scheduler
        if (scheduler) return void scheduler.postTask(run, { priority: 'user-blocking' })
        const channel = new MessageChannel()
        channel.port1.onmessage = run
        channel.port2.postMessage(0)
      }
      let t0 = 0
      let t1 = 0
      let paint: { paintMs: number; paintRawMs: number } | null = null
      let durableMs: number | null = null
      let sawSaving = false
      const finish = () => {
        if (paint && durableMs !== null) {
          observer.disconnect()
          resolve({ ...paint, durableMs, keyTaskMs: t1 - t0, keyAt: t0, trace: w.__cwWriteTrace })
        }
      }
      const observer = new MutationObserver(() => {
        const text = status.textContent ?? ''
        if (text.startsWith('Saving')) sawSaving = true
        else if (sawSaving && text === 'Saved' && durableMs === null) {
          durableMs = performance.now() - t0
          finish()
        }
      })
      observer.observe(status, { childList: true, characterData: true, subtree: true })
      // Checked in the task posted from the frame's animation callback, i.e. once the
      // frame is done: the app may write the marker in a later callback of that same
      // frame, before its style and layout (reader/claim-painter.ts `put`).
      const frame = () =>
        requestAnimationFrame((vsync) => {
          afterTask(() => {
            if (highlight() <= rangesBefore || markers() <= markersBefore) {
              frame()
              return
            }
            const t2 = performance.now()
            const frameStart = Math.max(t1 || t2, Math.min(vsync, t2))
            paint = { paintMs: (t1 ? t1 - t0 : 0) + (t2 - frameStart), paintRawMs: t2 - t0 }
            finish()
          })
        })
      const onKey = (event: KeyboardEvent) => {
        if (event.key !== 'e') return
        window.removeEventListener('keydown', onKey, true)
        t0 = performance.now()
        afterTask(() => {
          t1 = performance.now()
        })
        frame()
      }
      window.addEventListener('keydown', onKey, true)
    })
  })
  await page.keyboard.press('e')
  const { keyAt, trace, ...timing } = await page.evaluate(() => (window as unknown as { __benchCreate: Promise<PageCreateTiming> }).__benchCreate)
  return { ...timing, write: milestonesOf(trace, keyAt) }
}
