/**
 * Claims flows, driven as an analyst works: select, tag by key or toolbar,
 * argue in the detail, navigate, undo; and the guarantees around it: saved
 * across relaunch, synced across tabs, kept on screen when the disk is full.
 */
import { expect, test, type Page } from '@playwright/test'
import { fillDiskLeaving, freeDisk } from './support/quota'
import { answerAnalystPrompt, claimsPanel, launchApp, newProfile, SEED_SPECULATION, selectInReader, waitForReader, addCounterpoints, NATO_COUNTERPOINT } from './support/app'
import { clickPaintedClaim, markerCount, paintedTexts } from './support/painted-claims'

const EVIDENCED_SENTENCE = 'ロシア経済は、2014年のクリミア併合以降、米国やEUによる厳しい制裁に直面してきた。'

async function tagFirstClaim(page: Page, text: string, key: 's' | 'e') {
  await selectInReader(page, text)
  await page.keyboard.press(key)
  await answerAnalystPrompt(page)
  await expect(claimItems(page)).toHaveCount(1)
  await expect(page.locator('.save-status')).toHaveText('Saved')
}

function claimItems(page: Page) {
  return claimsPanel(page).getByRole('list', { name: 'Claims in document order' }).getByRole('listitem')
}

test('tag by key and toolbar, argue with counterpoints, and find it all again after a relaunch', async ({ baseURL }) => {
  const profile = newProfile()
  let { context, page } = await launchApp(baseURL!, profile)
  await waitForReader(page)

  await tagFirstClaim(page, SEED_SPECULATION, 's')
  await expect.poll(() => paintedTexts(page, 'speculative')).toEqual([SEED_SPECULATION])
  await expect(page.locator('.save-status')).toHaveText('Saved')

  const detail = page.getByRole('region', { name: 'Claim' })
  await expect(detail.getByRole('radio', { name: 'Speculative' })).toBeChecked()
  await detail.getByLabel('Note (your rationale)').fill('「間違いない」と断定しているが、根拠となる事実が示されていない。')
  await addCounterpoints(page, [NATO_COUNTERPOINT, { text: '欧州内の対ロ姿勢の違いは会談以前から存在した。', strength: 'weak' }])
  await expect(detail.getByRole('heading', { name: 'Counterpoints (2)' })).toBeVisible()

  // A second claim through the toolbar; it sits earlier in the article than the first.
  await selectInReader(page, EVIDENCED_SENTENCE)
  await page.getByRole('toolbar', { name: 'Tag claim' }).getByRole('button', { name: 'Evidenced' }).click()
  await expect.poll(() => paintedTexts(page, 'evidenced')).toEqual([EVIDENCED_SENTENCE])
  await expect(page.locator('.save-status')).toHaveText('Saved')
  await page.screenshot({ path: 'test-results/screens/reader-claims.png' })
  await context.close()

  ;({ context, page } = await launchApp(baseURL!, profile))
  await waitForReader(page)
  const items = claimItems(page)
  await expect(items).toHaveCount(2)
  await expect(items.nth(0)).toContainText('Evidenced')
  await expect(items.nth(0)).toContainText('ロシア経済は')
  await expect(items.nth(1)).toContainText('Speculative')
  await expect(items.nth(1)).toContainText('2 counterparts'.replace('counterparts', 'counterpoints'))
  await expect(items.nth(1)).toContainText('根拠となる事実が示されていない')
  await expect.poll(() => paintedTexts(page, 'speculative')).toEqual([SEED_SPECULATION])
  await expect.poll(() => paintedTexts(page, 'evidenced')).toEqual([EVIDENCED_SENTENCE])
  await expect.poll(() => markerCount(page)).toBe(2)

  await items.nth(1).getByRole('button').click()
  const detail2 = page.getByRole('region', { name: 'Claim' })
  await expect(detail2.getByLabel('Note (your rationale)')).toHaveValue('「間違いない」と断定しているが、根拠となる事実が示されていない。')
  await expect(detail2.locator('.counterpoint')).toHaveCount(2)
  await expect(detail2.locator('.counterpoint').first()).toContainText('NATO press release, 25 Aug 2025')
  await expect(detail2.locator('.counterpoint').first()).toContainText('Strong')
  await context.close()
})

