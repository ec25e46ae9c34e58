/**
 * A cue as a person reads it: the words it matches, not its regular
 * expression. `かも(?:しれ|知れ)(?:ない|ません|ず)` reads as かもしれない,
 * かもしれません, かもしれず, かも知れない…; a pattern too general to list
 * (character classes, repetition) reads as what it matches in its example.
 */
import { cueRegExp } from './lexicon'
import type { CueEntry } from './model'

/** Most words a pattern is spelled out as; beyond that the list is cut. */
export const MAX_CUE_WORDS = 64

/** How a cue reads: its words (in pattern order, `more` true when cut) or, failing that, its match in the example. */
export type CueWords = { kind: 'words'; words: string[]; more: boolean } | { kind: 'example'; match: string }

type Alternatives = string[] | null

/**
 * Every string `pattern` matches, when it is made only of literal characters,
 * escaped punctuation, groups, `|`, `?` after a character or group, `\b` and
 * lookarounds (which match no text, so add none); null for anything else or
 * when there would be more than `limit`.
 */
export function expandPattern(pattern: string, limit = MAX_CUE_WORDS): string[] | null {
  let at = 0
  const fail = (): null => null

  function alternation(): Alternatives {
    const out: string[] = []
    for (;;) {
      const seq = sequence()
      if (seq === null) return null
      out.push(...seq)
      if (out.length > limit) return null
      if (pattern[at] !== '|') return out
      at++
    }
  }

  function sequence(): Alternatives {
    let acc = ['']
    while (at < pattern.length && pattern[at] !== '|' && pattern[at] !== ')') {
      const atom = atomAt()
      if (atom === null) return null
      let options = atom
      if (pattern[at] === '?') {
        at++
        options = [...atom, '']
      } else if (pattern[at] !== undefined && '*+{'.includes(pattern[at]!)) return fail()
      const next: string[] = []
      for (const a of acc) for (const o of options) next.push(a + o)
      if (next.length > limit) return null
      acc = next
    }
    return acc
  }

  function atomAt(): Alternatives {
    const ch = pattern[at]!
    if (ch === '(') {
      const lookaround = /^\(\?(?:=|!|<=|<!)/.exec(pattern.slice(at))
      at += lookaround ? lookaround[0].length : pattern.startsWith('(?:', at) ? 3 : 1
      const inner = alternation()
      if (inner === null || pattern[at] !== ')') return null
      at++
      return lookaround ? [''] : inner
    }
    if (ch === '\\') {
      const next = pattern[at + 1]
      at += 2
      if (next === 'b') return ['']
      if (next !== undefined && /[\\^$.|?*+()[\]{}\-/、。「」]/.test(next)) return [next]
      return null
    }
    if ('[.^$'.includes(ch)) return null
    // A whole code point, so a character outside the BMP stays whole.
    const cp = String.fromCodePoint(pattern.codePointAt(at)!)
    at += cp.length
    return [cp]
  }

  const all = alternation()
  if (all === null || at !== pattern.length) return null
  const words = [...new Set(all.filter((w) => w.trim() !== ''))]
  return words.length > 0 && words.length <= limit ? words : null
}

/**
 * How `entry` reads: a literal is its own word; a regular expression its
 * expanded words (the first `show`, `more` when there are others) or its
 * match in the entry's example. Never throws for a valid entry.
 */
export function cueWords(entry: CueEntry, show = 6): CueWords {
  if (entry.match === 'literal') return { kind: 'words', words: [entry.pattern], more: false }
  const words = expandPattern(entry.pattern)
  if (words !== null) return { kind: 'words', words: words.slice(0, show), more: words.length > show }
  const match = cueRegExp(entry).exec(entry.example)?.[0] ?? entry.example
  return { kind: 'example', match }
}
