/**
 * The suggestions machinery in real Chromium: the analysis worker gives what
 * the main thread would, and the decorations layer draws, diffs and clears
 * suggestions in a real EditorView — on the seed and on a 2 MB article (the
 * seed repeated 270 times), whose timings are printed for the record, not
 * asserted.
 */
import { EditorState } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import { afterEach, describe, expect, it } from 'vitest'
import articleText from '../../../fixtures/articles/alaska-summit-2025-08-18.txt?raw'
import { parseArticleFile } from '../../../shared/article/import'
import { canonicalText, type ArticleBlock } from '../../../shared/article/model'
import { buildPositionIndex } from '../../../shared/article/position-map'
import { docFromBlocks, articleSchema } from '../../../shared/article/schema'
import { analyse, defaultLexicon } from '../../../shared/cues'
import { analyseArticle } from './analysis'
import { pendingSuggestions, suggestionKey } from './pending'
import { setSuggestionLayer, suggestionLayerKey, suggestionLayerPlugin } from './suggestion-decorations'

function seedBlocks(): ArticleBlock[] {
  return parseArticleFile({ name: 'alaska-summit-2025-08-18.txt', bytes: new TextEncoder().encode(articleText) }, () => {
    throw new Error('not html')
  }).blocks
}

const views: EditorView[] = []
afterEach(() => {
  for (const v of views.splice(0)) {
    v.dom.remove()
    v.destroy()
  }
})

function mountView(blocks: ArticleBlock[]) {
  const index = buildPositionIndex(blocks)
  const place = document.createElement('div')
  document.body.append(place)
  const view = new EditorView(place, {
    state: EditorState.create({ schema: articleSchema, doc: docFromBlocks(blocks), plugins: [suggestionLayerPlugin(index)] }),
  })
  views.push(view)
  return view
}

function ms(since: number): string {
  return `${(performance.now() - since).toFixed(0)} ms`
}

describe('the analysis worker', () => {
  it('returns exactly what the main thread computes, for the seed', async () => {
    const blocks = seedBlocks()
    const text = canonicalText(blocks)
    const viaWorker = await analyseArticle({ id: 'seed-worker', text, blocks }, defaultLexicon())
    expect(viaWorker).toEqual(analyse(text, defaultLexicon(), { blocks }).filter((s) => s.suggestion !== null))
    expect(viaWorker.filter((s) => s.certaintyWithoutEvidence).map((s) => s.cues.find((c) => c.kind === 'booster')?.text)).toEqual(['間違いない', 'に違いない'])
  })
})

