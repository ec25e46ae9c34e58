import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ImportRefusedError } from '../errors'
import { finishArticle, formatOf, MAX_ARTICLE_BYTES, parseArticleFile, type HtmlArticleParser } from './import'
import { articleUrn, canonicalText, type ArticleBlock } from './model'

const fixtureBytes = (name: string) =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`../../fixtures/articles/${name}`, import.meta.url))))
const utf8 = (text: string) => new TextEncoder().encode(text)

/** Stand-in for the renderer's DOM parser: records its input, returns fixed (untidy) blocks. */
function stubHtml(blocks: ArticleBlock[], title: string | null = ' Stub \n title '): HtmlArticleParser & { calls: string[] } {
  const calls: string[] = []
  const parse: HtmlArticleParser = (html) => {
    calls.push(html)
    return { title, blocks }
  }
  return Object.assign(parse, { calls })
}
const noHtml = stubHtml([])

function refusal(run: () => unknown): ImportRefusedError {
  try {
    run()
  } catch (error) {
    if (error instanceof ImportRefusedError) return error
    throw error
  }
  throw new Error('expected an ImportRefusedError')
}

describe('parseArticleFile', () => {
  it('imports the seed article as Japanese plain text titled by its file name', () => {
    const parsed = parseArticleFile({ name: 'alaska-summit-2025-08-18.txt', bytes: fixtureBytes('alaska-summit-2025-08-18.txt') }, noHtml)
    expect(parsed.format).toBe('text')
    expect(parsed.title).toBe('alaska-summit-2025-08-18')
    expect(parsed.publishedOn).toBe('2025-08-18')
    expect(parsed.language).toBe('ja')
    expect(parsed.blocks.filter((b) => b.type === 'heading')).toHaveLength(4)
    expect(noHtml.calls).toEqual([])
  })

  it('titles plain text by its first line when that line reads as a heading, keeping it in the text', () => {
    const bytes = new TextEncoder().encode('date 2026-03-02 The rent cap that never was\n\nThe council voted on Tuesday.\n')
    const parsed = parseArticleFile({ name: 'en-dev-housing.txt', bytes }, noHtml)
    expect(parsed.title).toBe('The rent cap that never was')
    expect(parsed.blocks[0]).toMatchObject({ type: 'heading', text: 'The rent cap that never was' })
    const prose = parseArticleFile({ name: 'notes.txt', bytes: new TextEncoder().encode('It rained all week.\n\nThe end.') }, noHtml)
    expect(prose.title).toBe('notes')
  })

  it('imports the sample Markdown article', () => {
    const parsed = parseArticleFile({ name: 'sample-article.md', bytes: fixtureBytes('sample-article.md') }, noHtml)
    expect(parsed).toMatchObject({ format: 'markdown', title: 'Why Cities Should Bet on Night Trains', publishedOn: '2025-09-02', language: 'en' })
  })

  it('hands HTML to the injected parser, tidies its blocks and falls back to the file name for the title', () => {
    const untidy: ArticleBlock[] = [
      { type: 'paragraph', level: 0, text: '  Hello\n world ', marks: [{ type: 'link', start: 2, end: 7, href: 'javascript:x' }] },
      { type: 'paragraph', level: 0, text: ' ', marks: [] },
    ]
    const parser = stubHtml(untidy)
    const parsed = parseArticleFile({ name: 'Page.HTM', bytes: utf8('\ufeff<p>Hello</p>\r\n') }, parser)
    expect(parser.calls).toEqual(['<p>Hello</p>\n'])
    expect(parsed.title).toBe('Stub title')
    expect(parsed.blocks).toEqual([{ type: 'paragraph', level: 0, text: 'Hello world', marks: [] }])
    expect(parseArticleFile({ name: 'page.html', bytes: utf8('<p>x</p>') }, stubHtml(untidy, null)).title).toBe('page')
  })

  it('normalises line endings and Unicode before parsing, and strips a BOM', () => {
    const parsed = parseArticleFile({ name: 'n.txt', bytes: utf8('\ufeffcafe\u0301 one\r\ntwo\r\n\r\nか\u3099。') }, noHtml)
    expect(canonicalText(parsed.blocks)).toBe('café one two\n\nが。')
  })

  it('picks the format by extension, case-insensitively, and sniffs unknown extensions', () => {
    expect(formatOf('A.TXT', '# not markdown')).toBe('text')
    expect(formatOf('a.markdown', 'x')).toBe('markdown')
    expect(formatOf('page', '<!-- c -->\n<!DOCTYPE html><p>x')).toBe('html')
    expect(formatOf('page.xhtml', '<html lang="en">')).toBe('html')
    expect(formatOf('notes', 'intro\n## Heading\ntext')).toBe('markdown')
    expect(formatOf('notes.dat', '---\ntitle: x\n---\n')).toBe('markdown')
    expect(refusal(() => formatOf('notes.dat', 'just words')).code).toBe('unsupported-format')
  })

  it.each([
    ['empty.txt', fixtureBytes('empty.txt'), 'empty', '"empty.txt" is empty.'],
    ['blank.txt', utf8(' \n\t\r\n\u3000'), 'empty', '"blank.txt" contains only whitespace.'],
    ['notes.bin', fixtureBytes('binary.bin'), 'binary', '"notes.bin" is not a text file (it contains binary data).'],
    ['binary.txt', fixtureBytes('binary.bin'), 'binary', '"binary.txt" is not a text file (it contains binary data).'],
    ['not-utf8.txt', fixtureBytes('not-utf8.txt'), 'not-utf8', '"not-utf8.txt" is not UTF-8 text'],
    ['latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]), 'not-utf8', '"latin1.txt" is not UTF-8 text'],
    ['utf16.txt', new Uint8Array([0xff, 0xfe, 0x61, 0x00]), 'not-utf8', '"utf16.txt" is UTF-16 text, not UTF-8.'],
    ['notes.xyz', utf8('plain words'), 'unsupported-format', '"notes.xyz" is not a supported article format.'],
    ['only-front-matter.md', utf8('---\ntitle: Empty\n---\n\n---\n'), 'no-text', '"only-front-matter.md" contains no article text.'],
    ['bad.md', utf8('---\ntitle: [x\n---\nbody'), 'bad-front-matter', '"bad.md" has malformed front matter'],
    ['scripts.html', utf8('<script>x</script>'), 'no-text', '"scripts.html" contains no article text.'],
  ])('refuses %s (%s)', (name, bytes, code, message) => {
    const error = refusal(() => parseArticleFile({ name, bytes }, noHtml))
    expect(error.code).toBe(code)
    expect(error.fileName).toBe(name)
    expect(error.userMessage.startsWith(message)).toBe(true)
  })

  it('refuses files over the size limit before looking at them', () => {
    const big = new Uint8Array(MAX_ARTICLE_BYTES + 1) // all NUL: would be "binary" if it were inspected
    const error = refusal(() => parseArticleFile({ name: 'huge.txt', bytes: big }, noHtml))
    expect(error.code).toBe('too-large')
    expect(error.userMessage).toBe('"huge.txt" is too large to import (20.0 MB; the limit is 20 MB).')
    expect(parseArticleFile({ name: 'ok.txt', bytes: utf8('x'.repeat(1000)) }, noHtml).blocks).toHaveLength(1)
  })
})

describe('finishArticle', () => {
  it('adds the canonical text and the SHA-256 of its UTF-8 bytes', () => {
    const parsed = parseArticleFile({ name: 'alaska-summit-2025-08-18.txt', bytes: fixtureBytes('alaska-summit-2025-08-18.txt') }, noHtml)
    const meta = { id: 'id-1', sourceName: 'alaska-summit-2025-08-18.txt', sourceBytes: 7342, importedAt: '2025-08-20T10:00:00.000Z' }
    const article = finishArticle(parsed, meta)
    expect(article.text).toBe(parsed.blocks.map((b) => b.text).join('\n\n'))
    expect(article.sha256).toBe(createHash('sha256').update(article.text, 'utf8').digest('hex'))
    expect(articleUrn(article.sha256)).toMatch(/^urn:sha256:[0-9a-f]{64}$/)
    expect(article).toMatchObject({ ...meta, title: parsed.title, language: 'ja', format: 'text' })
  })
})
