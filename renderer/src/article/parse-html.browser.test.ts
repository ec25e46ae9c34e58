import { describe, expect, it } from 'vitest'
import { DOMSerializer } from 'prosemirror-model'
import hostileHtml from '../../../fixtures/articles/hostile.html?raw'
import sampleHtml from '../../../fixtures/articles/sample-article.html?raw'
import { parseArticleFile } from '../../../shared/article/import'
import { articleSchema, docFromBlocks } from '../../../shared/article/schema'
import type { ArticleBlock } from '../../../shared/article/model'
import { parseHtmlArticle } from '../../../shared/article/import-html'

declare global {
  interface Window {
    __pwned?: unknown
  }
}

/** Give any (wrongly) scheduled handler, load or timer a chance to run before asserting. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300))

const markedText = (block: ArticleBlock) => block.marks.map((m) => [m.type, block.text.slice(m.start, m.end), m.href ?? null])

/** Render blocks the way the reader would (schema toDOM) into a detached element. */
function render(blocks: ArticleBlock[]): HTMLElement {
  const host = document.createElement('div')
  host.append(DOMSerializer.fromSchema(articleSchema).serializeFragment(docFromBlocks(blocks).content))
  return host
}

describe('parseHtmlArticle on a normal article', () => {
  const { title, blocks } = parseHtmlArticle(sampleHtml, 'sample-article.html')

  it('takes the title from <title>', () => {
    expect(title).toBe('A Quiet Case for Public Libraries')
  })

  it('produces the expected blocks in order, without navigation, head or style text', () => {
    expect(blocks.map((b) => [b.type, b.level, b.text])).toEqual([
      ['heading', 1, 'A Quiet Case for Public Libraries'],
      ['paragraph', 0, 'Public libraries are the last indoor places where nobody expects you to buy anything.'],
      ['heading', 2, 'More than books'],
      [
        'paragraph',
        0,
        'Visitors come for Wi-Fi, warmth and help with forms. The American Library Association tracks these services every year.',
      ],
      ['blockquote', 0, 'A library is a public living room.'],
      ['list_item', 0, 'Free internet access'],
      ['list_item', 0, 'Quiet study space'],
      ['paragraph', 0, 'It is likely that demand will grow as more services move online.'],
    ])
    expect(blocks[5]!.ordered).toBe(false)
  })

  it('keeps emphasis, strong and the link on the right words', () => {
    expect(markedText(blocks[1]!)).toEqual([['em', 'buy', null]])
    expect(markedText(blocks[3]!)).toEqual([
      ['strong', 'help with forms', null],
      ['link', 'American Library Association', 'https://www.ala.org/'],
    ])
  })

  it('falls back to the first <h1> for the title, then to null', () => {
    expect(parseHtmlArticle('<h1> Only  a heading </h1><p>Text.</p>', 'x.html').title).toBe('Only a heading')
    expect(parseHtmlArticle('<p>Text.</p>', 'x.html').title).toBeNull()
  })

  it('turns <br> into a space outside <pre> and a newline inside, and separates table cells', () => {
    const { blocks: b } = parseHtmlArticle('<p>one<br>two</p><pre>a<br>b</pre><table><tr><td>x</td><td>y</td></tr></table>', 'x.html')
    expect(b.map((x) => [x.type, x.text])).toEqual([
      ['paragraph', 'one two'],
      ['code', 'a\nb'],
      ['paragraph', 'x y'],
    ])
  })

  it('flattens paragraphs inside blockquotes and list items into one block each, and marks ordered lists', () => {
    const { blocks: b } = parseHtmlArticle(
      '<blockquote><p>First <em>part</em>.</p><p>Second part.</p></blockquote><ol><li><p>Step one</p></li></ol>',
      'x.html',
    )
    expect(b.map((x) => [x.type, x.text, x.ordered ?? null])).toEqual([
      ['blockquote', 'First part. Second part.', null],
      ['list_item', 'Step one', true],
    ])
    expect(markedText(b[0]!)).toEqual([['em', 'part', null]])
  })

  it('is what parseArticleFile uses for .html files', () => {
    const parsed = parseArticleFile({ name: 'sample-article.html', bytes: new TextEncoder().encode(sampleHtml) }, parseHtmlArticle)
    expect(parsed.format).toBe('html')
    expect(parsed.title).toBe('A Quiet Case for Public Libraries')
    expect(parsed.language).toBe('en')
    expect(parsed.blocks).toEqual(blocks)
  })
})