test('delete a claim and undo it; redo deletes it again', async ({ page }) => {
  await page.goto('/')
  await waitForReader(page)
  await tagFirstClaim(page, SEED_SPECULATION, 's')
  await expect(claimItems(page)).toHaveCount(1)
  await page.getByRole('region', { name: 'Claim' }).getByRole('button', { name: 'Delete claim' }).click()
  await expect(claimItems(page)).toHaveCount(0)
  await expect.poll(async () => [...(await paintedTexts(page, 'evidenced')), ...(await paintedTexts(page, 'speculative'))]).toEqual([])
  await expect.poll(() => markerCount(page)).toBe(0)
  await page.keyboard.press('Control+Z')
  await expect(claimItems(page)).toHaveCount(1)
  await expect.poll(() => paintedTexts(page, 'speculative')).toEqual([SEED_SPECULATION])
  await page.keyboard.press('Control+Shift+Z')
  await expect(claimItems(page)).toHaveCount(0)
})

test('Ctrl+Z after a click on a Stance button undoes the stance, not the typing in the claim filter', async ({ page }) => {
  await page.goto('/')
  await waitForReader(page)
  await tagFirstClaim(page, SEED_SPECULATION, 's')
  // Typing in the filter gives the page a text undo step of its own.
  const filter = claimsPanel(page).getByRole('searchbox', { name: 'Filter claims by text' }).or(claimsPanel(page).getByRole('textbox', { name: 'Filter claims by text' }))
  await filter.pressSequentially('間違い')
  await expect(claimItems(page)).toHaveCount(1)
  await claimItems(page).first().getByRole('button').click()
  const detail = page.getByRole('region', { name: 'Claim' })
  await detail.locator('label.stance-option--evidenced').click()
  await expect(detail.getByRole('radio', { name: 'Evidenced' })).toBeChecked()
  await expect(detail.getByRole('radio', { name: 'Evidenced' })).toBeFocused()
  await expect.poll(() => paintedTexts(page, 'evidenced')).toEqual([SEED_SPECULATION])

  await page.keyboard.press('Control+Z')
  await expect(detail.getByRole('radio', { name: 'Speculative' })).toBeChecked()
  await expect.poll(() => paintedTexts(page, 'speculative')).toEqual([SEED_SPECULATION])
  await expect(filter).toHaveValue('間違い')
  await expect(filter).not.toBeFocused()

  await page.keyboard.press('Control+Shift+Z')
  await expect(detail.getByRole('radio', { name: 'Evidenced' })).toBeChecked()
  await expect(filter).toHaveValue('間違い')
})

test('overlapping claims stay reachable, the stance filter narrows, J and K step through claims', async ({ page }) => {
  await page.goto('/')
  await waitForReader(page)
  const outer = 'さらに、米露関係の改善は、欧州諸国に対する牽制の役割も果たす。'
  const inner = '欧州諸国に対する牽制'
  await tagFirstClaim(page, outer, 'e')
  await selectInReader(page, inner)
  await page.keyboard.press('s')
  // Let the desk settle on the new claim before selecting again, as a reader would.
  await expect(claimItems(page)).toHaveCount(2)
  await selectInReader(page, SEED_SPECULATION)
  await page.keyboard.press('s')
  await expect(claimItems(page)).toHaveCount(3)

  // Clicking inside the nested span selects the innermost claim and offers the choice.
  await clickPaintedClaim(page, 'speculative', '牽制')
  const chooser = page.getByRole('menu', { name: 'Claims here' })
  await expect(chooser.getByRole('menuitem')).toHaveCount(2)
  await expect(chooser.getByRole('menuitem').first()).toContainText(inner)
  await expect(page.getByRole('region', { name: 'Claim' }).locator('blockquote')).toHaveText(inner)
  await chooser.getByRole('menuitem').nth(1).click()
  await expect(page.getByRole('region', { name: 'Claim' }).locator('blockquote')).toHaveText(outer)

  const panel = claimsPanel(page)
  const filter = panel.getByRole('group', { name: 'Show stance' })
  await filter.getByText('Evidenced').click()
  await expect(claimItems(page)).toHaveCount(1)
  await expect(filter.getByRole('radio', { name: /Evidenced/ })).toBeChecked()
  await filter.getByText('Speculative').click()
  await expect(claimItems(page)).toHaveCount(2)
  await filter.getByText('All').click()
  await panel.getByLabel('Filter claims by text').fill('牽制')
  await expect(claimItems(page)).toHaveCount(2)
  await panel.getByLabel('Filter claims by text').fill('')

  await page.getByRole('region', { name: 'Claim' }).getByRole('button', { name: 'Close claim detail' }).click()
  await page.locator('.article-title').click()
  await page.keyboard.press('j')
  await expect(claimItems(page).nth(0).getByRole('button')).toHaveAttribute('aria-current', 'true')
  await page.keyboard.press('j')
  await expect(claimItems(page).nth(1).getByRole('button')).toHaveAttribute('aria-current', 'true')
  await page.keyboard.press('j')
  await expect(claimItems(page).nth(2).getByRole('button')).toHaveAttribute('aria-current', 'true')
  await expect.poll(() => paintedTexts(page, 'focus')).toEqual([expect.stringContaining('間違いない')])
  await page.keyboard.press('k')
  await expect(claimItems(page).nth(1).getByRole('button')).toHaveAttribute('aria-current', 'true')
})

