import { describe, expect, it } from 'vitest'
import { cueWords, expandPattern } from './cue-words'
import { defaultLexicon } from './lexicon'
import type { CueEntry } from './model'

const entry = (fields: Partial<CueEntry>): CueEntry => ({ id: 'x', language: 'ja', kind: 'hedge', match: 'regex', pattern: '', example: '', ...fields })

describe('expandPattern', () => {
  it('spells out groups, alternatives and optional parts as words', () => {
    expect(expandPattern('かも(?:しれ|知れ)(?:ない|ません|ず)')).toEqual(['かもしれない', 'かもしれません', 'かもしれず', 'かも知れない', 'かも知れません', 'かも知れず'])
    expect(expandPattern('\\bprobabl[ey]\\b')).toBeNull()
    expect(expandPattern('\\bseem(?:s|ed|ingly)?\\b')).toEqual(['seems', 'seemed', 'seemingly', 'seem'])
    expect(expandPattern('不確実|不透明|不確か')).toEqual(['不確実', '不透明', '不確か'])
  })

  it('reads lookarounds as matching no text, and gives up on classes, repetition and too many words', () => {
    expect(expandPattern('必ず(?!しも)')).toEqual(['必ず'])
    expect(expandPattern('[0-9]+円')).toBeNull()
    expect(expandPattern('a+')).toBeNull()
    expect(expandPattern('(a|b)(c|d)(e|f)', 7)).toBeNull()
    expect(expandPattern('(unclosed')).toBeNull()
  })
})

describe('cueWords', () => {
  it('shows a literal as itself, a regex as its words, else as its match in the example', () => {
    expect(cueWords(entry({ match: 'literal', pattern: 'だろう' }))).toEqual({ kind: 'words', words: ['だろう'], more: false })
    expect(cueWords(entry({ pattern: '間違い(?:ない|なく|がない|はない)' }))).toEqual({ kind: 'words', words: ['間違いない', '間違いなく', '間違いがない', '間違いはない'], more: false })
    expect(cueWords(entry({ pattern: '[0-9０-９]+億円', example: '総額420億円に達した。' }))).toEqual({ kind: 'example', match: '420億円' })
    expect(cueWords(entry({ pattern: 'と(?:予想|予測|推測|推察|推定)され(?:る|て|た|ます)' }), 3)).toMatchObject({ words: ['と予想される', 'と予想されて', 'と予想された'], more: true })
  })

  it('reads every bundled cue as words or an example match, never as a bare pattern', () => {
    for (const cue of defaultLexicon()) {
      const read = cueWords(cue)
      const shown = read.kind === 'words' ? read.words : [read.match]
      expect(shown.length, cue.id).toBeGreaterThan(0)
      for (const word of shown) expect(word, cue.id).not.toMatch(/\(\?|\\b|\[\^?/)
    }
  })
})
