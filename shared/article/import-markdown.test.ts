import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ImportRefusedError } from '../errors'
import { importMarkdown, splitFrontMatter } from './import-markdown'
import type { ArticleBlock } from './model'

const sample = readFileSync(fileURLToPath(new URL('../../fixtures/articles/sample-article.md', import.meta.url)), 'utf8')
const marked = (b: ArticleBlock) => b.marks.map((m) => [m.type, b.text.slice(m.start, m.end), m.href ?? null])

describe('importMarkdown on the sample article', () => {
  const result = importMarkdown(sample, 'sample-article.md')

  it('takes title and date from the front matter', () => {
    expect(result.title).toBe('Why Cities Should Bet on Night Trains')
    expect(result.publishedOn).toBe('2025-09-02')
  })

  it('produces the blocks in order, soft breaks as spaces, front matter not in the text', () => {
    expect(result.blocks.map((b) => [b.type, b.level, b.text, b.ordered ?? null])).toEqual([
      ['heading', 1, 'Why Cities Should Bet on Night Trains', null],
      [
        'paragraph',
        0,
        "Europe's night trains are back, and they deserve more than nostalgia. A sleeper that leaves at ten and arrives at seven replaces a flight, a hotel night and two airport transfers.",
        null,
      ],
      ['heading', 2, 'The case in numbers', null],
      [
        'paragraph',
        0,
        'According to the International Energy Agency, rail is among the least carbon-intensive ways to travel. Operators report that popular routes sell out weeks ahead.',
        null,
      ],
      ['blockquote', 0, 'A good night train is a hotel that happens to move.', null],
      ['paragraph', 0, 'Critics say sleepers will never pay their way without subsidy. That may be true, but roads and airports are not free either.', null],
      ['heading', 2, 'What cities can do', null],
      ['list_item', 0, 'Reserve evening platform slots for long-distance services.', true],
      ['list_item', 0, 'Fund open data on timetables so that booking is easy.', true],
      ['paragraph', 0, 'Nobody should pretend this is certain to work. But the alternative, doing nothing, is a bet too.', null],
    ])
    expect(result.blocks.some((b) => b.text.includes('author'))).toBe(false)
  })

  it('keeps emphasis, strong, code and the link on the right words', () => {
    expect(marked(result.blocks[1]!)).toEqual([['em', 'more', null]])
    expect(marked(result.blocks[3]!)).toEqual([
      ['link', 'International Energy Agency', 'https://www.iea.org/'],
      ['strong', 'least carbon-intensive', null],
    ])
    expect(marked(result.blocks[8]!)).toEqual([['code', 'open data', null]])
  })
})

describe('importMarkdown conversions', () => {
  it('keeps the text of unsafe or relative links but drops their target', () => {
    const { blocks } = importMarkdown(
      '[click](javascript:alert(1)) [data](data:text/html,x) [rel](/about) [mail](mailto:ed@example.org) [web](http://example.org)',
      'x.md',
    )
    expect(blocks[0]!.text).toBe('click data rel mail web')
    expect(marked(blocks[0]!)).toEqual([
      ['link', 'mail', 'mailto:ed@example.org'],
      ['link', 'web', 'http://example.org'],
    ])
  })

  it('leaves raw HTML as literal text and does not linkify bare URLs', () => {
    const { blocks } = importMarkdown('<script>alert(1)</script>\n\nSee https://example.org <b>now</b>', 'x.md')
    expect(blocks.map((b) => [b.type, b.text, b.marks.length])).toEqual([
      ['paragraph', '<script>alert(1)</script>', 0],
      ['paragraph', 'See https://example.org <b>now</b>', 0],
    ])
  })

  it('flattens a multi-paragraph blockquote into one block and keeps code newlines', () => {
    const { blocks } = importMarkdown('> one *a*\n>\n> two\n\n```js\nconst a = 1\n\n  return a\n```\n\n    indented code', 'x.md')
    expect(blocks.map((b) => [b.type, b.text])).toEqual([
      ['blockquote', 'one a two'],
      ['code', 'const a = 1\n\n  return a'],
      ['code', 'indented code'],
    ])
    expect(marked(blocks[0]!)).toEqual([['em', 'a', null]])
  })

  it('makes one block per list item, nested items after their parent', () => {
    const { blocks } = importMarkdown('- outer\n  1. inner\n\n  outer again\n- next', 'x.md')
    expect(blocks.map((b) => [b.type, b.text, b.ordered])).toEqual([
      ['list_item', 'outer', false],
      ['list_item', 'inner', true],
      ['list_item', 'outer again', false],
      ['list_item', 'next', false],
    ])
  })

  it('drops images (keeping the spaces around them) and thematic breaks, turns hard breaks into spaces', () => {
    const { blocks } = importMarkdown('Text ![alt](x.png) more  \nnext line\n\n---\n\n![only](y.png)', 'x.md')
    expect(blocks.map((b) => b.text)).toEqual(['Text  more next line'])
  })

  it('takes the title from the first level-1 heading, else the file name', () => {
    expect(importMarkdown('## Sub\n\n# Main title\n\ntext', 'x.md').title).toBe('Main title')
    expect(importMarkdown('just text', 'notes.final.md').title).toBe('notes.final')
    expect(importMarkdown('---\ntitle: ""\n---\n# H', 'x.md').title).toBe('H')
  })
})

describe('front matter', () => {
  it('is optional and may be empty', () => {
    expect(splitFrontMatter('# Hi', 'x.md')).toEqual({ title: null, publishedOn: null, body: '# Hi' })
    expect(splitFrontMatter('---\n---\nbody', 'x.md')).toEqual({ title: null, publishedOn: null, body: 'body' })
    expect(splitFrontMatter('---\ntitle: 42\ndate: 2025-08-18T09:30:00Z\n...\nbody', 'x.md')).toEqual({
      title: '42',
      publishedOn: '2025-08-18',
      body: 'body',
    })
  })

  it.each([
    ['unclosed', '---\ntitle: x\n\n# Body', 'no closing'],
    ['invalid YAML', '---\ntitle: [unclosed\n---\nbody', 'YAML is invalid'],
    ['duplicate keys', '---\ntitle: a\ntitle: b\n---\nbody', 'YAML is invalid'],
    ['a list', '---\n- a\n- b\n---\nbody', 'not a list of "key: value" fields'],
    ['a scalar', '---\njust words\n---\nbody', 'not a list of "key: value" fields'],
    ['a non-text title', '---\ntitle:\n  nested: true\n---\nbody', 'title is not text'],
    ['an impossible date', '---\ndate: 2025-02-30\n---\nbody', 'is not a YYYY-MM-DD date'],
    ['a date in words', '---\ndate: August 18, 2025\n---\nbody', 'is not a YYYY-MM-DD date'],
  ])('refuses %s, naming the file and the reason', (_name, source, reason) => {
    let caught: unknown
    try {
      importMarkdown(source, 'op-ed.md')
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(ImportRefusedError)
    const refused = caught as ImportRefusedError
    expect(refused.code).toBe('bad-front-matter')
    expect(refused.fileName).toBe('op-ed.md')
    expect(refused.userMessage).toMatch(/^"op-ed\.md" has malformed front matter: /)
    expect(refused.userMessage).toContain(reason)
  })
})
