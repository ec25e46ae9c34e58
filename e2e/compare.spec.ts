/**
 * Compare mode, driven as two analysts and an adjudicator would: two sets
 * tagged through the UI on the seed article (two agreements, a stance
 * conflict, one claim only in each), compared with figures that match the
 * CLI's on the same sets exported as W3C files, adjudicated into a consensus
 * set, and reported in Markdown and HTML with the reasons.
 */
import { expect, test, type Locator, type Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CliComparisonJson } from '../shared/compare'
import { answerAnalystPrompt, claimsPanel, SEED_SPECULATION, selectInReader, waitForReader } from './support/app'

const ARTICLE = 'fixtures/articles/alaska-summit-2025-08-18.txt'
const AGREE_E = '会談後の共同記者会見では、ウクライナ問題に関する具体的な進展は発表されず'
const CONFLICT_A = 'プーチン氏がこの会談を自身の勝利と捉えていることの表れである'
const CONFLICT_B = 'この会談を自身の勝利と捉えていることの表れである'
const ONLY_A = 'ロシアはすでに北極圏での開発を進めており'
const ONLY_B = 'ロシア経済は、2014年のクリミア併合以降、米国やEUによる厳しい制裁に直面してきた。'

const REASON_CONFLICT = '発言は記録にあるが「勝利と捉えている」は推測。'
const REASON_ONLY_A = 'Background, not a claim of the op-ed.'
const REASON_ONLY_B = 'Checkable against the sanctions record.'

function claimItems(page: Page): Locator {
  return claimsPanel(page).getByRole('list', { name: 'Claims in document order' }).getByRole('listitem')
}

async function tag(page: Page, text: string, key: 'e' | 's') {
  const before = await claimItems(page).count()
  await selectInReader(page, text)
  await page.keyboard.press(key)
  await expect(claimItems(page)).toHaveCount(before + 1)
  await expect(page.locator('.save-status')).toHaveText('Saved')
}

async function exportActiveSet(page: Page, name: string): Promise<string> {
  const download = page.waitForEvent('download')
  await claimsPanel(page).getByRole('button', { name: 'Export set…' }).click()
  const file = join(tmpdir(), `cw-compare-${process.pid}-${name}`)
  await (await download).saveAs(file)
  return file
}

function figure(page: Page, label: string | RegExp): Locator {
  return page.getByRole('complementary', { name: 'Figures' }).locator('.cmp-figure').filter({ has: page.locator('dt', { hasText: label }) }).locator('.cmp-figure-value')
}

const shown = (x: number | null): string => (x === null ? 'undefined' : x.toFixed(3))

function group(page: Page, name: string): Locator {
  return page.getByRole('complementary', { name: 'Outcomes' }).getByRole('region', { name: new RegExp(`^${name} \\d+$`) })
}

function outcome(page: Page, quote: string): Locator {
  return page.getByRole('complementary', { name: 'Outcomes' }).locator('.cmp-item').filter({ hasText: quote.slice(0, 12) })
}

