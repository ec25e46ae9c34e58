import { describe, expect, it } from 'vitest'
import { defaultLexicon, InvalidCueError } from '../../../shared/cues'
import { cueFromDraft, userLexicon } from './user-lexicon'

const base = defaultLexicon()
const ownCue = { id: 'user-ja-intent-x', language: 'ja', kind: 'intent', match: 'literal', pattern: '訴えかけ', example: '志向に訴えかけた。' }

describe('userLexicon', () => {
  it('is the bundled lexicon when the user changed nothing', () => {
    const { lexicon, added, problems } = userLexicon(base, [], [])
    expect(lexicon.map((e) => e.id)).toEqual(base.map((e) => e.id))
    expect(added).toEqual([])
    expect(problems).toEqual([])
  })

  it('applies removals and additions', () => {
    const { lexicon, added } = userLexicon(base, [ownCue], ['ja-hedge-michisu'])
    const ids = lexicon.map((e) => e.id)
    expect(ids).not.toContain('ja-hedge-michisu')
    expect(ids).toContain('user-ja-intent-x')
    expect(lexicon).toHaveLength(base.length)
    expect(added.map((e) => e.pattern)).toEqual(['訴えかけ'])
  })

  it('sets aside stored additions that are no longer valid, and repeats, with a reason each', () => {
    const broken = { ...ownCue, id: 'user-broken', match: 'regex', pattern: '訴え(' }
    const stale = { ...ownCue, id: 'user-stale', example: 'nothing here' }
    const { lexicon, added, problems } = userLexicon(base, [ownCue, broken, 'junk', stale, ownCue], [])
    expect(added.map((e) => e.id)).toEqual(['user-ja-intent-x'])
    expect(lexicon).toHaveLength(base.length + 1)
    expect(problems).toHaveLength(4)
    expect(problems.join('\n')).toMatch(/not a valid regular expression/)
    expect(problems.join('\n')).toMatch(/does not match its own example/)
    expect(problems.join('\n')).toMatch(/stored twice/)
  })
})

describe('cueFromDraft', () => {
  const draft = { language: 'ja', kind: 'hedge', match: 'literal', pattern: ' 模様だ ', example: ' 会談は延期される模様だ。 ' } as const

  it('makes a valid entry with a fresh id that no existing cue has', () => {
    let calls = 0
    const sequence = [0.5, 0.5, 0.25]
    const taken = new Set([`user-ja-hedge-${Math.floor(0.5 * 36 ** 6).toString(36)}`])
    const entry = cueFromDraft(draft, taken, () => sequence[calls++]!)
    expect(calls).toBe(3)
    expect(entry).toEqual({ id: `user-ja-hedge-${Math.floor(0.25 * 36 ** 6).toString(36)}`, language: 'ja', kind: 'hedge', match: 'literal', pattern: '模様だ', example: '会談は延期される模様だ。' })
  })

  it('refuses empty fields, broken patterns and examples the pattern misses, with messages for the form', () => {
    const refusal = (d: Partial<typeof draft> | Record<string, string>) => {
      try {
        cueFromDraft({ ...draft, ...d } as typeof draft, new Set())
        return null
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidCueError)
        return (e as InvalidCueError).userMessage
      }
    }
    expect(refusal({ pattern: '  ' })).toMatch(/Enter the word or pattern/)
    expect(refusal({ example: '' })).toMatch(/example sentence/)
    expect(refusal({ match: 'regex', pattern: '模様(' })).toMatch(/not a valid regular expression/)
    expect(refusal({ match: 'regex', pattern: 'x*' })).toMatch(/matches empty text/)
    expect(refusal({ example: '会談は延期される。' })).toMatch(/does not match its own example/)
  })

  it('names each problem through the words it is given, with the regex engine complaint', () => {
    const said: string[] = []
    const words = (problem: string, detail: string) => {
      said.push(problem)
      return `${problem}|${detail}`
    }
    const refusal = (d: Partial<typeof draft> | Record<string, string>) => {
      try {
        cueFromDraft({ ...draft, ...d } as typeof draft, new Set(), Math.random, words)
        return null
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidCueError)
        return (e as InvalidCueError).userMessage
      }
    }
    expect(refusal({ pattern: ' ' })).toBe('noPattern|')
    expect(refusal({ example: ' ' })).toBe('noExample|')
    expect(refusal({ match: 'regex', pattern: '模様(' })).toMatch(/^badRegex\|Invalid regular expression/)
    expect(refusal({ match: 'regex', pattern: 'x*' })).toMatch(/^matchesEmpty\|/)
    expect(refusal({ example: '会談は延期される。' })).toMatch(/^missesExample\|/)
    expect(refusal({})).toBeNull()
    expect(said).toEqual(['noPattern', 'noExample', 'badRegex', 'matchesEmpty', 'missesExample'])
  })
})
