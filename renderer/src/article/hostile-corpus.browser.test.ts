/**
 * The HTML importer against a corpus of XSS vectors (fixtures/hostile/): for
 * every vector, the import (the production path: parse5 in the import worker)
 * and the reader's rendering of it (the article schema's toDOM) hold nothing
 * executable, and no payload ever runs. A
 * control proves the canary does fire when the same markup reaches a live DOM
 * unfiltered, so a silent canary means something.
 */
import fc from 'fast-check'
import { DOMSerializer } from 'prosemirror-model'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import vectorsJson from '../../../fixtures/hostile/xss-vectors.json?raw'
import { isSafeExternalUrl } from '../../../shared/claims/model'
import { ImportRefusedError } from '../../../shared/errors'
import { articleSchema, blocksFromDoc, docFromBlocks } from '../../../shared/article/schema'
import { canonicalText, type ArticleBlock } from '../../../shared/article/model'
import { parseHtmlArticle } from '../../../shared/article/import-html'
import { ArticleImportWorker } from '../import/article-import-client'

interface Vector {
  id: string
  category: string
  html: string
}

const vectors = JSON.parse(vectorsJson) as Vector[]

type Canary = { __xss?: unknown }
const canary = window as unknown as Canary

/** What the reader's schema may produce, and the only attributes it may carry. */
const ALLOWED_TAGS = new Set(['div', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'li', 'pre', 'code', 'a', 'em', 'strong', 'span'])
const ALLOWED_ATTRIBUTES = new Set(['href', 'rel', 'data-list'])
const FORBIDDEN_SELECTOR = 'script, iframe, frame, object, embed, applet, svg, math, style, link, meta, base, img, form, input, template, portal'

const settle = () => new Promise((resolve) => setTimeout(resolve, 300))

/** Render blocks as the reader does (schema toDOM) into a detached element. */
function render(blocks: ArticleBlock[]): HTMLElement {
  const host = document.createElement('div')
  if (blocks.length > 0) host.append(DOMSerializer.fromSchema(articleSchema).serializeFragment(docFromBlocks(blocks).content))
  return host
}

/** Everything wrong with a rendered container; empty when it is inert. */
function problems(host: HTMLElement): string[] {
  const found: string[] = []
  for (const el of Array.from(host.querySelectorAll(FORBIDDEN_SELECTOR))) found.push(`<${el.tagName.toLowerCase()}>`)
  for (const el of Array.from(host.querySelectorAll('*'))) {
    const tag = el.tagName.toLowerCase()
    if (!ALLOWED_TAGS.has(tag)) found.push(`unexpected <${tag}>`)
    if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') found.push(`foreign namespace ${el.namespaceURI}`)
    for (const attr of Array.from(el.attributes)) {
      // The document's groups of blocks (shared/article/block-groups.ts) carry their class and nothing else.
      if (tag === 'div' && attr.name === 'class' && attr.value === 'block-group' && !el.parentElement?.closest('.block-group')) continue
      if (/^on/i.test(attr.name)) found.push(`handler ${attr.name}`)
      else if (!ALLOWED_ATTRIBUTES.has(attr.name)) found.push(`attribute ${attr.name}`)
      if (attr.name === 'href' && !/^(https?:|mailto:)/.test(attr.value)) found.push(`href ${attr.value}`)
    }
  }
  return found
}

const realDialogs = { alert: window.alert, confirm: window.confirm, prompt: window.prompt, print: window.print }

beforeAll(() => {
  // A payload that ran would call one of these; record instead of blocking the test page.
  const trip = (name: string) => () => {
    canary.__xss = name
    return null as never
  }
  Object.assign(window, { alert: trip('alert'), confirm: trip('confirm'), prompt: trip('prompt'), print: trip('print') })
})

const importWorker = new ArticleImportWorker()

/** The app's import path: the file parsed in the import worker; null when it is refused. */
async function importInWorker(name: string, html: string): Promise<ArticleBlock[] | null> {
  try {
    return (await importWorker.parse({ name, bytes: new TextEncoder().encode(html) })).parsed.blocks
  } catch (error) {
    if (error instanceof ImportRefusedError) return null
    throw error
  }
}

afterAll(() => {
  importWorker.dispose()
  Object.assign(window, realDialogs)
  delete canary.__xss
})

