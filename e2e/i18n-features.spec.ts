/**
 * The feature UIs in Japanese: switch the UI language from the command
 * palette and find the suggestions bar and card, the compare launcher and
 * Compare mode, the export-report menu and the exported Markdown report in
 * Japanese, with meaningful Japanese accessible names; then switch back and
 * find the English names again.
 */
import { expect, test, type Page } from '@playwright/test'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { claimsPanel, SEED_SPECULATION, answerAnalystPrompt, selectInReader, waitForReader } from './support/app'
import { markerCount } from './support/painted-claims'

const AGREE_E = '会談後の共同記者会見では、ウクライナ問題に関する具体的な進展は発表されず'
const SCREENS = 'test-results/screens'
const HYPOTHESIS_FILE = join(__dirname, '..', 'fixtures', 'w3c', 'hypothesis-seed.json')

async function screen(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true })
  await page.screenshot({ path: `${SCREENS}/${name}.png` })
}

/** Run a command from the palette by typing (part of) its label. */
async function runCommand(page: Page, label: string): Promise<void> {
  await page.keyboard.press('Control+k')
  // The palette's name is in the UI language; its class is not.
  const input = page.locator('dialog.palette').getByRole('combobox')
  await expect(input).toBeFocused()
  await input.fill(label)
  await expect(page.locator('dialog.palette').getByRole('option', { name: label })).toBeVisible()
  await input.press('Enter')
  await expect(input).toHaveCount(0)
}

async function tag(page: Page, text: string, key: 'e' | 's', count: number) {
  await selectInReader(page, text)
  await page.keyboard.press(key)
  await expect.poll(() => markerCount(page)).toBe(count)
  await expect(page.locator('.save-status')).not.toHaveText(/…/)
}

