import { describe, it, expect } from 'vitest'
import bundled from './lexicon.json'
import { InvalidCueError, cueRegExp, defaultLexicon, mergeLexicon, parseCueEntry, parseLexicon } from './lexicon'
import { findCues } from './find-cues'
import { CUE_KINDS, CUE_LANGUAGES, type CueEntry } from './model'

const entry = (over: Partial<CueEntry> = {}): CueEntry => ({
  id: 'user-test',
  language: 'en',
  kind: 'hedge',
  match: 'literal',
  pattern: 'arguably',
  example: 'It is arguably the best plan.',
  ...over,
})

describe('the bundled lexicon', () => {
  const lexicon = defaultLexicon()

  it('is valid, with unique ids, and is frozen', () => {
    expect(lexicon.length).toBe(bundled.entries.length)
    expect(new Set(lexicon.map((e) => e.id)).size).toBe(lexicon.length)
    expect(Object.isFrozen(lexicon)).toBe(true)
    expect(defaultLexicon()).toBe(lexicon)
  })

  it('gives every entry an id that begins with its language', () => {
    for (const entry of defaultLexicon()) expect(entry.id.startsWith(`${entry.language}-`), entry.id).toBe(true)
  })

  it('covers every kind in both languages', () => {
    for (const language of CUE_LANGUAGES) {
      for (const kind of CUE_KINDS) {
        expect(lexicon.filter((e) => e.language === language && e.kind === kind).length, `${language} ${kind}`).toBeGreaterThanOrEqual(3)
      }
    }
  })

  it.each(bundled.entries.map((e) => [e.id, e] as const))('%s matches its own example', (_id, e) => {
    const cues = findCues(e.example, [e as CueEntry])
    expect(cues.length).toBeGreaterThan(0)
    expect(cues[0]!.cueId).toBe(e.id)
  })
})

describe('literal and regex entries', () => {
  it('matches literals case-insensitively at word boundaries', () => {
    const e = entry({ pattern: 'could' })
    expect(findCues('Could it be? It could.', [e]).map((c) => c.start)).toEqual([0, 16])
    expect(findCues("He couldn't, and Mcould is a name.", [e])).toEqual([])
  })

  it('escapes regex characters in literals', () => {
    expect(findCues('Is it (maybe)? a.b', [entry({ pattern: '(maybe)' })]).map((c) => c.text)).toEqual(['(maybe)'])
    expect(findCues('axb', [entry({ pattern: 'a.b', example: 'a.b' })])).toEqual([])
  })

  it('honours caseSensitive for regexes', () => {
    const e = entry({ match: 'regex', pattern: '\\bmay\\b', caseSensitive: true, example: 'It may rain.' })
    expect(findCues('May it rain? It may.', [e]).map((c) => c.text)).toEqual(['may'])
    expect(findCues('May it rain? It may.', [{ ...e, caseSensitive: false }]).map((c) => c.text)).toEqual(['May', 'may'])
  })

  it('caches the compiled expression per entry', () => {
    const e = entry()
    expect(cueRegExp(e)).toBe(cueRegExp(e))
  })
})

describe('parseCueEntry and parseLexicon', () => {
  it('accepts a well-formed entry', () => {
    expect(parseCueEntry(entry())).toEqual(entry())
  })

  it.each([
    ['a bad id', { id: 'Has Spaces' }],
    ['an unknown kind', { kind: 'opinion' }],
    ['an unknown language', { language: 'fr' }],
    ['an empty pattern', { pattern: '' }],
    ['a pattern that does not compile', { match: 'regex', pattern: '(unclosed' }],
    ['a pattern that matches empty text', { match: 'regex', pattern: 'x*', example: 'xx' }],
    ['an example the pattern misses', { example: 'Nothing here.' }],
    ['an extra field', { extra: 1 }],
  ])('refuses %s with InvalidCueError', (_what, over) => {
    expect(() => parseCueEntry({ ...entry(), ...over })).toThrow(InvalidCueError)
  })

  it('names the cue in the user message', () => {
    try {
      parseCueEntry({ ...entry(), match: 'regex', pattern: '(unclosed' })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidCueError)
      expect((error as InvalidCueError).userMessage).toContain('"user-test"')
      expect((error as InvalidCueError).cueId).toBe('user-test')
    }
  })

  it('refuses a lexicon file with a repeated id or the wrong shape', () => {
    expect(() => parseLexicon({ version: 1, entries: [entry(), entry()] })).toThrow(/two entries/)
    expect(() => parseLexicon({ entries: [] })).toThrow(InvalidCueError)
    expect(parseLexicon({ version: 1, entries: [entry()] })).toEqual([entry()])
  })
})

describe('mergeLexicon', () => {
  const base = [entry({ id: 'a', pattern: 'alpha', example: 'alpha' }), entry({ id: 'b', pattern: 'beta', example: 'beta' })]

  it('removes by id, ignoring unknown ids, and appends additions', () => {
    const added = entry({ id: 'c', pattern: 'gamma', example: 'gamma' })
    expect(mergeLexicon(base, [added], ['a', 'zzz']).map((e) => e.id)).toEqual(['b', 'c'])
  })

  it('lets an added entry replace a base entry with the same id', () => {
    const edited = entry({ id: 'b', pattern: 'beta-2', example: 'beta-2' })
    expect(mergeLexicon(base, [edited], [])).toEqual([base[0], edited])
  })

  it('does not modify its arguments', () => {
    const copy = structuredClone(base)
    mergeLexicon(base, [], ['a'])
    expect(base).toEqual(copy)
  })

  it('refuses invalid or duplicate additions', () => {
    expect(() => mergeLexicon(base, [{ id: 'x' }], [])).toThrow(InvalidCueError)
    expect(() => mergeLexicon(base, [entry({ id: 'd' }), entry({ id: 'd' })], [])).toThrow(/Two of your cues/)
  })
})