test('Shift+arrows and the Whole sentence command select as a reader expects', async ({ page }) => {
  await page.goto('/')
  await waitForReader(page)
  await selectInReader(page, '亀裂が拡大')
  await page.getByRole('toolbar', { name: 'Tag claim' }).getByRole('button', { name: 'Whole sentence' }).click()
  await page.keyboard.press('e')
  await answerAnalystPrompt(page)
  await expect.poll(() => paintedTexts(page, 'evidenced')).toEqual([
    'ウクライナ問題をめぐり、EUは米国と連携してロシアに圧力をかけてきたが、トランプ氏がプーチン氏との実利協力を優先すれば、欧米の結束に亀裂が拡大することは間違いない。',
  ])
  // Keyboard only: put the caret before a word and extend with Shift+ArrowRight.
  await selectInReader(page, '北極圏')
  await page.keyboard.press('ArrowLeft')
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight')
  await page.keyboard.press('s')
  await expect.poll(() => paintedTexts(page, 'speculative')).toEqual(['北極圏'])
})

test('two tabs on one profile stay in sync', async ({ baseURL }) => {
  const { context, page } = await launchApp(baseURL!, newProfile())
  await waitForReader(page)
  await tagFirstClaim(page, SEED_SPECULATION, 's')
  const second = await context.newPage()
  await second.goto(baseURL!)
  await waitForReader(second)
  await expect(claimItems(second)).toHaveCount(1)
  await selectInReader(second, EVIDENCED_SENTENCE)
  await second.keyboard.press('e')
  await expect(claimItems(second)).toHaveCount(2)
  await expect(claimItems(page)).toHaveCount(2)
  await expect.poll(() => paintedTexts(page, 'evidenced')).toEqual([EVIDENCED_SENTENCE])
  await context.close()
})

test('a full disk shows the message, keeps the edit on screen and saves it once space is back', async ({ page }) => {
  await page.goto('/')
  await waitForReader(page)
  await tagFirstClaim(page, SEED_SPECULATION, 's')
  await expect(page.locator('.save-status')).toHaveText('Saved')
  // A nearly full disk: room for the operation's id record, not for the claim. A write of
  // the two in separate transactions would keep the id and lose the claim for good, since
  // the retry then skips an operation it takes as applied.
  await fillDiskLeaving(page, 300)
  await selectInReader(page, EVIDENCED_SENTENCE)
  await page.keyboard.press('e')
  await expect(page.locator('.save-status')).toContainText('quota is full')
  await expect(page.locator('.save-status')).toContainText('retrying in')
  await expect(claimItems(page)).toHaveCount(2)
  await expect.poll(() => paintedTexts(page, 'evidenced')).toEqual([EVIDENCED_SENTENCE])
  await freeDisk(page)
  await expect(page.locator('.save-status')).toHaveText('Saved', { timeout: 8000 })
  await page.reload()
  await waitForReader(page)
  await expect(claimItems(page)).toHaveCount(2)
})
