import { describe, expect, it } from 'vitest'
import { canonicalText, type Article, type ArticleBlock } from '../../../shared/article/model'
import type { HostBridge, SaveRequest, SaveResult } from '../../../shared/bridge/contract'
import type { AnnotationSet } from '../../../shared/claims/model'
import { translate } from '../../../shared/i18n/catalog'
import { REPORT_STRINGS_JA } from '../../../shared/report'
import { exportReport, exportedMessage, type Translate } from './export-report'

const english: Translate = (key, values) => translate('en', key, values)
const japanese: Translate = (key, values) => translate('ja', key, values)

const blocks: ArticleBlock[] = [{ type: 'paragraph', level: 0, text: '本文です。', marks: [] }]
const text = canonicalText(blocks)
const article: Article = {
  id: 'd',
  title: '記事',
  publishedOn: null,
  language: 'ja',
  blocks,
  format: 'text',
  text,
  sha256: 'ef'.repeat(32),
  sourceName: 'a.txt',
  sourceBytes: 15,
  importedAt: '2025-01-01T00:00:00Z',
}
const set: AnnotationSet = { id: 's', documentId: 'd', analyst: 'Aiko', label: 'Draft', created: '2025-01-01T00:00:00Z', origin: 'local' }
const now = new Date('2025-09-01T08:00:00.000Z')

/** A host that records what it was asked to save or print. */
function recordingHost(kind: 'electron' | 'browser', answer: SaveResult = { status: 'saved', name: 'chosen.md' }) {
  const saved: SaveRequest[] = []
  const printed: { html: string; suggestedName: string }[] = []
  const host = {
    info: { kind, platform: 'test' },
    saveFile: async (request: SaveRequest) => {
      saved.push(request)
      return answer
    },
    printToPdf: async (request: { html: string; suggestedName: string }) => {
      printed.push(request)
      return answer
    },
  } as unknown as HostBridge
  return { host, saved, printed }
}

describe('exportReport', () => {
  it('saves Markdown, HTML and CSV as UTF-8 text files named after the article and set', async () => {
    const { host, saved } = recordingHost('electron')
    await exportReport(host, { article, set, claims: [] }, 'md', { now, timeZone: 'Asia/Tokyo' })
    await exportReport(host, { article, set, claims: [] }, 'html', { now })
    await exportReport(host, { article, set, claims: [] }, 'csv', { now, bom: true })
    expect(saved.map((r) => [r.suggestedName, r.mimeType])).toEqual([
      ['記事 – Draft.md', 'text/markdown;charset=utf-8'],
      ['記事 – Draft.html', 'text/html;charset=utf-8'],
      ['記事 – Draft.csv', 'text/csv;charset=utf-8'],
    ])
    expect(saved[0]!.data).toContain('- **Generated:** September 1, 2025 at 05:00 PM GMT+9 (2025-09-01T08:00:00.000Z)')
    expect(saved[0]!.data).toContain('This set has no claims yet.')
    expect(saved[1]!.data).toMatch(/^<!DOCTYPE html>/)
    expect((saved[2]!.data as string).startsWith('\uFEFF#,')).toBe(true)
  })

  it('hands the HTML report to the host to print for PDF', async () => {
    const { host, saved, printed } = recordingHost('electron')
    await exportReport(host, { article, set, claims: [] }, 'pdf', { now })
    expect(saved).toEqual([])
    expect(printed).toHaveLength(1)
    expect(printed[0]!.suggestedName).toBe('記事 – Draft.pdf')
    expect(printed[0]!.html).toContain('<time datetime="2025-09-01T08:00:00.000Z">')
    expect(printed[0]!.html).not.toContain('print-instructions" role="note"')
  })

  it('in a browser, tops the printed report with how to keep it as a PDF, hidden on paper', async () => {
    const { host, printed } = recordingHost('browser')
    await exportReport(host, { article, set, claims: [] }, 'pdf', { now, printInstructions: 'Choose “Save as PDF” <now>' })
    expect(printed[0]!.html).toContain('<body>\n<p class="print-instructions" role="note">Choose “Save as PDF” &lt;now&gt;</p>')
    const printRules = printed[0]!.html.slice(printed[0]!.html.indexOf('@media print'))
    expect(printRules).toContain('.print-instructions { display: none; }')
  })

  it('prints the report in the strings it is given', async () => {
    const { host, saved } = recordingHost('electron')
    await exportReport(host, { article, set, claims: [] }, 'md', { now, strings: REPORT_STRINGS_JA })
    expect(saved[0]!.data).toMatch(/^# 批評レポート：記事\n/)
    expect(saved[0]!.data).toContain('このセットにはまだ主張がありません。')
  })

  it('passes on what the host answered', async () => {
    const { host } = recordingHost('electron', { status: 'cancelled' })
    expect(await exportReport(host, { article, set, claims: [] }, 'md', { now })).toEqual({ status: 'cancelled' })
  })
})

describe('exportedMessage', () => {
  it('names the saved file, says nothing on cancel, and tells a browser user how to keep the PDF', () => {
    const electron = { info: { kind: 'electron', platform: 'x' } } as const
    const browser = { info: { kind: 'browser', platform: 'x' } } as const
    expect(exportedMessage({ status: 'saved', name: 'r.csv' }, 'csv', electron, english)).toBe('Saved the CSV report “r.csv”.')
    expect(exportedMessage({ status: 'cancelled' }, 'md', electron, english)).toBeNull()
    expect(exportedMessage({ status: 'saved', name: 'r.pdf' }, 'pdf', electron, english)).toBe('Saved the PDF report “r.pdf”.')
    expect(exportedMessage({ status: 'saved', name: 'r.pdf' }, 'pdf', browser, english)).toBe(
      'The report opened in a new tab: press Ctrl+P (⌘P on a Mac) there and choose “Save as PDF” as the printer to keep “r.pdf”.',
    )
  })

  it('speaks the language of the lookup it is given', () => {
    const electron = { info: { kind: 'electron', platform: 'x' } } as const
    expect(exportedMessage({ status: 'saved', name: 'r.md' }, 'md', electron, japanese)).toBe('Markdown のレポート「r.md」を保存しました。')
  })
})
