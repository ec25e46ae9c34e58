/**
 * THE TEST ORACLE for the HTML importer, not used by the app: the parser the
 * app used before HTML import moved to a worker (where there is no DOM).
 * `html-import-equivalence.browser.test.ts` runs it and the production path
 * (shared/article/import-html.ts: parse5 in a worker) over every test input and
 * asserts identical titles and blocks, so the browser's own parser and
 * ProseMirror's reading of a real DOM keep checking the worker's.
 *
 * Safety: the HTML is parsed with `DOMParser` into an inert document that has
 * no browsing context, so scripts never run, event handlers never fire and
 * nothing is fetched. Elements that are executable, embedded or not article
 * text are removed, and then the ProseMirror parser of the article schema is
 * the only thing that reads the rest: it keeps text, block structure, em /
 * strong / code marks and http(s)/mailto links, and nothing else (no
 * attributes, styles or handlers). The parsed DOM is never inserted into the
 * page.
 */

import { DOMParser as ProseMirrorDOMParser } from 'prosemirror-model'
import { articleSchema, blocksFromDoc } from '../../../shared/article/schema'
import { tidyBlocks } from '../../../shared/article/block-tidy'
import type { HtmlArticleParser } from '../../../shared/article/import'
import { REMOVED_ELEMENTS } from '../../../shared/article/import-html'

const REMOVED_SELECTOR = REMOVED_ELEMENTS.join(',')

const articleParser = ProseMirrorDOMParser.fromSchema(articleSchema)

/**
 * Parse an HTML document into a title and article blocks (see module comment
 * for what survives). Title: the `<title>` text, else the first `<h1>`'s,
 * else null; whitespace collapsed. `<br>` becomes a space (a newline inside
 * `<pre>`), and table cells, `<summary>` and `<dt>` are followed by a space. Never throws for any input string; returns no blocks when the
 * document has no text.
 */
export const parseHtmlWithDomParser: HtmlArticleParser = (html) => {
  const doc = new DOMParser().parseFromString(html, 'text/html')
  const title = cleanTitle(doc.querySelector('title')?.textContent) ?? cleanTitle(doc.querySelector('h1')?.textContent)
  for (const element of Array.from(doc.querySelectorAll(REMOVED_SELECTOR))) element.remove()
  for (const br of Array.from(doc.querySelectorAll('br'))) {
    br.replaceWith(doc.createTextNode(br.closest('pre') ? '\n' : ' '))
  }
  // ProseMirror treats these as inline, which would glue their words to the next ones.
  for (const cell of Array.from(doc.querySelectorAll('summary, dt, td, th, caption'))) cell.after(doc.createTextNode(' '))
  // A <frameset> document has no body once its frameset is removed: parse an empty one.
  const pmDoc = articleParser.parse(doc.body ?? doc.createElement('body'))
  return { title, blocks: tidyBlocks(blocksFromDoc(pmDoc)) }
}

function cleanTitle(text: string | null | undefined): string | null {
  const title = text?.replace(/\s+/g, ' ').trim()
  return title ? title : null
}
