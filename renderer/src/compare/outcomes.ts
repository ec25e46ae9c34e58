/**
 * How the Compare view presents a comparison: outcome groups in the order an
 * adjudicator works through them, their names (catalog keys) and glyphs, and
 * how figures are printed. Pure: no React, no DOM, so it is tested in Node.
 */
import type { Stance } from '../../../shared/claims/model'
import type { ComparisonItem, FigureName, ItemKind } from '../../../shared/compare'
import { messageKey, type MessageKey } from '../i18n/message-key'

/** Outcome groups, disagreements first: that is where the adjudicator's work is. */
export const OUTCOME_ORDER: readonly ItemKind[] = ['conflict', 'onlyA', 'onlyB', 'agree']

/** Catalog key of an outcome group's heading ("Stance conflicts", "Only in A"…). */
export function outcomeLabelKey(kind: ItemKind): MessageKey {
  return messageKey(`compare.outcome.${kind}`)
}

/**
 * Catalog keys of a figure's label and definition. The English messages are
 * shared/compare's FIGURE_LABELS and FIGURE_DEFINITIONS word for word (a test
 * holds them together), so the UI and the CLI describe a figure alike.
 */
export function figureLabelKey(name: FigureName): MessageKey {
  return messageKey(`compare.figure.${name}.label`)
}

/** See {@link figureLabelKey}. */
export function figureDefinitionKey(name: FigureName): MessageKey {
  return messageKey(`compare.figure.${name}.definition`)
}

/**
 * One-character glyph of each outcome, shown beside its colour everywhere so
 * the kind never depends on colour alone: ≠ conflict, A / B one-sided, = agree.
 */
export const OUTCOME_GLYPHS: Readonly<Record<ItemKind, string>> = {
  conflict: '≠',
  onlyA: 'A',
  onlyB: 'B',
  agree: '=',
}

/** Stance letter used in gutter marks and badges (E / S). */
export function stanceLetter(stance: Stance): 'E' | 'S' {
  return stance === 'evidenced' ? 'E' : 'S'
}

/** True for every outcome an adjudicator must decide (all but agreement). */
export function isDisagreement(item: Pick<ComparisonItem, 'kind'>): boolean {
  return item.kind !== 'agree'
}

/**
 * `items` split by outcome, each group keeping the comparison's document
 * order. Every kind is present (possibly empty). Never throws.
 */
export function groupItems(items: readonly ComparisonItem[]): Record<ItemKind, ComparisonItem[]> {
  const groups: Record<ItemKind, ComparisonItem[]> = { conflict: [], onlyA: [], onlyB: [], agree: [] }
  for (const item of items) groups[item.kind].push(item)
  return groups
}

/**
 * A ratio as the Compare view prints it: three decimals in `locale` (Intl,
 * English by default), or `undefinedWord` ("undefined") when the figure has no
 * value (nothing to compute it over), so an undefined κ is never mistaken for
 * a number. Throws RangeError for NaN or an infinite value, which no figure
 * can legitimately be.
 */
export function formatFigure(value: number | null, locale = 'en', undefinedWord = 'undefined'): string {
  if (value === null) return undefinedWord
  if (!Number.isFinite(value)) throw new RangeError(`formatFigure: not a finite figure: ${value}`)
  // A tiny negative rounds to zero: print it as zero, not "-0.000".
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3, signDisplay: 'negative', useGrouping: false }).format(value)
}

/** The item whose span contains `offset`, preferring the shortest (innermost); null when none. */
export function itemAt(items: readonly ComparisonItem[], offset: number): ComparisonItem | null {
  let best: ComparisonItem | null = null
  for (const item of items) {
    if (offset < item.start || offset >= item.end) continue
    if (!best || item.end - item.start < best.end - best.start) best = item
  }
  return best
}

/**
 * The item `delta` steps (+1 next, -1 previous) from `selectedId` in
 * document order, stopping at either end; from no selection, +1 gives the
 * first item and -1 the last. Null when there are no items.
 */
export function stepItem(items: readonly ComparisonItem[], selectedId: string | null, delta: 1 | -1): ComparisonItem | null {
  if (items.length === 0) return null
  const at = selectedId === null ? -1 : items.findIndex((item) => item.id === selectedId)
  if (at < 0) return delta === 1 ? items[0]! : items[items.length - 1]!
  return items[Math.min(items.length - 1, Math.max(0, at + delta))]!
}
