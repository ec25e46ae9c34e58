/**
 * Claim finder suggestions in the reader, driven as an analyst triages them:
 * switch Suggestions on, read why a sentence is suggested, accept (with the
 * suggested stance or the other), dismiss, find all of it again after a
 * relaunch, and change the lexicon and see the suggestions follow.
 */
import { mkdirSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { answerAnalystPrompt, switchToJapaneseByPalette, claimsPanel, launchApp, newProfile, SEED_SPECULATION, waitForReader } from './support/app'
import { paintedTexts } from './support/painted-claims'

const CERTAIN_SENTENCE = `ウクライナ問題をめぐり、EUは米国と連携してロシアに圧力をかけてきたが、トランプ氏がプーチン氏との実利協力を優先すれば、${SEED_SPECULATION}。`
const NEXT_SENTENCE = 'プーチン氏は、トランプ氏の「アメリカ第一主義」を利用し'
const FORECAST_SENTENCE = '今後、プーチン大統領はトランプ政権との関係強化をさらに推し進めると予想される。'
// Sentences are split into pieces at their cues: these are pieces without one.
const CERTAIN_PIECE = 'トランプ氏がプーチン氏との実利協力を優先すれば'
const UNKNOWN_PIECE = 'プーチン氏の戦略がどこまで成功するかは'
const APPEAL_PIECE = 'トランプ氏のビジネス志向に'

function summary(page: Page) {
  return claimsPanel(page).getByText(/suggestions? pending$/)
}

async function pendingCount(page: Page): Promise<number> {
  await expect(summary(page)).toBeVisible()
  return Number(/^(\d+)/.exec((await summary(page).textContent()) ?? '')?.[1])
}

/** The reader's pieces of the suggested sentence containing `text` (a sentence is split at its cues). */
function suggestionWith(page: Page, text: string) {
  return page.locator('.reader-text [data-suggestion]').filter({ hasText: text })
}

function claimItems(page: Page) {
  return claimsPanel(page).getByRole('list', { name: 'Claims in document order' }).getByRole('listitem')
}

test('triage suggestions by key, keep the decisions across a relaunch, and follow lexicon edits', async ({ baseURL }) => {
  const profile = newProfile()
  let { context, page } = await launchApp(baseURL!, profile)
  await waitForReader(page)

  const initial = await pendingCount(page)
  expect(initial).toBeGreaterThan(10)
  await expect(page.locator('.reader-text .suggestion')).toHaveCount(0)

  const bar = page.getByRole('toolbar', { name: 'Suggestions' })
  await bar.getByRole('button', { name: 'Suggestions' }).click()
  await expect(bar.getByRole('button', { name: 'Suggestions' })).toHaveAttribute('aria-pressed', 'true')
  await expect(bar).toContainText(`${initial} pending`)
  await expect(bar).toContainText('accept')
  await expect(bar).toContainText('dismiss')
  // Faint outlines, one set per suggested sentence, with their cue words marked.
  await expect(page.locator('.reader-text .suggestion-glyph')).toHaveCount(initial)
  await expect(page.locator('.reader-text .cue').first()).toBeVisible()

  // The 「…間違いない」 sentence asserts certainty without evidence: a badge in words right after it.
  const certain = suggestionWith(page, CERTAIN_PIECE)
  await expect(certain.first()).toHaveClass(/suggestion--unsupported/)
  await expect(page.locator('.reader-text .cue', { hasText: '間違いない' })).toHaveAttribute('data-cue-kind', 'booster')
  const certainKey = await certain.first().getAttribute('data-suggestion')
  const badgeAfter = await page.evaluate((key) => {
    const badge = [...document.querySelectorAll<HTMLElement>('.reader-text .suggestion-badge')].find(
      (b) => (b.previousElementSibling as HTMLElement | null)?.dataset.suggestion === key,
    )
    return badge?.textContent ?? null
  }, certainKey)
  expect(badgeAfter).toContain('certainty without evidence')

  // Focus it by clicking: the card gives the stance, the warning and the reasons.
  await certain.first().click()
  const card = page.getByRole('region', { name: 'Suggestion' })
  await expect(card).toContainText('Suggested: Speculative')
  await expect(card).toContainText('Certainty without evidence')
  await expect(card.getByRole('definition')).toHaveText('間違いない')
  await expect(card.getByRole('term')).toHaveText('Booster')
  await expect(card.getByRole('button', { name: /Accept as Speculative/ })).toBeVisible()
  await expect(bar).toContainText(`of ${initial}`)
  await page.screenshot({ path: 'test-results/screens/suggestions.png' })

  // N and P step through the pending suggestions.
  await page.keyboard.press('n')
  await expect(page.locator('.reader-text .suggestion-focus').first()).toContainText(NEXT_SENTENCE.slice(0, 8))
  await page.keyboard.press('p')
  await expect(page.locator('.reader-text .suggestion-focus').first()).toContainText('ウクライナ問題をめぐり')

  // A accepts with the suggested stance; the first claim asks who is reading.
  await page.keyboard.press('a')
  await answerAnalystPrompt(page)
  await expect.poll(() => paintedTexts(page, 'speculative')).toEqual([CERTAIN_SENTENCE])
  await expect(claimItems(page)).toHaveCount(1)
  await expect(claimItems(page).first()).toContainText('Speculative')
  await expect(summary(page)).toHaveText(`${initial - 1} suggestions pending`)
  await expect(suggestionWith(page, CERTAIN_PIECE)).toHaveCount(0)

  // Focus moved on to the next suggestion; D dismisses it.
  await expect(card).toBeVisible()
  await expect(page.locator('.reader-text .suggestion-focus').first()).toContainText('プーチン氏は、トランプ氏の')
  await page.keyboard.press('d')
  await expect(summary(page)).toHaveText(`${initial - 2} suggestions pending`)
  await expect(suggestionWith(page, NEXT_SENTENCE)).toHaveCount(0)

  // Shift+A accepts the next one with the other stance.
  // 今後 is a cue of its own (a prediction), so the sentence's first piece is just that word.
  await expect(page.locator('.reader-text .suggestion-focus')).toContainText(['今後', '、プーチン大統領は'])
  await page.keyboard.press('Shift+A')
  await expect.poll(() => paintedTexts(page, 'evidenced')).toEqual([FORECAST_SENTENCE])
  await expect(summary(page)).toHaveText(`${initial - 3} suggestions pending`)
  await expect(page.locator('.save-status')).toHaveText('Saved')
  await page.screenshot({ path: 'test-results/screens/suggestions-after-triage.png' })
  await context.close()

  // Relaunch on the same profile: the claims, the dismissal and the switch are all remembered.
  ;({ context, page } = await launchApp(baseURL!, profile))
  await waitForReader(page)
  await expect(summary(page)).toHaveText(`${initial - 3} suggestions pending`)
  await expect(claimItems(page)).toHaveCount(2)
  await expect.poll(() => paintedTexts(page, 'speculative')).toEqual([CERTAIN_SENTENCE])
  await expect.poll(() => paintedTexts(page, 'evidenced')).toEqual([FORECAST_SENTENCE])
  await expect(page.getByRole('toolbar', { name: 'Suggestions' }).getByRole('button', { name: 'Suggestions' })).toHaveAttribute('aria-pressed', 'true')
  await expect(page.locator('.reader-text .suggestion-glyph')).toHaveCount(initial - 3)
  await expect(suggestionWith(page, NEXT_SENTENCE)).toHaveCount(0)

  // The lexicon: remove a cue, restore it, add one; the suggestions follow each change.
  await page.getByRole('toolbar', { name: 'Suggestions' }).getByRole('button', { name: 'Lexicon…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Suggestion lexicon' })
  await expect(suggestionWith(page, UNKNOWN_PIECE)).not.toHaveCount(0)
  await dialog.getByRole('button', { name: 'Remove cue 未知数' }).click()
  await expect(summary(page)).toHaveText(`${initial - 4} suggestions pending`)
  await expect(suggestionWith(page, UNKNOWN_PIECE)).toHaveCount(0)
  await expect(dialog.locator('.cue-row--removed')).toContainText('未知数')
  await dialog.getByRole('button', { name: 'Restore cue 未知数' }).click()
  await expect(summary(page)).toHaveText(`${initial - 3} suggestions pending`)

  const form = dialog.getByRole('form', { name: 'Add a cue' })
  await form.getByLabel('Kind').selectOption('intent')
  await form.getByLabel('Match').selectOption('regex')
  await form.getByLabel(/^Pattern/).fill('訴えかけ(')
  await form.getByLabel(/^Example sentence/).fill('トランプ氏のビジネス志向に訴えかけた。')
  await form.getByRole('button', { name: 'Add cue' }).click()
  await expect(form.getByRole('alert')).toContainText('not a valid regular expression')
  await form.getByLabel('Match').selectOption('literal')
  await form.getByLabel('Words', { exact: true }).fill('訴えかけ')
  await form.getByLabel(/^Example sentence/).fill('有権者の感情に働きかけた。')
  await form.getByRole('button', { name: 'Add cue' }).click()
  await expect(form.getByRole('alert')).toContainText('does not match its own example')
  await form.getByLabel(/^Example sentence/).fill('トランプ氏のビジネス志向に訴えかけた。')
  await form.getByRole('button', { name: 'Add cue' }).click()
  await expect(form.getByRole('alert')).toHaveCount(0)
  await expect(dialog.locator('.cue-row--yours')).toContainText('訴えかけ')
  await expect(summary(page)).toHaveText(`${initial - 2} suggestions pending`)
  await page.screenshot({ path: 'test-results/screens/suggestions-lexicon.png' })
  await dialog.getByRole('button', { name: 'Done' }).click()
  await expect(suggestionWith(page, APPEAL_PIECE).first()).toHaveClass(/suggestion--speculative/)
  await expect(page.locator('.reader-text .cue', { hasText: '訴えかけ' })).toHaveAttribute('data-cue-kind', 'intent')
  await context.close()

  // The added cue is stored too.
  ;({ context, page } = await launchApp(baseURL!, profile))
  await waitForReader(page)
  await expect(summary(page)).toHaveText(`${initial - 2} suggestions pending`)
  await expect(suggestionWith(page, APPEAL_PIECE)).not.toHaveCount(0)
  await context.close()
})

test('suggestions are found in a worker, off until switched on, and Escape closes the card', async ({ page }) => {
  const workers: string[] = []
  page.on('worker', (worker) => workers.push(worker.url()))
  await page.goto('/')
  await waitForReader(page)
  const initial = await pendingCount(page)
  // The analysis ran off the main thread: the page's CSP lets the bundled worker load.
  expect(workers.some((url) => url.includes('analyse.worker'))).toBe(true)
  await claimsPanel(page).getByRole('button', { name: 'Review' }).click()
  await expect(page.locator('.reader-text .suggestion-glyph')).toHaveCount(initial)
  await page.keyboard.press('n')
  const card = page.getByRole('region', { name: 'Suggestion' })
  await expect(card).toBeVisible()
  await expect(page.locator('.reader-text .suggestion-focus').first()).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(card).toHaveCount(0)
  await claimsPanel(page).getByRole('button', { name: 'Hide' }).click()
  await expect(page.locator('.reader-text .suggestion')).toHaveCount(0)
  await expect(summary(page)).toHaveText(`${initial} suggestions pending`)
})

test('dismissing before any set exists asks who is reading and starts the set', async ({ page }) => {
  await page.goto('/')
  await waitForReader(page)
  const initial = await pendingCount(page)
  await page.getByRole('toolbar', { name: 'Suggestions' }).getByRole('button', { name: 'Suggestions' }).click()
  await page.keyboard.press('n')
  const first = await page.locator('.reader-text .suggestion-focus').first().getAttribute('data-suggestion')
  await page.keyboard.press('d')
  await answerAnalystPrompt(page, 'Kenji Sato')
  await expect(summary(page)).toHaveText(`${initial - 1} suggestions pending`)
  await expect(page.locator(`.reader-text [data-suggestion="${first}"]`)).toHaveCount(0)
  await expect(claimsPanel(page).getByLabel('Annotation set')).toContainText("Kenji Sato's reading")
  await expect(claimItems(page)).toHaveCount(0)
  // Restoring brings it back.
  await page.getByRole('toolbar', { name: 'Suggestions' }).getByRole('button', { name: 'Restore dismissed (1)' }).click()
  await expect(summary(page)).toHaveText(`${initial} suggestions pending`)
})

// An article dated 2025-05-14 whose first sentence hedges, boosts and names a
// year after that date: the issue-20 grid sentence.
const DATED_ARTICLE = [
  'date 2025-05-14 Grid outlook',
  'It seems the grid of 2035 will surely look nothing like the grid of 2020.',
  '"We have no plans to raise fares," the mayor told the council on May 2.',
].join('\n\n')

test('the card explains each decision: what every cue counted as and why the stance won, in English and Japanese', async ({ page }) => {
  mkdirSync('test-results/screens', { recursive: true })
  await page.goto('/')
  await waitForReader(page)
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('banner').getByRole('button', { name: 'Open Article…' }).click()
  await (await chooser).setFiles({ name: 'grid-outlook.txt', mimeType: 'text/plain', buffer: Buffer.from(DATED_ARTICLE) })
  await expect(page.locator('.reader-text')).toContainText('the grid of 2035')
  await page.locator('.notice-close').click()

  const bar = page.getByRole('toolbar', { name: 'Suggestions' })
  await bar.getByRole('button', { name: 'Suggestions' }).click()
  await page.keyboard.press('n')
  const card = page.getByRole('region', { name: 'Suggestion' })
  await expect(card).toContainText('Suggested: Speculative')
  await expect(card).toContainText('Why Speculative: the sentence hedges, predicts')
  await expect(card).toContainText('A booster never cancels a hedge.')
  const cues = card.getByLabel('Cues found')
  // "of 2035" lies after the article's date: a prediction, not evidence; "of 2020" is a detail of it.
  await expect(cues.getByRole('term')).toHaveText(['Hedge', 'Prediction', 'Booster', 'Figure or date'])
  await expect(cues.getByRole('definition').nth(1)).toHaveText("of 2035later than the article's date")
  await expect(cues.getByRole('definition').nth(3)).toHaveText('of 2020a detail of a prediction or hearsay, not support, not counted')
  await card.scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'test-results/screens/suggestion-why-en.png' })

  // The quotation with its speaker is support: the next suggestion is Evidenced, and says why.
  await page.keyboard.press('n')
  await expect(card).toContainText('Suggested: Evidenced')
  await expect(card).toContainText('Why Evidenced: the sentence carries its support and does not speculate.')
  await expect(cues.getByRole('term').first()).toHaveText('Support')

  await page.keyboard.press('p')
  await switchToJapaneseByPalette(page)
  const cardJa = page.getByRole('region', { name: '候補', exact: true })
  await expect(cardJa).toContainText('候補の判定：推測')
  await expect(cardJa).toContainText('判断の理由 推測：ぼかし・予測')
  await expect(cardJa).toContainText('断定の強調は、ぼかし表現を打ち消しません。')
  const cuesJa = cardJa.getByLabel('見つかった手がかり')
  await expect(cuesJa.getByRole('term')).toHaveText(['ぼかし表現', '予測', '断定の強調', '数値・日付'])
  await expect(cuesJa.getByRole('definition').nth(1)).toHaveText('of 2035記事の日付より後')
  await expect(cardJa).toContainText('ぼかし表現を打ち消しません。')
  await expect(cardJa).not.toContainText('ありません。 断定')
  await cardJa.scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'test-results/screens/suggestion-why-ja.png' })
})
