/**
 * Issue 16: the exchange never lands a claim on the wrong text. One block per
 * case: code-point positions (W3C §4.2.4), position-only annotations on a
 * changed text, normalised quotes, lone surrogates, the Hypothesis client's
 * own export file, and the document's original address.
 */
import { describe as suite, expect, it } from 'vitest'
import { seedArticle } from '../../fixtures/w3c/seed-claims'
import { describe } from '../anchoring'
import type { AnnotationSet, Claim } from '../claims/model'
import { sha256Hex } from '../text/sha256'
import { anchorImported, claimsFromImport, exportSet, parseAnnotationFile, validateW3cDocument } from '.'

// Astral characters (an emoji, 𠮷, a flag) before and inside claims.
const TEXT = [
  '😀絵文字の前置き。𠮷野家の牛丼は来月値上げされるだろう。',
  '専門家は「物価は二パーセント上がる」と統計を示して述べた。🎌 経済は年内に回復するに違いない。',
  '輸出は😀三か月連続で増えたと財務省が発表した。',
].join('\n\n')
const ARTICLE = { text: TEXT, sha256: sha256Hex(TEXT) }
const QUOTES = ['𠮷野家の牛丼は来月値上げされるだろう。', '物価は二パーセント上がる', '🎌 経済は年内に回復するに違いない。', '輸出は😀三か月連続で増えた']
const SET: AnnotationSet = { id: '11111111-2222-4333-8444-555555555555', documentId: 'doc', analyst: 'Aki', label: 'Astral', created: '2026-01-01T00:00:00.000Z', origin: 'local' }

function claimsOn(text: string, quotes: readonly string[]): Claim[] {
  return quotes.map((quote, i) => {
    const start = text.indexOf(quote)
    if (start < 0) throw new Error(`not in text: ${quote}`)
    return {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      setId: SET.id,
      documentId: 'doc',
      stance: i % 2 === 0 ? 'speculative' : 'evidenced',
      target: describe(text, start, start + quote.length),
      note: '',
      evidence: [],
      counterpoints: [],
      tags: [],
      created: '2026-01-01T00:00:00.000Z',
      modified: '2026-01-01T00:00:00.000Z',
      author: 'Aki',
    }
  })
}

const codePoints = (s: string): number => Array.from(s).length
type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
const exported = (): Json => JSON.parse(JSON.stringify(exportSet(ARTICLE, SET, claimsOn(TEXT, QUOTES)))) as Json
const positionOf = (annotation: Json): { start: number; end: number } => annotation.target.selector.find((s: Json) => s.type === 'TextPositionSelector')
const withoutQuotes = (doc: Json): Json => {
  for (const a of doc.first.items) a.target.selector = a.target.selector.filter((s: Json) => s.type !== 'TextQuoteSelector')
  return doc
}
const placedTexts = (text: string, placements: readonly ({ start: number; end: number } | null)[]) => placements.map((p) => (p === null ? null : text.slice(p.start, p.end)))

function hypothesisRow(i: number, text: string, quote: string | null, source: string, unitStart: number, unitEnd: number): Json {
  const selector: Json[] = [{ type: 'TextPositionSelector', start: unitStart, end: unitEnd }]
  if (quote !== null) selector.unshift({ type: 'TextQuoteSelector', exact: quote, prefix: text.slice(Math.max(0, unitStart - 32), unitStart), suffix: text.slice(unitEnd, unitEnd + 32) })
  return { id: `row${i}`, user: 'acct:hana@hypothes.is', uri: 'https://news.example.jp/a', text: '', tags: ['speculative'], target: [{ source, selector }] }
}

