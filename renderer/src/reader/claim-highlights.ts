/**
 * The reader's claims as CSS Custom Highlights (`::highlight(...)`, reader.css):
 * one Highlight per stance holding one Range per painted claim, one for the
 * selected claim's outline and one for the brief flash after jumping to a
 * claim. Nothing is added to the article's DOM, so painting, repainting or
 * focusing a claim never makes ProseMirror redraw a paragraph nor restore the
 * selection; the browser repaints the text in the next frame.
 *
 * The registry (`CSS.highlights`) is one per document: a reader owns these
 * names while it is mounted. Search owns its own (search-highlights.ts) and
 * paints above these (higher priority).
 */
import type { Stance } from '../../../shared/claims/model'

/** The highlight names the stylesheet paints. */
export const CLAIM_HIGHLIGHT: Readonly<Record<Stance, string>> = { evidenced: 'cw-claim-evidenced', speculative: 'cw-claim-speculative' }
export const FOCUS_HIGHLIGHT = 'cw-claim-focus'
export const FLASH_HIGHLIGHT = 'cw-claim-flash'

/** How long the arrival flash stays painted (reader.css has no animation for highlights). */
export const FLASH_MS = 1200

/** Whether this browser paints custom highlights (Chromium 105+, Electron alike). */
export function canPaintHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined'
}

/** The registered highlights of one reader. */
export interface ClaimHighlights {
  stance: Readonly<Record<Stance, Highlight>>
  focus: Highlight
  flash: Highlight
  /** Unregister them all (the reader unmounts). */
  release(): void
}

/**
 * Register empty highlights under the reader's names, replacing any left by a
 * previous reader. Throws a TypeError naming the missing API when the browser
 * has no Custom Highlight API: the reader cannot show claims without it.
 */
export function registerClaimHighlights(): ClaimHighlights {
  if (!canPaintHighlights()) throw new TypeError('CSS.highlights (the CSS Custom Highlight API) is missing: claims cannot be painted')
  const make = (name: string, priority: number): Highlight => {
    const h = new Highlight()
    h.priority = priority
    CSS.highlights.set(name, h)
    return h
  }
  const stance = { evidenced: make(CLAIM_HIGHLIGHT.evidenced, 0), speculative: make(CLAIM_HIGHLIGHT.speculative, 0) }
  const focus = make(FOCUS_HIGHLIGHT, 1)
  const flash = make(FLASH_HIGHLIGHT, 2)
  const mine = new Map<string, Highlight>([
    [CLAIM_HIGHLIGHT.evidenced, stance.evidenced],
    [CLAIM_HIGHLIGHT.speculative, stance.speculative],
    [FOCUS_HIGHLIGHT, focus],
    [FLASH_HIGHLIGHT, flash],
  ])
  return {
    stance,
    focus,
    flash,
    release() {
      // Another reader may have registered since: only remove what is still ours.
      for (const [name, h] of mine) if (CSS.highlights.get(name) === h) CSS.highlights.delete(name)
    },
  }
}
