/**
 * Round trip through another implementation: the DOM anchoring libraries the
 * Hypothesis client grew from (dom-anchor-text-quote, dom-anchor-text-position),
 * on an article with astral characters (emoji, 𠮷) before and inside claims.
 * They count UTF-16 code units, as the DOM does; our export counts code
 * points, as the W3C model requires. Both ways, every claim must land on the
 * same words.
 */
// @ts-expect-error: the package ships no types; the two functions used are typed below
import * as textPositionUntyped from 'dom-anchor-text-position'
// @ts-expect-error: the package ships no types; the two functions used are typed below
import * as textQuoteUntyped from 'dom-anchor-text-quote'
import { afterEach, describe as suite, expect, it } from 'vitest'
import { describe } from '../anchoring'
import type { AnnotationSet, Claim } from '../claims/model'
import { sha256Hex } from '../text/sha256'
import { anchorImported, exportSet, parseAnnotationFile } from '.'

interface Position {
  start: number
  end: number
}
interface Quote {
  exact: string
  prefix?: string
  suffix?: string
}
const textPosition = textPositionUntyped as { fromRange(root: Node, range: Range): Position; toRange(root: Node, selector: Position): Range }
const textQuote = textQuoteUntyped as { fromRange(root: Node, range: Range): Quote; toRange(root: Node, selector: Quote): Range | null }

const TEXT = [
  '🌏 世界経済の見通し：𠮷田氏は😀「来年は成長が鈍る」と述べた。',
  '統計局によると、輸出は三か月連続で増えた。👍 しかし𠮷野家の値上げは続くだろう。',
  'Analysts 📈 expect rates to fall next year, although the bank 🏦 says nothing yet. Markets 💹 wait.',
].join('\n\n')
// The text goes on after the last claim: dom-anchor-text-quote 4 throws on a
// quote that ends exactly at the end of its root (a limitation of theirs).
const SPANS = ['「来年は成長が鈍る」', '輸出は三か月連続で増えた', '👍 しかし𠮷野家の値上げは続くだろう。', 'expect rates to fall next year', 'the bank 🏦 says nothing yet.']
const SET: AnnotationSet = { id: '22222222-3333-4444-8555-666666666666', documentId: 'd', analyst: 'Aki', label: 'Astral', created: '2026-01-01T00:00:00.000Z', origin: 'local' }
const SHA = sha256Hex(TEXT)

const claims: Claim[] = SPANS.map((quote, i) => {
  const start = TEXT.indexOf(quote)
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    setId: SET.id,
    documentId: 'd',
    stance: 'speculative',
    target: describe(TEXT, start, start + quote.length),
    note: '',
    evidence: [],
    counterpoints: [],
    tags: [],
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    author: 'Aki',
  }
})

let root: HTMLElement | null = null
function articleRoot(): HTMLElement {
  root = document.createElement('pre')
  root.textContent = TEXT
  document.body.append(root)
  return root
}
afterEach(() => root?.remove())

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

suite('round trip through dom-anchor-text-quote / dom-anchor-text-position', () => {
  it('they find every claim of our export on the same words, and its code-point offsets are theirs converted', () => {
    const element = articleRoot()
    const doc = JSON.parse(JSON.stringify(exportSet({ text: TEXT, sha256: SHA }, SET, claims))) as Json
    expect(doc.first.items).toHaveLength(SPANS.length)
    for (const annotation of doc.first.items) {
      const selectors: Json[] = annotation.target.selector
      const quote = selectors.find((s) => s.type === 'TextQuoteSelector')!
      const position = selectors.find((s) => s.type === 'TextPositionSelector')!
      const range = textQuote.toRange(element, { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix })
      expect(range).not.toBeNull()
      expect(range!.toString()).toBe(quote.exact)
      const theirs = textPosition.fromRange(element, range!)
      const ours = claims.find((c) => `urn:uuid:${c.id}` === annotation.id)!.target.position
      expect(theirs).toEqual({ start: ours.start, end: ours.end })
      // W3C offsets count code points: theirs (UTF-16) converted give ours.
      expect(position).toMatchObject({ start: Array.from(TEXT.slice(0, theirs.start)).length, end: Array.from(TEXT.slice(0, theirs.end)).length })
    }
  })

  it('we place every selector they describe on the same words, whichever unit their offsets count', () => {
    const element = articleRoot()
    const described = claims.map((claim) => {
      const range = textPosition.toRange(element, { start: claim.target.position.start, end: claim.target.position.end })
      return { claim, quote: textQuote.fromRange(element, range), position: textPosition.fromRange(element, range) }
    })
    const expected = claims.map((c) => TEXT.slice(c.target.position.start, c.target.position.end))
    const placed = (file: unknown, name: string) => {
      const parsed = parseAnnotationFile(JSON.stringify(file), name)
      const { placements, summary } = anchorImported(TEXT, parsed.items, { positionUnit: parsed.positionUnit, sameText: parsed.sourceUrn === `urn:sha256:${SHA}` })
      return { texts: placements.map((p) => (p === null ? null : TEXT.slice(p.start, p.end))), summary }
    }
    const source = `urn:sha256:${SHA}`
    const row = (d: (typeof described)[number], i: number, selector: unknown[]) => ({ id: `r${i}`, user: 'acct:a@hypothes.is', uri: 'https://example.org/p', text: '', tags: [], target: [{ source, selector }] })

    // As Hypothesis rows: UTF-16 offsets and quotes.
    const hypothesis = placed({ total: described.length, rows: described.map((d, i) => row(d, i, [{ type: 'TextPositionSelector', ...d.position }, { type: 'TextQuoteSelector', ...d.quote }])) }, 'h.json')
    expect(hypothesis.texts).toEqual(expected)
    expect(hypothesis.summary).toMatchObject({ byPosition: SPANS.length, otherUnit: 0 })

    // As a W3C file (the W3C rule: code points assumed), the quotes confirm the UTF-16 offsets.
    const w3c = described.map((d, i) => ({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `https://example.org/anno/${i}`,
      type: 'Annotation',
      target: { source, selector: [{ type: 'TextPositionSelector', ...d.position }, { type: 'TextQuoteSelector', ...d.quote }] },
    }))
    const asW3c = placed(w3c, 'w.jsonld')
    expect(asW3c.texts).toEqual(expected)
    // Only spans with an astral character before them differ between the units.
    expect(asW3c.summary.otherUnit).toBe(described.filter((d) => Array.from(TEXT.slice(0, d.position.end)).length !== d.position.end).length)

    // Offsets alone, on this very text: Hypothesis's own unit is assumed, and is right.
    const bare = placed({ total: described.length, rows: described.map((d, i) => row(d, i, [{ type: 'TextPositionSelector', ...d.position }])) }, 'p.json')
    expect(bare.texts).toEqual(expected)
    expect(bare.summary).toMatchObject({ positionsAssumed: SPANS.length, positionUnit: 'code-units' })

    // Their quotes alone, on a text with a new first line: found by quote.
    const shifted = `📰 速報\n\n${TEXT}`
    const quotesOnly = parseAnnotationFile(JSON.stringify({ total: 5, rows: described.map((d, i) => row(d, i, [{ type: 'TextQuoteSelector', ...d.quote }])) }), 'q.json')
    const { placements } = anchorImported(shifted, quotesOnly.items, { positionUnit: 'code-units' })
    expect(placements.map((p) => (p === null ? null : shifted.slice(p.start, p.end)))).toEqual(expected)
  })
})