test('the feature UIs speak Japanese after switching the language, and English again after switching back', async ({ page }, testInfo) => {
  test.setTimeout(120_000)
  await page.goto('/')
  await waitForReader(page)

  // Two sets on the seed article (in English), so Compare has something to show.
  await selectInReader(page, SEED_SPECULATION)
  await page.keyboard.press('s')
  await answerAnalystPrompt(page, 'Sato')
  await expect.poll(() => markerCount(page)).toBe(1)
  await tag(page, AGREE_E, 'e', 2)
  await claimsPanel(page).getByRole('button', { name: 'New set' }).click()
  const newSet = page.getByRole('dialog', { name: 'New annotation set' })
  await newSet.getByLabel('Label').fill('Tanaka')
  await newSet.getByRole('button', { name: 'Create set' }).click()
  await expect.poll(() => markerCount(page)).toBe(0)
  await tag(page, SEED_SPECULATION, 'e', 1)
  await tag(page, AGREE_E, 'e', 2)

  await runCommand(page, '日本語に切り替え')
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja')

  // The suggestions bar, the pending line and the card under a suggestion.
  const bar = page.getByRole('toolbar', { name: '候補' })
  await expect(bar).toBeVisible()
  await expect(bar.getByRole('button', { name: '手がかり辞書…' })).toBeVisible()
  await bar.getByRole('button', { name: '候補', exact: true }).click()
  await expect(bar.getByRole('button', { name: '候補', exact: true })).toHaveAttribute('aria-pressed', 'true')
  await expect(bar).toContainText(/未処理 \d+ 件/)
  await expect(page.getByText(/^未処理の候補 \d+ 件$/)).toBeVisible()
  await bar.getByRole('button', { name: '次へ ›' }).click()
  const card = page.getByRole('region', { name: '候補', exact: true })
  await expect(card).toContainText(/候補の判定：(根拠あり|推測)/)
  await expect(card.getByRole('button', { name: /^「(根拠あり|推測)」として採用/ })).toHaveCount(2)
  await expect(card.getByRole('button', { name: /^却下/ })).toBeVisible()
  await expect(card.getByRole('group', { name: '見つかった手がかり' }).or(card.locator('dl[aria-label="見つかった手がかり"]'))).toBeVisible()
  await expect(bar).toContainText('逆の判定で採用')
  await screen(page, 'ja-suggestions')
  await card.getByRole('button', { name: '閉じる' }).click()
  await bar.getByRole('button', { name: '候補', exact: true }).click()

  // The lexicon dialog, with a refused cue explained in Japanese.
  await bar.getByRole('button', { name: '手がかり辞書…' }).click()
  const lexicon = page.getByRole('dialog', { name: '候補の手がかり辞書' })
  await expect(lexicon.getByRole('heading', { name: /^ぼかし表現/ })).toBeVisible()
  await expect(lexicon.getByRole('button', { name: '手がかり「未知数」を外す' })).toBeVisible()
  const form = lexicon.getByRole('form', { name: '手がかりを追加' })
  await form.getByLabel('照合方法').selectOption('regex')
  await form.getByLabel(/^パターン/).fill('訴えかけ(')
  await form.getByLabel(/^例文/).fill('トランプ氏のビジネス志向に訴えかけた。')
  await form.getByRole('button', { name: '追加' }).click()
  await expect(form.getByRole('alert')).toContainText('パターンが正しい正規表現ではありません')
  await screen(page, 'ja-lexicon')
  await lexicon.getByRole('button', { name: '完了' }).click()

  // The compare launcher, its dialog and Compare mode.
  const launch = page.getByRole('button', { name: 'セットを比較…' })
  await expect(launch).toBeEnabled()
  await expect(launch).toHaveAttribute('title', 'この文書の注釈セットを 2 つ以上比べます')
  await launch.click()
  const choose = page.getByRole('dialog', { name: '注釈セットの比較' })
  await expect(choose).toContainText('一覧で上にあるものが A、次が B になります。')
  await expect(choose.getByRole('button', { name: 'キャンセル' })).toBeVisible()
  await screen(page, 'ja-compare-launcher')
  await choose.getByRole('button', { name: '比較する' }).click()
  await expect(page.getByRole('heading', { name: 'セットの比較' })).toBeVisible()
  const figures = page.getByRole('complementary', { name: '指標' })
  await expect(figures.locator('.cmp-figure dt', { hasText: 'Cohen の κ（判定）' })).toBeVisible()
  await expect(figures.getByRole('table', { name: '混同行列' })).toBeVisible()
  const outcomes = page.getByRole('complementary', { name: '比較結果' })
  await expect(outcomes.getByRole('region', { name: /^判定の食い違い 1$/ })).toBeVisible()
  await expect(outcomes.getByRole('region', { name: /^一致 1$/ })).toBeVisible()
  await expect(outcomes.getByRole('radio', { name: 'A を残す' })).toBeVisible()
  await expect(page.locator('.cmp-flag').first()).toHaveAttribute('aria-label', /^判定の食い違い：A：推測、B：根拠あり$/)
  await screen(page, 'ja-compare')
  // The comparison report it saves speaks Japanese too.
  const comparisonDownload = page.waitForEvent('download')
  await page.getByRole('group', { name: '比較レポート' }).getByRole('button', { name: 'Markdown' }).click()
  const comparisonFile = testInfo.outputPath('comparison-ja.md')
  await (await comparisonDownload).saveAs(comparisonFile)
  const comparisonMd = readFileSync(comparisonFile, 'utf8')
  expect(comparisonMd.split('\n')[0]).toMatch(/^# .+：.+ 対 Tanaka$/)
  expect(comparisonMd).toContain('\n## 指標\n')
  expect(comparisonMd).toContain('| Cohen の κ（判定） |')
  expect(comparisonMd).toContain('\n## 食い違い（1 件）\n')
  expect(comparisonMd).toContain('1. **判定の食い違い**')
  await page.getByRole('button', { name: '← 読解に戻る' }).click()
  await waitForReader(page)

  // An import: the result dialog and the orphans section.
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: '注釈を取り込む…' }).click()
  await (await chooser).setFiles(HYPOTHESIS_FILE)
  const result = page.getByRole('dialog', { name: '取り込み結果' })
  await expect(result).toContainText('hypothesis-seed.json（Hypothesis、作成者 Hana Sato）から主張 4 件を取り込み')
  await expect(result.getByRole('row', { name: '引用の完全一致' })).toContainText('2')
  await expect(result.getByRole('region', { name: 'あいまい一致で配置した主張' })).toContainText('配置先：')
  await screen(page, 'ja-import-result')
  await result.getByRole('button', { name: '完了' }).click()
  const orphans = page.getByRole('region', { name: /^位置不明の主張/ })
  await expect(orphans.getByRole('button', { name: '選択範囲に付ける' })).toBeDisabled()
  await expect(orphans.getByRole('button', { name: '選択範囲に付ける' })).toHaveAttribute('title', '先に記事の一節を選択してください')

  // The export-report menu and the Markdown report it saves.
  const toggle = page.getByRole('button', { name: 'レポートを書き出す' })
  await toggle.click()
  const menu = page.getByRole('group', { name: '批評レポートの書き出し' })
  await expect(menu).toContainText('選択中のセットのレポート')
  await expect(menu.getByRole('checkbox', { name: 'Excel 向けに BOM 付きの CSV にする' })).toBeVisible()
  await expect(menu.getByRole('button', { name: /^Markdown/ })).toHaveAccessibleDescription('エディター・Wiki・差分向けのテキスト')
  await screen(page, 'ja-export-menu')
  const download = page.waitForEvent('download')
  await menu.getByRole('button', { name: /^Markdown/ }).click()
  const file = testInfo.outputPath('report-ja.md')
  await (await download).saveAs(file)
  const markdown = readFileSync(file, 'utf8')
  expect(markdown.split('\n')[0]).toMatch(/^# 批評レポート：/)
  expect(markdown).toContain('\n## 概要\n')
  expect(markdown).toContain('- **分析者:** Hana Sato')
  expect(markdown).toMatch(/#### 主張 1 · (根拠あり|推測) · 第 \d+ 段落/)
  expect(markdown).toContain('\n## 付録：位置を特定できなかった主張\n')
  await expect(page.getByRole('status').filter({ hasText: /^Markdown のレポート「.+\.md」を保存しました。/ })).toBeVisible()

  // Back to English: the same controls under their English names.
  await runCommand(page, 'Switch to English')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('toolbar', { name: 'Suggestions' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Compare sets…' })).toBeEnabled()
  await page.getByRole('button', { name: 'Export report' }).click()
  await expect(page.getByRole('group', { name: 'Export critique report' })).toContainText('Report of the active set')
  await screen(page, 'en-after-ja')
})

test('errors reach the Japanese UI in Japanese: a script link in evidence is refused in Japanese, not in English', async ({ page }) => {
  await page.goto('/')
  await waitForReader(page)
  await selectInReader(page, SEED_SPECULATION)
  await page.keyboard.press('s')
  await answerAnalystPrompt(page, 'Sato')
  await runCommand(page, '日本語に切り替え')
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja')
  const detail = page.getByRole('region', { name: '主張', exact: true })
  const form = detail.getByRole('form', { name: '根拠を追加' })
  await form.getByLabel('出典').fill('怪しいリンク')
  await form.getByLabel('URL（任意）').fill('javascript:alert(1)')
  await form.getByRole('button', { name: '根拠を追加' }).click()
  await expect(detail.getByRole('alert')).toHaveText('リンクは http:// または https://（あるいは mailto:）で始まる必要があります。スクリプトの URL は使えません。')
  await page.screenshot({ path: 'test-results/screens/ja-error-unsafe-link.png' })
})
