/**
 * Golden-file tests of the three report formats on the seed article and the
 * fixture set (fixtures/report/seed-set.json), plus safety checks on those
 * outputs and a CSV round trip. Regenerate the golden files with
 * `UPDATE_GOLDEN=1 npx vitest run --project node shared/report`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { describe as describeSpan } from '../anchoring'
import { finishArticle, parseArticleFile } from '../article/import'
import type { Article } from '../article/model'
import type { AnnotationSet, Claim, Counterpoint, EvidenceItem, Stance } from '../claims/model'
import { CSV_COLUMNS, REPORT_STRINGS_EN, renderReportCsv, renderReportHtml, renderReportMarkdown, type ReportInput } from './index'

const fixture = (path: string) => fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url))
const SEED_ARTICLE = fixture('articles/alaska-summit-2025-08-18.txt')
const GENERATED_AT = '2025-08-21T09:00:00Z'

/** The seed article exactly as the app imports it. */
function seedArticle(): Article {
  const name = 'alaska-summit-2025-08-18.txt'
  const bytes = new Uint8Array(readFileSync(SEED_ARTICLE))
  const parsed = parseArticleFile({ name, bytes }, () => {
    throw new Error('the seed is plain text; no HTML parser needed')
  })
  return finishArticle(parsed, { id: 'doc-seed', sourceName: name, sourceBytes: bytes.byteLength, importedAt: '2025-08-20T08:55:00.000Z' })
}

interface FixtureClaim {
  id: string
  stance: Stance
  exact: string
  occurrence?: number
  orphan?: boolean
  position?: { start: number; end: number }
  note: string
  evidence: EvidenceItem[]
  counterpoints: Counterpoint[]
  tags: string[]
  created: string
  modified: string
  author: string
}

/** Find the fixture's quote in the article (its n-th occurrence) and describe it as the app would. */
function targetOf(article: Article, claim: FixtureClaim): Claim['target'] {
  if (claim.orphan) {
    const { start, end } = claim.position!
    return {
      position: { type: 'TextPositionSelector', start, end },
      quote: { type: 'TextQuoteSelector', exact: claim.exact, prefix: '', suffix: '' },
    }
  }
  let start = -1
  for (let n = 0; n < (claim.occurrence ?? 1); n++) start = article.text.indexOf(claim.exact, start + 1)
  if (start < 0) throw new Error(`fixture claim ${claim.id}: quote not found in the seed article`)
  return describeSpan(article.text, start, start + claim.exact.length)
}

function seedInput(): ReportInput {
  const article = seedArticle()
  const raw = JSON.parse(readFileSync(fixture('report/seed-set.json'), 'utf8')) as { set: AnnotationSet; claims: FixtureClaim[] }
  const claims = raw.claims.map(({ exact: _e, occurrence: _o, position: _p, ...rest }, index): Claim => ({
    ...rest,
    setId: raw.set.id,
    documentId: article.id,
    target: targetOf(article, raw.claims[index]!),
  }))
  return { article, set: raw.set, claims }
}

// Stands in for the claim finder's certainty cues: a certainty phrase in the quote and no evidence.
const isCertaintyWithoutEvidence = (claim: Claim) => claim.evidence.length === 0 && /違いない/.test(claim.target.quote.exact)

function expectGolden(name: string, actual: string) {
  const path = fixture(`report/${name}`)
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
    if (process.env.UPDATE_GOLDEN !== '1') throw new Error(`${name} is missing; run with UPDATE_GOLDEN=1 to create it`)
    writeFileSync(path, actual)
  }
  expect(actual).toBe(readFileSync(path, 'utf8'))
}

