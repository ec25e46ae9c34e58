import { describe, expect, it } from 'vitest'
import articleText from '../../../fixtures/articles/alaska-summit-2025-08-18.txt?raw'
import { parseArticleFile } from '../../../shared/article/import'
import { canonicalText } from '../../../shared/article/model'
import { analyse, defaultLexicon, InvalidCueError } from '../../../shared/cues'
import { analyseArticle, lexiconFingerprint } from './analysis'

function seed(id: string) {
  const parsed = parseArticleFile({ name: 'alaska-summit-2025-08-18.txt', bytes: new TextEncoder().encode(articleText) }, () => {
    throw new Error('not html')
  })
  return { id, blocks: parsed.blocks, text: canonicalText(parsed.blocks) }
}

type Runner = NonNullable<Parameters<typeof analyseArticle>[2]>

function countingRunner() {
  const calls: number[] = []
  const run: Runner = async ({ text, blocks, lexicon }) => {
    calls.push(lexicon.length)
    return analyse(text, lexicon, { blocks }).filter((s) => s.suggestion !== null)
  }
  return { calls, run }
}

describe('analyseArticle', () => {
  it('without a Worker (as here) analyses on the main thread: the suggested sentences, in order', async () => {
    const article = seed('doc-main-thread')
    const result = await analyseArticle(article, defaultLexicon())
    const direct = analyse(article.text, defaultLexicon(), { blocks: article.blocks })
    expect(result).toEqual(direct.filter((s) => s.suggestion !== null))
    expect(result.length).toBeGreaterThan(10)
    expect(result.some((s) => s.certaintyWithoutEvidence && s.text.includes('間違いない'))).toBe(true)
  })

  it('analyses an article once per lexicon content, not per lexicon object', async () => {
    const article = seed('doc-memo')
    const { calls, run } = countingRunner()
    const first = analyseArticle(article, defaultLexicon(), run)
    const again = analyseArticle(article, [...defaultLexicon()], run)
    expect(again).toBe(first)
    const fewer = defaultLexicon().filter((e) => e.id !== 'ja-booster-machigainai')
    const other = analyseArticle(article, fewer, run)
    expect(other).not.toBe(first)
    await Promise.all([first, other])
    expect(calls).toEqual([defaultLexicon().length, fewer.length])
    expect((await other).some((s) => s.cues.some((c) => c.cueId === 'ja-booster-machigainai'))).toBe(false)
  })

  it('does not keep a failed analysis, so a corrected lexicon is tried afresh', async () => {
    const article = seed('doc-failure')
    let fail = true
    const run: Runner = async () => {
      if (fail) throw new InvalidCueError('broken cue', 'x')
      return []
    }
    await expect(analyseArticle(article, defaultLexicon(), run)).rejects.toBeInstanceOf(InvalidCueError)
    fail = false
    await expect(analyseArticle(article, defaultLexicon(), run)).resolves.toEqual([])
  })

  it('fingerprints lexicons by what affects matching', () => {
    const lexicon = defaultLexicon()
    expect(lexiconFingerprint([...lexicon])).toBe(lexiconFingerprint(lexicon))
    const first = lexicon[0]!
    expect(lexiconFingerprint([{ ...first, pattern: `${first.pattern}x` }, ...lexicon.slice(1)])).not.toBe(lexiconFingerprint(lexicon))
    expect(lexiconFingerprint([{ ...first, caseSensitive: true }, ...lexicon.slice(1)])).not.toBe(lexiconFingerprint(lexicon))
    expect(lexiconFingerprint([{ ...first, note: 'only a note' }, ...lexicon.slice(1)])).toBe(lexiconFingerprint(lexicon))
  })
})
