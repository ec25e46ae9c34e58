/**
 * The ProseMirror schema for articles, and the conversions between a
 * ProseMirror document and the article model's blocks.
 *
 * The document is deliberately shallow: `doc > block_group+ > block+`, where
 * every block is a textblock holding only text (no hard breaks, no images, no
 * nesting) and a group is a run of consecutive blocks with no meaning of its
 * own (block-groups.ts says why it exists and how blocks are grouped). That
 * is what makes ProseMirror positions and canonical-text offsets differ by a
 * per-group constant inside blocks (see `position-map.ts`): a textblock of n
 * characters occupies n + 2 positions, exactly like its text plus the
 * two-character block separator.
 *
 * Line breaks: outside code blocks a block never contains `\n` (importers turn
 * soft breaks into spaces, see `block-tidy.ts`); code blocks keep theirs.
 * Blockquotes and list items are single textblocks: nested paragraphs inside
 * them are flattened into one run of text joined by spaces, and a nested list
 * inside a list item is flattened into that item.
 *
 * The parseDOM rules only ever see a DOM in the renderer; this module touches
 * elements through the tiny structural {@link ElementLike} type so that shared/
 * needs no DOM library. toDOM output is plain semantic HTML.
 */

import {
  DOMParser as ProseMirrorDOMParser,
  Fragment,
  Schema,
  type Mark,
  type Node as PMNode,
  type NodeType,
} from 'prosemirror-model'
import { isSafeExternalUrl } from '../claims/model'
import { groupRanges, groupStarts } from './block-groups'
import { cleanMarks } from './block-tidy'
import type { ArticleBlock, BlockType, InlineMark } from './model'

/** The little of a DOM element the parse rules read. */
interface ElementLike {
  readonly nodeName: string
  readonly parentNode: { readonly nodeName: string } | null
  getAttribute(name: string): string | null
}

const LINK_REL = 'noopener noreferrer nofollow'

/** Parse a blockquote's or list item's children and flatten them into one run of inline content. */
function flattenedContent(dom: unknown, schema: Schema): Fragment {
  // parseSlice parses the element's children, not the element, so this does not recurse on itself.
  const slice = ProseMirrorDOMParser.fromSchema(schema).parseSlice(dom as never)
  const inline: PMNode[] = []
  slice.content.forEach((child) => {
    if (child.isInline) {
      inline.push(child)
      return
    }
    if (child.content.size === 0) return
    if (inline.length > 0) inline.push(schema.text(' '))
    child.content.forEach((node) => inline.push(node))
  })
  return Fragment.fromArray(inline)
}

/** The article schema (see module comment). Node and mark names are part of the stored contract. */
export const articleSchema = new Schema({
  nodes: {
    doc: { content: 'block_group+' },
    // No parse rule: parsed HTML lands in one group (the parser wraps blocks in
    // it), and blocksFromDoc reads blocks whatever the grouping.
    block_group: {
      content: 'block+',
      attrs: { numbered: { default: 0, validate: 'number' } },
      toDOM: () => ['div', { class: 'block-group' }, 0],
    },
    // Listed first so that stray inline content in parsed HTML is wrapped in a paragraph.
    paragraph: {
      group: 'block',
      content: 'text*',
      parseDOM: [{ tag: 'p' }],
      toDOM: () => ['p', 0],
    },
    heading: {
      group: 'block',
      content: 'text*',
      attrs: { level: { default: 2, validate: 'number' } },
      defining: true,
      parseDOM: [1, 2, 3, 4, 5, 6].map((level) => ({ tag: `h${level}`, attrs: { level } })),
      toDOM: (node) => [`h${Math.min(6, Math.max(1, Number(node.attrs.level) || 2))}`, 0],
    },
    blockquote: {
      group: 'block',
      content: 'text*',
      defining: true,
      parseDOM: [{ tag: 'blockquote', getContent: flattenedContent }],
      toDOM: () => ['blockquote', 0],
    },
    list_item: {
      group: 'block',
      content: 'text*',
      attrs: { ordered: { default: false, validate: 'boolean' } },
      defining: true,
      parseDOM: [
        {
          tag: 'li',
          getAttrs: (dom) => {
            const el = dom as unknown as ElementLike
            return { ordered: el.getAttribute('data-list') === 'ordered' || el.parentNode?.nodeName === 'OL' }
          },
          getContent: flattenedContent,
        },
      ],
      toDOM: (node) => ['li', node.attrs.ordered ? { 'data-list': 'ordered' } : {}, 0],
    },
    code_block: {
      group: 'block',
      content: 'text*',
      marks: '',
      code: true,
      defining: true,
      parseDOM: [{ tag: 'pre', preserveWhitespace: 'full' }],
      toDOM: () => ['pre', ['code', 0]],
    },
    text: {},
  },
  marks: {
    link: {
      attrs: { href: { validate: 'string' } },
      inclusive: false,
      parseDOM: [
        {
          tag: 'a[href]',
          // Returning false makes the rule not match: the text stays, the link goes.
          getAttrs: (dom) => {
            const href = (dom as unknown as ElementLike).getAttribute('href')?.trim() ?? ''
            return isSafeExternalUrl(href) ? { href } : false
          },
        },
      ],
      toDOM: (mark) => {
        const href = String(mark.attrs.href)
        return isSafeExternalUrl(href) ? ['a', { href, rel: LINK_REL }, 0] : ['span', 0]
      },
    },
    em: {
      parseDOM: [{ tag: 'em' }, { tag: 'i' }],
      toDOM: () => ['em', 0],
    },
    strong: {
      parseDOM: [{ tag: 'strong' }, { tag: 'b' }],
      toDOM: () => ['strong', 0],
    },
    code: {
      parseDOM: [{ tag: 'code' }],
      toDOM: () => ['code', 0],
    },
  },
})

