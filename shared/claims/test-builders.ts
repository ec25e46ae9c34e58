/**
 * The one builder of claims and sets for tests (shared, CLI, renderer, bench):
 * every field by name, sensible fixed defaults, quote and context cut from the
 * text. Not used by the app itself.
 */
import type { AnnotationSet, Claim, Stance } from './model'

/** Document id of every built claim and set unless told otherwise. */
export const TEST_DOCUMENT_ID = 'doc-1'
/** Set id of every built claim and set unless told otherwise. */
export const TEST_SET_ID = 'set-1'
/** Time of every built claim and set unless told otherwise. */
export const TEST_TIME = '2025-08-20T00:00:00.000Z'

/** What a test says about a claim; anything left out takes the default. */
export interface ClaimSpec extends Partial<Omit<Claim, 'target' | 'setId' | 'documentId'>> {
  /** The article text the claim is on (default: a short English sentence). */
  text?: string
  /** The claim's span in `text`, UTF-16 offsets (default: the whole text). */
  start?: number
  end?: number
  /** Characters of prefix and suffix cut from `text` for the quote (default 32; 0 for none). */
  context?: number
  /** The set the claim is in: its id and document are copied. */
  set?: Pick<AnnotationSet, 'id' | 'documentId'>
  setId?: string
  documentId?: string
}

const DEFAULT_TEXT = 'The council reportedly approved the budget.'

/**
 * A claim as the app stores it. Defaults: id 'claim-1', set {@link TEST_SET_ID}
 * of {@link TEST_DOCUMENT_ID}, stance 'speculative', author = the set id,
 * created and modified {@link TEST_TIME}, no note, evidence, counterpoints or tags.
 * The quote is cut from `text` as it is: a span past its end (an orphan's)
 * gives an empty quote, as an orphan may well have.
 */
export function aClaim(spec: ClaimSpec = {}): Claim {
  const { text = DEFAULT_TEXT, start = 0, end = text.length, context = 32, set, setId, documentId, ...fields } = spec
  const ownSetId = set?.id ?? setId ?? TEST_SET_ID
  return {
    id: 'claim-1',
    setId: ownSetId,
    documentId: set?.documentId ?? documentId ?? TEST_DOCUMENT_ID,
    stance: 'speculative',
    target: {
      position: { type: 'TextPositionSelector', start, end },
      quote: {
        type: 'TextQuoteSelector',
        exact: text.slice(start, end),
        prefix: text.slice(Math.max(0, start - context), start),
        suffix: text.slice(end, end + context),
      },
    },
    note: '',
    evidence: [],
    counterpoints: [],
    tags: [],
    created: TEST_TIME,
    modified: TEST_TIME,
    author: ownSetId,
    ...fields,
  }
}

/**
 * An annotation set. Defaults: id {@link TEST_SET_ID}, document
 * {@link TEST_DOCUMENT_ID}, analyst `Analyst <id>`, label = id, created
 * {@link TEST_TIME}, origin 'local'.
 */
export function aSet(spec: Partial<AnnotationSet> = {}): AnnotationSet {
  const id = spec.id ?? TEST_SET_ID
  return { id, documentId: TEST_DOCUMENT_ID, analyst: `Analyst ${id}`, label: id, created: TEST_TIME, origin: 'local', ...spec }
}

/** The fields of a claim with nothing around it: no context, set 's' of document 'd', no author or times (report tests). */
export const BARE_CLAIM: ClaimSpec = { context: 0, setId: 's', documentId: 'd', created: '', modified: '', author: '' }

/** A claim span in a set: `[start, end, stance]`. */
export type Span = readonly [number, number, Stance]

/**
 * A set (fields as {@link aSet}) with claims over `text` at `spans`, given ids
 * `<set id>-1`, `<set id>-2`, … in the order listed.
 */
export function aSetWithClaims(spec: Partial<AnnotationSet> & { text: string; spans: readonly Span[] }): { set: AnnotationSet; claims: Claim[] } {
  const { text, spans, ...fields } = spec
  const set = aSet(fields)
  return { set, claims: spans.map(([start, end, stance], i) => aClaim({ text, set, id: `${set.id}-${i + 1}`, start, end, stance })) }
}
