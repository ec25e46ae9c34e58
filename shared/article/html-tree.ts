/**
 * A small, DOM-shaped tree built from parse5's tree, so that ProseMirror's
 * DOMParser (the article schema's allowlist) can read an HTML document where
 * there is no DOM: in a Web Worker, in Node.
 *
 * It carries exactly what prosemirror-model's `from_dom` and the article
 * schema's parse rules read: `nodeType`, `nodeName`/`tagName` (upper case for
 * HTML elements, as in the DOM), `nodeValue`, the sibling/parent/first-child
 * links, `getAttribute`, `matches` for the schema's selectors (`tag` and
 * `tag[attr]`), `style.whiteSpace` (from the `style` attribute), `appendChild`
 * (ProseMirror moves directly nested lists into the item before them) and
 * `ownerDocument.createTextNode`. Nothing else exists on it, so nothing else
 * can be read: no layout, no scripts, no fetching.
 *
 * Browser fidelity: elements nested deeper than Chromium's parser allows
 * (512 open elements) are attached where Chromium attaches them, as siblings
 * under the 512th element, so the tree (and the recursion over it) stays as
 * shallow as the browser's.
 */

import type { DefaultTreeAdapterMap } from 'parse5'

type Parse5Node = DefaultTreeAdapterMap['node']
type Parse5Document = DefaultTreeAdapterMap['document']

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml'

/** Chromium's HTMLConstructionSite attaches deeper elements to the parent's parent. */
export const MAX_TREE_DEPTH = 512

/** Reports the length of each text node's value the first time it is read (conversion progress). */
export type TextReadMeter = (length: number) => void

/** Any node of the tree. */
export type TreeNode = TreeElement | TreeText | TreeComment

abstract class TreeChild {
  parentNode: TreeElement | null = null
  previousSibling: TreeNode | null = null
  nextSibling: TreeNode | null = null
  /** The factory ProseMirror asks for the text nodes it adds itself. */
  readonly ownerDocument = TREE_DOCUMENT

  /** Detach from the parent (no-op when detached). */
  remove(): void {
    this.parentNode?.removeChild(this as unknown as TreeNode)
  }
}

/** A text node. Reading `nodeValue` tells the meter, once: ProseMirror reads it once per node. */
export class TreeText extends TreeChild {
  readonly nodeType = 3
  readonly nodeName = '#text'
  private counted = false
  constructor(
    readonly data: string,
    private readonly meter: TextReadMeter | null = null,
  ) {
    super()
  }
  get nodeValue(): string {
    if (!this.counted && this.meter) {
      this.counted = true
      this.meter(this.data.length)
    }
    return this.data
  }
}

/** A comment: ProseMirror skips it, but it still counts as a sibling and a child. */
export class TreeComment extends TreeChild {
  readonly nodeType = 8
  readonly nodeName = '#comment'
}

/** An element, with its attributes as the parser left them (first of duplicates kept, names lower case). */
export class TreeElement extends TreeChild {
  readonly nodeType = 1
  readonly nodeName: string
  readonly tagName: string
  firstChild: TreeNode | null = null
  lastChild: TreeNode | null = null
  private whiteSpaceValue: string | undefined

  constructor(
    readonly localName: string,
    readonly namespaceURI: string,
    readonly attributes: ReadonlyArray<{ name: string; value: string }>,
  ) {
    super()
    // The DOM upper-cases HTML element names (ASCII only) and leaves foreign ones as they are.
    this.nodeName = namespaceURI === HTML_NAMESPACE ? localName.replace(/[a-z]+/g, (s) => s.toUpperCase()) : localName
    this.tagName = this.nodeName
  }

  /** The value of the first attribute named `name`, else null (as `Element.getAttribute`). */
  getAttribute(name: string): string | null {
    const lower = this.namespaceURI === HTML_NAMESPACE ? name.toLowerCase() : name
    for (const attribute of this.attributes) if (attribute.name === lower) return attribute.value
    return null
  }

  /**
   * Whether the element matches `selector`, which must be a type selector
   * (`p`) or a type selector with one attribute-presence test (`a[href]`):
   * the only forms the article schema uses. Throws RangeError for any other
   * selector, so a schema rule this tree cannot answer fails loudly in tests.
   */
  matches(selector: string): boolean {
    const parts = /^([a-z][a-z0-9]*)(?:\[([a-z-]+)\])?$/.exec(selector)
    if (!parts) throw new RangeError(`TreeElement.matches: unsupported selector "${selector}"`)
    if (this.localName !== parts[1]) return false
    return parts[2] === undefined || this.getAttribute(parts[2]) !== null
  }

  /** `style.whiteSpace` as the browser computes it from the `style` attribute ('' when unset). */
  get style(): { readonly whiteSpace: string; readonly length: number } {
    this.whiteSpaceValue ??= whiteSpaceOf(this.getAttribute('style') ?? '')
    // No style parse rules exist in the schema, so the declaration count is never read for more than truthiness.
    return { whiteSpace: this.whiteSpaceValue, length: 0 }
  }

  /** Append `child`, moving it from wherever it was (as `Node.appendChild`). Returns it. */
  appendChild<T extends TreeNode>(child: T): T {
    child.remove()
    child.parentNode = this
    child.previousSibling = this.lastChild
    if (this.lastChild) this.lastChild.nextSibling = child
    else this.firstChild = child
    this.lastChild = child
    return child
  }

  /** Insert `child` right after `reference`, which must be a child of this element. */
  insertAfter(child: TreeNode, reference: TreeNode): void {
    if (reference.parentNode !== this) throw new RangeError('TreeElement.insertAfter: the reference is not a child')
    child.remove()
    const next = reference.nextSibling
    child.parentNode = this
    child.previousSibling = reference
    child.nextSibling = next
    reference.nextSibling = child
    if (next) next.previousSibling = child
    else this.lastChild = child
  }

