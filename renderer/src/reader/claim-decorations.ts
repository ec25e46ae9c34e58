/**
 * The claims layer of the reader, after ProseMirror's lint example: claims in,
 * decorations out, held in immutable plugin state (claim-layer-state.ts).
 *
 * Strategy (docs/performance.md): the DecorationSet is made of one small set
 * per block. A new list of claims is diffed by id and `modified`, and only the
 * blocks the changed claims touch get new sets; selecting text, moving the
 * focus outline (focus-decorations.ts) and scrolling never rebuild it, and the
 * document never changes, so there is nothing to map. In long articles a
 * block's claims are drawn once the block comes near the viewport: the plugin
 * view below listens to scrolling (synchronously, so the frame that shows a
 * block already shows its highlights) and realizes the blocks within a few
 * screens of what is visible.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state'
import { Decoration, type EditorView } from 'prosemirror-view'
import { blockIndexAt, blockIndexAtPos, groupExtent, groupOfBlock, offsetToPos, type PositionIndex } from '../../../shared/article/position-map'
import type { Claim } from '../../../shared/claims/model'
import type { PlacedDecoration } from './block-decoration-set'
import { emptyLayer, isRealized, realizing, withClaimPut, withClaims, type ClaimLayerState, type PlaceClaim } from './claim-layer-state'

export type { ClaimLayerState } from './claim-layer-state'

type ClaimLayerMeta = { claims: readonly Claim[] } | { put: Claim } | { realize: [number, number] }

export const claimLayerKey = new PluginKey<ClaimLayerState>('claim-layer')

/** Text beyond the visible part, before and after, whose claims are drawn too. */
export const REALIZE_MARGIN_CHARS = 4_000

function markerDom(stance: Claim['stance']): HTMLElement {
  const marker = document.createElement('span')
  marker.className = `claim-marker claim-marker--${stance}`
  marker.setAttribute('aria-hidden', 'true')
  marker.textContent = stance === 'evidenced' ? 'E' : 'S'
  return marker
}

/** The decorations of one claim, placed at absolute positions: the highlight and its margin marker. */
export function placeClaim(claim: Claim, index: PositionIndex): PlacedDecoration[] {
  const from = offsetToPos(index, claim.target.position.start)
  const to = offsetToPos(index, claim.target.position.end)
  if (to <= from) return []
  const spec = { claimId: claim.id }
  const className = `claim claim--${claim.stance}`
  const key = `m-${claim.id}-${claim.stance}`
  return [
    { from, to, make: (f, t) => Decoration.inline(f, t, { class: className }, { ...spec, inclusiveStart: false, inclusiveEnd: false }) },
    { from, to: from, make: (f) => Decoration.widget(f, () => markerDom(claim.stance), { ...spec, side: -1, ignoreSelection: true, key }) },
  ]
}

/** The decorations of one claim: the highlight and its margin marker. */
export function claimDecorations(claim: Claim, index: PositionIndex): Decoration[] {
  return placeClaim(claim, index).map((p) => p.make(p.from, p.to))
}

/** Replace the drawn claims with `claims` (diffed, not rebuilt). */
export function setClaims(tr: Transaction, claims: readonly Claim[]): Transaction {
  return tr.setMeta(claimLayerKey, { claims } satisfies ClaimLayerMeta)
}

/**
 * Draw one new or edited claim at once, ahead of the next full list (which
 * then finds it already drawn): the highlight of a claim just tagged shows in
 * the next frame, without waiting for the rest of the desk to re-render.
 */
export function putClaim(tr: Transaction, claim: Claim): Transaction {
  return tr.setMeta(claimLayerKey, { put: claim } satisfies ClaimLayerMeta)
}

/** Draw the claims of blocks `first`..`last` (indexes into the article's blocks). */
export function realizeBlocks(tr: Transaction, first: number, last: number): Transaction {
  return tr.setMeta(claimLayerKey, { realize: [first, last] } satisfies ClaimLayerMeta)
}

/**
 * The blocks `[first, last]` drawn at window point (x, y), or null when no
 * block is there. A group the browser has not laid out yet (skipped by
 * `content-visibility`) is hit as a whole: its blocks are all it can be.
 */
function blocksAtPoint(view: EditorView, index: PositionIndex, x: number, y: number): [number, number] | null {
  // Blocks are the children of the document's groups (block-groups.ts).
  let element = view.dom.ownerDocument.elementFromPoint(x, y)
  while (element && element.parentElement !== view.dom && element.parentElement?.parentElement !== view.dom) element = element.parentElement
  if (!element) return null
  if (element.parentElement === view.dom) {
    const { first, end } = groupExtent(index, groupOfBlock(index, blockIndexAtPos(index, view.posAtDOM(element, 0), 1)))
    return [first, end - 1]
  }
  const b = blockIndexAtPos(index, view.posAtDOM(element, 0), 1)
  return [b, b]
}

