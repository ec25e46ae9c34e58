/**
 * Reading a W3C target (as used by both W3C files and Hypothesis JSON) into
 * the selectors anchoring works from. Only TextQuoteSelector and
 * TextPositionSelector are used; others (RangeSelector, XPathSelector, ...)
 * are only named, so a file with nothing else can be refused clearly.
 */
import type { AnchorSelectors } from '../anchoring'
import { refuse } from './imported'
import { stringsOf } from './w3c-body'

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const arrayOf = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v])

const isOffset = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0

/** What one target offers: its source and its usable selectors, or the selector types it has. */
export interface TargetReading {
  source: string | null
  selectors: AnchorSelectors | null
  types: string[]
}

/**
 * Read one target (a URI or a SpecificResource). The first TextQuoteSelector
 * and the first TextPositionSelector are used; `selectors` is null when there
 * is neither. `index` names the item in refusals.
 *
 * @throws ImportRefusedError `wrong-shape` for a TextQuoteSelector whose parts
 *   are not text, or a TextPositionSelector whose offsets are not integers
 *   with 0 <= start <= end.
 */
export function readTarget(target: unknown, fileName: string, index: number): TargetReading {
  if (typeof target === 'string') return { source: target, selectors: null, types: [] }
  if (!isObject(target)) return { source: null, selectors: null, types: [] }
  const source = typeof target.source === 'string' ? target.source : isObject(target.source) && typeof target.source.id === 'string' ? target.source.id : null
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
      selectors.quote = { exact, prefix, suffix }
    } else if (type === 'TextPositionSelector' && selectors.position === undefined) {
      const { start, end } = sel
      if (!isOffset(start) || !isOffset(end) || start > end) {
        throw refuse('wrong-shape', fileName, `items[${index}] has a TextPositionSelector with bad offsets (start ${JSON.stringify(start)}, end ${JSON.stringify(end)}).`, index)
      }
      selectors.position = { start, end }
    }
  }
  const usable = selectors.quote !== undefined || selectors.position !== undefined
  return { source, selectors: usable ? selectors : null, types }
}
