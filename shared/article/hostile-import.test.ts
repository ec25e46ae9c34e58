/**
 * Hostile and arbitrary input to the text and Markdown importers (the HTML
 * importer needs a DOM: see renderer/src/article/hostile-corpus.browser.test.ts).
 *
 * - Markdown full of raw HTML and `javascript:` links (hand-written vectors
 *   plus the whole HTML XSS corpus fed in as Markdown) keeps raw HTML as
 *   literal text and no link but http(s)/mailto.
 * - Properties: whatever the bytes, `parseArticleFile` returns a
 *   ParsedArticle or throws an ImportRefusedError, and the canonical text
 *   round-trips through the blocks and the ProseMirror document.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import vectorsJson from '../../fixtures/hostile/xss-vectors.json?raw'
import { isSafeExternalUrl } from '../claims/model'
import { ImportRefusedError } from '../errors'
import { parseArticleFile, type HtmlArticleParser } from './import'
import { importMarkdown } from './import-markdown'
import { blockOffsets, canonicalText, type ArticleBlock, type ParsedArticle } from './model'
import { blocksFromDoc, docFromBlocks } from './schema'

const vectors = JSON.parse(vectorsJson) as Array<{ id: string; category: string; html: string }>
const utf8 = (text: string) => new TextEncoder().encode(text)
const noHtml: HtmlArticleParser = () => {
  throw new Error('the HTML parser must not be reached for .txt or .md files')
}

/** Every way a block could carry something other than text, marks and safe links. */
function unsafeParts(blocks: readonly ArticleBlock[]): string[] {
  const found: string[] = []
  for (const block of blocks) {
    for (const mark of block.marks) {
      if (!['em', 'strong', 'code', 'link'].includes(mark.type)) found.push(`mark ${mark.type}`)
      if (mark.type === 'link' && !isSafeExternalUrl(mark.href ?? '')) found.push(`link ${mark.href}`)
      if (mark.type !== 'link' && mark.href !== undefined) found.push(`href on ${mark.type}`)
    }
  }
  // The ProseMirror document: attributes are only level, ordered, safe hrefs and a group's paragraph count.
  if (blocks.length > 0) {
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk)
      if (typeof node !== 'object' || node === null) return
      const { attrs, content, marks } = node as { attrs?: Record<string, unknown>; content?: unknown; marks?: unknown }
      for (const [key, value] of Object.entries(attrs ?? {})) {
        if (!['level', 'ordered', 'href', 'numbered'].includes(key)) found.push(`attribute ${key}`)
        if (key === 'numbered' && !Number.isInteger(value)) found.push(`numbered ${String(value)}`)
        if (key === 'href' && !isSafeExternalUrl(String(value))) found.push(`href ${String(value)}`)
      }
      walk(content)
      walk(marks)
    }
    walk(docFromBlocks(blocks).toJSON())
  }
  return found
}

const MARKDOWN_VECTORS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'Inline <img src=x onerror=alert(1)> html and <b onclick="alert(1)">bold</b>.',
  '<div>\n\n*markdown inside html*\n\n</div>',
  '<!-- <script>alert(1)</script> -->',
  '<iframe src="javascript:alert(1)"></iframe>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click]( javascript:alert(1) )',
  '[click](<javascript:alert(1)>)',
  '[click](javascript&#58;alert(1))',
  '[click](&#106;avascript:alert(1))',
  '[click](&#x6A;avascript:alert(1))',
  '[click](java%0ascript:alert(1))',
  '[click](java\tscript:alert(1))',
  '[click](vbscript:msgbox(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](file:///etc/passwd)',
  '[click](//evil.invalid/)',
  '[click](javascript:alert(1) "title")',
  '[click][ref]\n\n[ref]: javascript:alert(1)',
  '[click][ref]\n\n[ref]: <javascript:alert(1)> "t"',
  '<javascript:alert(1)>',
  '<https://example.org/ok>',
  '<vbscript:msgbox(1)>',
  '![alt](javascript:alert(1))',
  '![alt](https://tracker.invalid/pixel.gif)',
  '[![img](x)](javascript:alert(1))',
  '[a](https://example.org/ok "title\\" onclick=\\"alert(1)")',
  '[a](https://example.org/ok)<script>alert(1)</script>',
  '```html\n<script>alert(1)</script>\n```',
  '    <script>alert(1)</script>',
  '> <script>alert(1)</script>\n> [q](javascript:alert(1))',
  '- [item](javascript:alert(1))\n  - <img src=x onerror=alert(1)>',
  '# <svg onload=alert(1)>',
  '---\ntitle: "<script>alert(1)</script>"\n---\nBody [x](javascript:alert(1))',
  '*[em](javascript:alert(1))* **[strong](data:text/html,x)** `[code](javascript:alert(1))`',
  '[mail](mailto:someone@example.org) [web](https://example.org/ok)',
]

