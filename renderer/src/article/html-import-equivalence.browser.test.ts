/**
 * The worker's HTML importer (parse5 + a DOM-shaped tree, shared/article/import-html.ts)
 * against the oracle it replaced (the browser's DOMParser and ProseMirror reading a real
 * DOM, test-support/dom-html-oracle.ts): identical titles and blocks for every input of
 * parse-html.browser.test.ts, every HTML fixture, the hostile corpus and the edge cases
 * below, parsed in one piece and in tiny chunks (chunk boundaries inside tags, entities,
 * CRLF and surrogate pairs), and through the import worker as the app runs it.
 */
import { afterAll, describe, expect, it } from 'vitest'
import vectorsJson from '../../../fixtures/hostile/xss-vectors.json?raw'
import { parseArticleFile } from '../../../shared/article/import'
import { importHtml } from '../../../shared/article/import-html'
import { ImportRefusedError } from '../../../shared/errors'
import { ArticleImportWorker } from '../import/article-import-client'
import { parseHtmlWithDomParser } from '../test-support/dom-html-oracle'

const fixtures = import.meta.glob<string>('../../../fixtures/**/*.{html,htm}', { query: '?raw', import: 'default', eager: true })
const vectors = JSON.parse(vectorsJson) as { id: string; html: string }[]

const nested = (depth: number, tag: string) => `${`<${tag}>`.repeat(depth)}deep text${`</${tag}>`.repeat(depth)}<p>after</p>`
/** Text before and after every level: past the browser's depth limit, where it lands changes the order. */
const interleaved = (depth: number) =>
  Array.from({ length: depth }, (_, i) => `<div>in${i} `).join('') + Array.from({ length: depth }, (_, i) => `</div> out${depth - 1 - i}`).join('')

/** The inline inputs of parse-html.browser.test.ts, and what a DOM-free tree could get wrong. */
const EDGE_CASES: Record<string, string> = {
  'h1 title': '<h1> Only  a heading </h1><p>Text.</p>',
  'no title': '<p>Text.</p>',
  'br and cells': '<p>one<br>two</p><pre>a<br>b</pre><table><tr><td>x</td><td>y</td></tr></table>',
  'flattened blocks': '<blockquote><p>First <em>part</em>.</p><p>Second part.</p></blockquote><ol><li><p>Step one</p></li></ol>',
  'scripts only': '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">',
  garbage: '<<<>>></p></div>',
  'white-space styles':
    '<p style="white-space: pre">a   b\n  c</p><div style="white-space:pre-wrap !important; white-space: normal">x   y</div>' +
    '<p style="WHITE-SPACE: Pre-Line">m   n</p><p style="white-space: nonsense">q   r</p><span style="white-space: preserve nowrap">s   t</span>',
  'nested lists': '<ul><li>one</li><ul><li>inner</li></ul><li>two</li></ul><ol><ol><li>x</li></ol></ol>',
  'list item attributes': '<ul><li data-list="ordered">a</li></ul><ol><li>b</li></ol>',
  'svg title': '<body><svg><title>svg  title</title></svg><h1>Heading</h1></body>',
  'script in h1': '<h1>Head<script>x()</script>line</h1>',
  'noscript markup': '<head><noscript><p>in head</p></noscript></head><body><noscript><p>hidden</p></noscript><p>shown</p></body>',
  'frameset only': '<frameset><frame src="x"></frameset>',
  'comments between': '<p>a<!-- c --> <br> b</p><div><!-- only --></div><p>c</p>',
  'entities and CRLF': '<p>caf&eacute; &amp; &#x1F600; &notanentity; &lt;tag&gt;</p>\r\n<pre>line1\r\nline2\r</pre>',
  'surrogates everywhere': '<p>😀😀😀 <b>😀</b>😀</p><p>欧米の結束に亀裂</p>',
  'select and custom elements': '<select><option>opt</option><div>in select</div></select><x-foo>custom</x-foo><p>after</p>',
  'adoption agency': '<p><b>1<p>2</b>3</p><a href="https://a.example/">x<div>y</a>z</div>',
  'table foster parenting': '<table>before<tr><td>cell</td></tr>after</table><p>next</p>',
  'details and dl': '<details><summary>Sum</summary>Body</details><dl><dt>Term</dt><dd>Def</dd></dl>',
  'inline at top': 'loose text <em>emphasis</em><p>para</p> tail',
  'deep 600': nested(600, 'div'),
  'deep 1000 spans': nested(1000, 'span'),
  'deep interleaved': interleaved(530),
  'long text': `<p>${'word '.repeat(40_000)}</p><pre>${'x'.repeat(70_000)}\n${'y '.repeat(20_000)}</pre>`,
  'caption and th': '<table><caption>Cap</caption><tr><th>H</th><td>D</td></tr></table>',
}

const inputs: [string, string][] = [
  ...Object.entries(EDGE_CASES),
  ...Object.entries(fixtures).map(([path, html]) => [path.replace(/^.*fixtures\//, 'fixtures/'), html] as [string, string]),
  ...vectors.map((v) => [`hostile ${v.id}`, v.html] as [string, string]),
]

describe('the HTML importer without a DOM', () => {
  it('covers every fixture and the whole hostile corpus', () => {
    expect(Object.keys(fixtures)).toEqual(expect.arrayContaining(['../../../fixtures/articles/sample-article.html', '../../../fixtures/articles/hostile.html']))
    expect(vectors.length).toBeGreaterThanOrEqual(150)
  })

  it('gives the title and blocks the DOMParser path gives, for every input', () => {
    const differences: string[] = []
    for (const [name, html] of inputs) {
      const expected = parseHtmlWithDomParser(html, name)
      const actual = importHtml(html)
      if (JSON.stringify(actual) !== JSON.stringify(expected)) differences.push(name)
    }
    expect(differences).toEqual([])
  })

  it('gives the same result when the markup arrives in tiny chunks', () => {
    const differences: string[] = []
    for (const [name, html] of inputs) {
      if (html.length > 50_000) continue
      const whole = importHtml(html)
      for (const chunkSize of [1, 7]) {
        if (JSON.stringify(importHtml(html, { chunkSize })) !== JSON.stringify(whole)) differences.push(`${name} (chunks of ${chunkSize})`)
      }
    }
    expect(differences).toEqual([])
  })
})

describe('the import worker', () => {
  const worker = new ArticleImportWorker()
  afterAll(() => worker.dispose())

  /** What an import makes of `html`: the parsed article, or the refusal's code. */
  const outcome = async (parse: () => Promise<unknown> | unknown) => {
    try {
      return await parse()
    } catch (error) {
      if (error instanceof ImportRefusedError) return { refused: error.code, fileName: error.fileName }
      throw error
    }
  }

  it('imports every input as parseArticleFile over the DOMParser path does', async () => {
    const differences: string[] = []
    for (const [name, html] of inputs) {
      const file = { name: `${name.replace(/[^\w.-]+/g, '_')}.html`, bytes: new TextEncoder().encode(html) }
      const expected = await outcome(() => parseArticleFile(file, parseHtmlWithDomParser))
      const actual = await outcome(async () => (await worker.parse(file)).parsed)
      if (JSON.stringify(actual) !== JSON.stringify(expected)) differences.push(name)
    }
    expect(differences).toEqual([])
  })
})
