/**
 * The single entry point for turning a user's file into a parsed article.
 * Every refusal is an ImportRefusedError whose `userMessage` names the file
 * and says why, in the order the checks run:
 *
 * | code                 | when                                                        |
 * |----------------------|-------------------------------------------------------------|
 * | `too-large`          | more than {@link MAX_ARTICLE_BYTES} bytes                   |
 * | `empty`              | zero bytes, or only whitespace once decoded                 |
 * | `not-utf8`           | UTF-16 (by its byte order mark) or invalid UTF-8            |
 * | `binary`             | NUL bytes or many control bytes (see `looksBinary`)         |
 * | `unsupported-format` | unknown extension and the content is neither HTML nor Markdown |
 * | `bad-front-matter`   | Markdown front matter that cannot be read                   |
 * | `no-text`            | parsing left no text at all                                 |
 *
 * The HTML parser is injected: the app passes `parseHtmlArticle`
 * (`import-html.ts`, parse5, no DOM needed) from its import worker, and the
 * tests can pass the browser's DOMParser path as an oracle.
 */

import { ImportRefusedError, type ImportErrorCode } from '../errors'
import { sha256Hex } from '../text/sha256'
import { normalizeImportedText } from '../text/normalize'
import { decodeUtf8Strict, hasUtf16Bom, looksBinary } from '../text/utf8'
import { tidyBlocks } from './block-tidy'
import { importMarkdown } from './import-markdown'
import { baseName, importPlainText } from './import-text'
import { detectLanguage } from './language'
import { canonicalText, type Article, type ArticleBlock, type ParsedArticle } from './model'

/** Largest article file accepted: 20 MiB. */
export const MAX_ARTICLE_BYTES = 20 * 1024 * 1024

/**
 * Parses an HTML document into a title and article blocks (`import-html.ts`
 * in the app); must not execute anything it parses.
 * `title` is null when the document names none.
 */
export type HtmlArticleParser = (html: string, fileName: string) => { title: string | null; blocks: ArticleBlock[] }

/** A file as the user picked it. */
export interface ArticleFile {
  name: string
  bytes: Uint8Array
}

type Format = ParsedArticle['format']

const EXTENSIONS: Record<string, Format> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
}

const HTML_SNIFF = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html)[\s>]/i
const MARKDOWN_SNIFF = /^(?:---[^\S\n]*\n|#{1,6}[ \t]+\S|```|~~~)/m

/**
 * Decode, check and parse an article file (see the module table for every
 * refusal). The format comes from the extension (.txt/.text, .md/.markdown,
 * .html/.htm, case-insensitive); any other file is sniffed for HTML or
 * Markdown and refused otherwise. The text is import-normalised (CRLF/CR to LF,
 * NFC) before parsing. Throws ImportRefusedError; never returns an article
 * without text.
 */
export function parseArticleFile(file: ArticleFile, html: HtmlArticleParser): ParsedArticle {
  const name = file.name
  const { bytes } = file
  if (bytes.length > MAX_ARTICLE_BYTES) {
    const mb = (bytes.length / (1024 * 1024)).toFixed(1)
    throw refuse('too-large', name, `"${name}" is too large to import (${mb} MB; the limit is 20 MB).`)
  }
  if (bytes.length === 0) throw refuse('empty', name, `"${name}" is empty.`)
  if (hasUtf16Bom(bytes)) {
    throw refuse('not-utf8', name, `"${name}" is UTF-16 text, not UTF-8. Save it as UTF-8 and import it again.`)
  }
  if (looksBinary(bytes)) throw refuse('binary', name, `"${name}" is not a text file (it contains binary data).`)
  const decoded = decodeUtf8Strict(bytes)
  if (decoded === null) {
    throw refuse('not-utf8', name, `"${name}" is not UTF-8 text (it may use another encoding, such as Shift_JIS or Latin-1). Save it as UTF-8 and import it again.`)
  }
  const text = normalizeImportedText(decoded)
  if (text.trim().length === 0) throw refuse('empty', name, `"${name}" contains only whitespace.`)

  const format = formatOf(name, text)
  let parsed: Omit<ParsedArticle, 'language'>
  if (format === 'text') {
    const { publishedOn, blocks } = importPlainText(text)
    // A first line that reads as a heading is what a person would call the title;
    // it stays in the text (claims and offsets do not move), and the reader shows it once.
    const first = blocks[0]
    parsed = { title: first?.type === 'heading' ? first.text : baseName(name), publishedOn, blocks, format }
  } else if (format === 'markdown') {
    const { title, publishedOn, blocks } = importMarkdown(text, name)
    parsed = { title, publishedOn, blocks, format }
  } else {
    const result = html(text, name)
    // The parser lives outside shared/: tidy its output so every format obeys the same block rules.
    const title = result.title?.normalize('NFC').replace(/\s+/g, ' ').trim()
    parsed = { title: title || baseName(name), publishedOn: null, blocks: tidyBlocks(result.blocks), format }
  }
  if (parsed.blocks.length === 0) throw refuse('no-text', name, `"${name}" contains no article text.`)
  return { ...parsed, language: detectLanguage(canonicalText(parsed.blocks)) }
}

/**
 * The format for file `name` with decoded `text`: by extension, else by
 * sniffing (an HTML doctype or `<html>` start tag; Markdown front matter, an
 * ATX heading or a code fence at a line start). Throws ImportRefusedError
 * (`unsupported-format`) when neither applies.
 */
export function formatOf(name: string, text: string): Format {
  const dot = name.lastIndexOf('.')
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
  const byExtension = EXTENSIONS[extension]
  if (byExtension) return byExtension
  if (HTML_SNIFF.test(text)) return 'html'
  if (MARKDOWN_SNIFF.test(text)) return 'markdown'
  throw refuse(
    'unsupported-format',
    name,
    `"${name}" is not a supported article format. Import a plain text (.txt), Markdown (.md) or HTML (.html) file.`,
  )
}

/** Identity and provenance of a stored article, chosen by the caller. */
export interface ArticleMeta {
  id: string
  sourceName: string
  sourceBytes: number
  importedAt: string
}

/**
 * Complete a parsed article for storage: its canonical text (blocks joined by
 * the block separator) and that text's SHA-256, plus the caller's identity
 * fields. Pure; never throws.
 */
export function finishArticle(parsed: ParsedArticle, meta: ArticleMeta): Article {
  const text = canonicalText(parsed.blocks)
  return { ...parsed, ...meta, text, sha256: sha256Hex(text) }
}

function refuse(code: ImportErrorCode, fileName: string, message: string): ImportRefusedError {
  return new ImportRefusedError(code, message, { fileName })
}
