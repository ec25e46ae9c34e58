/**
 * Markdown importer: CommonMark via markdown-it (raw HTML off, so `<script>`
 * in Markdown stays literal text; linkify off, so bare URLs stay text), with
 * optional YAML front matter.
 *
 * Mapping to the flat article model:
 * - headings, paragraphs and fenced/indented code map one to one;
 * - a blockquote becomes one `blockquote` block: its paragraphs (and anything
 *   else inside it) are joined with spaces;
 * - each list item becomes one `list_item` block (`ordered` from its list); a
 *   nested list ends the text of its parent item and its items follow as
 *   blocks of their own;
 * - soft and hard line breaks become one space; images and thematic breaks are
 *   dropped (they are not text);
 * - inline marks: em, strong, code and links. Every link is parsed as a link,
 *   then only http, https and mailto targets are kept: other links keep their
 *   text and lose the target.
 *
 * Title: the front matter `title`, else the text of the first level-1
 * heading, else the file name without extension. Date: the front matter
 * `date` (`YYYY-MM-DD`, or an ISO date-time whose date part is taken).
 */

import markdownit, { type MarkdownIt, type Token } from 'markdown-it'
import { parseDocument } from 'yaml'
import { ImportRefusedError } from '../errors'
import { isSafeExternalUrl } from '../claims/model'
import { tidyBlocks } from './block-tidy'
import { baseName } from './import-text'
import type { ArticleBlock, InlineMark } from './model'

/** What the Markdown importer found. */
export interface MarkdownImport {
  title: string
  publishedOn: string | null
  blocks: ArticleBlock[]
}

/** Front matter split off a Markdown source. */
export interface FrontMatter {
  title: string | null
  publishedOn: string | null
  /** The Markdown after the front matter. */
  body: string
}

const FRONT_MATTER_OPEN = /^---[^\S\n]*\n/
const FRONT_MATTER_CLOSE = /^(?:---|\.\.\.)[^\S\n]*$/m
const ISO_DATE = /^(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/

let parser: MarkdownIt | null = null

function markdownParser(): MarkdownIt {
  if (!parser) {
    parser = markdownit('commonmark', { html: false, linkify: false })
    // Accept every link target here; unsafe ones lose their href below but keep their text,
    // instead of markdown-it leaving the whole `[text](javascript:...)` source as literal text.
    parser.validateLink = () => true
  }
  return parser
}

/**
 * Import Markdown `text` (already import-normalised) from file `fileName`.
 * Throws ImportRefusedError (code `bad-front-matter`) when the file starts
 * with front matter that is unclosed, not valid YAML, not a mapping, or has a
 * title that is not text or a date that is not a date. May return no blocks
 * (the caller refuses empty articles).
 */
export function importMarkdown(text: string, fileName: string): MarkdownImport {
  const front = splitFrontMatter(text, fileName)
  const tokens = markdownParser().parse(front.body, {})
  const blocks = tidyBlocks(blocksFromTokens(tokens))
  const firstH1 = blocks.find((b) => b.type === 'heading' && b.level === 1)
  return {
    title: front.title ?? firstH1?.text ?? baseName(fileName),
    publishedOn: front.publishedOn,
    blocks,
  }
}

/**
 * Split YAML front matter (between a first line `---` and the next line `---`
 * or `...`) from Markdown `text`. Without a first line `---` there is no front
 * matter: title and date are null and the body is the whole text. Throws
 * ImportRefusedError (`bad-front-matter`) as described for {@link importMarkdown}.
 */
export function splitFrontMatter(text: string, fileName: string): FrontMatter {
  const open = FRONT_MATTER_OPEN.exec(text)
  if (!open) return { title: null, publishedOn: null, body: text }
  const rest = text.slice(open[0].length)
  const close = FRONT_MATTER_CLOSE.exec(rest)
  if (!close) throw malformed(fileName, 'it has no closing "---" line')
  const yamlSource = rest.slice(0, close.index)
  const body = rest.slice(close.index + close[0].length).replace(/^\n/, '')

  const doc = parseDocument(yamlSource, { uniqueKeys: true })
  const firstError = doc.errors[0]
  if (firstError) throw malformed(fileName, `the YAML is invalid (${firstLine(firstError.message)})`, firstError)
  const data: unknown = doc.toJS()
  if (data === null || data === undefined) return { title: null, publishedOn: null, body }
  if (typeof data !== 'object' || Array.isArray(data)) throw malformed(fileName, 'it is not a list of "key: value" fields')
  const fields = data as Record<string, unknown>
  return { title: titleField(fields.title, fileName), publishedOn: dateField(fields.date, fileName), body }
}

function titleField(value: unknown, fileName: string): string | null {
  if (value === undefined || value === null) return null
  if (typeof value !== 'string' && typeof value !== 'number') throw malformed(fileName, 'the title is not text')
  const title = String(value).replace(/\s+/g, ' ').trim()
  return title.length > 0 ? title.normalize('NFC') : null
}

function dateField(value: unknown, fileName: string): string | null {
  if (value === undefined || value === null) return null
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10)
  const match = typeof value === 'string' ? ISO_DATE.exec(value.trim()) : null
  const date = match?.[1]
  if (!date || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
    throw malformed(fileName, `the date ${JSON.stringify(String(value))} is not a YYYY-MM-DD date`)
  }
  return date
}