suite('1. TextPositionSelector counts code points', () => {
  it('exports start and end in code points, so a spec reader finds the quote', () => {
    const doc = exported()
    const points = Array.from(TEXT)
    for (const annotation of doc.first.items) {
      const exact = annotation.target.selector.find((s: Json) => s.type === 'TextQuoteSelector').exact
      const { start, end } = positionOf(annotation)
      expect(points.slice(start, end).join('')).toBe(exact)
      expect(start).toBe(codePoints(TEXT.slice(0, TEXT.indexOf(exact))))
    }
  })

  it('reads code-point positions from a W3C file at their word', () => {
    const parsed = parseAnnotationFile(JSON.stringify(exported()), 'astral.jsonld')
    expect(parsed.positionUnit).toBe('code-points')
    const { summary, placements } = anchorImported(TEXT, parsed.items, { positionUnit: parsed.positionUnit, sameText: true })
    expect(summary).toMatchObject({ anchored: 4, byPosition: 4, otherUnit: 0, positionsAssumed: 0 })
    expect(placedTexts(TEXT, placements)).toEqual(QUOTES)
  })

  it('keeps UTF-16 positions when the quote confirms them (an older export, or a DOM-based tool)', () => {
    const doc = exported()
    for (const a of doc.first.items) {
      const exact: string = a.target.selector.find((s: Json) => s.type === 'TextQuoteSelector').exact
      const start = TEXT.indexOf(exact)
      Object.assign(positionOf(a), { start, end: start + exact.length })
    }
    const parsed = parseAnnotationFile(JSON.stringify(doc), 'old.jsonld')
    const { summary, placements } = anchorImported(TEXT, parsed.items, { positionUnit: parsed.positionUnit, sameText: true })
    expect(summary).toMatchObject({ anchored: 4, byPosition: 4, otherUnit: 4 })
    expect(placedTexts(TEXT, placements)).toEqual(QUOTES)
  })

  it('without quotes assumes the producer’s convention and says so: W3C code points, Hypothesis code units', () => {
    const w3c = parseAnnotationFile(JSON.stringify(withoutQuotes(exported())), 'w3c.jsonld')
    const a = anchorImported(TEXT, w3c.items, { positionUnit: w3c.positionUnit, sameText: true })
    expect(a.summary).toMatchObject({ byPosition: 4, positionsAssumed: 4, positionUnit: 'code-points' })
    expect(placedTexts(TEXT, a.placements)).toEqual(QUOTES)

    const rows = QUOTES.map((q, i) => hypothesisRow(i, TEXT, null, `urn:sha256:${ARTICLE.sha256}`, TEXT.indexOf(q), TEXT.indexOf(q) + q.length))
    const hyp = parseAnnotationFile(JSON.stringify({ total: rows.length, rows }), 'h.json')
    expect(hyp.positionUnit).toBe('code-units')
    const h = anchorImported(TEXT, hyp.items, { positionUnit: hyp.positionUnit, sameText: hyp.sourceUrn === `urn:sha256:${ARTICLE.sha256}` })
    expect(h.summary).toMatchObject({ byPosition: 4, positionsAssumed: 4, positionUnit: 'code-units' })
    expect(placedTexts(TEXT, h.placements)).toEqual(QUOTES)
  })

  it('takes a Recogito W3C file’s positions as UTF-16 code units', () => {
    const q = QUOTES[3]!
    const start = TEXT.indexOf(q)
    const recogito = { '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'https://example.com/annotations/r1', type: 'Annotation', generator: { id: 'https://github.com/recogito/text-annotator-js', type: 'Software', name: 'RecogitoJS' }, target: { source: 'https://example.com/my-page', selector: [{ type: 'TextPositionSelector', start, end: start + q.length }] } }
    expect(parseAnnotationFile(JSON.stringify(recogito), 'r.jsonld').positionUnit).toBe('code-units')
  })
})

suite('2. position-only annotations on a changed text are never anchored silently', () => {
  const base = seedArticle()
  const sentences = base.text.split('。').filter((s) => s.length > 8 && !s.includes('\n')).slice(0, 12).map((s) => `${s}。`)
  const set = { ...SET }
  const claims = claimsOn(base.text, sentences)
  const stripped = (): string => JSON.stringify(withoutQuotes(JSON.parse(JSON.stringify(exportSet(base, set, claims))) as Json))
  const changed = base.text.replace(sentences[0]!, `${sentences[0]!}この一文は後から挿入された。`)

  it('puts all 12 in the orphans queue with their positions when the text changed', () => {
    const parsed = parseAnnotationFile(stripped(), 'stripped.jsonld')
    expect(parsed.items).toHaveLength(12)
    const sameText = parsed.sourceUrn === `urn:sha256:${sha256Hex(changed)}`
    expect(sameText).toBe(false)
    const { summary, placements } = anchorImported(changed, parsed.items, { positionUnit: parsed.positionUnit, sameText })
    expect(summary).toMatchObject({ total: 12, anchored: 0, byPosition: 0, byQuote: 0, fuzzy: 0, uncheckedPositions: 12 })
    expect(placements.every((p) => p === null)).toBe(true)
    expect(summary.orphans.map((o) => o.position)).toEqual(parsed.items.map((it) => it.selectors.position))
    const orphanClaims = claimsFromImport(changed, parsed.items, placements, { setId: 's', documentId: 'd', now: '2026-01-01T00:00:00.000Z', newId: () => crypto.randomUUID(), positionUnit: parsed.positionUnit })
    expect(orphanClaims.every((c) => c.orphan === true)).toBe(true)
    expect(orphanClaims.map((c) => c.target.position.start)).toEqual(claims.map((c) => c.target.position.start))
  })

  it('trusts the positions when the file names this very text by its hash', () => {
    const parsed = parseAnnotationFile(stripped(), 'stripped.jsonld')
    expect(parsed.sourceUrn).toBe(`urn:sha256:${base.sha256}`)
    const { summary, placements } = anchorImported(base.text, parsed.items, { positionUnit: parsed.positionUnit, sameText: true })
    expect(summary).toMatchObject({ anchored: 12, byPosition: 12, positionsAssumed: 12, uncheckedPositions: 0 })
    expect(placedTexts(base.text, placements)).toEqual(sentences)
  })

  it('never puts a claim on half a character, even on the same text', () => {
    const rows = [hypothesisRow(0, TEXT, null, `urn:sha256:${ARTICLE.sha256}`, 1, 3)]
    const parsed = parseAnnotationFile(JSON.stringify(rows), 'h.json')
    const { placements, summary } = anchorImported(TEXT, parsed.items, { positionUnit: 'code-units', sameText: true })
    expect(placements).toEqual([null])
    expect(summary.orphans[0]!.position).toEqual({ start: 1, end: 3 })
  })
})

suite('3. imported quotes are normalised as the article text is', () => {
  it('places 50 NFD quotes (decomposed kana) exactly, none fuzzy, none orphaned', () => {
    const base = seedArticle()
    const spans: string[] = []
    for (const sentence of base.text.split(/(?<=。)/)) {
      const s = sentence.trim()
      if (s.length > 6 && s.normalize('NFD') !== s && !spans.includes(s) && !s.includes('\n')) spans.push(s)
    }
    const quotes = [...spans, ...spans.map((s) => s.slice(1, -1))].filter((q, i, all) => all.indexOf(q) === i).slice(0, 50)
    expect(quotes.length).toBe(50)
    const doc = JSON.parse(JSON.stringify(exportSet(base, SET, claimsOn(base.text, quotes)))) as Json
    for (const a of doc.first.items) {
      a.target.selector = a.target.selector
        .filter((s: Json) => s.type === 'TextQuoteSelector')
        .map((s: Json) => ({ ...s, exact: s.exact.normalize('NFD'), prefix: s.prefix.normalize('NFD'), suffix: s.suffix.normalize('NFD').replace(/\n/g, '\r\n') }))
    }
    const parsed = parseAnnotationFile(JSON.stringify(doc), 'nfd.jsonld')
    const { summary, placements } = anchorImported(`序文。\n\n${base.text}`, parsed.items)
    expect(summary).toMatchObject({ anchored: 50, fuzzy: 0, byQuote: 50 })
    expect(placedTexts(`序文。\n\n${base.text}`, placements).sort()).toEqual(parsed.items.map((it) => it.selectors.quote!.exact).sort())
    expect(parsed.items.map((it) => it.selectors.quote!.exact).sort()).toEqual([...quotes].sort())
  })
})

suite('5. a quote never starts or ends inside a surrogate pair', () => {
  it('the validator refuses a quote that starts with half a pair, and so does the importer', () => {
    const doc = exported()
    const quote = doc.first.items[0].target.selector.find((s: Json) => s.type === 'TextQuoteSelector')
    quote.exact = `\udf77${quote.exact}`
    const report = validateW3cDocument(doc)
    expect(report.ok).toBe(false)
    expect(report.failures[0]).toMatchObject({ subject: 'items[0]', assertion: 'cw-wellFormedQuote' })
    expect(() => parseAnnotationFile(JSON.stringify(doc), 'half.jsonld')).toThrow(/surrogate/)
  })

  it('drops half a pair cut off at the outer edge of a prefix or suffix instead of refusing', () => {
    const row = hypothesisRow(0, TEXT, QUOTES[1]!, 'https://news.example.jp/a', TEXT.indexOf(QUOTES[1]!), TEXT.indexOf(QUOTES[1]!) + QUOTES[1]!.length)
    const quote = row.target[0].selector[0] as Json
    quote.prefix = `\udc00${quote.prefix}`
    quote.suffix = `${quote.suffix}\ud83d`
    const parsed = parseAnnotationFile(JSON.stringify([row]), 'h.json')
    const read = parsed.items[0]?.selectors.quote
    expect((read?.prefix ?? '').startsWith('\udc00')).toBe(false)
    expect((read?.suffix ?? '').endsWith('\ud83d')).toBe(false)
  })
})

suite('7. the Hypothesis client’s own export file and a bare array of rows', () => {
  const q = QUOTES[1]!
  const row = hypothesisRow(0, TEXT, q, 'https://news.example.jp/a', TEXT.indexOf(q), TEXT.indexOf(q) + q.length)
  const pageNote = { id: 'note', user: 'acct:hana@hypothes.is', uri: 'https://news.example.jp/a', text: 'page note', tags: [], target: [{ source: 'https://news.example.jp/a' }] }
  const reply = { ...row, id: 'reply', references: ['row0'] }

  it('reads {export_date, export_userid, client_version, annotations}', () => {
    const file = { export_date: '2026-01-02T03:04:05.000Z', export_userid: 'acct:hana@hypothes.is', client_version: '1.1500.0', annotations: [row, pageNote, reply] }
    const parsed = parseAnnotationFile(JSON.stringify(file), 'hypothesis-export.json')
    expect(parsed.format).toBe('hypothesis')
    expect(parsed.items).toHaveLength(1)
    expect(parsed.warnings).toHaveLength(2)
    expect(parsed.created).toBe('2026-01-02T03:04:05.000Z')
  })

  it('reads a bare array of rows as Hypothesis, not as a broken W3C list', () => {
    const parsed = parseAnnotationFile(JSON.stringify([row, pageNote]), 'rows.json')
    expect(parsed.format).toBe('hypothesis')
    expect(parsed.items).toHaveLength(1)
    expect(parsed.warnings).toHaveLength(1)
  })
})

suite('9. export keeps the document’s original address', () => {
  it('reads a Hypothesis uri and writes it as the target’s scope beside the urn:sha256 source; W3C reads it back', () => {
    const q = QUOTES[0]!
    const row = hypothesisRow(0, TEXT, q, 'https://news.example.jp/a', TEXT.indexOf(q), TEXT.indexOf(q) + q.length)
    expect(parseAnnotationFile(JSON.stringify([row]), 'h.json').originalAddress).toBe('https://news.example.jp/a')
    const doc = exportSet(ARTICLE, { ...SET, sourceUrl: 'https://news.example.jp/a' }, claimsOn(TEXT, QUOTES))
    for (const a of doc.first.items) expect(a.target).toMatchObject({ source: `urn:sha256:${ARTICLE.sha256}`, scope: 'https://news.example.jp/a' })
    expect(validateW3cDocument(doc).ok).toBe(true)
    expect(parseAnnotationFile(JSON.stringify(doc), 'again.jsonld').originalAddress).toBe('https://news.example.jp/a')
  })

  it('takes a Recogito target source URL as the original address', () => {
    const recogito = { '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'https://example.com/annotations/r1', type: 'Annotation', target: { source: 'http://example.com/my-page', selector: [{ type: 'TextQuoteSelector', exact: '物価' }] } }
    expect(parseAnnotationFile(JSON.stringify(recogito), 'r.jsonld').originalAddress).toBe('http://example.com/my-page')
  })
})
