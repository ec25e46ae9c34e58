import { describe, expect, it } from 'vitest'
import type { ImportAnchoring, ParsedAnnotations } from '../../../shared/w3c'
import { formatScore, importReport } from './import-report'

const TEXT = 'The summit ended without a deal. Markets barely moved.'
const NO_UNITS = { positionUnit: 'code-points', positionsAssumed: 0, otherUnit: 0, uncheckedPositions: 0 } as const

function parsed(quotes: string[]): ParsedAnnotations {
  return {
    format: 'w3c',
    positionUnit: 'code-points',
    originalAddress: null,
    analyst: 'A',
    label: 'L',
    setId: null,
    created: null,
    sourceUrn: null,
    warnings: ['items[9]: skipped.'],
    items: quotes.map((exact, i) => ({
      id: `#${i}`,
      selectors: { quote: { exact } },
      stance: 'speculative',
      note: '',
      evidence: [],
      counterpoints: [],
      tags: [],
      created: null,
      modified: null,
      author: '',
    })),
  }
}

describe('importReport', () => {
  it('pairs each fuzzy placement with the file’s quote and the text it landed on', () => {
    const anchoring: ImportAnchoring = {
      placements: [{ start: 0, end: 10, method: 'quote', score: 1 }, { start: 33, end: 53, method: 'fuzzy', score: 0.82 }, null],
      summary: { ...NO_UNITS, total: 3, anchored: 2, byPosition: 0, byQuote: 1, fuzzy: 1, orphans: [{ id: '#2', quote: 'gone', position: null }] },
      probablyWrongArticle: false,
    }
    const report = importReport({
      fileName: 'f.json',
      parsed: parsed(['The summit', 'Markets barly moved', 'gone']),
      set: { analyst: 'A', label: 'L' },
      article: { title: 'T', text: TEXT },
      anchoring,
      otherText: false,
    })
    expect(report.fuzzy).toEqual([{ quote: 'Markets barly moved', found: 'Markets barely moved', score: 0.82 }])
    expect(report.orphans).toEqual([{ quote: 'gone', position: null }])
    expect([report.total, report.anchored, report.byQuote, report.byPosition]).toEqual([3, 2, 1, 0])
    expect(report.warnings).toEqual(['items[9]: skipped.'])
  })

  it('refuses placements that do not match the items', () => {
    const anchoring: ImportAnchoring = {
      placements: [],
      summary: { ...NO_UNITS, total: 0, anchored: 0, byPosition: 0, byQuote: 0, fuzzy: 0, orphans: [] },
      probablyWrongArticle: false,
    }
    expect(() =>
      importReport({ fileName: 'f', parsed: parsed(['x']), set: { analyst: '', label: '' }, article: { title: '', text: TEXT }, anchoring, otherText: false }),
    ).toThrow(RangeError)
  })
})

describe('formatScore', () => {
  it('rounds to a whole percentage within 0..100', () => {
    expect(formatScore(0.874)).toBe('87%')
    expect(formatScore(1)).toBe('100%')
    expect(formatScore(1.2)).toBe('100%')
    expect(formatScore(-0.1)).toBe('0%')
    expect(formatScore(0.874, 'ja')).toBe('87%')
    expect(formatScore(0.874, 'fr')).toMatch(/^87\s%$/)
  })
})
