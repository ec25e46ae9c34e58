/**
 * Escaping of user text (notes, counterpoints, citations, quotes, headings)
 * for the report formats. Whatever an analyst or an imported file put in a
 * note is printed as the characters it is, never interpreted as markup.
 */

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/**
 * Escape `text` for HTML element content and double- or single-quoted
 * attribute values (also inside inline SVG). Never throws.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!)
}

/** Split user text into lines, accepting LF, CRLF and lone CR. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/)
}

// Markdown characters that start inline constructs anywhere in a line:
// emphasis, code, links/images, tables, strikethrough, headings' closing #s.
// Backslash-escaping any ASCII punctuation is valid CommonMark, so escaping a
// few more than strictly needed is harmless.
const MARKDOWN_INLINE = /[\\`*_[\]|~#]/g

function escapeMarkdownLine(line: string): string {
  const escaped = line
    .replace(/[&<>]/g, (c) => HTML_ENTITIES[c]!)
    .replace(MARKDOWN_INLINE, (c) => `\\${c}`)
  // Constructs that only count at the start of a line: list bullets, setext
  // underlines and ordered-list numbers ("1." / "1)").
  return escaped.replace(/^([+=-])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2')
}

/**
 * Escape `text` for Markdown inline content so that it renders as exactly its
 * own characters. `&`, `<` and `>` become entities (so raw HTML such as
 * `<script>` is shown, not passed through), inline markup characters are
 * backslash-escaped, and line-start constructs (lists, headings, setext
 * underlines, indented code) are defused.
 *
 * A multi-line text becomes one paragraph: leading and trailing blanks of each
 * line and blank lines are dropped, and lines are joined with a hard line
 * break followed by `continuation` (e.g. `"  "` inside a list item, `"> "`
 * inside a blockquote). Never throws.
 */
export function escapeMarkdown(text: string, continuation = ''): string {
  return splitLines(text)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map(escapeMarkdownLine)
    .join(`\\\n${continuation}`)
}

/**
 * Escape `text` for a single-line Markdown context (a heading or a table
 * cell): line breaks become spaces, then as {@link escapeMarkdown}.
 */
export function escapeMarkdownSingleLine(text: string): string {
  return escapeMarkdown(splitLines(text).join(' '))
}
