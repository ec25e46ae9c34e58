import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importHtml, type HtmlImportProgress } from './import-html'
import { whiteSpaceOf } from './html-tree'

const sample = readFileSync(join(__dirname, '../../fixtures/articles/sample-article.html'), 'utf8')

describe('importHtml without a DOM (Node)', () => {
  it('parses the sample article as in the browser: title, blocks, only the safe link', () => {
    const { title, blocks } = importHtml(sample)
    expect(title).toBe('A Quiet Case for Public Libraries')
    expect(blocks.length).toBeGreaterThan(3)
    for (const mark of blocks.flatMap((b) => b.marks)) if (mark.type === 'link') expect(mark.href).toMatch(/^(https?:|mailto:)/)
  })

  it('reports tokenizing and converting progress that rises to the whole input and text', () => {
    const seen: HtmlImportProgress[] = []
    importHtml(sample, { onProgress: (p) => seen.push(p), chunkSize: 64 })
    const tokenize = seen.filter((p) => p.phase === 'tokenize')
    const convert = seen.filter((p) => p.phase === 'convert')
    expect(tokenize.length).toBeGreaterThan(2)
    expect(tokenize.at(-1)).toEqual({ phase: 'tokenize', done: sample.length, total: sample.length })
    expect(convert.length).toBeGreaterThan(2)
    expect(convert.at(-1)!.done).toBe(convert.at(-1)!.total)
    for (const list of [tokenize, convert]) for (let i = 1; i < list.length; i++) expect(list[i]!.done).toBeGreaterThanOrEqual(list[i - 1]!.done)
    // Tokenizing comes first, then converting: the phases never interleave.
    expect(seen.findIndex((p) => p.phase === 'convert')).toBe(tokenize.length)
  })

  it('refuses a chunk size below 1 with a RangeError naming it', () => {
    expect(() => importHtml('<p>x</p>', { chunkSize: 0 })).toThrow(/chunkSize must be at least 1, got 0/)
  })

  it('reads white-space from a style attribute as the browser serialises it', () => {
    expect(whiteSpaceOf('color: red')).toBe('')
    expect(whiteSpaceOf('white-space: pre')).toBe('pre')
    expect(whiteSpaceOf('WHITE-SPACE : Pre-Wrap ; white-space: bogus')).toBe('pre-wrap')
    expect(whiteSpaceOf('white-space: pre-line !important; white-space: normal')).toBe('pre-line')
    expect(whiteSpaceOf('white-space: preserve nowrap')).toBe('pre')
    expect(whiteSpaceOf('/* white-space: pre */ white-space: nowrap')).toBe('nowrap')
  })
})
