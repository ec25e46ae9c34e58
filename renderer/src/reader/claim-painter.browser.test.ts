/**
 * The claim painter over a real ProseMirror view in Chromium: claims become
 * Ranges in the registered highlights (built from the view's DOM for the
 * realized blocks only), a put adds exactly one range and changes no text
 * node, removing a claim removes its range, realizing paints more, and a
 * block redrawn by another layer gets its ranges rebuilt.
 */
import { EditorState } from 'prosemirror-state'
import { Decoration, DecorationSet, EditorView } from 'prosemirror-view'
import { afterEach, describe, expect, it } from 'vitest'
import type { ArticleBlock } from '../../../shared/article/model'
import { canonicalText } from '../../../shared/article/model'
import { buildPositionIndex, offsetToPos } from '../../../shared/article/position-map'
import { articleSchema, docFromBlocks } from '../../../shared/article/schema'
import { createClaim } from '../../../shared/claims/create-claim'
import type { Claim, Stance } from '../../../shared/claims/model'
import { articleNodeViews } from './block-group-view'
import { CLAIM_HIGHLIGHT, FLASH_HIGHLIGHT, FOCUS_HIGHLIGHT } from './claim-highlights'
import { ClaimPainter, MARKS_ATTRIBUTE } from './claim-painter'
import { LAZY_ABOVE_CHARS } from './claim-spans'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

function mount(blocks: ArticleBlock[], claims: Claim[] = []) {
  const index = buildPositionIndex(blocks)
  const host = document.createElement('div')
  document.body.append(host)
  let extra = DecorationSet.empty
  const view = new EditorView(host, {
    state: EditorState.create({ schema: articleSchema, doc: docFromBlocks(blocks) }),
    nodeViews: articleNodeViews,
    decorations: () => extra,
  })
  const painter = new ClaimPainter(view, index, claims)
  cleanups.push(() => {
    painter.destroy()
    view.destroy()
    host.remove()
  })
  /** Give the view decorations of another layer (as the suggestions do), so ProseMirror redraws those blocks. */
  const decorate = (decorations: Decoration[]) => {
    extra = DecorationSet.create(view.state.doc, decorations)
    view.updateState(view.state)
  }
  return { view, painter, index, decorate }
}

const SET = { id: 'set-1', documentId: 'doc-1' }

function claimOf(text: string, quote: string, id: string, stance: Stance = 'evidenced', occurrence = 0): Claim {
  let start = -1
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(quote, start + 1)
  if (start < 0) throw new Error(`no “${quote}”`)
  return createClaim({ set: SET, text, start, end: start + quote.length, stance, author: 'A', now: '2025-09-01T10:00:00.000Z', id })
}

/** The texts of the ranges under highlight `name`, sorted. */
function painted(name: string): string[] {
  return [...((CSS.highlights.get(name) as Highlight | undefined) ?? [])].map((r) => (r as Range).toString()).sort()
}

const paragraphs = (n: number, make: (i: number) => string): ArticleBlock[] => Array.from({ length: n }, (_, i) => ({ type: 'paragraph', level: 0, text: make(i), marks: [] }))

