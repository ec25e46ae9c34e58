import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it, expect } from 'vitest'
import type { ClaimTarget } from '../claims/model'
import { describe as describeSpan } from './describe'
import { reanchorAll, summarizeAnchoring } from './reanchor'

const article = readFileSync(join(__dirname, '../../fixtures/articles/alaska-summit-2025-08-18.txt'), 'utf8')

/** Every sentence (ending in 。) of a text as a span. */
function sentences(text: string): { start: number; end: number; quote: string }[] {
  return [...text.matchAll(/[^。\n]+。/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, quote: m[0] }))
}

function targetsOf(text: string): ClaimTarget[] {
  return sentences(text).map((s) => describeSpan(text, s.start, s.end))
}

describe('reanchorAll', () => {
  const spans = sentences(article)
  const targets = targetsOf(article)

  it('uses sentences that are unique in the article (so the expectations below hold)', () => {
    expect(spans.length).toBeGreaterThan(40)
    expect(new Set(spans.map((s) => s.quote)).size).toBe(spans.length)
  })

  it('anchors every target by position on the unchanged text', () => {
    const results = reanchorAll(article, targets)
    expect(results).toEqual(spans.map((s) => ({ start: s.start, end: s.end, method: 'position', score: 1 })))
    expect(summarizeAnchoring(results)).toEqual({ byPosition: spans.length, byQuote: 0, fuzzy: 0, orphans: 0 })
  })

  it('keeps results in input order whatever the order of the targets', () => {
    const reversed = [...targets].reverse()
    const results = reanchorAll('前書き。' + article, reversed)
    expect(results.map((r) => r?.start)).toEqual([...spans].reverse().map((s) => s.start + 4))
  })

  it('follows a mix of edits: kept, shifted, damaged and deleted spans', () => {
    const deleted = spans[10]
    const damaged = spans[20]
    const insertBefore = spans[30]
    if (!deleted || !damaged || !insertBefore) throw new Error('article too short')
    const mid = damaged.start + Math.floor(damaged.quote.length / 2)
    const inserted = '（ここに新しい段落が加わった。）\n\n'
    const edited =
      article.slice(0, deleted.start) +
      article.slice(deleted.end, mid) +
      '＊' +
      article.slice(mid + 1, insertBefore.start) +
      inserted +
      article.slice(insertBefore.start)
    const results = reanchorAll(edited, targets)
    expect(results[10]).toBeNull()
    expect(results[20]?.method).toBe('fuzzy')
    expect(results[20]?.start).toBe(damaged.start - deleted.quote.length)
    for (let i = 0; i < spans.length; i++) {
      if (i === 10 || i === 20) continue
      const s = spans[i]
      if (s === undefined) continue
      const expectedStart =
        i < 10 ? s.start : i < 30 ? s.start - deleted.quote.length : s.start - deleted.quote.length + inserted.length
      expect(results[i]).toMatchObject({ start: expectedStart, end: expectedStart + s.quote.length })
    }
    expect(summarizeAnchoring(results)).toEqual({
      byPosition: 10,
      byQuote: spans.length - 12,
      fuzzy: 1,
      orphans: 1,
    })
  })

  it('carries the shift along, so identical copies of a passage map to their own copy', () => {
    // Four identical copies: quote and context are the same in each, so only the
    // (shifted) position can tell them apart.
    const copies = [article, article, article, article].join('\n\n')
    const copySpans = sentences(copies)
    const shiftedText = '＃'.repeat(5000) + copies
    const results = reanchorAll(shiftedText, targetsOf(copies))
    expect(results.map((r) => r?.start)).toEqual(copySpans.map((s) => s.start + 5000))
    expect(results.every((r) => r?.method === 'quote')).toBe(true)
  })

  it('returns an empty list for no targets', () => {
    expect(reanchorAll(article, [])).toEqual([])
  })
})

describe('summarizeAnchoring', () => {
  it('counts by method, null as orphan', () => {
    expect(
      summarizeAnchoring([
        { start: 0, end: 1, method: 'position', score: 1 },
        { start: 0, end: 1, method: 'quote', score: 0.9 },
        { start: 0, end: 1, method: 'quote', score: 0.9 },
        { start: 0, end: 1, method: 'fuzzy', score: 0.8 },
        null,
      ]),
    ).toEqual({ byPosition: 1, byQuote: 2, fuzzy: 1, orphans: 1 })
  })
})
