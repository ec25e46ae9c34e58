/**
 * The HTML article importer: parse5 builds the same tree the browser's parser
 * builds (spec-compliant, scripting disabled, as for `DOMParser`), and the
 * article schema's ProseMirror parser, reading that tree through the DOM-shaped
 * view of `html-tree.ts`, is the only thing that reads it. No DOM is needed,
 * so this runs in a Web Worker (renderer/src/import/article-import.worker.ts)
 * and in Node.
 *
 * Safety: nothing here executes, fetches or renders anything; the tree is
 * plain objects. Elements that are executable, embedded or not article text
 * ({@link REMOVED_ELEMENTS}) are removed with everything inside them, then the
 * schema keeps text, block structure, em / strong / code marks and
 * http(s)/mailto links, and nothing else (no attributes, styles or handlers).
 */

import { DOMParser as ProseMirrorDOMParser } from 'prosemirror-model'
import { Parser, type DefaultTreeAdapterMap } from 'parse5'
import { tidyBlocks } from './block-tidy'
import type { HtmlArticleParser } from './import'
import type { ArticleBlock } from './model'
import { articleSchema, blocksFromDoc } from './schema'
import { descendants, TreeElement, TreeText, treeFromParse5, type TreeNode } from './html-tree'

/** Elements dropped with everything inside them before the schema reads the page's tree. */
export const REMOVED_ELEMENTS: readonly string[] = [
  'script',
  'style',
  'link',
  'meta',
  'base',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'template',
  'noscript',
  'svg',
  'math',
  'canvas',
  'audio',
  'video',
  'source',
  'track',
  'img',
  'picture',
  'input',
  'button',
  'select',
  'textarea',
  'nav',
]

const REMOVED = new Set(REMOVED_ELEMENTS)

// ProseMirror treats these as inline, which would glue their words to the next ones.
const SPACED_AFTER = new Set(['summary', 'dt', 'td', 'th', 'caption'])

/** Where a parse is: `done` of `total` characters tokenized, or of text characters converted. */
export interface HtmlImportProgress {
  phase: 'tokenize' | 'convert'
  done: number
  total: number
}

export interface HtmlImportOptions {
  /** Called after every chunk tokenized and every text node converted; cheap calls, throttle in the callee. */
  onProgress?: (progress: HtmlImportProgress) => void
  /** Characters handed to the tokenizer at a time (default 64 Ki); tests use tiny chunks. */
  chunkSize?: number
}

/** A parsed HTML article (title rule in {@link importHtml}). */
export interface HtmlImport {
  title: string | null
  blocks: ArticleBlock[]
}

const DEFAULT_CHUNK = 64 * 1024

/**
 * Parse an HTML document into a title and tidy article blocks (see module
 * comment for what survives). Title: the first `<title>`'s text, else the
 * first `<h1>`'s, else null; whitespace collapsed. `<br>` becomes a space (a
 * newline inside `<pre>`), and table cells, `<summary>` and `<dt>` are
 * followed by a space. Never throws for any input string (a RangeError for a
 * `chunkSize` below 1); returns no blocks when the document has no text.
 */
export function importHtml(html: string, options: HtmlImportOptions = {}): HtmlImport {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK
  if (!(chunkSize >= 1)) throw new RangeError(`importHtml: chunkSize must be at least 1, got ${chunkSize}`)
  const report = options.onProgress ?? (() => undefined)

  // DOMParser documents have scripting disabled: <noscript> content is markup, not raw text.
  const parser = new Parser<DefaultTreeAdapterMap>({ scriptingEnabled: false })
  for (let at = 0; at < html.length || at === 0; ) {
    let end = Math.min(html.length, at + chunkSize)
    // Never split a surrogate pair between chunks.
    if (end < html.length && isHighSurrogate(html.charCodeAt(end - 1)) && end - at > 1) end--
    parser.tokenizer.write(html.slice(at, end), end >= html.length)
    report({ phase: 'tokenize', done: end, total: html.length })
    if (end >= html.length) break
    at = end
  }

  let converted = 0
  let total = 0
  const meter = (length: number) => {
    converted += length
    report({ phase: 'convert', done: converted, total })
  }
  const root = treeFromParse5(parser.document, meter)
  const title = cleanTitle(firstNamed(root, 'title')?.textContent) ?? cleanTitle(firstNamed(root, 'h1')?.textContent)
  prepare(root, meter)
  const body = bodyOf(root)
  for (const node of descendants(body)) if (node instanceof TreeText) total += node.data.length
  const doc = ProseMirrorDOMParser.fromSchema(articleSchema).parse(body as never)
  return { title, blocks: tidyBlocks(blocksFromDoc(doc)) }
}

/** {@link importHtml} as the injected parser of `parseArticleFile`. */
export const parseHtmlArticle: HtmlArticleParser = (html) => importHtml(html)

/** Remove what never reaches the schema, and space what it would glue together (see importHtml). */
function prepare(root: TreeElement, meter: (length: number) => void): void {
  const removed: TreeElement[] = []
  for (const node of descendants(root)) if (node instanceof TreeElement && REMOVED.has(node.localName)) removed.push(node)
  for (const element of removed) element.remove()

  const breaks: TreeElement[] = []
  const spaced: TreeElement[] = []
  for (const node of descendants(root)) {
    if (!(node instanceof TreeElement)) continue
    if (node.localName === 'br') breaks.push(node)
    else if (SPACED_AFTER.has(node.localName)) spaced.push(node)
  }
  for (const br of breaks) {
    br.parentNode!.insertAfter(new TreeText(insidePre(br) ? '\n' : ' ', meter), br)
    br.remove()
  }
  for (const cell of spaced) cell.parentNode!.insertAfter(new TreeText(' ', meter), cell)
}

/** The body as the DOM defines it: the first `<body>` or `<frameset>` child of `<html>`, else a new empty body. */
function bodyOf(html: TreeElement): TreeElement {
  for (let node: TreeNode | null = html.firstChild; node; node = node.nextSibling) {
    if (node instanceof TreeElement && (node.localName === 'body' || node.localName === 'frameset')) return node
  }
  return new TreeElement('body', 'http://www.w3.org/1999/xhtml', [])
}

/** `querySelector(name)`: the first element named `name` in document order, the root included. */
function firstNamed(root: TreeElement, name: string): TreeElement | null {
  if (root.localName === name) return root
  for (const node of descendants(root)) if (node instanceof TreeElement && node.localName === name) return node
  return null
}

function insidePre(element: TreeElement): boolean {
  for (let at: TreeElement | null = element; at; at = at.parentNode) if (at.localName === 'pre') return true
  return false
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

function cleanTitle(text: string | null | undefined): string | null {
  const title = text?.replace(/\s+/g, ' ').trim()
  return title ? title : null
}
