import fc from 'fast-check'
import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { escapeHtml, escapeMarkdown, escapeMarkdownSingleLine } from './escape'

// The strictest reasonable reader: raw HTML allowed, GFM tables and strikethrough on.
const markdown = new MarkdownIt({ html: true })

/** What markdown-it prints for plain text: the same escaping as its own. */
const asHtmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** The lines escapeMarkdown keeps: trimmed, blank ones dropped. */
const keptLines = (text: string) =>
  text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')

// Every ASCII printable character (all of Markdown's syntax), line breaks, tabs and some Japanese.
const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i))
const userText = fc.string({ unit: fc.constantFrom(...ascii, '\n', '\r', '\t', 'あ', '\u3000', '。', '「'), maxLength: 60 })

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters and nothing else', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a> 日本`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt; 日本')
  })
})

describe('escapeMarkdown', () => {
  it('renders any text as exactly its own characters in a paragraph', () => {
    fc.assert(
      fc.property(userText, (text) => {
        const lines = keptLines(text)
        const rendered = markdown.render(escapeMarkdown(text))
        expect(rendered).toBe(lines.length === 0 ? '' : `<p>${lines.map(asHtmlText).join('<br>\n')}</p>\n`)
      }),
      { numRuns: 2000 },
    )
  })

  it('stays inside a blockquote when continued with "> "', () => {
    fc.assert(
      fc.property(userText, (text) => {
        const lines = keptLines(text)
        fc.pre(lines.length > 0)
        const rendered = markdown.render(`> ${escapeMarkdown(text, '> ')}`)
        expect(rendered).toBe(`<blockquote>\n<p>${lines.map(asHtmlText).join('<br>\n')}</p>\n</blockquote>\n`)
      }),
      { numRuns: 1000 },
    )
  })

  it('stays inside one list item when continued with two spaces', () => {
    fc.assert(
      fc.property(userText, (text) => {
        const lines = keptLines(text)
        fc.pre(lines.length > 0)
        const rendered = markdown.render(`- (weak) ${escapeMarkdown(text, '  ')}`)
        expect(rendered).toBe(`<ul>\n<li>(weak) ${lines.map(asHtmlText).join('<br>\n')}</li>\n</ul>\n`)
      }),
      { numRuns: 1000 },
    )
  })

  it('defuses the classic cases', () => {
    expect(escapeMarkdown('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(escapeMarkdown('**bold** | [x](javascript:y)')).toBe('\\*\\*bold\\*\\* \\| \\[x\\](javascript:y)')
    expect(escapeMarkdown('# h\n- item\n2) two\n===')).toBe('\\# h\\\n\\- item\\\n2\\) two\\\n\\===')
  })
})

describe('escapeMarkdownSingleLine', () => {
  it('keeps a table cell one cell, whatever the text', () => {
    fc.assert(
      fc.property(userText, (text) => {
        const cell = escapeMarkdownSingleLine(text)
        fc.pre(cell !== '')
        const rendered = markdown.render(`| a | b |\n| --- | --- |\n| ${cell} | 1 |\n`)
        const expected = asHtmlText(text.split(/\r\n|\r|\n/).join(' ').trim())
        expect(rendered).toContain(`<td>${expected}</td>\n<td>1</td>`)
      }),
      { numRuns: 1000 },
    )
  })
})
