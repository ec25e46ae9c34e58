import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { anchor, type AnchorSelectors } from './anchor'
import { describe as describeSpan } from './describe'
import { FUZZY_THRESHOLD } from './quote-score'
import { widenToWholeCharacters } from './text-units'

const FIXTURES = join(__dirname, '../../fixtures')

type Source = { article: string } | { text: string }
interface Locator {
  quote?: string
  from?: string
  to?: string
  occurrence?: number
}
type Edit = { find: string; replace: string; occurrence?: number } | { prepend: string } | { append: string }
interface Case {
  name: string
  original: Source
  select: Locator
  edits?: Edit[]
  current?: Source
  selectors?: 'both' | 'quote-only' | 'position-only'
  expect: null | (Locator & { method: string; minScore?: number; maxScore?: number })
}

function load(source: Source): string {
  return 'text' in source ? source.text : readFileSync(join(FIXTURES, 'articles', source.article), 'utf8')
}

function nthIndexOf(text: string, needle: string, occurrence: number, from = 0): number {
  let at = text.indexOf(needle, from)
  for (let n = 1; n < occurrence && at !== -1; n++) at = text.indexOf(needle, at + 1)
  if (at === -1) throw new Error(`fixture: occurrence ${occurrence} of ${JSON.stringify(needle)} not found`)
  return at
}

function locate(text: string, loc: Locator): { start: number; end: number } {
  const occurrence = loc.occurrence ?? 1
  if (loc.quote !== undefined) {
    const start = nthIndexOf(text, loc.quote, occurrence)
    return { start, end: start + loc.quote.length }
  }
  if (loc.from === undefined || loc.to === undefined) throw new Error('fixture: locator needs quote or from/to')
  const start = nthIndexOf(text, loc.from, occurrence)
  return { start, end: nthIndexOf(text, loc.to, 1, start) + loc.to.length }
}

function applyEdit(text: string, edit: Edit): string {
  if ('prepend' in edit) return edit.prepend + text
  if ('append' in edit) return text + edit.append
  const at = nthIndexOf(text, edit.find, edit.occurrence ?? 1)
  return text.slice(0, at) + edit.replace + text.slice(at + edit.find.length)
}

const files = readdirSync(join(FIXTURES, 'anchoring')).filter((f) => f.endsWith('.json'))

describe('anchor: golden fixtures', () => {
  it('has fixture files', () => {
    expect(files.length).toBeGreaterThanOrEqual(4)
  })
  for (const file of files) {
    const { cases } = JSON.parse(readFileSync(join(FIXTURES, 'anchoring', file), 'utf8')) as { cases: Case[] }
    describe(file, () => {
      for (const c of cases) {
        it(c.name, () => {
          const original = load(c.original)
          const span = locate(original, c.select)
          const target = describeSpan(original, span.start, span.end)
          const current = c.current ? load(c.current) : (c.edits ?? []).reduce(applyEdit, original)
          const selectors: AnchorSelectors =
            c.selectors === 'quote-only'
              ? { quote: target.quote }
              : c.selectors === 'position-only'
                ? { position: target.position }
                : target
          const result = anchor(current, selectors)
          if (c.expect === null) {
            expect(result).toBeNull()
            return
          }
          const want = locate(current, c.expect)
          expect(result).not.toBeNull()
          expect({ start: result?.start, end: result?.end, method: result?.method }).toEqual({
            ...want,
            method: c.expect.method,
          })
          expect(result?.score).toBeGreaterThanOrEqual(c.expect.minScore ?? 0)
          expect(result?.score).toBeLessThanOrEqual(c.expect.maxScore ?? 1)
          if (result?.method === 'fuzzy') expect(result.score).toBeGreaterThanOrEqual(FUZZY_THRESHOLD)
        })
      }
    })
  }
})