describe('ClaimPainter on a short article', () => {
  const blocks = paragraphs(3, (i) => `Block ${i} says something worth a claim, and more.`)
  const text = canonicalText(blocks)

  it('paints each claim as one range of its stance, with its marker on the block where it starts', () => {
    const claims = [claimOf(text, 'says something', 'a'), claimOf(text, 'worth a claim', 'b', 'speculative', 2)]
    const { view } = mount(blocks, claims)
    expect(painted(CLAIM_HIGHLIGHT.evidenced)).toEqual(['says something'])
    expect(painted(CLAIM_HIGHLIGHT.speculative)).toEqual(['worth a claim'])
    const marks = [...view.dom.querySelectorAll('p')].map((p) => p.getAttribute(MARKS_ATTRIBUTE))
    expect(marks).toEqual(['E', null, 'S'])
    // Nothing was added to the text: each paragraph is still one text node.
    expect([...view.dom.querySelectorAll('p')].every((p) => p.childNodes.length === 1 && p.firstChild!.nodeType === Node.TEXT_NODE)).toBe(true)
  })

  it('paints a put claim as exactly one more range, without touching the text nodes; its marker comes with the next frame', async () => {
    const first = claimOf(text, 'says something', 'a')
    const { view, painter } = mount(blocks, [first])
    const nodes = [...view.dom.querySelectorAll('p')].map((p) => p.firstChild)
    const before = CSS.highlights.get(CLAIM_HIGHLIGHT.evidenced)!.size
    painter.put(claimOf(text, 'and more', 'n', 'evidenced', 1))
    expect(CSS.highlights.get(CLAIM_HIGHLIGHT.evidenced)!.size).toBe(before + 1)
    expect(painted(CLAIM_HIGHLIGHT.evidenced)).toEqual(['and more', 'says something'])
    expect([...view.dom.querySelectorAll('p')].map((p) => p.firstChild)).toEqual(nodes)
    await new Promise((resolve) => requestAnimationFrame(resolve))
    expect(view.dom.querySelectorAll('p')[1]!.getAttribute(MARKS_ATTRIBUTE)).toBe('E')
    // The list catching up with the same claim object changes nothing.
    painter.setClaims([first, claimOf(text, 'and more', 'n', 'evidenced', 1)])
    expect(painted(CLAIM_HIGHLIGHT.evidenced)).toHaveLength(2)
  })

  it('removes a claim’s range and marker when the list drops it, and moves it when its stance changes', () => {
    const a = claimOf(text, 'says something', 'a')
    const b = claimOf(text, 'worth a claim', 'b', 'speculative')
    const { view, painter } = mount(blocks, [a, b])
    painter.setClaims([a])
    expect(painted(CLAIM_HIGHLIGHT.speculative)).toEqual([])
    expect(view.dom.querySelector('p')!.getAttribute(MARKS_ATTRIBUTE)).toBe('E')
    painter.setClaims([{ ...a, stance: 'speculative', modified: '2025-09-02T00:00:00.000Z' }])
    expect(painted(CLAIM_HIGHLIGHT.evidenced)).toEqual([])
    expect(painted(CLAIM_HIGHLIGHT.speculative)).toEqual(['says something'])
    expect(view.dom.querySelector('p')!.getAttribute(MARKS_ATTRIBUTE)).toBe('S')
    painter.setClaims([])
    expect(view.dom.querySelector('p')!.hasAttribute(MARKS_ATTRIBUTE)).toBe(false)
  })

  it('takes the same list again after a put as a list to reconcile: a claim put but never listed goes', () => {
    const a = claimOf(text, 'says something', 'a')
    const list = [a]
    const { painter } = mount(blocks, list)
    painter.setClaims(list)
    // A claim drawn at the key press whose write then failed: the next list is the old one, unchanged.
    painter.put(claimOf(text, 'worth a claim', 'b', 'speculative'))
    expect(painted(CLAIM_HIGHLIGHT.speculative)).toEqual(['worth a claim'])
    painter.setClaims(list)
    expect(painted(CLAIM_HIGHLIGHT.speculative)).toEqual([])
    expect(painted(CLAIM_HIGHLIGHT.evidenced)).toEqual(['says something'])
  })

  it('does not paint orphans, and paints a claim that crosses blocks as one range', () => {
    const orphan = { ...claimOf(text, 'says something', 'o'), orphan: true }
    const start = text.indexOf('a claim, and more.')
    const across = createClaim({ set: SET, text, start, end: text.indexOf('says', start), stance: 'evidenced', author: 'A', now: '2025-09-01T10:00:00.000Z', id: 'x' })
    mount(blocks, [orphan, across])
    const ranges = painted(CLAIM_HIGHLIGHT.evidenced)
    expect(ranges).toHaveLength(1)
    expect(ranges[0]).toContain('a claim, and more.')
    expect(ranges[0]).toContain('Block 1')
  })

  it('rebuilds the ranges of a block another layer redraws, and outlines the focused claim', () => {
    const a = claimOf(text, 'something worth', 'a', 'evidenced', 1)
    const { view, painter, index, decorate } = mount(blocks, [a])
    painter.focus({ id: a.id, target: a.target }, true)
    expect(painted(FOCUS_HIGHLIGHT)).toEqual(['something worth'])
    expect(painted(FLASH_HIGHLIGHT)).toEqual(['something worth'])
    // An inline decoration over part of the claim splits the paragraph's text node.
    const at = text.indexOf('worth', text.indexOf('Block 1'))
    decorate([Decoration.inline(offsetToPos(index, at), offsetToPos(index, at + 5), { class: 'other' })])
    expect(view.dom.querySelectorAll('p')[1]!.childNodes.length).toBeGreaterThan(1)
    // The painter's MutationObserver reports at the end of this microtask checkpoint.
    return Promise.resolve().then(() => {
      expect(painted(CLAIM_HIGHLIGHT.evidenced)).toEqual(['something worth'])
      expect(painted(FOCUS_HIGHLIGHT)).toEqual(['something worth'])
      painter.focus(null)
      expect(painted(FOCUS_HIGHLIGHT)).toEqual([])
      expect(painted(FLASH_HIGHLIGHT)).toEqual([])
    })
  })
})

describe('ClaimPainter on a long article', () => {
  // 400 blocks of 300 characters: 120,000 characters, painted lazily.
  const blocks = paragraphs(400, (i) => `${String(i).padStart(4, '0')} ${'word '.repeat(59)}`.slice(0, 300))
  const text = canonicalText(blocks)
  const claims = blocks.map((b, i) => claimOf(text, b.text.slice(0, 12), `c${i}`))

  it('paints only the realized blocks, and more as they are realized', () => {
    expect(text.length).toBeGreaterThan(LAZY_ABOVE_CHARS)
    const { painter } = mount(blocks, claims)
    const atFirst = painter.paintedCount
    expect(atFirst).toBeGreaterThan(0)
    expect(atFirst).toBeLessThan(40)
    expect(CSS.highlights.get(CLAIM_HIGHLIGHT.evidenced)!.size).toBe(atFirst)
    painter.realize(200, 209)
    expect(painter.paintedCount).toBe(atFirst + 10)
    expect(painted(CLAIM_HIGHLIGHT.evidenced)).toContain(blocks[205]!.text.slice(0, 12))
    painter.realize(200, 205)
    expect(painter.paintedCount).toBe(atFirst + 10)
  })

  it('keeps a listed claim of a block not realized unpainted until it is, and paints a put claim at once', () => {
    const { painter, index } = mount(blocks, claims)
    const inBlock = (b: number, id: string) =>
      createClaim({ set: SET, text, start: index.starts[b]! + 20, end: index.starts[b]! + 34, stance: 'speculative', author: 'A', now: '2025-09-01T10:00:00.000Z', id })
    const late = inBlock(300, 'late')
    painter.setClaims([...claims, late])
    expect(painted(CLAIM_HIGHLIGHT.speculative)).toEqual([])
    painter.realize(300, 300)
    expect(painted(CLAIM_HIGHLIGHT.speculative)).toEqual([blocks[300]!.text.slice(20, 34)])
    const tagged = inBlock(350, 'tagged')
    painter.put(tagged)
    expect(painted(CLAIM_HIGHLIGHT.speculative)).toHaveLength(2)
  })
})