test('compare two sets, adjudicate into a consensus set and report it', async ({ page }) => {
  test.setTimeout(120_000)
  await page.goto('/')
  await waitForReader(page)

  // A: Sato's reading.
  await selectInReader(page, SEED_SPECULATION)
  await page.keyboard.press('s')
  await answerAnalystPrompt(page, 'Sato')
  await expect(page.locator('.save-status')).toHaveText('Saved')
  await tag(page, AGREE_E, 'e')
  await tag(page, CONFLICT_A, 's')
  await tag(page, ONLY_A, 'e')
  const fileA = await exportActiveSet(page, 'a.jsonld')

  const compareButton = claimsPanel(page).getByRole('button', { name: 'Compare sets…' })
  await expect(compareButton).toBeDisabled()

  // B: a second set on the same document.
  await claimsPanel(page).getByRole('button', { name: 'New set' }).click()
  const dialog = page.getByRole('dialog', { name: 'New annotation set' })
  await dialog.getByLabel('Label').fill('Tanaka')
  await dialog.getByRole('button', { name: 'Create set' }).click()
  await expect(claimsPanel(page).getByLabel('Annotation set')).toHaveValue(/.+/)
  await expect(claimsPanel(page).getByLabel('Annotation set').locator('option:checked')).toHaveText(/^Tanaka/)
  await expect(claimItems(page)).toHaveCount(0)
  await tag(page, SEED_SPECULATION, 's')
  await tag(page, AGREE_E, 'e')
  await tag(page, CONFLICT_B, 'e')
  await tag(page, ONLY_B, 'e')
  const fileB = await exportActiveSet(page, 'b.jsonld')

  // The CLI's figures for the very same sets.
  const cli = JSON.parse(execFileSync('node', ['bin/critique.mjs', 'compare', ARTICLE, fileA, fileB, '--json'], { encoding: 'utf8' })) as CliComparisonJson
  expect(cli).toMatchObject({ aligned: 3, exactSpanMatches: 2, agree: 2, stanceConflicts: 1, onlyA: 1, onlyB: 1 })

  // Open Compare with both sets; the older set is A.
  await expect(compareButton).toBeEnabled()
  await compareButton.click()
  const choose = page.getByRole('dialog', { name: 'Compare annotation sets' })
  await expect(choose.getByRole('checkbox')).toHaveCount(2)
  await expect(choose.getByRole('checkbox').nth(0)).toBeChecked()
  await expect(choose.getByRole('checkbox').nth(1)).toBeChecked()
  await choose.getByRole('button', { name: 'Compare' }).click()

  const legend = page.getByLabel('Sets compared')
  await expect(legend).toContainText("A Sato's reading")
  await expect(legend).toContainText('B Tanaka')

  // Figures: the same numbers as the CLI, undefined never printed as a number.
  await expect(figure(page, 'Claims in A')).toHaveText(String(cli.sets[0]!.claims))
  await expect(figure(page, 'Claims in B')).toHaveText(String(cli.sets[1]!.claims))
  await expect(figure(page, 'Aligned pairs')).toHaveText(String(cli.aligned))
  await expect(figure(page, 'Exact span matches')).toHaveText(String(cli.exactSpanMatches))
  await expect(figure(page, 'Observed agreement')).toHaveText(shown(cli.observedAgreement))
  await expect(figure(page, "Cohen's κ")).toHaveText(shown(cli.cohensKappa))
  await expect(figure(page, 'Span F1, exact')).toHaveText(shown(cli.spanF1.exact))
  await expect(figure(page, 'Span F1, overlap')).toHaveText(shown(cli.spanF1.overlap))
  await expect(figure(page, "Krippendorff's α")).toHaveText(shown(cli.krippendorffAlpha))
  await expect(figure(page, 'Character-level κ')).toHaveText(shown(cli.charKappa))
  await expect(page.locator('.cmp-figure[data-figure="cohensKappa"]')).toHaveAttribute('title', /Cohen's κ on the stance of aligned pairs/)
  const matrix = page.getByRole('table', { name: 'Confusion matrix' })
  await expect(matrix.getByRole('cell', { name: 'A speculative, B evidenced: 1' })).toBeVisible()
  await expect(matrix.getByRole('cell', { name: 'A evidenced, B no aligned claim: 1' })).toBeVisible()

  // Outcome groups, counted as the CLI counts them.
  await expect(group(page, 'Stance conflicts').locator('.cmp-item')).toHaveCount(cli.stanceConflicts)
  await expect(group(page, 'Only in A').locator('.cmp-item')).toHaveCount(cli.onlyA)
  await expect(group(page, 'Only in B').locator('.cmp-item')).toHaveCount(cli.onlyB)
  await expect(group(page, 'Agree').locator('.cmp-item')).toHaveCount(cli.agree)
  await expect(page.locator('.cmp-text .cmp-flag--conflict')).toHaveText('≠ A S · B E')
  await expect(page.locator('.cmp-text .cmp-flag--only')).toHaveText(['A only', 'B only'])
  await expect(page.locator('.cmp-text .cmp-mark--a')).toHaveCount(4)
  await expect(page.locator('.cmp-text .cmp-mark--b')).toHaveCount(4)

  // Live: raising the minimum overlap above the conflict's Jaccard (24/30) splits it.
  const overlap = page.getByLabel('Min overlap (Jaccard)')
  await overlap.fill('0.85')
  await expect(group(page, 'Stance conflicts').locator('.cmp-item')).toHaveCount(0)
  await expect(group(page, 'Only in A').locator('.cmp-item')).toHaveCount(2)
  await expect(figure(page, 'Aligned pairs')).toHaveText('2')
  await expect(figure(page, "Cohen's κ")).toHaveText('1.000')
  await overlap.fill('0.5')
  await expect(group(page, 'Stance conflicts').locator('.cmp-item')).toHaveCount(1)

  // Jump to the conflict: the reader scrolls it into view and marks it.
  const conflictFlag = page.locator('.cmp-text .cmp-flag--conflict')
  await page.locator('.cmp-column .reader-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight))
  await expect(conflictFlag).not.toBeInViewport()
  await outcome(page, CONFLICT_A).getByRole('button', { name: /勝利/ }).click()
  await expect(conflictFlag).toBeInViewport()
  await expect(page.locator('.cmp-text .cmp-selected')).toHaveText(['プーチン氏が', CONFLICT_B])
  // J steps to the next item in document order; letter keys never tag in Compare mode.
  await page.keyboard.press('j')
  await expect(outcome(page, ONLY_B).getByRole('button', { name: /クリミア/ })).toHaveAttribute('aria-current', 'true')
  await page.keyboard.press('k')
  await expect(outcome(page, CONFLICT_A).getByRole('button', { name: /勝利/ })).toHaveAttribute('aria-current', 'true')

  // Adjudicate the three disagreements, each with a reason.
  const dismiss = page.getByRole('button', { name: 'Dismiss message' })
  while ((await dismiss.count()) > 0) await dismiss.first().click()
  await expect(page.locator('.cmp-text .cmp-selected--flash')).toHaveCount(0)
  await page.screenshot({ path: 'test-results/screens/compare.png' })
  const decide = async (quote: string, keep: string, reason: string) => {
    const item = outcome(page, quote)
    await item.getByText(keep, { exact: true }).click()
    await item.getByLabel('Reason').fill(reason)
  }
  await decide(CONFLICT_A, "Keep A's", REASON_CONFLICT)
  await decide(ONLY_A, 'Keep neither', REASON_ONLY_A)
  await decide(ONLY_B, "Keep B's", REASON_ONLY_B)
  await expect(page.getByText('3 of 3 disagreements decided')).toBeVisible()
  await page.screenshot({ path: 'test-results/screens/compare-adjudicated.png' })

  // Reports: figures, confusion matrix, both stances of every disagreement, and the reasons.
  const save = async (name: string): Promise<string> => {
    const download = page.waitForEvent('download')
    await page.getByRole('group', { name: 'Comparison report' }).getByRole('button', { name }).click()
    return readFileSync(await (await download).path(), 'utf8')
  }
  const md = await save('Markdown')
  expect(md).toContain("Sato's reading vs Tanaka")
  expect(md).toContain(`| Aligned pairs | ${cli.aligned} |`)
  expect(md).toContain(`| Cohen's κ (stance) | ${cli.cohensKappa!.toFixed(3)} |`)
  expect(md).toContain('## Confusion matrix')
  expect(md).toContain('| **speculative** | 1 | 1 | 0 |')
  expect(md).toMatch(/\*\*A\*\* \(Sato's reading\): \*speculative\* — “プーチン氏がこの会談を/)
  expect(md).toMatch(/\*\*B\*\* \(Tanaka\): \*evidenced\* — “この会談を/)
  for (const reason of [REASON_CONFLICT, REASON_ONLY_A, REASON_ONLY_B]) expect(md).toContain(reason.replace(/\./g, '.'))
  const html = await save('HTML')
  expect(html).toContain('<h2>Confusion matrix</h2>')
  expect(html).toContain('<span class="stance-speculative">speculative</span>')
  for (const reason of [REASON_CONFLICT, REASON_ONLY_A, REASON_ONLY_B]) expect(html).toContain(reason)

  // The consensus: a new active set; the compared sets are untouched.
  await page.getByRole('button', { name: 'Create consensus set' }).click()
  const naming = page.getByRole('dialog', { name: 'Create consensus set' })
  await naming.getByLabel('Label').fill('Consensus Sato + Tanaka')
  await naming.getByRole('button', { name: 'Create set' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'created with 4 claims' })).toBeVisible()
  await expect(figure(page, 'Claims in A')).toHaveText('4')
  await expect(figure(page, 'Claims in B')).toHaveText('4')

  await page.getByRole('button', { name: 'Open it in the reader' }).click()
  await waitForReader(page)
  await expect(claimsPanel(page).getByLabel('Annotation set').locator('option:checked')).toHaveText(/^Consensus Sato \+ Tanaka/)
  await expect(claimItems(page)).toHaveCount(4)
  const exported = JSON.parse(readFileSync(await exportActiveSet(page, 'consensus.jsonld'), 'utf8')) as { items?: unknown[]; first?: { items?: unknown[] } }
  expect((exported.items ?? exported.first?.items ?? []).length).toBe(4)

  // Decisions are remembered: back in Compare the drafts are still there.
  await claimsPanel(page).getByRole('button', { name: 'Compare sets…' }).click()
  const again = page.getByRole('dialog', { name: 'Compare annotation sets' })
  await expect(again.getByRole('checkbox')).toHaveCount(3)
  await again.getByRole('checkbox').nth(2).uncheck()
  await again.getByRole('checkbox').nth(0).check()
  await again.getByRole('checkbox').nth(1).check()
  await again.getByRole('button', { name: 'Compare' }).click()
  await expect(outcome(page, ONLY_B).getByLabel('Reason')).toHaveValue(REASON_ONLY_B)
})

test('a set edited elsewhere updates the comparison live', async ({ page, context }) => {
  await page.goto('/')
  await waitForReader(page)
  await selectInReader(page, SEED_SPECULATION)
  await page.keyboard.press('s')
  await answerAnalystPrompt(page, 'Sato')
  await expect(page.locator('.save-status')).toHaveText('Saved')
  await claimsPanel(page).getByRole('button', { name: 'New set' }).click()
  await page.getByRole('dialog', { name: 'New annotation set' }).getByLabel('Label').fill('Tanaka')
  await page.getByRole('dialog', { name: 'New annotation set' }).getByRole('button', { name: 'Create set' }).click()
  await expect(claimsPanel(page).getByLabel('Annotation set').locator('option:checked')).toHaveText(/^Tanaka/)
  await expect(claimItems(page)).toHaveCount(0)
  await tag(page, SEED_SPECULATION, 's')

  await claimsPanel(page).getByRole('button', { name: 'Compare sets…' }).click()
  await page.getByRole('dialog', { name: 'Compare annotation sets' }).getByRole('button', { name: 'Compare' }).click()
  await expect(group(page, 'Agree').locator('.cmp-item')).toHaveCount(1)
  // One aligned pair with one stance each: expected agreement is 1, so κ is undefined.
  await expect(figure(page, "Cohen's κ")).toHaveText('undefined')

  // Another window flips B's stance: a conflict appears here without a reload.
  const other = await context.newPage()
  await other.goto('/')
  await waitForReader(other)
  await claimItems(other).first().getByRole('button').click()
  await other.getByRole('region', { name: 'Claim' }).getByRole('radio', { name: 'Evidenced' }).check()
  await expect(other.locator('.save-status')).toHaveText('Saved')

  await expect(group(page, 'Stance conflicts').locator('.cmp-item')).toHaveCount(1)
  await expect(group(page, 'Agree').locator('.cmp-item')).toHaveCount(0)
  await expect(page.locator('.cmp-text .cmp-flag--conflict')).toHaveText('≠ A S · B E')
  await expect(figure(page, 'Observed agreement')).toHaveText('0.000')
})