/**
 * Blocks within {@link REALIZE_MARGIN_CHARS} of the part of the text visible
 * in the window, or null when the reader is not on screen. Hit-testing two
 * points (the top and bottom of what is visible) is cheap once layout is
 * clean, which it is while scrolling.
 */
function blocksNearViewport(view: EditorView, index: PositionIndex): [number, number] | null {
  const box = view.dom.getBoundingClientRect()
  const top = Math.max(box.top, 0)
  const bottom = Math.min(box.bottom, window.innerHeight)
  if (box.height === 0 || bottom <= top) return null
  const x = box.left + box.width / 2
  // Between two blocks there is only margin: step inwards until a block is hit.
  let first: number | null = null
  let last: number | null = null
  for (let dy = 1; first === null && dy < bottom - top; dy += 24) first = blocksAtPoint(view, index, x, top + dy)?.[0] ?? null
  for (let dy = 1; last === null && dy < bottom - top; dy += 24) last = blocksAtPoint(view, index, x, bottom - dy)?.[1] ?? null
  if (first === null || last === null) return null
  const clamp = (n: number) => Math.min(Math.max(n, 0), index.textLength)
  const start = index.starts[first]! - REALIZE_MARGIN_CHARS
  const end = index.starts[last]! + index.lengths[last]! + REALIZE_MARGIN_CHARS
  return [blockIndexAt(index, clamp(start), 1), blockIndexAt(index, clamp(end), -1)]
}

/**
 * Realizes the blocks near the viewport whenever anything scrolls or the
 * window resizes, and once after the first frame that shows claims (the
 * blocks at the top are realized from the start, so that frame needs nothing).
 */
class RealizeNearViewport {
  private timer: ReturnType<typeof setTimeout> | null = null
  private frame = 0

  constructor(
    private readonly view: EditorView,
    private readonly index: PositionIndex,
  ) {
    // Capture: scroll events do not bubble, and the scrolling element is the reader's container.
    document.addEventListener('scroll', this.check, { capture: true, passive: true })
    window.addEventListener('resize', this.check)
  }

  update(view: EditorView, previous: EditorState): void {
    const before = claimLayerKey.getState(previous)
    const now = claimLayerKey.getState(view.state)
    if (before?.drawn.size === 0 && now && now.drawn.size > 0) this.later()
  }

  check = (event?: Event): void => {
    this.frame = 0
    this.timer = null
    const state = claimLayerKey.getState(this.view.state)
    if (!state || state.drawn.size === 0 || state.realized.every((r) => r === 1)) return
    // Scrolling elsewhere (the claims panel, the outline) cannot bring new text into view.
    if (event?.type === 'scroll' && event.target instanceof Element && !event.target.contains(this.view.dom)) return
    const range = blocksNearViewport(this.view, this.index)
    if (!range || isRealized(state, range[0], range[1])) return
    this.view.dispatch(realizeBlocks(this.view.state.tr, range[0], range[1]))
    // Blocks laid out for the first time take their real height, which can move other
    // text into view without a scroll event: look again once that frame is done.
    this.later()
  }

  private later(): void {
    if (this.frame || this.timer) return
    this.frame = requestAnimationFrame(() => {
      this.frame = 0
      this.timer = setTimeout(() => this.check(), 0)
    })
  }

  destroy(): void {
    document.removeEventListener('scroll', this.check, { capture: true })
    window.removeEventListener('resize', this.check)
    if (this.frame) cancelAnimationFrame(this.frame)
    if (this.timer) clearTimeout(this.timer)
  }
}

/** The claims plugin over a document whose offsets `index` maps. */
export function claimLayerPlugin(index: PositionIndex, initial: readonly Claim[]): Plugin<ClaimLayerState> {
  const place: PlaceClaim = (claim) => placeClaim(claim, index)
  return new Plugin<ClaimLayerState>({
    key: claimLayerKey,
    state: {
      init: (_config, state: EditorState) => withClaims(emptyLayer(index), state.doc, index, initial, place),
      apply(tr, value) {
        const meta = tr.getMeta(claimLayerKey) as ClaimLayerMeta | undefined
        if (!meta) return value
        if ('realize' in meta) return realizing(value, tr.doc, index, meta.realize[0], meta.realize[1], place)
        if ('put' in meta) return withClaimPut(value, tr.doc, index, meta.put, place)
        return withClaims(value, tr.doc, index, meta.claims, place)
      },
    },
    props: {
      decorations: (state) => claimLayerKey.getState(state)?.decorations,
    },
    view: (view) => new RealizeNearViewport(view, index),
  })
}