describe('the hostile HTML corpus', () => {
  const corpus = vectors

  it('holds at least 100 distinct vectors across every technique', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(100)
    expect(new Set(corpus.map((v) => v.id)).size).toBe(corpus.length)
    expect(new Set(corpus.map((v) => v.html)).size).toBe(corpus.length)
    expect(new Set(corpus.map((v) => v.category)).size).toBeGreaterThanOrEqual(6)
  })

  it('control: the canary fires when such markup reaches a live DOM unfiltered', async () => {
    const live = document.createElement('div')
    document.body.append(live)
    try {
      live.innerHTML = '<img src="data:," onerror="window.__xss = \'control\'">'
      await settle()
      expect(canary.__xss).toBe('control')
    } finally {
      live.remove()
      delete canary.__xss
    }
  })

  it('imports every vector to inert text, structure and safe links only, and runs none of it', async () => {
    const rendered: HTMLElement[] = []
    const failures: string[] = []
    for (const vector of corpus) {
      // The app's path: a parsed article, or a refusal with a message (never anything else).
      let blocks: ArticleBlock[]
      try {
        blocks = (await importInWorker(`${vector.id}.html`, vector.html)) ?? []
      } catch (error) {
        failures.push(`${vector.id}: threw ${String(error)}`)
        continue
      }
      for (const block of blocks) {
        for (const mark of block.marks) {
          if (mark.type === 'link' && !isSafeExternalUrl(mark.href ?? '')) failures.push(`${vector.id}: link ${mark.href}`)
        }
      }
      const host = render(blocks)
      failures.push(...problems(host).map((p) => `${vector.id} (${vector.category}): ${p}`))
      rendered.push(host)
    }
    expect(failures).toEqual([])

    // Attach everything the reader would show, give any handler, load or timer a chance, then look.
    const stage = document.createElement('div')
    stage.append(...rendered)
    document.body.append(stage)
    try {
      for (const el of Array.from(stage.querySelectorAll<HTMLElement>('*'))) {
        el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }))
        el.dispatchEvent(new FocusEvent('focus'))
      }
      await settle()
      expect(canary.__xss).toBeUndefined()
      expect(problems(stage)).toEqual([])
    } finally {
      stage.remove()
    }
  })

  it('keeps the readable text of a vector that has some', async () => {
    const first = vectors.find((v) => v.html.startsWith('<a href="JaVaScRiPt:'))!
    expect((await importInWorker('x.html', first.html))?.map((b) => b.text)).toEqual(['mixed case'])
    expect(parseHtmlArticle(first.html, 'x.html').blocks.map((b) => b.text)).toEqual(['mixed case'])
    const good = vectors.find((v) => v.html.includes('good link, bad handler'))!
    const blocks = (await importInWorker('x.html', good.html))!
    expect(blocks[0]!.marks).toEqual([{ type: 'link', start: 0, end: blocks[0]!.text.length, href: 'https://example.org/ok' }])
  })
})

describe('the HTML importer, property-based', () => {
  // Markup that steers the parser: every block kind, marks, links good and bad, removed elements, broken nesting.
  const token = fc.constantFrom(
    '<p>', '</p>', '<h1>', '<h3>', '</h3>', '<blockquote>', '</blockquote>', '<ul>', '<ol>', '<li>', '</li>', '<pre>', '</pre>',
    '<em>', '</em>', '<b>', '<code>', '<a href="https://a.example/">', '<a href="javascript:alert(1)">', '</a>', '<br>',
    '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<svg onload=alert(1)>', '<table><tr><td>', '<frameset>',
    '<!--', '-->', '<title>', '</title>', 'text', ' ', '\n', '欧米', '😀', 'e\u0301', '&amp;', '&#0;', '<', '>', '"',
  )
  const html = fc.array(token, { maxLength: 40 }).map((parts) => parts.join(''))

  it('whatever the markup: an inert ParsedArticle whose canonical text round-trips, or a refusal', async () => {
    await fc.assert(
      fc.asyncProperty(html, async (source) => {
        const blocks = await importInWorker('p.html', source)
        if (blocks === null) return
        expect(blocks.length).toBeGreaterThan(0)
        const again = blocksFromDoc(docFromBlocks(blocks))
        expect(again).toEqual(blocks)
        expect(canonicalText(again)).toBe(canonicalText(blocks))
        expect(problems(render(blocks))).toEqual([])
      }),
      { numRuns: 300 },
    )
    await settle()
    expect(canary.__xss).toBeUndefined()
  })
})
