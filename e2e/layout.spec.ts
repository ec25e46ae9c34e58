/**
 * The window never scrolls: only panes do. On every main view (reader, a claim
 * open among fifty, Compare, Preferences, Library), at a small laptop's
 * 1024×700 and a desktop's 1440×900, the document is exactly as large as the
 * window; and the open claim's editor is in view, with the focus in it, as
 * soon as the claim opens.
 */
import { expect, test, type Page } from '@playwright/test'
import { claimsPanel, waitForReader } from './support/app'
import { importSetFile, writeSeedSet } from './support/claim-sets'

/** How far the whole document overflows the window, in CSS pixels (0, 0 when only panes scroll). */
async function documentOverflow(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement
    return { x: root.scrollWidth - root.clientWidth, y: root.scrollHeight - root.clientHeight }
  })
}

/** Assert the window does not scroll, and that scrolling it (wheel, keys, script) moves nothing. */
async function expectNoWindowScroll(page: Page, view: string): Promise<void> {
  expect(await documentOverflow(page), `${view}: document overflow`).toEqual({ x: 0, y: 0 })
  const moved = await page.evaluate(() => {
    window.scrollTo(10_000, 10_000)
    const at = { x: window.scrollX, y: window.scrollY }
    window.scrollTo(0, 0)
    return at
  })
  expect(moved, `${view}: window scrolled`).toEqual({ x: 0, y: 0 })
}

function claimItems(page: Page) {
  return claimsPanel(page).getByRole('list', { name: 'Claims in document order' }).getByRole('listitem')
}

for (const viewport of [
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
]) {
  test(`no view scrolls the window at ${viewport.width}×${viewport.height}; the claim editor opens in view`, async ({ page }) => {
    test.setTimeout(90_000)
    await page.setViewportSize(viewport)
    await page.goto('/')
    await waitForReader(page)
    await expectNoWindowScroll(page, 'reader')

    // Two sets of fifty claims on the seed: every claim a stance conflict in Compare.
    await importSetFile(page, writeSeedSet('sato', 'Sato', 50, () => 'speculative'))
    await importSetFile(page, writeSeedSet('tanaka', 'Tanaka', 50, () => 'evidenced'))
    await expect(claimItems(page)).toHaveCount(50)
    await expectNoWindowScroll(page, 'reader with 50 claims')

    // The last claim in the list: its editor must be on screen and hold the focus.
    await claimItems(page).last().getByRole('button').click()
    const detail = page.getByRole('region', { name: 'Claim' })
    await expect(detail).toBeVisible()
    await expect(detail).toBeInViewport()
    await expect(detail.getByRole('radio', { name: /Speculative|Evidenced/ }).first()).toBeInViewport()
    await expect(detail.getByLabel('Note (your rationale)')).toBeInViewport()
    expect(await detail.evaluate((el) => el.contains(document.activeElement)), 'focus moved into the claim editor').toBe(true)
    await expectNoWindowScroll(page, 'claim open')

    // The first claim too: opening another claim brings its editor into view again.
    await claimItems(page).first().getByRole('button').click()
    await expect(detail.getByLabel('Note (your rationale)')).toBeInViewport()
    await page.screenshot({ path: `test-results/screens/layout-claim-open-${viewport.width}.png` })

    await claimsPanel(page).getByRole('button', { name: /Compare sets/ }).click()
    await page.getByRole('dialog').getByRole('button', { name: /Compare/ }).last().click()
    await expect(page.getByText(/Stance conflicts/).first()).toBeVisible()
    await expectNoWindowScroll(page, 'compare')
    // The wheel past the end of the outcomes list moves the list, never the window.
    const outcomes = page.getByRole('complementary', { name: 'Outcomes' })
    await outcomes.hover()
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 2000)
    expect(await page.evaluate(() => window.scrollY), 'compare: wheel scrolled the window').toBe(0)
    await expect(page.locator('.app-bar')).toBeInViewport()
    await page.screenshot({ path: `test-results/screens/layout-compare-${viewport.width}.png` })
    await page.keyboard.press('Escape')
    await waitForReader(page)

    await page.getByRole('banner').getByRole('button', { name: 'Preferences' }).click()
    await expect(page.getByRole('heading', { name: 'Preferences', level: 1 })).toBeVisible()
    await expectNoWindowScroll(page, 'preferences')

    await page.getByRole('banner').getByRole('button', { name: 'Library' }).click()
    await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible()
    await expectNoWindowScroll(page, 'library')
  })
}
