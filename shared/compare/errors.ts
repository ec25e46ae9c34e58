/**
 * Why a comparison or a consensus was refused. The inputs (sets read from
 * files, a threshold typed by the user, decisions from the UI or a file) can
 * be wrong without any bug in the caller, so these are CritiqueErrors with a
 * message fit to show, not RangeErrors.
 */
import { CritiqueError } from '../errors'

/** Stable codes of {@link CompareInputError}. */
export type CompareInputCode =
  | 'compare-too-few-sets'
  | 'compare-different-documents'
  | 'compare-min-overlap'
  | 'compare-span-out-of-text'
  | 'consensus-unknown-item'
  | 'consensus-duplicate-decision'
  | 'consensus-impossible-keep'

/** Inputs to `compareSets` or `buildConsensus` that cannot be used; nothing was produced. */
export class CompareInputError extends CritiqueError {
  declare readonly code: CompareInputCode
  constructor(code: CompareInputCode, userMessage: string) {
    super(code, userMessage)
  }
}
