import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it, expect } from 'vitest'
import {
  LONG_QUOTE_LENGTH,
  SEARCH_WINDOW,
  matchQuoteApproximately,
  matchQuoteExactly,
  maxErrorsFor,
} from './match-quote'
import { FUZZY_THRESHOLD } from './quote-score'

const article = readFileSync(join(__dirname, '../../fixtures/articles/alaska-summit-2025-08-18.txt'), 'utf8')

/** Deterministic filler that does not resemble the article (or itself at short range). */
function filler(length: number, seed: number): string {
  let out = ''
  let x = seed
  while (out.length < length) {
    x = (x * 1103515245 + 12345) % 2147483648
    out += 'qwzvkjxp '[x % 9]
  }
  return out
}

describe('maxErrorsFor', () => {
  it('allows a quarter of the quote length, rounded down', () => {
    expect([0, 3, 4, 21, 100, 400].map(maxErrorsFor)).toEqual([0, 0, 1, 5, 25, 100])
  })
})

describe('matchQuoteExactly', () => {
  const text = 'red apple. green apple. red apple!'
  it('returns null for an empty or missing quote', () => {
    expect(matchQuoteExactly(text, '')).toBeNull()
    expect(matchQuoteExactly(text, 'pear')).toBeNull()
    expect(matchQuoteExactly('ab', 'abc')).toBeNull()
  })
  it('lets the prefix pick among repeats', () => {
    expect(matchQuoteExactly(text, 'apple', { prefix: 'green ' })?.start).toBe(17)
  })
  it('lets the suffix pick among repeats', () => {
    expect(matchQuoteExactly(text, 'red apple', { suffix: '!' })?.start).toBe(24)
    expect(matchQuoteExactly(text, 'red apple', { suffix: '. green' })?.start).toBe(0)
  })
  it('falls back to the hint, then to the earliest occurrence', () => {
    expect(matchQuoteExactly(text, 'apple', { hint: 30 })?.start).toBe(28)
    expect(matchQuoteExactly(text, 'apple')?.start).toBe(4)
  })
  it('prefers a perfect context far away to a poor one near the hint', () => {
    const far = filler(3 * SEARCH_WINDOW, 1)
    const t = `zz QUOTE zz ${far} ctx-before QUOTE ctx-after`
    const m = matchQuoteExactly(t, 'QUOTE', { prefix: 'ctx-before ', suffix: ' ctx-after', hint: 3 })
    expect(m?.start).toBe(t.lastIndexOf('QUOTE'))
  })
})

describe('matchQuoteApproximately', () => {
  const quote = '欧米の結束に亀裂が拡大することは間違いない'
  const at = article.indexOf(quote)
  const context = {
    prefix: article.slice(at - 32, at),
    suffix: article.slice(at + quote.length, at + quote.length + 32),
    hint: at,
  }

  it('returns null when the quote is too short to allow any error', () => {
    expect(matchQuoteApproximately('abc', 'abd', {}, 0)).toBeNull()
  })

  it('finds a damaged quote and scores it below 1', () => {
    const edited = article.replace('亀裂が拡大', '亀裂が拡張')
    const m = matchQuoteApproximately(edited, quote, context)
    expect(m).toMatchObject({ start: at, end: at + quote.length, errors: 1 })
    expect(m?.score).toBeLessThan(1)
    expect(m?.score).toBeGreaterThan(FUZZY_THRESHOLD)
  })

  it('returns null rather than a match below minScore', () => {
    const edited = article.replace('亀裂が拡大', '亀裂が拡張')
    const m = matchQuoteApproximately(edited, quote, context, 0)
    expect(m).not.toBeNull()
    expect(matchQuoteApproximately(edited, quote, context, (m?.score ?? 0) + 0.001)).toBeNull()
  })

  it('searches beyond the window when the quote moved far from its hint', () => {
    const damaged = quote.replace('拡大', '拡張')
    const text = filler(4 * SEARCH_WINDOW, 7) + context.prefix + damaged + context.suffix
    const m = matchQuoteApproximately(text, quote, { ...context, hint: 10 })
    expect(m?.start).toBe(text.indexOf(damaged))
    expect(m?.end).toBe(text.indexOf(damaged) + damaged.length)
  })

  describe('long quotes (head and tail chunks)', () => {
    const start = article.indexOf('ロシア経済は、2014年')
    const end = article.indexOf('間違いない。') + '間違いない。'.length
    const long = article.slice(start, end)
    const ctx = {
      prefix: article.slice(start - 32, start),
      suffix: article.slice(end, end + 32),
      hint: start,
    }

    it('uses a quote long enough to take the chunked path', () => {
      expect(long.length).toBeGreaterThan(LONG_QUOTE_LENGTH)
    })

    it('is found when only the tail chunk survives intact', () => {
      // 50 of the head chunk's 128 units replaced: more than the 32 errors a chunk may have.
      const headDamaged = filler(50, 5) + long.slice(50)
      const text = article.replace(long, headDamaged)
      const m = matchQuoteApproximately(text, long, ctx)
      expect(m).toMatchObject({ start, end: start + headDamaged.length })
    })

    it('is found when only the head chunk survives intact', () => {
      const tailDamaged = long.slice(0, -50) + filler(50, 6)
      const text = article.replace(long, tailDamaged)
      const m = matchQuoteApproximately(text, long, ctx)
      expect(m).toMatchObject({ start, end: start + tailDamaged.length })
    })

    it('is not matched when rewritten beyond a quarter of its length', () => {
      const rewritten = long.slice(0, 60) + filler(long.length - 120, 3) + long.slice(-60)
      expect(matchQuoteApproximately(article.replace(long, rewritten), long, ctx)).toBeNull()
    })
  })
})
