/**
 * Plain-text importer, for the format of the seed articles:
 *
 * - An optional leading token `date YYYY-MM-DD` (after any leading whitespace,
 *   followed by whitespace or the end) is the publication date, not body text.
 *   It must be a real calendar date; otherwise it stays in the text.
 * - Blocks are separated by one or more blank lines (lines holding only
 *   whitespace, full-width space included).
 * - Inside a block, each line is trimmed and the lines are joined with one
 *   space (a single line break is a soft break, as in Markdown). Leading and
 *   trailing whitespace of every block is therefore trimmed.
 * - A block is a level-2 heading when it is a single line of at most
 *   {@link HEADING_MAX_LENGTH} characters (code points) that does not end in
 *   sentence-ending or continuing punctuation ({@link NOT_HEADING_ENDINGS});
 *   everything else is a paragraph.
 *
 * The input is expected to be import-normalised (`normalizeImportedText`).
 * No character other than whitespace is ever dropped or changed.
 */

import type { ArticleBlock } from './model'

/** Longest line, in code points, that can still be a heading. */
export const HEADING_MAX_LENGTH = 40

/** A line ending in one of these is prose, never a heading. */
export const NOT_HEADING_ENDINGS = '。．.！!？?」』”’"\'、，,：:；;…'

/** What the plain-text importer found. */
export interface TextImport {
  /** `YYYY-MM-DD` from the leading `date` token, or null. */
  publishedOn: string | null
  blocks: ArticleBlock[]
}

const DATE_TOKEN = /^\s*date[ \t\u3000]+(\d{4})-(\d{2})-(\d{2})(?=\s|$)[ \t\u3000]*/
const BLANK_LINES = /\n(?:[^\S\n]*\n)+/

/**
 * Split plain text into blocks (see module rules). Returns no blocks for text
 * that is empty or whitespace only; never throws.
 */
export function importPlainText(text: string): TextImport {
  let body = text
  let publishedOn: string | null = null
  const date = DATE_TOKEN.exec(body)
  if (date && isCalendarDate(Number(date[1]), Number(date[2]), Number(date[3]))) {
    publishedOn = `${date[1]}-${date[2]}-${date[3]}`
    body = body.slice(date[0].length)
  }
  const blocks: ArticleBlock[] = []
  for (const chunk of body.split(BLANK_LINES)) {
    const lines = chunk
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0)
    if (lines.length === 0) continue
    const blockText = lines.join(' ')
    const heading = lines.length === 1 && looksLikeHeading(blockText)
    blocks.push({ type: heading ? 'heading' : 'paragraph', level: heading ? 2 : 0, text: blockText, marks: [] })
  }
  return { publishedOn, blocks }
}

/**
 * The heading rule of the plain-text importer: a trimmed single line of at most
 * {@link HEADING_MAX_LENGTH} code points whose last character is not in
 * {@link NOT_HEADING_ENDINGS}. Never throws.
 */
export function looksLikeHeading(line: string): boolean {
  if (line.length === 0 || line.includes('\n')) return false
  const chars = [...line]
  if (chars.length > HEADING_MAX_LENGTH) return false
  return !NOT_HEADING_ENDINGS.includes(chars[chars.length - 1]!)
}

/** File name without its last extension ("a.b.txt" gives "a.b"); the name itself when it has none. */
export function baseName(fileName: string): string {
  const name = fileName.split(/[\\/]/).pop() ?? fileName
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(0, dot) : name
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return day <= daysInMonth
}