describe('anchor: contract', () => {
  it('returns null for an empty quote with no usable position', () => {
    expect(anchor('abc', { quote: { exact: '', prefix: '', suffix: '' } })).toBeNull()
    expect(anchor('abc', { position: { start: 5, end: 6 }, quote: { exact: '', prefix: '', suffix: '' } })).toBeNull()
  })
  it('returns null with no selectors at all', () => {
    expect(anchor('abc', {})).toBeNull()
  })
  it('treats malformed positions as stale and falls back to the quote', () => {
    const text = 'one two three'
    for (const position of [
      { start: -1, end: 3 },
      { start: 5, end: 2 },
      { start: 1.5, end: 3 },
      { start: 8, end: 99 },
      { start: Number.NaN, end: 3 },
    ]) {
      expect(anchor(text, { position, quote: { exact: 'two' } })).toMatchObject({ start: 4, end: 7, method: 'quote' })
    }
  })
  it('uses an explicit hint to choose between repeats with no context', () => {
    const text = 'xx ab yy ab zz ab'
    const quote = { exact: 'ab' }
    expect(anchor(text, { quote }, { hint: 9 })).toMatchObject({ start: 9, method: 'quote' })
    expect(anchor(text, { quote }, { hint: 16 })).toMatchObject({ start: 15, method: 'quote' })
    expect(anchor(text, { quote }, { hint: -50 })).toMatchObject({ start: 3, method: 'quote' })
  })
  it('scans the whole text when the window around the hint has no occurrence', () => {
    const filler = 'lorem ipsum dolor sit amet '.repeat(400)
    const text = `${filler}TARGET PHRASE HERE ${filler}`
    const start = text.indexOf('TARGET')
    const target = describeSpan(text, start, start + 18)
    const moved = `TARGET PHRASE HERE ${filler}${filler}`
    expect(anchor(moved, { quote: target.quote }, { hint: moved.length - 1 })).toMatchObject({ start: 0, method: 'quote' })
  })
})

// Text over a small alphabet (with a surrogate pair and a CJK character) so that
// repeats are frequent and context has to do real work.
const textArb = fc.string({
  unit: fc.constantFrom('a', 'b', ' ', '\n', '結', '😀'),
  maxLength: 200,
})

const textAndRange = textArb.chain((text) =>
  fc
    .tuple(fc.nat({ max: text.length }), fc.nat({ max: text.length }))
    .map(([a, b]) => ({ text, start: Math.min(a, b), end: Math.max(a, b) }))
    // Claims are made on whole characters (trimSelection widens), never inside a pair.
    .map(({ start, end }) => ({ text, ...widenToWholeCharacters(text, start, end) })),
)

describe('anchor: properties', () => {
  it('anchors its own description by position, exactly', () => {
    fc.assert(
      fc.property(textAndRange, ({ text, start, end }) => {
        expect(anchor(text, describeSpan(text, start, end))).toEqual({ start, end, method: 'position', score: 1 })
      }),
    )
  })

  it('never returns a span that starts or ends inside a surrogate pair', () => {
    // A stale offset and a quote that begins with half a pair both land on whole characters.
    expect(anchor('a😀b', { position: { start: 2, end: 4 } })).toMatchObject({ start: 1, end: 4 })
    expect(anchor('xx😀yy', { quote: { exact: '\ude00yy' } })).toMatchObject({ start: 2, end: 6 })
  })

  it('still finds the quote after text is inserted before the span', () => {
    fc.assert(
      fc.property(
        textAndRange.filter(({ start, end }) => end > start),
        fc.string({ unit: fc.constantFrom('a', 'b', ' ', '結', 'x'), minLength: 1, maxLength: 60 }),
        fc.nat(),
        ({ text, start, end }, inserted, where) => {
          const at = where % (start + 1)
          const edited = text.slice(0, at) + inserted + text.slice(at)
          const target = describeSpan(text, start, end)
          const result = anchor(edited, target)
          expect(result).not.toBeNull()
          if (result === null) return
          expect(edited.slice(result.start, result.end)).toBe(target.quote.exact)
          expect(['position', 'quote']).toContain(result.method)
        },
      ),
    )
  })
})
