/**
 * A 10 MB HTML article imports without freezing the page (issue 14, item 9):
 * it is parsed in a worker while a progress panel shows the phase and its
 * percentage; the page keeps answering (animation frames keep coming, the
 * command palette opens); the article opens with its title and its first and
 * last paragraphs. Cancel (the button, or Esc) stores nothing and leaves the
 * article that was open.
 */
import { expect, test, type Page } from '@playwright/test'
import { mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { articleTitle, switchToJapaneseByPalette, waitForReader } from './support/app'

const TITLE = 'Ten Megabytes of River Towns'
const PARAGRAPHS = 16_000

/** A generated ~10 MB HTML article (never committed): headings, marks, links, and the junk real pages carry. */
function largeHtmlFile(): string {
  const parts = [`<!doctype html><html><head><title>${TITLE}</title><style>p { color: red }</style><script>window.__pwned = 1</script></head><body>`]
  parts.push('<nav><a href="/">Home</a> <a href="/about">About</a></nav><h1>Ten Megabytes of River Towns</h1>')
  for (let i = 0; i < PARAGRAPHS; i++) {
    if (i % 200 === 0) parts.push(`<h2>Section ${i / 200 + 1}</h2>`)
    const id = `P${String(i).padStart(5, '0')}`
    parts.push(
      `<p>Paragraph marker ${id} opens this block. The river towns kept their <em>harbours</em> open through the winter, ` +
        `and the <strong>ferry</strong> crews logged every crossing in <a href="https://example.org/log/${i}">the harbour book</a>. ` +
        `${'Trade moved slowly but it moved, and the ledgers say so line after line. '.repeat(7)}Closing marker ${id}.</p>`,
    )
  }
  parts.push('<footer><img src=x onerror="window.__pwned = 2">The end.</footer></body></html>')
  const dir = mkdtempSync(join(tmpdir(), 'cw-large-'))
  const file = join(dir, 'river-towns-10mb.html')
  writeFileSync(file, parts.join('\n'))
  return file
}

const file = largeHtmlFile()

async function startImport(page: Page, path: string, buttonName = 'Open Article…') {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('banner').getByRole('button', { name: buttonName }).click()
  await (await chooser).setFiles(path)
}

/** Count animation frames from now on: a frozen page paints none. */
async function startHeartbeat(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number }
    w.__frames = 0
    const tick = () => {
      w.__frames++
      requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })
}

const frames = (page: Page) => page.evaluate(() => (window as unknown as { __frames: number }).__frames)

/** The library's rows, counted on the library view (then back is up to the caller). */
async function libraryRows(page: Page, libraryName = 'Library') {
  await page.getByRole('banner').getByRole('button', { name: libraryName }).click()
  return page.getByRole('table').locator('tbody tr')
}

// Parsing 10 MB takes seconds, and minutes on a machine busy with other work; the assertions are on behaviour, not time.
test.describe.configure({ timeout: 420_000 })

test('a 10 MB HTML article imports with progress while the page keeps answering, and opens whole', async ({ page }) => {
  expect(statSync(file).size).toBeGreaterThan(9.5 * 1024 * 1024)
  await page.goto('/')
  await waitForReader(page)
  await startHeartbeat(page)
  await startImport(page, file)

  const panel = page.getByRole('group', { name: 'Importing “river-towns-10mb.html”' })
  await expect(panel).toBeVisible()
  await expect(panel.getByRole('button', { name: 'Cancel' })).toBeVisible()
  // The parse's own phases, with a percentage that moves.
  await expect(panel.getByRole('status')).toHaveText(/Parsing the HTML|Converting to article text/)
  const seen = new Set<string>()
  const framesBefore = await frames(page)
  await expect
    .poll(async () => {
      seen.add((await panel.locator('.import-progress-percent').textContent({ timeout: 1000 }).catch(() => null)) ?? '')
      return seen.size
    })
    .toBeGreaterThanOrEqual(3)
  expect([...seen].filter((p) => /^\d+%$/.test(p)).length).toBeGreaterThanOrEqual(2)
  // The page answers while the worker parses: frames keep coming and the palette opens and closes.
  expect(await frames(page)).toBeGreaterThan(framesBefore)
  await page.keyboard.press('Control+k')
  await expect(page.locator('dialog.palette')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.locator('dialog.palette')).toBeHidden()
  await expect(panel).toBeVisible()
  await page.screenshot({ path: 'test-results/e2e/large-import-progress-en.png' })

  await expect(articleTitle(page)).toHaveText(TITLE, { timeout: 360_000 })
  await expect(panel).toBeHidden()
  await expect(page.getByText(`Imported “${TITLE}”.`)).toBeVisible()
  const reader = page.locator('.reader-text')
  await expect(reader.locator('p').first()).toContainText('Paragraph marker P00000 opens this block.')
  const lastId = `P${String(PARAGRAPHS - 1).padStart(5, '0')}`
  await page.locator('.reader-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight))
  // The last paragraph, then the footer's text (its image and handler gone).
  await expect(reader.locator('p').nth(-2)).toContainText(`Closing marker ${lastId}.`)
  await expect(reader.locator('p').last()).toHaveText('The end.')
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined()
})

test('Cancel and Esc stop the import: nothing is stored and the open article stays', async ({ page }) => {
  await page.goto('/')
  await waitForReader(page)
  const seedTitle = await articleTitle(page).textContent()

  await startImport(page, file)
  const panel = page.getByRole('group', { name: 'Importing “river-towns-10mb.html”' })
  await expect(panel).toBeVisible()
  await panel.getByRole('button', { name: 'Cancel' }).click()
  await expect(panel).toBeHidden()
  await expect(page.getByText('“river-towns-10mb.html” was not imported: you cancelled it. Nothing was stored.')).toBeVisible()
  await expect(articleTitle(page)).toHaveText(seedTitle!)

  // Esc, in Japanese this time, with the progress on screen to look at.
  await switchToJapaneseByPalette(page)
  await startImport(page, file, '記事を開く…')
  const panelJa = page.getByRole('group', { name: '「river-towns-10mb.html」を取り込んでいます' })
  await expect(panelJa).toBeVisible()
  await expect(panelJa.getByRole('status')).toHaveText(/HTML を解析中|記事の本文に変換中/)
  await expect(panelJa.locator('.import-progress-percent')).toHaveText(/^\d+%$/)
  await page.screenshot({ path: 'test-results/e2e/large-import-progress-ja.png' })
  await page.keyboard.press('Escape')
  await expect(panelJa).toBeHidden()
  await expect(page.getByText('「river-towns-10mb.html」の取り込みをキャンセルしました。何も保存されていません。')).toBeVisible()
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(seedTitle!)

  // Nothing reached the library, and nothing arrives later either.
  await page.waitForTimeout(1000)
  await expect(await libraryRows(page, 'ライブラリ')).toHaveCount(1)
})