/** RFC 4180 parser for the round trip: quoted fields, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let i = 0
  while (i < text.length) {
    const c = text[i]!
    if (c === '"' && field === '') {
      i++
      while (true) {
        if (i >= text.length) throw new Error('unterminated quoted field')
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"'
          i += 2
        } else if (text[i] === '"') {
          break
        } else {
          field += text[i++]
        }
      }
      i++
      if (i < text.length && text[i] !== ',' && text[i] !== '\r') throw new Error(`text after closing quote at ${i}`)
    } else if (c === ',') {
      row.push(field)
      field = ''
      i++
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i += 2
    } else {
      if (c === '\r' || c === '\n') throw new Error(`bare line break at ${i}`)
      field += c
      i++
    }
  }
  if (field !== '' || row.length > 0) throw new Error('last row does not end in CRLF')
  return rows
}

const unneutralise = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell)

describe('seed report golden files', () => {
  const input = seedInput()
  const options = { generatedAt: GENERATED_AT, isCertaintyWithoutEvidence }

  it('renders Markdown as fixtures/report/seed-report.md', () => {
    expectGolden('seed-report.md', renderReportMarkdown(input, options))
  })

  it('renders HTML as fixtures/report/seed-report.html', () => {
    expectGolden('seed-report.html', renderReportHtml(input, options))
  })

  it('renders CSV as fixtures/report/seed-report.csv', () => {
    expectGolden('seed-report.csv', renderReportCsv(input))
  })

  it('is deterministic: the same input gives the same bytes, whatever order the claims come in', () => {
    const shuffled = { ...input, claims: [...input.claims].reverse() }
    expect(renderReportMarkdown(shuffled, options)).toBe(renderReportMarkdown(input, options))
    expect(renderReportHtml(shuffled, options)).toBe(renderReportHtml(input, options))
    expect(renderReportCsv(shuffled)).toBe(renderReportCsv(input))
  })
})

describe('seed report safety', () => {
  const input = seedInput()
  const options = { generatedAt: GENERATED_AT }
  const hostile = input.claims.find((claim) => claim.id === 'c-hostile')!

  it('HTML has no script, no external resource and links only http(s)/mailto', () => {
    const html = renderReportHtml(input, options)
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/\s(src|srcset|on\w+)=/i)
    expect(html).not.toMatch(/<link|@import|url\((?!#cw-chart-hatch\))/i)
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!)
    expect(hrefs.length).toBeGreaterThan(0)
    for (const href of hrefs) expect(href).toMatch(/^(https?:\/\/|mailto:)/)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; | **bold** =HYPERLINK(&quot;x&quot;)')
    expect(html).toContain('javascript:alert(document.cookie) (not linked)')
  })

  it('Markdown renders the hostile note as its own characters, even with raw HTML enabled', () => {
    const markdown = renderReportMarkdown(input, options)
    const rendered = new MarkdownIt({ html: true, linkify: true }).render(markdown)
    expect(rendered).not.toMatch(/<script/i)
    expect(rendered).not.toContain('<strong>bold</strong>')
    expect(rendered).not.toMatch(/href="javascript:/i)
    expect(rendered).toContain(`<strong>Note:</strong> &lt;script&gt;alert(1)&lt;/script&gt; | **bold** =HYPERLINK(&quot;x&quot;)</p>`)
    // The multi-line note stays one paragraph: no list, heading or numbered list is made of it.
    expect(rendered).toContain('Same certainty cue as the rift claim.<br>\n- not a list item<br>\n# not a heading<br>\n1. not a numbered list</p>')
    // Headings: report title, meta-free sections; none made from user text.
    const headings = [...rendered.matchAll(/<h(\d)>(.*?)<\/h\1>/g)].map((m) => m[2]!)
    expect(headings).not.toContain('not a heading')
    expect(hostile.note).toContain('<script>')
  })

  it('CSV neutralises formula-like cells and keeps the hostile note as text', () => {
    const rows = parseCsv(renderReportCsv(input))
    const note = CSV_COLUMNS.indexOf('note')
    const byId = new Map(rows.slice(1).map((row) => [row[CSV_COLUMNS.indexOf('claimId')]!, row]))
    expect(byId.get('c-arctic')![note]).toMatch(/^'=HYPERLINK\("http:\/\/evil.example\/"\)/)
    expect(byId.get('c-sanctions')![note]).toBe("'+1 for this one: matter of public record.")
    expect(byId.get('c-press')![note]).toBe("'@desk: checked against the press conference.")
    expect(byId.get('c-hostile')![note]).toBe(hostile.note)
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
  })
})

describe('seed CSV round trip', () => {
  const input = seedInput()
  const strings = REPORT_STRINGS_EN
  const stanceOf = new Map(Object.entries(strings.stance).map(([stance, label]) => [label, stance]))
  const strengthOf = new Map(Object.entries(strings.strength).map(([strength, label]) => [label, strength]))

  function parseCited(text: string): { citation: string; url: string } {
    const match = /^(.*?) ?(?:<(\S*)>)?$/.exec(text)!
    return { citation: match[1]!, url: match[2] ?? '' }
  }

  it('parses back to the same claims, in document order then orphans, with a BOM when asked', () => {
    const csv = renderReportCsv(input, { bom: true })
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const [header, ...rows] = parseCsv(csv.slice(1))
    expect(header).toEqual(CSV_COLUMNS.map((key) => strings.csv[key]))
    const col = (row: string[], key: (typeof CSV_COLUMNS)[number]) => unneutralise(row[CSV_COLUMNS.indexOf(key)]!)

    const placed = input.claims.filter((c) => !c.orphan).sort((a, b) => a.target.position.start - b.target.position.start)
    const expectedOrder = [...placed, ...input.claims.filter((c) => c.orphan)].map((c) => c.id)
    expect(rows.map((row) => col(row, 'claimId'))).toEqual(expectedOrder)

    for (const [index, row] of rows.entries()) {
      const claim = input.claims.find((c) => c.id === col(row, 'claimId'))!
      expect(col(row, 'number')).toBe(String(index + 1))
      expect(stanceOf.get(col(row, 'stance'))).toBe(claim.stance)
      expect(col(row, 'quote')).toBe(claim.target.quote.exact)
      expect(col(row, 'note')).toBe(claim.note)
      expect(Number(col(row, 'start'))).toBe(claim.target.position.start)
      expect(Number(col(row, 'end'))).toBe(claim.target.position.end)
      expect(col(row, 'orphan')).toBe(claim.orphan ? strings.yes : strings.no)
      expect(col(row, 'author')).toBe(claim.author)
      expect(col(row, 'modified')).toBe(claim.modified)

      const evidence = col(row, 'evidence')
      expect(evidence === '' ? [] : evidence.split('\n').map(parseCited)).toEqual(
        claim.evidence.map(({ citation, url }) => ({ citation, url })),
      )
      const counterpoints = col(row, 'counterpoints')
      const parsed = (counterpoints === '' ? [] : counterpoints.split('\n')).map((line) => {
        const match = /^\((\w+)\) (.*?)(?: \[Source: (.*)\])?$/.exec(line)!
        return { strength: strengthOf.get(match[1]!), text: match[2], source: match[3] === undefined ? null : parseCited(match[3]) }
      })
      expect(parsed).toEqual(claim.counterpoints.map(({ strength, text, source }) => ({ strength, text, source })))
    }
  })
})
