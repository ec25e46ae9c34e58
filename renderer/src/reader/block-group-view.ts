/**
 * How the reader draws a group of blocks (`block_group`, shared/article/
 * block-groups.ts): a plain `div.block-group` that the browser may skip while
 * it is off screen (`content-visibility: auto` in reader.css). Two things
 * depend on the group's contents, so they are set here rather than in CSS:
 *
 * - where paragraph numbering resumes: the group's containment scopes CSS
 *   counters to it (a counter from outside does not reach its blocks, and a
 *   skipped group's blocks are not styled at all), so its first block resets
 *   the counter to the number of paragraphs before the group (`--para-start`,
 *   read in reader.css);
 * - the height the browser assumes until the group has been laid out once
 *   (`contain-intrinsic-size: auto <guess>`; afterwards it remembers the real
 *   one). A good guess keeps the scrollbar honest and a jump to the middle of
 *   a long article close to its target.
 */
import { DOMSerializer, type Node as PMNode } from 'prosemirror-model'
import type { NodeView, ViewMutationRecord } from 'prosemirror-view'

// The reading column is about 32em wide (reader.css: 40em page less its
// padding); a CJK character is about 1em wide, other text about half.
const LINE_EM = 32
const LEADING = 1.95
const PARAGRAPH_GAP_EM = 1.25
const HEADING_EM = 5
const SAMPLE = 120

/** Share of full-width characters in the first {@link SAMPLE} characters of `text` (0 for empty text). */
function fullWidthShare(text: string): number {
  const n = Math.min(text.length, SAMPLE)
  if (n === 0) return 0
  let wide = 0
  for (let i = 0; i < n; i++) if (text.charCodeAt(i) >= 0x2e80) wide++
  return wide / n
}

/** The guessed height, in em of the reading font, of a group's blocks laid out in the reading column. */
export function estimatedGroupHeightEm(group: PMNode): number {
  let em = 0
  group.forEach((block) => {
    if (block.type.name === 'heading') {
      em += HEADING_EM
      return
    }
    const text = block.textContent
    const widthEm = text.length * (0.5 + 0.5 * fullWidthShare(text))
    em += Math.max(1, Math.ceil(widthEm / LINE_EM)) * LEADING + PARAGRAPH_GAP_EM
  })
  return Math.round(em * 10) / 10
}

/** The node view of a `block_group`: its DOM holds the group's blocks directly. */
export function blockGroupView(node: PMNode): NodeView {
  const dom = document.createElement('div')
  dom.className = 'block-group'
  dom.style.setProperty('--para-start', String(Number(node.attrs.numbered) || 0))
  dom.style.containIntrinsicSize = `auto ${estimatedGroupHeightEm(node)}em`
  // Articles never change, but should a group ever be replaced, let ProseMirror redraw it.
  return { dom, contentDOM: dom, update: (next) => next === node }
}

/**
 * Attributes the reader sets on a block element itself, outside ProseMirror's
 * rendering: the claim markers (claim-painter.ts). ProseMirror would otherwise
 * take the change for an edit and re-read the block.
 */
const READER_OWNED_ATTRIBUTES = new Set(['data-claim-marks'])

/**
 * The node view of a block (paragraph, heading, …): the schema's own DOM, with
 * the reader's own attributes on it ignored as mutations.
 */
export function textBlockView(node: PMNode): NodeView {
  const { dom, contentDOM } = DOMSerializer.renderSpec(document, node.type.spec.toDOM!(node))
  return {
    dom,
    contentDOM,
    ignoreMutation: (m: ViewMutationRecord) => m.type === 'attributes' && m.target === dom && READER_OWNED_ATTRIBUTES.has(m.attributeName ?? ''),
  }
}

/** The node views every read-only article view uses. */
export const articleNodeViews = {
  block_group: blockGroupView,
  paragraph: textBlockView,
  heading: textBlockView,
  blockquote: textBlockView,
  list_item: textBlockView,
  code_block: textBlockView,
}
