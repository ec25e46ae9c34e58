/**
 * A parsed article packed for the trip from the import worker to the page.
 * Structured-cloning 16,000 block objects and their marks costs the page a
 * long task when the message arrives (≈ 70 ms for 10 MB of HTML); packed, the
 * message is one string (the canonical text, which the block texts are
 * slices of), two typed arrays (transferred, not copied) and the link
 * targets, and the page rebuilds the blocks in a few milliseconds.
 */
import { BLOCK_SEPARATOR, type ArticleBlock, type BlockType, type InlineMark, type ParsedArticle } from '../../../shared/article/model'

const BLOCK_TYPES: readonly BlockType[] = ['paragraph', 'heading', 'blockquote', 'list_item', 'code']
const MARK_TYPES: readonly InlineMark['type'][] = ['link', 'em', 'strong', 'code']
const BLOCK_FIELDS = 5 // type, level, ordered (-1 absent, 0, 1), text length, mark count
const MARK_FIELDS = 4 // type, start, end, href index (-1 none)

export interface PackedArticle {
  title: string
  publishedOn: string | null
  language: string
  format: ParsedArticle['format']
  /** The canonical text: block texts joined by the block separator. */
  text: string
  blocks: Int32Array
  marks: Int32Array
  hrefs: string[]
}

/** Pack `parsed`, whose canonical text is `text`. Throws RangeError if `text` is not that text. */
export function packArticle(parsed: ParsedArticle, text: string): PackedArticle {
  const blocks = new Int32Array(parsed.blocks.length * BLOCK_FIELDS)
  const markCount = parsed.blocks.reduce((n, b) => n + b.marks.length, 0)
  const marks = new Int32Array(markCount * MARK_FIELDS)
  const hrefs: string[] = []
  let m = 0
  let length = 0
  parsed.blocks.forEach((block, i) => {
    blocks.set([BLOCK_TYPES.indexOf(block.type), block.level, block.ordered === undefined ? -1 : Number(block.ordered), block.text.length, block.marks.length], i * BLOCK_FIELDS)
    length += block.text.length + (i > 0 ? BLOCK_SEPARATOR.length : 0)
    for (const mark of block.marks) {
      const href = mark.href === undefined ? -1 : hrefs.push(mark.href) - 1
      marks.set([MARK_TYPES.indexOf(mark.type), mark.start, mark.end, href], m++ * MARK_FIELDS)
    }
  })
  if (length !== text.length) throw new RangeError(`packArticle: the text has ${text.length} characters, the blocks ${length}`)
  const { title, publishedOn, language, format } = parsed
  return { title, publishedOn, language, format, text, blocks, marks, hrefs }
}

/** The buffers to transfer with a packed article's message. */
export function transferablesOf(packed: PackedArticle): ArrayBuffer[] {
  return [packed.blocks.buffer as ArrayBuffer, packed.marks.buffer as ArrayBuffer]
}

/**
 * The parsed article and canonical text a packed article holds (blocks and
 * marks in their original key order). Throws RangeError when the packing is
 * inconsistent (lengths beyond the text, an unknown type code).
 */
export function unpackArticle(packed: PackedArticle): { parsed: ParsedArticle; text: string } {
  const { text, blocks: b, marks: mk, hrefs } = packed
  if (b.length % BLOCK_FIELDS !== 0 || mk.length % MARK_FIELDS !== 0) throw new RangeError('unpackArticle: truncated layout')
  const blocks: ArticleBlock[] = []
  let at = 0
  let m = 0
  for (let i = 0; i < b.length; i += BLOCK_FIELDS) {
    const type = BLOCK_TYPES[b[i]!]
    const length = b[i + 3]!
    if (type === undefined || length < 0 || at + length > text.length) throw new RangeError(`unpackArticle: bad block ${i / BLOCK_FIELDS}`)
    const blockText = text.slice(at, at + length)
    const marks: InlineMark[] = []
    for (let n = 0; n < b[i + 4]!; n++, m++) {
      const markType = MARK_TYPES[mk[m * MARK_FIELDS]!]
      if (markType === undefined) throw new RangeError(`unpackArticle: bad mark ${m}`)
      const start = mk[m * MARK_FIELDS + 1]!
      const end = mk[m * MARK_FIELDS + 2]!
      const href = hrefs[mk[m * MARK_FIELDS + 3]!]
      marks.push(href === undefined ? { type: markType, start, end } : { type: markType, start, end, href })
    }
    const block: ArticleBlock = { type, level: b[i + 1]!, text: blockText, marks }
    if (b[i + 2]! >= 0) block.ordered = b[i + 2] === 1
    blocks.push(block)
    at += length + BLOCK_SEPARATOR.length
  }
  if (blocks.length > 0 && at - BLOCK_SEPARATOR.length !== text.length) throw new RangeError('unpackArticle: the blocks do not cover the text')
  const { title, publishedOn, language, format } = packed
  return { parsed: { title, publishedOn, blocks, format, language }, text }
}
