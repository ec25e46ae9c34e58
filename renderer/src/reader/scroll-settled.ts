/**
 * Scroll an element of the reader into view and keep it there while the text
 * around it settles. The reader's blocks use `content-visibility: auto`
 * (docs/performance.md): the contents of a block far from the viewport are not
 * laid out, so Chromium can misplace a scroll to an element inside such a
 * block, and blocks never shown yet have an estimated height, so blocks that
 * come into view take their real heights and can push the target away.
 * Hence: first the block is brought into view (its own box is always laid
 * out), then, once per frame for a few frames, the element itself, until a
 * scroll no longer moves it.
 */

/** Frames during which the target is brought back into view if layout moved it. */
const SETTLE_FRAMES = 4

/**
 * Scroll `element` into view with `options`, going through `block` (its
 * top-level block in the reader) first. Never throws.
 */
export function scrollIntoViewSettled(element: Element, options: ScrollIntoViewOptions, block: Element | null = null): void {
  ;(block ?? element).scrollIntoView(options)
  let frames = 0
  const settle = () => {
    if (!element.isConnected || ++frames > SETTLE_FRAMES) return
    const before = element.getBoundingClientRect().top
    element.scrollIntoView(options)
    if (Math.abs(element.getBoundingClientRect().top - before) > 1 || frames === 1) requestAnimationFrame(settle)
  }
  requestAnimationFrame(settle)
}