describe('the suggestions layer', () => {
  it('draws outlines, cue marks, glyphs and badges; diffs a dismissal; clears when switched off', () => {
    const blocks = seedBlocks()
    const text = canonicalText(blocks)
    const pending = pendingSuggestions(analyse(text, defaultLexicon(), { blocks }), [], new Set())
    const view = mountView(blocks)
    view.dispatch(setSuggestionLayer(view.state.tr, { suggestions: pending, focusedKey: null }))

    const glyphs = view.dom.querySelectorAll('.suggestion-glyph')
    expect(glyphs).toHaveLength(pending.length)
    const badges = [...view.dom.querySelectorAll('.suggestion-badge')].map((b) => b.textContent)
    expect(badges).toEqual(['!certainty without evidence', '!certainty without evidence'])
    const certain = pending.find((p) => p.text.includes('間違いない'))!
    const pieces = [...view.dom.querySelectorAll<HTMLElement>(`[data-suggestion="${certain.key}"]`)]
    expect(pieces.map((p) => p.textContent).join('')).toBe(certain.text)
    expect(pieces.find((p) => p.textContent === '間違いない')?.className).toMatch(/\bcue cue--booster\b/)
    // The document text itself is untouched: widgets are the only additions.
    expect(view.state.doc.textBetween(0, view.state.doc.content.size, '\n\n')).toBe(text)

    const before = suggestionLayerKey.getState(view.state)!.base
    const rest = pending.filter((p) => p.key !== certain.key)
    view.dispatch(setSuggestionLayer(view.state.tr, { suggestions: rest, focusedKey: rest[0]!.key }))
    const after = suggestionLayerKey.getState(view.state)!
    expect(view.dom.querySelectorAll(`[data-suggestion="${certain.key}"]`)).toHaveLength(0)
    expect(view.dom.querySelectorAll('.suggestion-badge')).toHaveLength(1)
    expect(view.dom.querySelectorAll('.suggestion-glyph')).toHaveLength(rest.length)
    expect(view.dom.querySelectorAll(`.suggestion-focus[data-suggestion="${rest[0]!.key}"]`).length).toBeGreaterThan(0)
    // Every other suggestion's decorations are the very same objects: only the dismissed one was removed.
    const keysOf = (set: typeof before) => set.find().map((d) => (d.spec as { suggestionKey?: string }).suggestionKey)
    expect(keysOf(after.base).filter((k) => k === rest[1]!.key)).toEqual(keysOf(before).filter((k) => k === rest[1]!.key))
    expect(after.base.find().filter((d) => rest[1]!.key === (d.spec as { suggestionKey?: string }).suggestionKey)).toEqual(
      before.find().filter((d) => rest[1]!.key === (d.spec as { suggestionKey?: string }).suggestionKey),
    )

    view.dispatch(setSuggestionLayer(view.state.tr, { suggestions: null, focusedKey: null }))
    expect(view.dom.querySelectorAll('.suggestion, .suggestion-glyph, .suggestion-badge, .cue')).toHaveLength(0)
  })

  it('says the badge in the language it is given, and redraws only the badges when that changes', () => {
    const blocks = seedBlocks()
    const pending = pendingSuggestions(analyse(canonicalText(blocks), defaultLexicon(), { blocks }), [], new Set())
    const view = mountView(blocks)
    view.dispatch(setSuggestionLayer(view.state.tr, { suggestions: pending, focusedKey: null, badgeText: '根拠なき断定' }))
    const badges = () => [...view.dom.querySelectorAll('.suggestion-badge')].map((b) => b.textContent)
    expect(badges()).toEqual(['!根拠なき断定', '!根拠なき断定'])
    const glyph = view.dom.querySelector('.suggestion-glyph')
    view.dispatch(setSuggestionLayer(view.state.tr, { suggestions: pending, focusedKey: null, badgeText: 'certainty without evidence' }))
    expect(badges()).toEqual(['!certainty without evidence', '!certainty without evidence'])
    // Suggestions without a badge were not redrawn.
    expect(view.dom.querySelector('.suggestion-glyph')).toBe(glyph)
  })

  it('handles a 2 MB article: worker analysis, first draw, and a one-suggestion diff (timings printed)', async () => {
    const seed = seedBlocks()
    const blocks = Array.from({ length: 270 }, () => seed).flat()
    const text = canonicalText(blocks)
    const bytes = new TextEncoder().encode(text).length
    expect(bytes).toBeGreaterThan(1_900_000)

    let t = performance.now()
    const direct = analyse(text, defaultLexicon(), { blocks })
    const mainThread = ms(t)
    t = performance.now()
    const viaWorker = await analyseArticle({ id: 'big-worker', text, blocks }, defaultLexicon())
    const worker = ms(t)
    expect(viaWorker.length).toBe(direct.filter((s) => s.suggestion !== null).length)

    // Layout is forced after each step so that each timing holds only its own work.
    const layout = () => view.dom.getBoundingClientRect().height
    t = performance.now()
    const view = mountView(blocks)
    layout()
    const bare = ms(t)
    const pending = pendingSuggestions(viaWorker, [], new Set())
    t = performance.now()
    view.dispatch(setSuggestionLayer(view.state.tr, { suggestions: pending, focusedKey: null }))
    const firstDraw = ms(t)
    t = performance.now()
    layout()
    const firstLayout = ms(t)
    expect(view.dom.querySelectorAll('.suggestion-glyph')).toHaveLength(pending.length)

    const gone = pending[Math.floor(pending.length / 2)]!
    t = performance.now()
    view.dispatch(setSuggestionLayer(view.state.tr, { suggestions: pending.filter((p) => p !== gone), focusedKey: null }))
    const diff = ms(t)
    t = performance.now()
    layout()
    const diffLayout = ms(t)
    expect(view.dom.querySelectorAll(`[data-suggestion="${suggestionKey(gone)}"]`)).toHaveLength(0)
    expect(view.dom.querySelectorAll('.suggestion-glyph')).toHaveLength(pending.length - 1)

    console.log(
      `2 MB claim finder: ${bytes} bytes, ${direct.length} sentences, ${pending.length} suggestions; ` +
        `analyse on main thread ${mainThread}, via worker (incl. transfer) ${worker}; ` +
        `reader without suggestions (mount + layout) ${bare}; first draw of the layer ${firstDraw} + layout ${firstLayout}; ` +
        `one dismissal ${diff} + layout ${diffLayout}`,
    )
  }, 120_000)
})