  /** Remove `child`, which must be a child of this element. */
  removeChild(child: TreeNode): void {
    if (child.parentNode !== this) throw new RangeError('TreeElement.removeChild: not a child')
    if (child.previousSibling) child.previousSibling.nextSibling = child.nextSibling
    else this.firstChild = child.nextSibling
    if (child.nextSibling) child.nextSibling.previousSibling = child.previousSibling
    else this.lastChild = child.previousSibling
    child.parentNode = null
    child.previousSibling = null
    child.nextSibling = null
  }

  /** The concatenated text of every descendant text node (as `Node.textContent`). */
  get textContent(): string {
    let text = ''
    for (const node of descendants(this)) if (node instanceof TreeText) text += node.data
    return text
  }
}

const TREE_DOCUMENT = {
  createTextNode: (data: string): TreeText => new TreeText(data),
}

/** The descendants of `root` in document order (not `root` itself); iterative, so depth never overflows the stack. */
export function* descendants(root: TreeElement): Generator<TreeNode> {
  let node: TreeNode | null = root.firstChild
  while (node) {
    yield node
    if (node instanceof TreeElement && node.firstChild) {
      node = node.firstChild
      continue
    }
    while (node && !node.nextSibling && node.parentNode !== root) node = node.parentNode
    node = node?.nextSibling ?? null
  }
}

/**
 * The document element (`<html>`) of a parse5 document as a tree of the
 * nodes above (doctype and template contents left out, as the DOM's child
 * lists leave them out). Text nodes report reads to `meter`. Iterative;
 * never throws for any tree parse5 builds.
 */
export function treeFromParse5(parsed: Parse5Document, meter: TextReadMeter | null = null): TreeElement {
  const root = new TreeElement('#root', '', [])
  // Each entry: a parse5 parent's children still to convert, where they go, and the parent's depth.
  const stack: { children: Parse5Node[]; index: number; into: TreeElement; depth: number }[] = [
    { children: parsed.childNodes, index: 0, into: root, depth: 0 },
  ]
  // The converted element at depth MAX_TREE_DEPTH on the current path, where deeper elements go.
  const atDepthLimit: TreeElement[] = []
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!
    const node = frame.children[frame.index++]
    if (!node) {
      stack.pop()
      if (frame.depth === MAX_TREE_DEPTH) atDepthLimit.pop()
      continue
    }
    if (node.nodeName === '#text' && 'value' in node) {
      frame.into.appendChild(new TreeText(node.value, meter))
    } else if (node.nodeName === '#comment') {
      frameTarget(frame.into, frame.depth, atDepthLimit).appendChild(new TreeComment())
    } else if ('tagName' in node) {
      const element = new TreeElement(node.tagName, node.namespaceURI, node.attrs)
      frameTarget(frame.into, frame.depth, atDepthLimit).appendChild(element)
      const depth = frame.depth + 1
      if (depth === MAX_TREE_DEPTH) atDepthLimit.push(element)
      stack.push({ children: node.childNodes, index: 0, into: element, depth })
    }
  }
  // Comments may come before <html>; the parser always makes exactly one element at the top.
  let html = root.firstChild
  while (html && !(html instanceof TreeElement)) html = html.nextSibling
  if (!html) throw new RangeError('treeFromParse5: the document has no document element')
  root.removeChild(html)
  return html
}

/** Where an element or comment inserted into `into` (at `depth`) lands in Chromium's tree. */
function frameTarget(into: TreeElement, depth: number, atDepthLimit: readonly TreeElement[]): TreeElement {
  return depth > MAX_TREE_DEPTH ? (atDepthLimit[atDepthLimit.length - 1] ?? into) : into
}

/**
 * `style.whiteSpace` for a `style` attribute: the value of its last valid
 * `white-space` declaration (an `!important` one wins over later plain ones),
 * serialised as the browser does; '' when there is none.
 */
export function whiteSpaceOf(style: string): string {
  if (!/white-space/i.test(style)) return ''
  let value = ''
  let important = false
  for (const declaration of style.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, '').split(';')) {
    const colon = declaration.indexOf(':')
    if (colon < 0 || declaration.slice(0, colon).trim().toLowerCase() !== 'white-space') continue
    let raw = declaration.slice(colon + 1).trim().toLowerCase()
    const isImportant = /!\s*important$/.test(raw)
    if (isImportant) raw = raw.replace(/!\s*important$/, '').trim()
    const parsed = WHITE_SPACE_VALUES.get(raw.replace(/\s+/g, ' '))
    if (parsed === undefined || (important && !isImportant)) continue
    value = parsed
    important = isImportant
  }
  return value
}

// The shorthand's keywords and the longhand pairs it serialises back to (CSS Text 4).
const WHITE_SPACE_VALUES = new Map<string, string>([
  ...['normal', 'pre', 'nowrap', 'pre-wrap', 'pre-line', 'break-spaces', 'inherit', 'initial', 'unset', 'revert', 'revert-layer'].map(
    (k) => [k, k] as [string, string],
  ),
  ['collapse', 'normal'],
  ['wrap', 'normal'],
  ['collapse wrap', 'normal'],
  ['wrap collapse', 'normal'],
  ['preserve', 'pre-wrap'],
  ['preserve wrap', 'pre-wrap'],
  ['wrap preserve', 'pre-wrap'],
  ['preserve nowrap', 'pre'],
  ['nowrap preserve', 'pre'],
  ['collapse nowrap', 'nowrap'],
  ['nowrap collapse', 'nowrap'],
  ['preserve-breaks', 'pre-line'],
  ['preserve-breaks wrap', 'pre-line'],
  ['wrap preserve-breaks', 'pre-line'],
])
