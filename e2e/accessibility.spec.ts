/**
 * axe on the screens a first-time analyst meets, in both themes and both
 * languages: the reader with a claim open, the suggestion card (the popover
 * that explains a suggestion, with its E? / S? glyphs in the text) and
 * Compare. No serious or critical WCAG 2.1 A/AA violation anywhere.
 * (Library and Preferences are scanned in workbench.spec.ts.)
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { waitForReader } from './support/app'
import { importSetFile, writeSeedSet } from './support/claim-sets'

async function seriousViolations(page: Page, label: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  return bad.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)
}

/** The landmark rules axe files as moderate: Compare once had two banners and unnamed duplicates. */
async function landmarkProblems(page: Page, label: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withRules(['landmark-no-duplicate-banner', 'landmark-unique', 'landmark-one-main', 'landmark-no-duplicate-main']).analyze()
  return results.violations.map((v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)
}

test('the reader, the suggestion card and Compare pass axe in light and dark, in English and 日本語', async ({ page }) => {
  test.setTimeout(120_000)
  const problems: string[] = []
  await page.goto('/')
  await waitForReader(page)
  await importSetFile(page, writeSeedSet('sato', 'Sato', 12, (i) => (i % 3 === 0 ? 'evidenced' : 'speculative')))
  await importSetFile(page, writeSeedSet('tanaka', 'Tanaka', 10, (i) => (i % 2 === 0 ? 'evidenced' : 'speculative')))
  await page.locator('.first-run-hint button').click()

  for (const language of ['en', 'ja'] as const) {
    if (language === 'ja') {
      await page.getByRole('banner').getByRole('button', { name: 'Preferences' }).click()
      await page.getByRole('combobox', { name: 'Language' }).selectOption('ja')
      await expect(page.locator('html')).toHaveAttribute('lang', 'ja')
      await page.getByRole('button', { name: '← 記事に戻る' }).click()
      await waitForReader(page)
    }
    // Suggestions on, and one opened: its card is the popover over the text.
    // Enabled once the stored position is read: before that its pressed state is only the default.
    const toggle = page.locator('.suggestions-bar button[aria-pressed]:enabled')
    if ((await toggle.getAttribute('aria-pressed')) === 'false') await toggle.click()
    await expect(page.locator('.reader-text .suggestion-glyph').first()).toBeVisible()
    for (const theme of ['light', 'dark'] as const) {
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme)
      await page.locator('.claims-list .claim-item').first().click()
      await expect(page.locator('.claim-detail')).toBeVisible()
      problems.push(...(await seriousViolations(page, `reader + claim (${language}, ${theme})`)))

      await page.locator('.reader-text').focus()
      await page.keyboard.press('n')
      await expect(page.locator('.suggestion-card')).toBeVisible()
      problems.push(...(await seriousViolations(page, `suggestion card (${language}, ${theme})`)))
      await page.screenshot({ path: `test-results/screens/a11y-suggestion-${language}-${theme}.png` })
      await page.keyboard.press('Escape')

      await page.locator('.cmp-launch').click()
      await page.locator('.cmp-choose button[type="submit"]').click()
      await expect(page.locator('.cmp-desk')).toBeVisible()
      problems.push(...(await seriousViolations(page, `compare (${language}, ${theme})`)))
      problems.push(...(await landmarkProblems(page, `compare (${language}, ${theme})`)))
      await page.screenshot({ path: `test-results/screens/a11y-compare-${language}-${theme}.png` })
      await page.locator('.cmp-bar button').first().click()
      await waitForReader(page)
    }
  }
  expect(problems).toEqual([])
})
