/**
 * The Content Security Policy of the built renderer, proven in Chromium: code
 * that reached the page (an injected inline script, an inline event handler,
 * a data: script, a javascript: link, eval and its cousins) is blocked and
 * reported as a `securitypolicyviolation` on script-src, while the app itself
 * loads without a single violation.
 *
 * Method. A listener registered before the app loads (an init script: it only
 * records, and runs whatever the CSP) collects violation events. Playwright's
 * page.evaluate runs through the DevTools protocol, which may be exempt from
 * the CSP's eval rule, so every attempt is made the way page code would make
 * it: script elements are inserted through the DOM and run (or not) by the
 * page itself, and eval is called from a timer callback, in a task of the
 * page's own, after the evaluate call has returned. A control page on the
 * same origin without the CSP runs the very same attempts, so a blocked
 * attempt is blocked by the policy and not by a broken test.
 */
import { expect, test, type Page } from '@playwright/test'
import { waitForReader } from './support/app'

interface Violation {
  directive: string
  effective: string
  blocked: string
}

type Probe = Window & { __csp?: Violation[]; __ran?: string[]; __errors?: string[]; __attempted?: boolean }

async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as Probe
    w.__csp = []
    w.__ran = []
    w.__errors = []
    document.addEventListener(
      'securitypolicyviolation',
      (e) => w.__csp!.push({ directive: e.violatedDirective, effective: e.effectiveDirective, blocked: e.blockedURI }),
      true,
    )
  })
}

const violations = (page: Page) => page.evaluate(() => (window as Probe).__csp ?? [])
const ran = (page: Page) => page.evaluate(() => (window as Probe).__ran ?? [])
const errors = (page: Page) => page.evaluate(() => (window as Probe).__errors ?? [])

/** Try every way of running injected code, as page code would. Each success pushes its name onto __ran. */
async function attemptInjections(page: Page): Promise<void> {
  await page.evaluate(() => {
    const inline = document.createElement('script')
    inline.textContent = "window.__ran.push('inline-script')"
    document.body.append(inline)

    const dataScript = document.createElement('script')
    dataScript.src = "data:text/javascript,window.__ran.push('data-script')"
    document.body.append(dataScript)

    const holder = document.createElement('div')
    holder.innerHTML = `<img src="data:," onerror="window.__ran.push('inline-handler')">`
    document.body.append(holder)

    const link = document.createElement('a')
    link.href = "javascript:window.__ran.push('javascript-url')"
    document.body.append(link)
    link.click()

    // A later task of the page's own: no DevTools evaluation on the stack any more.
    setTimeout(() => {
      const w = window as Probe
      for (const [name, attempt] of [
        ['eval', () => (0, eval)("window.__ran.push('eval')")],
        ['new-function', () => new Function("window.__ran.push('new-function')")()],
        ['string-timeout', () => setTimeout("window.__ran.push('string-timeout')", 0)],
      ] as const) {
        try {
          attempt()
        } catch (error) {
          w.__errors!.push(`${name}: ${(error as Error).name}`)
        }
      }
      w.__attempted = true
    }, 0)
  })
  // The page's own timer task has made its attempts; what loads (the data: script, the
  // image error) is awaited by polling for its outcome below, never by waiting a fixed time.
  await page.waitForFunction(() => (window as Probe).__attempted === true)
}

/** Two animation frames and a task of the page's own: whatever the load queued has been dispatched. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)))))
}

test('the app itself loads and runs without a single CSP violation', async ({ page }) => {
  await recordViolations(page)
  await page.goto('/')
  await waitForReader(page)
  await settled(page)
  expect(await violations(page)).toEqual([])
})

test('injected inline scripts, handlers, data: scripts, javascript: URLs and eval are blocked and reported', async ({ page }) => {
  await recordViolations(page)
  await page.goto('/')
  await waitForReader(page)
  await attemptInjections(page)
  // Every attempt is reported before anything is asserted about what ran.
  await expect
    .poll(async () => {
      const all = await violations(page)
      return {
        dataScript: all.some((v) => v.blocked.startsWith('data') && v.effective === 'script-src-elem'),
        handler: all.some((v) => v.blocked === 'inline' && v.effective === 'script-src-attr'),
        evals: all.filter((v) => v.blocked === 'eval').length >= 3,
      }
    })
    .toEqual({ dataScript: true, handler: true, evals: true })

  expect(await ran(page)).toEqual([])
  // eval and new Function throw EvalError at the call; the string timer is dropped silently.
  expect(await errors(page)).toEqual(['eval: EvalError', 'new-function: EvalError'])

  const seen = await violations(page)
  const on = (blocked: string, effective: string) => seen.filter((v) => v.blocked === blocked && v.effective === effective)
  expect(on('inline', 'script-src-elem'), 'inline <script>').not.toHaveLength(0)
  expect(on('inline', 'script-src-attr'), 'inline onerror handler').not.toHaveLength(0)
  expect(seen.some((v) => v.blocked.startsWith('data') && v.effective === 'script-src-elem'), 'data: script').toBe(true)
  expect(on('eval', 'script-src').length, 'eval, new Function, string timer').toBeGreaterThanOrEqual(3)
  // Every report names script-src or one of its CSP3 sub-directives, and nothing else was hit.
  for (const v of seen) expect(v.directive).toMatch(/^script-src(-elem|-attr)?$/)
  expect(seen.filter((v) => v.blocked === 'inline').length, 'javascript: URL').toBeGreaterThanOrEqual(3)
})

test('control: without the CSP, on the same origin, the same attempts all run', async ({ page }) => {
  await recordViolations(page)
  await page.route('**/csp-control.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>control</title><body><p>No policy here.</p></body>' }),
  )
  await page.goto('/csp-control.html')
  await attemptInjections(page)
  await expect.poll(async () => (await ran(page)).sort()).toEqual(['data-script', 'eval', 'inline-handler', 'inline-script', 'javascript-url', 'new-function', 'string-timeout'])
  expect(await errors(page)).toEqual([])
  expect(await violations(page)).toEqual([])
})
