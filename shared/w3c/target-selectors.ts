/**
 * Reading a W3C target (as used by both W3C files and Hypothesis JSON) into
 * the selectors anchoring works from. Only TextQuoteSelector and
 * TextPositionSelector are used; others (RangeSelector, XPathSelector, ...)
 * are only named, so a file with nothing else can be refused clearly.
 */
import type { AnchorSelectors } from '../anchoring'
import { normalizeImportedText } from '../text/normalize'
import { refuse } from './imported'
import { stringsOf } from './w3c-body'

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const arrayOf = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v])

const isOffset = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0

/** True when `text` holds half a surrogate pair anywhere (it then cannot be written as UTF-8). */
export function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)
}

// A tool that cuts context by UTF-16 units may leave half a pair at the outer
// edge; that half says nothing, so it is dropped rather than refused.
const LONE_AT_START = /^[\uDC00-\uDFFF]/
const LONE_AT_END = /[\uD800-\uDBFF]$/

/**
 * A quote's part as the article's text is normalised on import (LF line
 * endings, NFC; see shared/text/normalize), so a decomposed or CRLF copy of
 * the words compares equal to the stored text.
 */
function normalizedPart(text: string): string {
  return normalizeImportedText(text)
}

/** What one target offers: its source and its usable selectors, or the selector types it has. */
export interface TargetReading {
  source: string | null
  /** The target's `scope` when it is a URI (the page the text was read on), else null. */
  scope: string | null
  selectors: AnchorSelectors | null
  types: string[]
}

/**
 * Read one target (a URI or a SpecificResource). The first TextQuoteSelector
 * and the first TextPositionSelector are used; `selectors` is null when there
 * is neither. The quote's exact, prefix and suffix are normalised as article
 * text is (see {@link normalizedPart}); half a surrogate pair at the outer
 * edge of a prefix or suffix is dropped. Offsets are kept as the file gives
 * them: which unit they count is decided when anchoring. `index` names the
 * item in refusals.
 *
 * @throws ImportRefusedError `wrong-shape` for a TextQuoteSelector whose parts
 *   are not text or whose `exact` holds half a surrogate pair, or a
 *   TextPositionSelector whose offsets are not integers with 0 <= start <= end.
 */
export function readTarget(target: unknown, fileName: string, index: number): TargetReading {
  if (typeof target === 'string') return { source: target, scope: null, selectors: null, types: [] }
  if (!isObject(target)) return { source: null, scope: null, selectors: null, types: [] }
  const source = typeof target.source === 'string' ? target.source : isObject(target.source) && typeof target.source.id === 'string' ? target.source.id : null
  const scope = typeof target.scope === 'string' ? target.scope : isObject(target.scope) && typeof target.scope.id === 'string' ? target.scope.id : null
  const selectors: AnchorSelectors = {}
  const types: string[] = []
  for (const sel of arrayOf(target.selector)) {
    const type = isObject(sel) ? (stringsOf(sel.type)[0] ?? '(untyped)') : 'a selector by URI'
    types.push(type)
    if (!isObject(sel)) continue
    if (type === 'TextQuoteSelector' && selectors.quote === undefined) {
      const { exact, prefix = '', suffix = '' } = sel
      if (typeof exact !== 'string' || typeof prefix !== 'string' || typeof suffix !== 'string') {
        throw refuse('wrong-shape', fileName, `items[${index}] has a TextQuoteSelector whose exact, prefix or suffix is not text.`, index)
      }
      if (hasLoneSurrogate(exact)) {
        throw refuse('wrong-shape', fileName, `items[${index}] has a TextQuoteSelector whose exact text holds half a surrogate pair (a broken emoji or rare kanji), which no UTF-8 file can hold.`, index)
      }
      selectors.quote = {
        exact: normalizedPart(exact),
        prefix: normalizedPart(prefix.replace(LONE_AT_START, '')),
        suffix: normalizedPart(suffix.replace(LONE_AT_END, '')),
      }
    } else if (type === 'TextPositionSelector' && selectors.position === undefined) {
      const { start, end } = sel
      if (!isOffset(start) || !isOffset(end) || start > end) {
        throw refuse('wrong-shape', fileName, `items[${index}] has a TextPositionSelector with bad offsets (start ${JSON.stringify(start)}, end ${JSON.stringify(end)}).`, index)
      }
      selectors.position = { start, end }
    }
  }
  const usable = selectors.quote !== undefined || selectors.position !== undefined
  return { source, scope, selectors: usable ? selectors : null, types }
}
