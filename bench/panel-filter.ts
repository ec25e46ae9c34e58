/**
 * The claims panel's filters on a set of 10,000 claims, timed inside the page
 * the way app-interactions.ts times a created claim: from the user's input
 * (a click on a stance filter, a character typed into or deleted from the
 * text filter) to the end of the first frame in which the panel's list has
 * changed, counting busy time only (the input's task, with React's render of
 * the filtered list, plus that frame's work; not an idle wait for vsync).
 * Target: one frame.
 */
import type { Page } from 'playwright'

export interface FilterTiming {
  /** What was done: 'stance:speculative', 'stance:all', 'text:+の', 'text:cleared'. */
  action: string
  /** Busy time from the input to the end of the frame that shows the new list, ms. */
  frameMs: number
  /** Same, with any wait for vsync, ms. */
  rawMs: number
}

/**
 * Arm the page: the next event of type `eventType` starts the clock; it
 * stops at the end of the first frame after the claims panel's list (or its
 * "no match" line) changed. Resolves through `window.__benchFilter`.
 */
async function arm(page: Page, eventType: 'click' | 'beforeinput' | 'keydown'): Promise<void> {
  await page.evaluate((eventType) => {
    const panel = document.querySelector('.claims-panel')!
    const w = window as unknown as { __benchFilter: Promise<{ frameMs: number; rawMs: number }> }
    w.__benchFilter = new Promise((resolve) => {
      const afterTask = (run: () => void) => {
        const scheduler = (globalThis as { scheduler?: { postTask(run: () => void, options: { priority: string }): unknown } }).scheduler
        if (scheduler) return void scheduler.postTask(run, { priority: 'user-blocking' })
        const channel = new MessageChannel()
        channel.port1.onmessage = run
        channel.port2.postMessage(0)
      }
      let t0 = 0
      let t1 = 0
      let changed = false
      const observer = new MutationObserver(() => (changed = true))
      const frame = () =>
        requestAnimationFrame((vsync) => {
          if (!changed) return frame()
          observer.disconnect()
          afterTask(() => {
            const t2 = performance.now()
            const frameStart = Math.max(t1 || t2, Math.min(vsync, t2))
            resolve({ frameMs: (t1 ? t1 - t0 : 0) + (t2 - frameStart), rawMs: t2 - t0 })
          })
        })
      const onInput = () => {
        window.removeEventListener(eventType, onInput, true)
        t0 = performance.now()
        observer.observe(panel, { childList: true, subtree: true, characterData: true })
        afterTask(() => {
          t1 = performance.now()
        })
        frame()
      }
      window.addEventListener(eventType, onInput, true)
    })
  }, eventType)
}

/** How long a filter may take to change the panel before the bench gives up on it. */
const CHANGE_TIMEOUT_MS = 15_000

/** The armed timing of `action`; rejects (naming the action) when the panel did not change in time: a filter that matches every claim changes nothing. */
async function result(page: Page, action: string): Promise<FilterTiming> {
  const timing = await page.evaluate(
    (timeoutMs) =>
      Promise.race([
        (window as unknown as { __benchFilter: Promise<{ frameMs: number; rawMs: number }> }).__benchFilter,
        new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs)),
      ]),
    CHANGE_TIMEOUT_MS,
  )
  if (!timing) throw new Error(`bench: the claims panel did not change within ${CHANGE_TIMEOUT_MS} ms after "${action}"`)
  return { action, ...timing }
}

/**
 * Filter the claims panel four ways and back, timing each: stance
 * "speculative", stance "all", the text filter given `character`, the text
 * filter emptied again. Leaves the panel as it found it (all stances, no
 * text). `labels` are the stance filters' visible names in the UI's language.
 */
export async function measurePanelFilters(page: Page, character: string, labels = { speculative: 'Speculative', all: 'All' }): Promise<FilterTiming[]> {
  const panel = page.locator('.claims-panel')
  const stance = (name: string) => panel.locator('.stance-filter label').filter({ hasText: name })
  const search = panel.locator('.claims-search')
  const out: FilterTiming[] = []
  await arm(page, 'click')
  await stance(labels.speculative).click()
  out.push(await result(page, 'stance:speculative'))
  await arm(page, 'click')
  await stance(labels.all).click()
  out.push(await result(page, 'stance:all'))
  await search.focus()
  await arm(page, 'beforeinput')
  await page.keyboard.insertText(character)
  out.push(await result(page, `text:+${character}`))
  await arm(page, 'keydown')
  await page.keyboard.press('Backspace')
  out.push(await result(page, 'text:cleared'))
  return out
}
