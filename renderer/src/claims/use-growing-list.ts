/**
 * A list that renders its first items and grows as it is scrolled, so a set
 * of 10,000 claims does not put 10,000 rows into the DOM when the reader
 * opens (docs/performance.md: they cost seconds of React work, style and
 * layout before the first frame). Rows come in pages; a sentinel at the end
 * of the rendered rows asks for the next page when it nears the viewport, and
 * it is a real button too, so keyboard and screen-reader users can ask for it.
 */
import { useCallback, useEffect, useRef, useState } from 'react'

/** Rows rendered at first and added per page. */
export const LIST_PAGE = 60

/**
 * How many of `total` rows to render after asking for more with `shown`
 * rendered: one more `page`, never past `total`. Throws RangeError for a
 * negative or fractional count or a page below 1.
 */
export function grownCount(shown: number, total: number, page = LIST_PAGE): number {
  for (const [name, value] of [['shown', shown], ['total', total]] as const) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`grownCount: ${name} must be a whole number >= 0, got ${value}`)
  }
  if (!Number.isInteger(page) || page < 1) throw new RangeError(`grownCount: page must be a whole number >= 1, got ${page}`)
  return Math.min(total, Math.max(shown, page) + page)
}

export interface GrowingList {
  /** How many rows to render now (at most `total`). */
  shown: number
  /** Render one more page. */
  showMore(): void
  /** Ref for the sentinel after the last rendered row: more rows come when it nears the viewport. */
  sentinel(element: Element | null): void
}

/** Render the first {@link LIST_PAGE} of `total` rows, growing by a page as the sentinel comes into view. */
export function useGrowingList(total: number, page = LIST_PAGE): GrowingList {
  const [asked, setAsked] = useState(page)
  const totalRef = useRef(total)
  totalRef.current = total
  const showMore = useCallback(() => setAsked((n) => grownCount(Math.min(n, totalRef.current), totalRef.current, page)), [page])
  const observer = useRef<IntersectionObserver | null>(null)
  const sentinel = useCallback(
    (element: Element | null) => {
      observer.current?.disconnect()
      observer.current = null
      if (!element || typeof IntersectionObserver === 'undefined') return
      observer.current = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && showMore(), { rootMargin: '600px 0px' })
      observer.current.observe(element)
    },
    [showMore],
  )
  useEffect(() => () => observer.current?.disconnect(), [])
  return { shown: Math.min(total, asked), showMore, sentinel }
}