const NODE_FOR_BLOCK: Record<BlockType, string> = {
  paragraph: 'paragraph',
  heading: 'heading',
  blockquote: 'blockquote',
  list_item: 'list_item',
  code: 'code_block',
}

const BLOCK_FOR_NODE: Record<string, BlockType> = Object.fromEntries(
  Object.entries(NODE_FOR_BLOCK).map(([block, node]) => [node, block as BlockType]),
)

/**
 * The article blocks of a document in this schema: one block per textblock
 * (in the document's groups, or at its top level), its text and its marks as
 * offsets into that text. Faithful: no trimming or dropping (use `tidyBlocks`
 * for that), except that marks are merged where identical marks touch.
 * Throws RangeError if a node where a block belongs is not one of the
 * schema's textblocks.
 */
export function blocksFromDoc(doc: PMNode): ArticleBlock[] {
  const blocks: ArticleBlock[] = []
  const visit = (node: PMNode) => {
    if (node.type.name === 'block_group') return node.forEach(visit)
    const type = BLOCK_FOR_NODE[node.type.name]
    if (!type || !node.isTextblock) throw new RangeError(`blocksFromDoc: unexpected block node "${node.type.name}"`)
    const marks: InlineMark[] = []
    let at = 0
    node.forEach((child) => {
      const length = child.text?.length ?? 0
      for (const mark of child.marks) {
        const name = mark.type.name as InlineMark['type']
        marks.push(name === 'link' ? { type: name, start: at, end: at + length, href: String(mark.attrs.href) } : { type: name, start: at, end: at + length })
      }
      at += length
    })
    const block: ArticleBlock = {
      type,
      level: type === 'heading' ? Number(node.attrs.level) : 0,
      text: node.textContent,
      marks: cleanMarks(marks, at),
    }
    if (type === 'list_item') block.ordered = node.attrs.ordered === true
    blocks.push(block)
  }
  doc.forEach(visit)
  return blocks
}

/**
 * A document in {@link articleSchema} with exactly one textblock per block, in
 * order, in the groups `groupStarts` (block-groups.ts) gives, so that
 * `buildPositionIndex` (position-map.ts) maps its positions. Each group's
 * `numbered` attribute counts the non-heading blocks before it (the reader
 * numbers paragraphs from there). Marks on code blocks are ignored (code
 * blocks carry none). Throws RangeError for an empty block list, an unknown
 * block type or a heading level outside 1-6.
 */
export function docFromBlocks(blocks: readonly ArticleBlock[]): PMNode {
  if (blocks.length === 0) throw new RangeError('docFromBlocks: an article needs at least one block')
  const nodes = blocks.map((block, index) => {
    const name = NODE_FOR_BLOCK[block.type]
    if (!name) throw new RangeError(`docFromBlocks: unknown block type "${String(block.type)}" at ${index}`)
    const nodeType = articleSchema.nodes[name]!
    if (block.type === 'heading' && !(Number.isInteger(block.level) && block.level >= 1 && block.level <= 6)) {
      throw new RangeError(`docFromBlocks: heading level ${block.level} at ${index} is not 1-6`)
    }
    const attrs =
      block.type === 'heading' ? { level: block.level } : block.type === 'list_item' ? { ordered: block.ordered === true } : null
    return nodeType.create(attrs, inlineContent(nodeType, block))
  })
  const groupType = articleSchema.nodes.block_group!
  let numbered = 0
  const groups = groupRanges(groupStarts(blocks.map((b) => b.text.length)), blocks.length).map(([first, end]) => {
    const group = groupType.create({ numbered }, nodes.slice(first, end))
    for (let b = first; b < end; b++) if (blocks[b]!.type !== 'heading') numbered++
    return group
  })
  return articleSchema.nodes.doc!.create(null, groups)
}

function inlineContent(nodeType: NodeType, block: ArticleBlock): PMNode[] {
  if (block.text.length === 0) return []
  if (nodeType.spec.marks === '' || block.marks.length === 0) return [articleSchema.text(block.text)]
  const cuts = [...new Set([0, block.text.length, ...block.marks.flatMap((m) => [m.start, m.end])])]
    .filter((c) => c >= 0 && c <= block.text.length)
    .sort((a, b) => a - b)
  const nodes: PMNode[] = []
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i]!
    const to = cuts[i + 1]!
    let set: readonly Mark[] = []
    for (const m of block.marks) {
      if (m.start <= from && m.end >= to) {
        const markType = articleSchema.marks[m.type]
        if (!markType) throw new RangeError(`docFromBlocks: unknown mark type "${m.type}"`)
        set = markType.create(m.type === 'link' ? { href: m.href ?? '' } : null).addToSet(set)
      }
    }
    nodes.push(articleSchema.text(block.text.slice(from, to), set))
  }
  return nodes
}