describe('parseHtmlArticle on a hostile document', () => {
  it('runs none of it and keeps only text, structure and the one safe link', async () => {
    const before = document.documentElement.outerHTML.length
    const { title, blocks } = parseHtmlArticle(hostileHtml, 'hostile.html')
    await settle()
    expect(window.__pwned).toBeUndefined()
    // Nothing from the parsed document was attached to the live page.
    expect(document.documentElement.outerHTML.length).toBe(before)

    // <title> is raw text in HTML: the "script" in it is just characters.
    expect(title).toBe("Hostile <script>window.__pwned = 'title'</script>page")
    expect(blocks.map((b) => [b.type, b.text])).toEqual([
      ['heading', 'Safe heading'],
      ['paragraph', 'Before image after image.'],
      ['paragraph', 'A scripted link, a mixed-case one, a data link and a good link.'],
      ['paragraph', 'Styled paragraph with bold text.'],
      ['paragraph', 'Summary text Details text'],
    ])
    const links = blocks.flatMap((b) => b.marks.filter((m) => m.type === 'link'))
    const linked = blocks[2]!.text.indexOf('good link')
    expect(links).toEqual([{ type: 'link', start: linked, end: linked + 'good link'.length, href: 'https://example.org/ok' }])

    const serialized = JSON.stringify(blocks)
    for (const bad of ['__pwned', 'javascript', 'JaVaScRiPt', 'data:', 'onerror', 'onload', 'onclick', '<script', 'iframe', 'svg text', 'template text', 'noscript text', 'background', 'url(']) {
      expect(serialized, bad).not.toContain(bad)
    }
  })

  it('renders the parsed blocks without any executable markup', async () => {
    const { blocks } = parseHtmlArticle(hostileHtml, 'hostile.html')
    const host = render(blocks)
    document.body.append(host)
    try {
      await settle()
      expect(window.__pwned).toBeUndefined()
      // Blocks sit in the document's groups (div.block-group, shared/article/block-groups.ts).
      const tags = new Set(Array.from(host.querySelectorAll(':scope > div.block-group *'), (el) => el.tagName.toLowerCase()))
      for (const tag of tags) expect(['h1', 'p', 'a', 'strong', 'em', 'code', 'pre', 'blockquote', 'li']).toContain(tag)
      expect(Array.from(host.querySelectorAll('*')).filter((el) => !el.closest('.block-group'))).toEqual([])
      for (const el of Array.from(host.querySelectorAll('*'))) {
        for (const attr of Array.from(el.attributes)) {
          if (el.matches('div.block-group') && attr.name === 'class' && !el.parentElement?.closest('.block-group')) continue
          expect(['href', 'rel', 'data-list']).toContain(attr.name)
        }
      }
      expect(Array.from(host.querySelectorAll('a'), (a) => [a.getAttribute('href'), a.rel])).toEqual([
        ['https://example.org/ok', 'noopener noreferrer nofollow'],
      ])
    } finally {
      host.remove()
    }
  })

  it('survives garbage and returns no blocks for a document without text', () => {
    expect(parseHtmlArticle('<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">', 'x.html').blocks).toEqual([])
    expect(parseHtmlArticle('<<<>>></p></div>', 'x.html').blocks.map((b) => b.text)).toEqual(['<<<>>>'])
    expect(window.__pwned).toBeUndefined()
  })
})