describe('Markdown with raw HTML and script links', () => {
  it.each(MARKDOWN_VECTORS.map((v) => [v]))('%j imports with raw HTML as text and only safe links', (source) => {
    const { blocks } = importMarkdown(source, 'vector.md')
    expect(unsafeParts(blocks)).toEqual([])
  })

  it('keeps raw HTML literally, so the reader shows it as characters', () => {
    const { blocks } = importMarkdown('Inline <img src=x onerror=alert(1)> html', 'x.md')
    expect(blocks.map((b) => b.text)).toEqual(['Inline <img src=x onerror=alert(1)> html'])
    expect(blocks[0]!.marks).toEqual([])
  })

  it('keeps the text of a script link and drops only its target', () => {
    const { blocks } = importMarkdown('[click](javascript:alert(1)) and [ok](https://example.org/ok)', 'x.md')
    expect(blocks[0]!.text).toBe('click and ok')
    expect(blocks[0]!.marks).toEqual([{ type: 'link', start: 10, end: 12, href: 'https://example.org/ok' }])
  })

  it('imports every vector of the HTML XSS corpus, read as Markdown, with only safe links', () => {
    const failures: string[] = []
    for (const { id, html } of vectors) {
      try {
        const parsed = parseArticleFile({ name: `${id}.md`, bytes: utf8(html) }, noHtml)
        failures.push(...unsafeParts(parsed.blocks).map((p) => `${id}: ${p}`))
      } catch (error) {
        if (!(error instanceof ImportRefusedError)) failures.push(`${id}: threw ${String(error)}`)
      }
    }
    expect(failures).toEqual([])
  })
})

/** The importer's contract, checked on one input; returns the article when there is one. */
function checkImport(name: string, bytes: Uint8Array): ParsedArticle | null {
  let parsed: ParsedArticle
  try {
    parsed = parseArticleFile({ name, bytes }, noHtml)
  } catch (error) {
    expect(error).toBeInstanceOf(ImportRefusedError)
    const refused = error as ImportRefusedError
    expect(refused.userMessage).toContain(`"${name}"`)
    expect(refused.fileName).toBe(name)
    return null
  }
  expect(parsed.blocks.length).toBeGreaterThan(0)
  expect(['ja', 'en', 'und']).toContain(parsed.language)
  expect(typeof parsed.title).toBe('string')
  expect(unsafeParts(parsed.blocks)).toEqual([])

  // Canonical text round-trips: blocks -> ProseMirror doc -> blocks, and each block sits at its offset.
  const text = canonicalText(parsed.blocks)
  const again = blocksFromDoc(docFromBlocks(parsed.blocks))
  expect(again).toEqual(parsed.blocks)
  expect(canonicalText(again)).toBe(text)
  const offsets = blockOffsets(parsed.blocks)
  parsed.blocks.forEach((block, i) => expect(text.slice(offsets[i], offsets[i]! + block.text.length)).toBe(block.text))
  expect(offsets[offsets.length - 1]).toBe(text.length)
  return parsed
}

// Characters that steer the parsers: Markdown syntax, HTML, whitespace of every kind, CJK and astral text.
const steering = fc.constantFrom(
  '#', '# ', '## ', '\n', '\n\n', '\r\n', '\r', ' ', '  ', '\t', '\u3000', '\u00a0', '\u200b', '*', '_', '`', '```', '~~~', '>', '- ', '1. ',
  '[', ']', '(', ')', '<', '>', '!', '\\', '---\n', 'title: x\n', 'date: 2025-08-18\n', '<script>', 'javascript:', 'https://a.example/',
  '&amp;', '&#0;', 'e\u0301', '欧米', '😀', '\ud800', 'a', 'word', 'date 2025-08-18',
)
const textish = fc.array(steering, { maxLength: 40 }).map((parts) => parts.join(''))

describe('article importers, property-based', () => {
  const names = fc.constantFrom('a.txt', 'a.md', 'a.markdown', 'a', 'a.TXT', 'notes.text')

  it('whatever the bytes: a ParsedArticle or an ImportRefusedError', () => {
    fc.assert(
      fc.property(names, fc.uint8Array({ maxLength: 300 }), (name, bytes) => {
        checkImport(name, bytes)
      }),
      { numRuns: 400 },
    )
  })

  it('whatever the text: a ParsedArticle whose canonical text round-trips, or a refusal', () => {
    fc.assert(
      fc.property(names, textish, (name, text) => {
        checkImport(name, utf8(text))
      }),
      { numRuns: 600 },
    )
  })

  it('plain text keeps every non-blank line of the input, in order', () => {
    const line = fc.array(fc.constantFrom('a', 'b', '漢', ' ', '😀', '*', '<', 'x'), { minLength: 1, maxLength: 12 }).map((p) => p.join(''))
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (lines) => {
        const parsed = checkImport('a.txt', utf8(lines.join('\n\n')))
        const words = (s: string) => s.split(/\s+/).filter(Boolean)
        if (parsed === null) {
          expect(words(lines.join(' '))).toEqual([])
          return
        }
        expect(words(canonicalText(parsed.blocks))).toEqual(words(lines.join(' ')))
      }),
      { numRuns: 300 },
    )
  })
})