function malformed(fileName: string, reason: string, cause?: unknown): ImportRefusedError {
  return new ImportRefusedError('bad-front-matter', `"${fileName}" has malformed front matter: ${reason}.`, { fileName, cause })
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).trim()
}

/** Accumulates one block's text and marks. */
class BlockDraft {
  text = ''
  marks: InlineMark[] = []
  constructor(readonly block: Omit<ArticleBlock, 'text' | 'marks'>) {}

  /** Append a run of inline content, separated by a space from what came before. */
  appendInline(children: readonly Token[]): void {
    if (this.text.length > 0) this.text += ' '
    const open: { type: InlineMark['type']; start: number; href?: string }[] = []
    const close = (type: InlineMark['type']) => {
      const at = open.map((o) => o.type).lastIndexOf(type)
      if (at === -1) return
      const [started] = open.splice(at, 1)
      if (!started || started.start === this.text.length) return
      if (type !== 'link') this.marks.push({ type, start: started.start, end: this.text.length })
      else if (started.href && isSafeExternalUrl(started.href)) {
        this.marks.push({ type, start: started.start, end: this.text.length, href: started.href.trim() })
      }
    }
    for (const token of children) {
      switch (token.type) {
        case 'text':
        case 'html_inline':
          this.text += token.content
          break
        case 'code_inline': {
          const start = this.text.length
          this.text += token.content
          this.marks.push({ type: 'code', start, end: this.text.length })
          break
        }
        case 'softbreak':
        case 'hardbreak':
          this.text += ' '
          break
        case 'em_open':
        case 'strong_open':
          open.push({ type: token.type === 'em_open' ? 'em' : 'strong', start: this.text.length })
          break
        case 'em_close':
        case 'strong_close':
          close(token.type === 'em_close' ? 'em' : 'strong')
          break
        case 'link_open':
          open.push({ type: 'link', start: this.text.length, href: String(token.attrGet('href') ?? '') })
          break
        case 'link_close':
          close('link')
          break
        default:
          // Images and anything unknown carry no article text.
          break
      }
    }
  }

  /** Append literal text (code inside a quote), separated by a space. */
  appendText(text: string): void {
    if (this.text.length > 0) this.text += ' '
    this.text += text
  }

  finish(): ArticleBlock {
    return { ...this.block, text: this.text, marks: this.marks }
  }
}

/** Convert markdown-it block tokens to (untidied) article blocks, following the module's mapping. */
function blocksFromTokens(tokens: readonly Token[]): ArticleBlock[] {
  const blocks: ArticleBlock[] = []
  const lists: boolean[] = [] // ordered flag of each open list
  let quoteDepth = 0
  let quote: BlockDraft | null = null
  let item: BlockDraft | null = null
  let textblock: Omit<ArticleBlock, 'text' | 'marks'> = { type: 'paragraph', level: 0 }

  const flushItem = () => {
    if (item) blocks.push(item.finish())
    item = null
  }

  for (const token of tokens) {
    if (token.type === 'blockquote_open') {
      if (quoteDepth++ === 0) {
        flushItem()
        quote = new BlockDraft({ type: 'blockquote', level: 0 })
      }
      continue
    }
    if (token.type === 'blockquote_close') {
      if (--quoteDepth === 0 && quote) {
        blocks.push(quote.finish())
        quote = null
      }
      continue
    }
    if (quote) {
      if (token.type === 'inline') quote.appendInline(token.children ?? [])
      else if (token.type === 'fence' || token.type === 'code_block') quote.appendText(token.content)
      continue
    }
    switch (token.type) {
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push(token.type === 'ordered_list_open')
        break
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop()
        break
      case 'list_item_open':
        flushItem()
        item = new BlockDraft({ type: 'list_item', level: 0, ordered: lists[lists.length - 1] === true })
        break
      case 'list_item_close':
        flushItem()
        break
      case 'heading_open':
        textblock = { type: 'heading', level: Number(token.tag.slice(1)) || 1 }
        break
      case 'paragraph_open':
        textblock = { type: 'paragraph', level: 0 }
        break
      case 'inline': {
        if (lists.length > 0) {
          // Text of an item that continues after a nested list starts a new item block.
          item ??= new BlockDraft({ type: 'list_item', level: 0, ordered: lists[lists.length - 1] === true })
          item.appendInline(token.children ?? [])
        } else {
          const draft = new BlockDraft(textblock)
          draft.appendInline(token.children ?? [])
          blocks.push(draft.finish())
        }
        break
      }
      case 'fence':
      case 'code_block':
        flushItem()
        blocks.push({ type: 'code', level: 0, text: token.content, marks: [] })
        break
      default:
        break
    }
  }
  flushItem()
  return blocks
}
