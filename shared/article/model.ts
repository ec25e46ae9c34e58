/**
 * The article model: an imported document is an ordered list of text blocks
 * over one immutable canonical plain text. Claims are standoff annotations on
 * that text (UTF-16 offsets), so the text must never change after import.
 *
 * Canonical text = block texts joined by {@link BLOCK_SEPARATOR}. The separator
 * is two characters on purpose: in a flat ProseMirror document of textblocks the
 * boundary between two blocks is also two positions (close + open), so offsets
 * and positions stay in step (see `position-map.ts`).
 */

/** What sits between two blocks in the canonical text. */
export const BLOCK_SEPARATOR = '\n\n'

export type BlockType = 'heading' | 'paragraph' | 'blockquote' | 'list_item' | 'code'

/** Inline formatting over a block's own text, offsets relative to the block. */
export interface InlineMark {
  type: 'em' | 'strong' | 'code' | 'link'
  start: number
  end: number
  /** For links only: already checked to be http, https or mailto. */
  href?: string
}

export interface ArticleBlock {
  type: BlockType
  /** Heading level 1-6; 0 for non-headings. */
  level: number
  /** The block's text, NFC-normalised, with no leading/trailing blank lines. */
  text: string
  marks: InlineMark[]
  /** For list items only: true in a numbered list. Absent (or false) means bulleted. */
  ordered?: boolean
}

/** What an importer produces, before hashing and storing. */
export interface ParsedArticle {
  title: string
  /** Publication date as `YYYY-MM-DD`, or null when the source gives none. */
  publishedOn: string | null
  /** BCP 47 primary language guessed from the text: 'ja', 'en', or 'und'. */
  language: string
  blocks: ArticleBlock[]
  /** Which importer made it. */
  format: 'text' | 'markdown' | 'html'
}

/** A stored article: the parsed article plus identity. */
export interface Article extends ParsedArticle {
  /** Stable id (UUID) of the stored article. */
  id: string
  /** Canonical plain text (see module comment). */
  text: string
  /** Lowercase hex SHA-256 of the UTF-8 bytes of `text`. */
  sha256: string
  /** The file name it was imported from. */
  sourceName: string
  /** Size of the imported file in bytes. */
  sourceBytes: number
  /** ISO time of import. */
  importedAt: string
}

/** Canonical text of a list of blocks. */
export function canonicalText(blocks: readonly ArticleBlock[]): string {
  return blocks.map((b) => b.text).join(BLOCK_SEPARATOR)
}

/** Start offset of each block in the canonical text, plus the total length at the end. */
export function blockOffsets(blocks: readonly Pick<ArticleBlock, 'text'>[]): number[] {
  const offsets: number[] = []
  let at = 0
  for (const block of blocks) {
    offsets.push(at)
    at += block.text.length + BLOCK_SEPARATOR.length
  }
  offsets.push(Math.max(0, at - BLOCK_SEPARATOR.length))
  return offsets
}

/** URN by which annotation files refer to an article's exact text. */
export function articleUrn(sha256: string): string {
  return `urn:sha256:${sha256}`
}
