/**
 * Critique reports from the app, checked as their readers would use them:
 * Markdown read as Markdown, HTML opened in Chromium, CSV parsed as a
 * spreadsheet would, PDF text extracted; and the same Markdown and HTML as the
 * CLI prints for the same set at the same time.
 */
import { expect, test, type Download, type Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import MarkdownIt from 'markdown-it'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { AnnotationSet, Claim } from '../shared/claims/model'
import { exportSet } from '../shared/w3c/export-set'
import { answerAnalystPrompt, claimsPanel, SEED_SPECULATION, selectInReader, waitForReader, addCounterpoints, NATO_COUNTERPOINT } from './support/app'

const ROOT = resolve(__dirname, '..')
const ARTICLE = 'fixtures/articles/alaska-summit-2025-08-18.txt'
const EVIDENCED_SENTENCE = 'ロシア経済は、2014年のクリミア併合以降、米国やEUによる厳しい制裁に直面してきた。'
const HINTED = 'これは、トランプ氏がプーチン氏のペースに巻き込まれたことを示唆する。'
const NOTE = '<script>window.__x=1</script> | **bold** =HYPERLINK("x")'
const FORMULA_NOTE = '=HYPERLINK("https://example.com/x","open me")'
const SET_LABEL = "Aiko Tanaka's reading"
const STEM = `alaska-summit-2025-08-18 – ${SET_LABEL}`
const SCREENS = join(ROOT, 'test-results', 'screens')

/** Parse RFC 4180 CSV (CRLF rows, quoted fields with doubled quotes); throws on anything else. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c !== '"') field += c
      else if (text[i + 1] === '"') field += text[++i]
      else if (text[i + 1] === undefined || text[i + 1] === ',' || text[i + 1] === '\r') quoted = false
      else throw new Error(`text after a closing quote at ${i}`)
    } else if (c === '"' && field === '') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else if (c === '"' || c === '\r' || c === '\n') throw new Error(`unquoted ${JSON.stringify(c)} at ${i}`)
    else field += c
  }
  if (quoted || field !== '' || row.length > 0) throw new Error('the last row does not end in CRLF')
  return rows
}

async function saveDownload(download: Download, name: string): Promise<string> {
  const dir = join(ROOT, 'test-results', 'report')
  mkdirSync(dir, { recursive: true })
  const path = join(dir, name)
  await download.saveAs(path)
  return path
}

/** Open "Export report" and pick a format; resolves with the download it starts. */
async function exportReport(page: Page, format: 'Markdown' | 'HTML' | 'CSV'): Promise<Download> {
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export report' }).click()
  await page.getByRole('group', { name: 'Export critique report' }).getByRole('button', { name: new RegExp(`^${format}\\b`) }).click()
  return download
}

async function tag(page: Page, text: string, key: 'e' | 's', count: number) {
  await selectInReader(page, text)
  await page.keyboard.press(key)
  if (count === 1) await answerAnalystPrompt(page)
  await expect(claimsPanel(page).getByRole('list', { name: 'Claims in document order' }).getByRole('listitem')).toHaveCount(count)
  await expect(page.locator('.save-status')).toHaveText('Saved')
}

/** The stored set and its claims, read straight from IndexedDB as the app saved them. */
async function storedSet(page: Page): Promise<{ sha256: string; text: string; set: AnnotationSet; claims: Claim[] }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const request = indexedDB.open('critique-workbench')
      request.onsuccess = () => ok(request.result)
      request.onerror = () => fail(request.error)
    })
    const all = <T,>(store: string) =>
      new Promise<T[]>((ok, fail) => {
        const request = db.transaction(store).objectStore(store).getAll()
        request.onsuccess = () => ok(request.result as T[])
        request.onerror = () => fail(request.error)
      })
    // A set's claims are stored in pages and a journal of edits laid over them (renderer/src/storage/claim-journal.ts).
    const [documents, bodies, sets, pages, edits] = await Promise.all([
      all<{ sha256: string }>('documents'),
      all<{ text: string }>('bodies'),
      all<AnnotationSet>('sets'),
      all<{ claims: Claim[] }>('claimPages'),
      all<{ id: string; claim: Claim | null }>('claimEdits'),
    ])
    db.close()
    const claims = new Map(pages.flatMap((page) => page.claims.map((c) => [c.id, c] as const)))
    for (const edit of edits) {
      if (edit.claim) claims.set(edit.id, edit.claim)
      else claims.delete(edit.id)
    }
    return { sha256: documents[0]!.sha256, text: bodies[0]!.text, set: sets[0]!, claims: [...claims.values()] }
  })
}

