/**
 * Find in the article (Ctrl/Cmd+F): a bar over the reader with the query, the
 * match count ("3 of 12"), previous / next (Shift+Enter / Enter) and close
 * (Escape, which puts the focus back in the text). Matches are painted as
 * custom highlights (search-highlights.ts) and follow the text as claims are
 * drawn and the reader redraws.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_MATCHES } from './find-matches'
import { clearMatches, findRanges, paintMatches, revealRange } from './search-highlights'

interface ArticleSearchProps {
  /** The reader's text element (`.reader-text`). */
  root(): Element | null
  /** The element that scrolls the reader. */
  scroller(): HTMLElement | null
  /** Changes each time the user asks for the search again: the field takes the focus and selects its text. */
  focusRequest: number
  onClose(): void
}

export function ArticleSearch({ root, scroller, focusRequest, onClose }: ArticleSearchProps) {
  const { t } = useTranslation()
  const input = useRef<HTMLInputElement>(null)
  const [query, setQuery] = useState('')
  const [ranges, setRanges] = useState<Range[]>([])
  const [current, setCurrent] = useState(-1)
  // The desk passes fresh functions each render; the matches depend on the query only.
  const where = useRef({ root, scroller })
  where.current = { root, scroller }

  useEffect(() => {
    input.current?.focus()
    input.current?.select()
  }, [focusRequest])

  // Matches for the query, again whenever the reader's DOM changes (a claim drawn,
  // a block group laid out): ranges over replaced text nodes would point nowhere.
  useEffect(() => {
    const element = where.current.root()
    if (!element) return
    let frame = 0
    const refresh = () => {
      const next = findRanges(element, query)
      setRanges(next)
      setCurrent((was) => (next.length === 0 ? -1 : Math.min(Math.max(was, 0), next.length - 1)))
      return next
    }
    // A new query shows its first match; a redraw keeps the place.
    const first = refresh()[0]
    const box = where.current.scroller()
    if (first && box) revealRange(first, box)
    const observer = new MutationObserver(() => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(refresh)
    })
    observer.observe(element, { subtree: true, childList: true, characterData: true })
    return () => {
      observer.disconnect()
      cancelAnimationFrame(frame)
    }
  }, [query])

  useEffect(() => paintMatches(ranges, current), [ranges, current])
  useEffect(() => clearMatches, [])

  const go = useCallback(
    (index: number) => {
      if (ranges.length === 0) return
      const next = (index + ranges.length) % ranges.length
      setCurrent(next)
      const box = where.current.scroller()
      if (box) revealRange(ranges[next]!, box)
    },
    [ranges],
  )

  const close = () => {
    clearMatches()
    onClose()
  }

  const count =
    query.trim() === ''
      ? ''
      : ranges.length === 0
        ? t('search.none')
        : t('search.count', { current: current + 1, total: ranges.length >= MAX_MATCHES ? `${MAX_MATCHES}+` : ranges.length })

  return (
    <form
      role="search"
      className="article-search"
      aria-label={t('search.label')}
      onSubmit={(event) => event.preventDefault()}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault()
          event.stopPropagation()
          close()
        }
      }}
    >
      <input
        ref={input}
        type="search"
        className="article-search-input"
        value={query}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        aria-describedby="article-search-count"
        onChange={(event) => {
          setQuery(event.target.value)
          setCurrent(0)
        }}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return
          event.preventDefault()
          go(current + (event.shiftKey ? -1 : 1))
        }}
      />
      <output id="article-search-count" className="article-search-count" aria-live="polite">
        {count}
      </output>
      <button type="button" className="button-quiet" onClick={() => go(current - 1)} disabled={ranges.length === 0} aria-label={t('search.previous')} title={t('search.previousTitle')}>
        ↑
      </button>
      <button type="button" className="button-quiet" onClick={() => go(current + 1)} disabled={ranges.length === 0} aria-label={t('search.next')} title={t('search.nextTitle')}>
        ↓
      </button>
      <button type="button" className="button-quiet" onClick={close} aria-label={t('search.close')} title={t('search.closeTitle')}>
        ×
      </button>
    </form>
  )
}
