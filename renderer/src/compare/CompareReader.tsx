/**
 * The article in Compare mode: the same read-only ProseMirror document as the
 * reader, with the compare layer instead of one set's claims. Clicking inside
 * an item selects it; `revealItem` scrolls an item into view and flashes it.
 */
import { EditorState } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { Article } from '../../../shared/article/model'
import { articleSchema, docFromBlocks } from '../../../shared/article/schema'
import { buildPositionIndex, offsetToPos, posToOffset, type PositionIndex } from '../../../shared/article/position-map'
import type { ComparisonItem } from '../../../shared/compare'
import { readOnlyPlugin } from '../reader/read-only-plugin'
import { articleNodeViews } from '../reader/block-group-view'
import { readOnlyArticleAttributes } from '../reader/reader-attributes'
import { compareLayerPlugin, setCompareLayer, type CompareLayer } from './compare-decorations'
import { itemAt } from './outcomes'

/** What the Compare view asks of its reader. */
export interface CompareReaderHandle {
  /** Scroll `item` to the middle of the view and flash it. */
  revealItem(item: ComparisonItem): void
}

interface CompareReaderProps {
  article: Article
  layer: CompareLayer
  onSelectItem(item: ComparisonItem): void
}

/** The read-only article with the compare layer; one ProseMirror view per article, fed new layers by transaction. */
export const CompareReader = forwardRef<CompareReaderHandle, CompareReaderProps>(function CompareReader(props, ref) {
  const mount = useRef<HTMLDivElement>(null)
  const view = useRef<EditorView | null>(null)
  const positions = useRef<PositionIndex | null>(null)
  const latest = useRef(props)
  latest.current = props
  const { t } = useTranslation()
  const label = t('compare.readerLabel', { title: props.article.title })
  const attributes = readOnlyArticleAttributes(props.article, label, 'reader-text cmp-text')
  const latestAttributes = useRef(attributes)
  latestAttributes.current = attributes

  useEffect(() => {
    const index = buildPositionIndex(props.article.blocks)
    positions.current = index
    const editor = new EditorView(mount.current!, {
      state: EditorState.create({
        schema: articleSchema,
        doc: docFromBlocks(props.article.blocks),
        plugins: [readOnlyPlugin(), compareLayerPlugin(index, latest.current.layer)],
      }),
      attributes: latestAttributes.current,
      nodeViews: articleNodeViews,
      handleClick(_v, pos) {
        const item = itemAt(latest.current.layer.items, posToOffset(index, pos))
        if (item) latest.current.onSelectItem(item)
        return false
      },
    })
    view.current = editor
    return () => {
      editor.destroy()
      view.current = null
    }
    // One view per article; the layer arrives by transaction below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.article.id])

  useEffect(() => {
    const v = view.current
    if (v) v.dispatch(setCompareLayer(v.state.tr, props.layer))
  }, [props.layer])

  // The accessible name follows the UI language.
  useEffect(() => {
    view.current?.setProps({ attributes: latestAttributes.current })
  }, [label])

  useImperativeHandle(ref, () => ({
    revealItem(item) {
      const v = view.current
      const index = positions.current
      if (!v || !index) return
      const dom = v.domAtPos(offsetToPos(index, item.start))
      const el = dom.node.nodeType === 1 ? (dom.node as HTMLElement) : dom.node.parentElement
      el?.scrollIntoView({ block: 'center', behavior: 'auto' })
    },
  }))

  return <div ref={mount} className="reader-mount" />
})