function critique(...args: string[]): string {
  return execFileSync('node', ['bin/critique.mjs', 'report', ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

/** Radicals-supplement characters seen in text extracted from these reports, with the kanji they stand for. */
const RADICAL_SUPPLEMENT: Record<string, string> = { '\u2ef2': '亀' }

async function pdfText(path: string, pages: number): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(path)), isEvalSupported: false }).promise
  let text = ''
  for (let n = 1; n <= Math.min(pages, doc.numPages); n++) {
    const content = await (await doc.getPage(n)).getTextContent()
    text += content.items.map((item) => ('str' in item ? item.str : '')).join('')
  }
  await doc.destroy()
  // Chromium's PDFs map a glyph that a radical shares with a kanji to the radical's code point (大 as ⼤,
  // 亀 as ⻲): NFKC folds the Kangxi radicals back; the CJK Radicals Supplement needs a table.
  return text
    .normalize('NFKC')
    .replace(/[\u2e80-\u2eff]/g, (c) => RADICAL_SUPPLEMENT[c] ?? c)
    .replace(/\s+/g, '')
}

test('export the critique report as Markdown, HTML, PDF and CSV; the CLI prints the same', async ({ page, context }) => {
  test.setTimeout(120_000)
  // Stand in for the print dialog: count calls instead of blocking.
  await context.addInitScript(() => {
    window.print = () => {
      const w = window as unknown as { __printCalls?: number }
      w.__printCalls = (w.__printCalls ?? 0) + 1
    }
  })
  await page.goto('/')
  await waitForReader(page)

  await tag(page, SEED_SPECULATION, 's', 1)
  const detail = page.getByRole('region', { name: 'Claim' })
  await detail.getByLabel('Note (your rationale)').fill(NOTE)
  await addCounterpoints(page, [NATO_COUNTERPOINT, { text: '欧州内の対ロ姿勢の違いは会談以前から存在した。', strength: 'weak' }])
  await expect(detail.getByRole('heading', { name: 'Counterpoints (2)' })).toBeVisible()
  await expect(page.locator('.save-status')).toHaveText('Saved')

  await tag(page, EVIDENCED_SENTENCE, 'e', 2)
  await detail.getByLabel('Note (your rationale)').fill(FORMULA_NOTE)
  const addEvidence = detail.getByRole('form', { name: 'Add evidence' })
  await addEvidence.getByLabel('Citation').fill('EU sanctions timeline, Council of the EU')
  await addEvidence.getByLabel('URL (optional)').fill('https://www.consilium.europa.eu/en/policies/sanctions-against-russia/timeline/')
  await addEvidence.getByRole('button', { name: 'Add evidence' }).click()
  await expect(page.locator('.save-status')).toHaveText('Saved')
  await tag(page, HINTED, 's', 3)

  // Markdown: the quote, and the note escaped so that it shows as typed.
  const mdDownload = await exportReport(page, 'Markdown')
  expect(mdDownload.suggestedFilename()).toBe(`${STEM}.md`)
  const md = readFileSync(await saveDownload(mdDownload, 'report.md'), 'utf8')
  await expect(page.getByRole('status').filter({ hasText: `Saved the Markdown report “${STEM}.md”.` })).toBeVisible()
  expect(md).toContain(`> ${SEED_SPECULATION}`)
  expect(md).toContain('**Note:** &lt;script&gt;window.\\_\\_x=1&lt;/script&gt; \\| \\*\\*bold\\*\\* =HYPERLINK("x")')
  expect(md).toContain('- **Analyst:** Aiko Tanaka')
  const mdHtml = new MarkdownIt().render(md)
  expect(mdHtml).not.toMatch(/<script/i)
  expect(mdHtml).not.toContain('<strong>bold</strong>')
  expect(mdHtml).toContain('&lt;script&gt;window.__x=1&lt;/script&gt; | **bold** =HYPERLINK(&quot;x&quot;)')
  // The generated time reads as a date in the UI language, the ISO value kept beside it for machines.
  const mdGenerated = /^- \*\*Generated:\*\* [A-Z][a-z]+ \d{1,2}, \d{4} at .+ \((\S+)\)$/m.exec(md)?.[1]
  expect(mdGenerated).toMatch(/^\d{4}-\d\d-\d\dT/)
  // Sections without claims are named on one line, not printed empty.
  expect(md).toContain('Sections without claims: Introduction; 会談の背景とプーチンの戦略的アプローチ; 今後の展望と課題.')
  expect(md).not.toContain('### Introduction')

  // HTML: a page that shows the chart and every claim, and runs nothing.
  const htmlDownload = await exportReport(page, 'HTML')
  expect(htmlDownload.suggestedFilename()).toBe(`${STEM}.html`)
  const htmlPath = await saveDownload(htmlDownload, 'report.html')
  const html = readFileSync(htmlPath, 'utf8')
  const htmlGenerated = /<dt>Generated<\/dt><dd><time datetime="([^"]+)">[A-Z][a-z]+ \d/.exec(html)?.[1]
  expect(htmlGenerated).toMatch(/^\d{4}-\d\d-\d\dT/)
  const viewer = await context.newPage()
  await viewer.setViewportSize({ width: 1000, height: 1500 })
  await viewer.goto(pathToFileURL(htmlPath).href)
  await expect(viewer.locator('svg.stance-chart')).toBeVisible()
  await expect(viewer.locator('article.claim')).toHaveCount(3)
  await expect(viewer.locator('article.claim').nth(2)).toContainText(SEED_SPECULATION)
  await expect(viewer.locator('article.claim').nth(2).locator('.note')).toContainText(NOTE)
  await expect(viewer.locator('article.claim').nth(1).locator('.evidence a')).toHaveAttribute('href', /^https:\/\/www\.consilium/)
  expect(await viewer.evaluate(() => ({ x: (window as unknown as { __x?: unknown }).__x, scripts: document.querySelectorAll('script').length }))).toEqual({
    x: undefined,
    scripts: 0,
  })
  mkdirSync(SCREENS, { recursive: true })
  await viewer.screenshot({ path: join(SCREENS, 'report-html.png') })
  await viewer.close()

  // CSV: parses back to the claims, with the formula defused; the BOM on request.
  const csvDownload = await exportReport(page, 'CSV')
  expect(csvDownload.suggestedFilename()).toBe(`${STEM}.csv`)
  const csvBytes = readFileSync(await saveDownload(csvDownload, 'report.csv'))
  expect(csvBytes.subarray(0, 3)).not.toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
  const [header, ...rows] = parseCsv(csvBytes.toString('utf8'))
  const column = (name: string) => header!.indexOf(name)
  expect(rows.map((r) => r[column('Quote')])).toEqual([HINTED, EVIDENCED_SENTENCE, SEED_SPECULATION])
  expect(rows.map((r) => r[column('Stance')])).toEqual(['Speculative', 'Evidenced', 'Speculative'])
  expect(rows.map((r) => r[column('Note')])).toEqual(['', `'${FORMULA_NOTE}`, NOTE])
  expect(rows[1]![column('Evidence')]).toBe('EU sanctions timeline, Council of the EU <https://www.consilium.europa.eu/en/policies/sanctions-against-russia/timeline/>')
  expect(rows[2]![column('Counterpoints')]!.split('\n')).toEqual([
    '(strong) NATO members reaffirmed joint support for Ukraine a week later. [Source: NATO press release, 25 Aug 2025 <https://www.nato.int/news>]',
    '(weak) 欧州内の対ロ姿勢の違いは会談以前から存在した。',
  ])
  await page.getByRole('button', { name: 'Export report' }).click()
  await page.getByRole('checkbox', { name: 'CSV with BOM for Excel' }).check()
  await page.screenshot({ path: join(SCREENS, 'report-export-menu.png') })
  await page.keyboard.press('Escape')
  await expect(page.getByRole('group', { name: 'Export critique report' })).toBeHidden()
  await expect(page.getByRole('button', { name: 'Export report' })).toBeFocused()
  const bomBytes = readFileSync(await saveDownload(await exportReport(page, 'CSV'), 'report-bom.csv'))
  expect(bomBytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
  expect(bomBytes.subarray(3)).toEqual(csvBytes)

  // PDF in a browser: the report opens in a tab (blob: URL, under the page's CSP) that cannot reach the app (noopener).
  const popupPromise = context.waitForEvent('page')
  await page.getByRole('button', { name: 'Export report' }).click()
  await expect(page.getByRole('group', { name: 'Export critique report' }).getByRole('button', { name: /^PDF\b/ })).toHaveAccessibleDescription(
    'Opens in a new tab: print it with Ctrl+P (⌘P) and choose “Save as PDF”',
  )
  await page.getByRole('group', { name: 'Export critique report' }).getByRole('button', { name: /^PDF\b/ }).click()
  const popup = await popupPromise
  const problems: string[] = []
  popup.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text())
  })
  await popup.waitForLoadState('load')
  expect(popup.url()).toMatch(/^blob:/)
  await expect(popup.locator('svg.stance-chart')).toBeVisible()
  await expect(popup.locator('article.claim')).toHaveCount(3)
  // No way back to the app window: the tab has no opener, and no referrer names the app.
  expect(await popup.evaluate(() => window.opener === null)).toBe(true)
  expect(await popup.evaluate(() => document.referrer)).toBe('')
  expect(await popup.evaluate(() => document.querySelectorAll('script').length)).toBe(0)
  expect(problems).toEqual([])
  const pdfGenerated = await popup.locator('.meta dt', { hasText: 'Generated' }).locator('xpath=following-sibling::dd[1]/time').getAttribute('datetime')
  // The tab says what to do in the print dialog; the printed pages do not.
  const instructions = popup.getByRole('note')
  await expect(instructions).toHaveText(/press Ctrl\+P \(⌘P on a Mac\) and choose “Save as PDF” as the printer/)
  await popup.emulateMedia({ media: 'print' })
  await expect(instructions).toBeHidden()
  await popup.emulateMedia({ media: null })
  await expect(page.getByRole('status').filter({ hasText: 'The report opened in a new tab: press Ctrl+P' })).toBeVisible()
  // What the print dialog would save: the same tab printed to PDF.
  const pdfPath = join(ROOT, 'test-results', 'report', 'report.pdf')
  await popup.pdf({ path: pdfPath, format: 'A4', printBackground: true, preferCSSPageSize: true })
  await popup.close()
  // Japanese renders in the PDF: the first claim's quote is on the first pages, every quote is somewhere.
  expect(await pdfText(pdfPath, 2)).toContain(HINTED)
  const allText = await pdfText(pdfPath, 99)
  for (const quote of [HINTED, EVIDENCED_SENTENCE, SEED_SPECULATION]) expect(allText).toContain(quote)
  expect(allText).toContain(NOTE.replace(/\s+/g, ''))
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '2', pdfPath, join(SCREENS, 'report-pdf-page')])
  writeFileSync(join(SCREENS, 'report-pdf.png'), readFileSync(join(SCREENS, 'report-pdf-page-1.png')))

  // The CLI, given the app's own set and the app's generated time, prints the same bytes.
  const { sha256, text, set, claims } = await storedSet(page)
  expect(claims).toHaveLength(3)
  const setPath = join(ROOT, 'test-results', 'report', 'set.jsonld')
  writeFileSync(setPath, `${JSON.stringify(exportSet({ sha256, text }, set, claims), null, 2)}\n`)
  expect(critique(ARTICLE, setPath, '--format', 'md', '--generated', mdGenerated!)).toBe(md)
  expect(critique(ARTICLE, setPath, '--format', 'html', '--generated', htmlGenerated!)).toBe(html)
  const cliPdf = join(ROOT, 'test-results', 'report', 'cli-report.pdf')
  critique(ARTICLE, setPath, '--format', 'pdf', '--out', cliPdf, '--generated', pdfGenerated!)
  expect(await pdfText(cliPdf, 99)).toBe(allText)
})

test('a set without claims still exports a report that says so', async ({ page }) => {
  await page.goto('/')
  await waitForReader(page)
  await page.getByRole('button', { name: 'Export report' }).click()
  await page.getByRole('group', { name: 'Export critique report' }).getByRole('button', { name: /^Markdown\b/ }).click()
  await expect(page.getByRole('status').filter({ hasText: 'There is no annotation set on this article yet.' })).toBeVisible()

  await claimsPanel(page).getByRole('button', { name: 'New set' }).click()
  const dialog = page.getByRole('dialog', { name: 'New annotation set' })
  await dialog.getByLabel('Label').fill('Empty reading')
  await dialog.getByRole('button', { name: 'Create set' }).click()
  // A set belongs to an analyst: on a fresh profile, "New set" asks who is reading first.
  await answerAnalystPrompt(page)
  await expect(claimsPanel(page).getByLabel('Annotation set')).toContainText('Empty reading')
  const download = await exportReport(page, 'Markdown')
  expect(download.suggestedFilename()).toBe('alaska-summit-2025-08-18 – Empty reading.md')
  const md = readFileSync(await saveDownload(download, 'empty.md'), 'utf8')
  expect(md).toContain('This set has no claims yet.')
  expect(md).not.toContain('## Claims')
})
