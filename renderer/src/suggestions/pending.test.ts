import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseArticleFile } from '../../../shared/article/import'
import { canonicalText } from '../../../shared/article/model'
import { analyse, defaultLexicon, type SentenceSuggestion } from '../../../shared/cues'
import type { Claim } from '../../../shared/claims/model'
import articleText from '../../../fixtures/articles/alaska-summit-2025-08-18.txt?raw'
import { describeReasons, pendingSuggestions, resolveFocus, stepSuggestion, suggestionAt, suggestionKey } from './pending'

function seed() {
  const bytes = new TextEncoder().encode(articleText)
  const parsed = parseArticleFile({ name: 'alaska-summit-2025-08-18.txt', bytes }, () => {
    throw new Error('not html')
  })
  const text = canonicalText(parsed.blocks)
  return { text, analysed: analyse(text, defaultLexicon(), { blocks: parsed.blocks }) }
}

function claimOver(start: number, end: number, orphan = false): Pick<Claim, 'target' | 'orphan'> {
  return {
    target: {
      position: { type: 'TextPositionSelector', start, end },
      quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' },
    },
    orphan,
  }
}

function sentence(start: number, end: number, suggestion: SentenceSuggestion['suggestion']): SentenceSuggestion {
  return { start, end, text: 'x'.repeat(end - start), suggestion, certaintyWithoutEvidence: false, cues: [], explanation: { reason: 'no-cues', cues: [] } }
}

describe('pendingSuggestions', () => {
  const { text, analysed } = seed()
  const suggested = analysed.filter((s) => s.suggestion !== null)

  it('keeps every suggested sentence of the seed when nothing is decided, in document order', () => {
    const pending = pendingSuggestions(analysed, [], new Set())
    expect(pending.map((p) => p.key)).toEqual(suggested.map((s) => `${s.start}:${s.end}`))
    expect(pending.length).toBeGreaterThan(5)
    for (const p of pending) expect(text.slice(p.start, p.end)).toBe(p.text)
  })

  it('drops dismissed sentences and sentences any claim overlaps, but not ones a claim only touches', () => {
    const [first, second, third] = suggested
    const pending = pendingSuggestions(
      analysed,
      [
        claimOver(second!.start + 2, second!.start + 4), // inside the second sentence
        claimOver(third!.end, third!.end + 1), // touches the third's end only
        claimOver(0, text.length, true), // an orphan: no place in the text
      ],
      new Set([suggestionKey(first!)]),
    )
    const keys = pending.map((p) => p.key)
    expect(keys).not.toContain(suggestionKey(first!))
    expect(keys).not.toContain(suggestionKey(second!))
    expect(keys).toContain(suggestionKey(third!))
    expect(pending).toHaveLength(suggested.length - 2)
  })

  it('agrees with a direct overlap check for any claims (property)', () => {
    const sentences = [sentence(0, 10, 'speculative'), sentence(12, 20, 'evidenced'), sentence(20, 31, null), sentence(33, 50, 'speculative')]
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(55), fc.integer({ min: 1, max: 20 })), { maxLength: 6 }), (ranges) => {
        const claims = ranges.map(([s, len]) => claimOver(s, s + len))
        const expected = sentences
          .filter((x) => x.suggestion !== null && !claims.some((c) => c.target.position.start < x.end && x.start < c.target.position.end))
          .map(suggestionKey)
        expect(pendingSuggestions(sentences, claims, new Set()).map((p) => p.key)).toEqual(expected)
      }),
    )
  })
})

describe('stepping, focus and lookup', () => {
  const pending = pendingSuggestions([sentence(0, 10, 'speculative'), sentence(12, 20, 'evidenced'), sentence(25, 40, 'speculative')], [], new Set())

  it('steps forward and back without wrapping', () => {
    expect(stepSuggestion(pending, null, 1)?.key).toBe('0:10')
    expect(stepSuggestion(pending, null, -1)?.key).toBe('25:40')
    expect(stepSuggestion(pending, 0, 1)?.key).toBe('12:20')
    expect(stepSuggestion(pending, 12, -1)?.key).toBe('0:10')
    expect(stepSuggestion(pending, 25, 1)).toBeNull()
    expect(stepSuggestion(pending, 0, -1)).toBeNull()
    expect(stepSuggestion([], null, 1)).toBeNull()
  })

  it('moves focus to the next pending suggestion when the focused one is gone', () => {
    expect(resolveFocus(pending, { key: '12:20', start: 12 })?.key).toBe('12:20')
    expect(resolveFocus(pending, { key: '11:11', start: 11 })?.key).toBe('12:20')
    expect(resolveFocus(pending, { key: '50:60', start: 50 })?.key).toBe('25:40')
    expect(resolveFocus(pending, null)).toBeNull()
    expect(resolveFocus([], { key: '0:10', start: 0 })).toBeNull()
  })

  it('finds the suggestion at an offset', () => {
    expect(suggestionAt(pending, 0)?.key).toBe('0:10')
    expect(suggestionAt(pending, 9)?.key).toBe('0:10')
    expect(suggestionAt(pending, 10)).toBeNull()
    expect(suggestionAt(pending, 39)?.key).toBe('25:40')
    expect(suggestionAt(pending, 40)).toBeNull()
  })
})

describe('describeReasons', () => {
  it('groups the cues by kind in a fixed order, each text once', () => {
    const cue = (kind: 'hedge' | 'booster' | 'intent', text: string, start: number) => ({ kind, text, start, end: start + text.length, cueId: `c-${start}` })
    const line = describeReasons({
      suggestion: 'speculative',
      cues: [cue('booster', '間違いない', 9), cue('hedge', 'だろう', 1), cue('hedge', 'だろう', 20), cue('intent', '狙い', 4)],
    })
    expect(line).toBe('Speculative — hedge: だろう; intent: 狙い; booster: 間違いない')
  })

  it('names the seed sentence that asserts certainty without evidence by its booster', () => {
    const flagged = seed().analysed.find((s) => s.certaintyWithoutEvidence && s.text.includes('間違いない'))
    expect(flagged?.suggestion).toBe('speculative')
    expect(describeReasons({ suggestion: flagged!.suggestion!, cues: flagged!.cues })).toBe('Speculative — booster: 間違いない')
  })
})
