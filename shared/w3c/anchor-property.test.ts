/**
 * The exchange's one promise, as a property: after export and import through
 * any mix of conventions (code points or UTF-16 offsets, NFD quotes, quotes
 * or offsets stripped) and onto the same or a changed text, every claim that
 * is placed lies on exactly its quote's words (after normalisation), on
 * whole characters; everything else is an orphan.
 */
import fc from 'fast-check'
import { describe as suite, expect, it } from 'vitest'
import { describe, splitsSurrogatePair } from '../anchoring'
import type { AnnotationSet, Claim } from '../claims/model'
import { normalizeImportedText } from '../text/normalize'
import { sha256Hex } from '../text/sha256'
import { anchorImported, exportSet, parseAnnotationFile } from '.'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
const SET: AnnotationSet = { id: '11111111-2222-4333-8444-555555555555', documentId: 'd', analyst: 'A', label: 'P', created: '2026-01-01T00:00:00.000Z', origin: 'local' }
const PIECES = ['a', 'b', ' ', 'あ', 'が', 'ぱ', 'é', '。', '、', '😀', '𠮷', '\n', 'x']
const VARIANTS = ['as-is', 'nfd-quote', 'no-quote', 'no-position', 'utf16-position'] as const

const article = fc.array(fc.constantFrom(...PIECES), { minLength: 8, maxLength: 120 }).map((p) => normalizeImportedText(p.join('')))
const scenario = article.chain((text) => {
  const chars = Array.from(text)
  const span = fc.tuple(fc.nat(chars.length - 1), fc.integer({ min: 1, max: 12 })).map(([at, length]) => {
    // On whole characters, as claims are made.
    const start = chars.slice(0, at).join('').length
    const end = chars.slice(0, Math.min(chars.length, at + length)).join('').length
    return { start, end }
  })
  return fc.record({
    text: fc.constant(text),
    spans: fc.array(fc.record({ span, variant: fc.constantFrom(...VARIANTS) }), { minLength: 1, maxLength: 6 }),
    insertion: fc.option(fc.tuple(fc.nat(), fc.constantFrom('挿入された一文。', '😀😀', 'zz')), { nil: null }),
  })
})

function claim(text: string, start: number, end: number, i: number): Claim {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    setId: SET.id,
    documentId: 'd',
    stance: 'speculative',
    target: describe(text, start, end),
    note: '',
    evidence: [],
    counterpoints: [],
    tags: [],
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    author: 'A',
  }
}

suite('every anchored claim’s text equals its quote after normalisation, or it is an orphan', () => {
  it('holds for any mix of conventions, on the same text or one with an insertion (property)', () => {
    fc.assert(
      fc.property(scenario, ({ text, spans, insertion }) => {
        const claims = spans.map((s, i) => claim(text, s.span.start, s.span.end, i))
        const doc = JSON.parse(JSON.stringify(exportSet({ text, sha256: sha256Hex(text) }, SET, claims))) as Json
        doc.first.items.forEach((annotation: Json) => {
          const i = Number(String(annotation.id).slice(-12))
          const variant = spans[i]!.variant
          const selectors: Json[] = annotation.target.selector
          const quote = selectors.find((s) => s.type === 'TextQuoteSelector')!
          const position = selectors.find((s) => s.type === 'TextPositionSelector')!
          if (variant === 'nfd-quote') for (const k of ['exact', 'prefix', 'suffix']) quote[k] = quote[k].normalize('NFD')
          if (variant === 'utf16-position') Object.assign(position, { start: claims[i]!.target.position.start, end: claims[i]!.target.position.end })
          if (variant === 'no-quote') annotation.target.selector = [position]
          if (variant === 'no-position') annotation.target.selector = [quote]
        })
        // An insertion anywhere before, after or between claims (never inside one).
        let target = text
        if (insertion !== null) {
          const edges = [0, text.length, ...claims.flatMap((c) => [c.target.position.start, c.target.position.end])]
          const free = edges.filter((at) => claims.every((c) => at <= c.target.position.start || at >= c.target.position.end))
          const at = free[insertion[0] % free.length]!
          target = text.slice(0, at) + insertion[1] + text.slice(at)
        }
        const parsed = parseAnnotationFile(JSON.stringify(doc), 'p.jsonld')
        const sameText = parsed.sourceUrn === `urn:sha256:${sha256Hex(target)}`
        const { placements } = anchorImported(target, parsed.items, { positionUnit: parsed.positionUnit, sameText })
        placements.forEach((placement, i) => {
          if (placement === null) return // an orphan
          const item = parsed.items[i]!
          const words = target.slice(placement.start, placement.end)
          expect(splitsSurrogatePair(target, placement.start) || splitsSurrogatePair(target, placement.end)).toBe(false)
          const exact = item.selectors.quote?.exact ?? ''
          if (exact !== '') {
            expect(words).toBe(normalizeImportedText(exact))
          } else {
            // Offsets alone are trusted only on the very text the file names.
            expect(sameText).toBe(true)
            const original = claims.find((c) => item.id === c.id)!
            expect(words).toBe(original.target.quote.exact)
          }
        })
      }),
      { numRuns: 150, seed: 16 },
    )
  })
})
