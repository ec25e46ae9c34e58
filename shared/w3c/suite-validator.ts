/**
 * Runs the MUST assertions of the W3C Web Annotation test suite on a parsed
 * annotation document: `annotations/annotationMusts.test` on every
 * annotation, `collections/collectionMusts.test` on a collection.
 *
 * The suite's JSON Schemas are copied under `suite/` (with its license) and
 * compiled ahead of time into `generated/suite-validators.js` by
 * `scripts/gen-w3c-validators.mjs`: ajv compiles with `new Function`, which
 * the renderer's CSP (no 'unsafe-eval') forbids, whereas the generated
 * functions run anywhere. The test lists are read from the copied `.test`
 * files here, so what runs is exactly what the suite lists.
 */
import { suiteValidators, type SuiteValidator } from './generated/suite-validators'
import annotationMusts from './suite/annotations/annotationMusts.test.json'
import collectionMusts from './suite/collections/collectionMusts.test.json'

/** One assertion of the suite, ready to run. */
export interface SuiteAssertion {
  /** Path inside the suite, e.g. `annotations/3.1-annotationIdValidated.json`. */
  path: string
  /** Short name, e.g. `3.1-annotationIdValidated`. */
  name: string
  errorMessage: string
  validate: (value: unknown) => boolean
}

function load(paths: readonly string[]): SuiteAssertion[] {
  return paths.map((path) => {
    const v: SuiteValidator | undefined = suiteValidators[path]
    // The generator compiles exactly the listed paths; a miss means a stale generated file.
    if (v === undefined) throw new Error(`W3C suite validator for ${path} is missing: run scripts/gen-w3c-validators.mjs`)
    const name = path.replace(/^.*\//, '').replace(/\.json$/, '')
    return { path, name, errorMessage: v.errorMessage, validate: (value) => v.validate(value) }
  })
}

/** The annotation MUST assertions, in the suite's order. */
export const ANNOTATION_MUSTS: readonly SuiteAssertion[] = load(annotationMusts.assertions)
/** The collection MUST assertions, in the suite's order. */
export const COLLECTION_MUSTS: readonly SuiteAssertion[] = load(collectionMusts.assertions)

/** What kind of document was checked. */
export type W3cDocumentKind = 'annotation' | 'annotation-list' | 'page' | 'collection'

/** One failed assertion. */
export interface W3cAssertionFailure {
  /** `collection`, `page`, `annotation` or `items[i]`. */
  subject: string
  /** Index of the annotation within the document, or null for the collection/page itself. */
  itemIndex: number | null
  /** Short assertion name, e.g. `3.1-annotationIdValidated`. */
  assertion: string
  message: string
}

/** The outcome of {@link validateW3cDocument}. */
export interface W3cValidationReport {
  kind: W3cDocumentKind
  /** Embedded annotations checked (items given as bare URIs are references, not checked). */
  annotations: number
  /** Assertions run on each annotation, and on the collection (0 for other kinds). */
  annotationAssertions: number
  collectionAssertions: number
  /** Total assertion runs. */
  checks: number
  failures: W3cAssertionFailure[]
  ok: boolean
}

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * The app's one check beyond the suite: a TextQuoteSelector's `exact` must be
 * well-formed Unicode. Half a surrogate pair cannot be written as UTF-8, so a
 * quote starting or ending inside a pair can never be the words of a text.
 */
export const WELL_FORMED_QUOTE = 'cw-wellFormedQuote'
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** True when some TextQuoteSelector of `annotation`'s targets has an `exact` with half a surrogate pair. */
function hasBrokenQuote(annotation: unknown): boolean {
  if (!isObject(annotation)) return false
  const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v])
  return list(annotation.target).some(
    (target) =>
      isObject(target) &&
      list(target.selector).some((sel) => isObject(sel) && hasType(sel, 'TextQuoteSelector') && typeof sel.exact === 'string' && LONE_SURROGATE.test(sel.exact)),
  )
}

function hasType(value: unknown, type: string): boolean {
  if (!isObject(value)) return false
  const t = value.type
  return t === type || (Array.isArray(t) && t.includes(type))
}

/** Which kind of W3C document `value` is, judged by its `type` (arrays are annotation lists). */
export function w3cDocumentKind(value: unknown): W3cDocumentKind {
  if (Array.isArray(value)) return 'annotation-list'
  if (hasType(value, 'AnnotationCollection')) return 'collection'
  if (hasType(value, 'AnnotationPage')) return 'page'
  return 'annotation'
}

/**
 * Check `value` (parsed JSON) against the suite's MUST assertions, plus
 * {@link WELL_FORMED_QUOTE} on every annotation:
 *
 * - an annotation: the annotation assertions;
 * - an array: the annotation assertions on each element;
 * - an AnnotationPage: the annotation assertions on each object in `items`;
 * - an AnnotationCollection: the collection assertions on it, then the
 *   annotation assertions on each object in its embedded `first.items`.
 *
 * Embedded annotations without `@context` inherit their container's, as
 * JSON-LD does. Anything else is judged as an annotation (and fails).
 * Never throws; `value` is not modified.
 */
export function validateW3cDocument(value: unknown): W3cValidationReport {
  const kind = w3cDocumentKind(value)
  const failures: W3cAssertionFailure[] = []
  let checks = 0
  let annotations = 0
  const run = (assertions: readonly SuiteAssertion[], subject: unknown, label: string, itemIndex: number | null): void => {
    for (const a of assertions) {
      checks += 1
      if (!a.validate(subject)) failures.push({ subject: label, itemIndex, assertion: a.name, message: a.errorMessage })
    }
  }
  const checkQuote = (annotation: unknown, label: string, itemIndex: number | null): void => {
    checks += 1
    if (hasBrokenQuote(annotation)) {
      failures.push({ subject: label, itemIndex, assertion: WELL_FORMED_QUOTE, message: 'ERROR: a TextQuoteSelector exact holds half a surrogate pair (it cannot be written as UTF-8).' })
    }
  }
  const runItems = (items: unknown, context: unknown): void => {
    if (!Array.isArray(items)) return
    items.forEach((item, i) => {
      if (typeof item === 'string') return // a reference by URI, checked by the page/collection assertions
      annotations += 1
      const subject = isObject(item) && !('@context' in item) && context !== undefined ? { '@context': context, ...item } : item
      run(ANNOTATION_MUSTS, subject, `items[${i}]`, i)
      checkQuote(item, `items[${i}]`, i)
    })
  }
  if (kind === 'collection') {
    const collection = value as Json
    run(COLLECTION_MUSTS, collection, 'collection', null)
    const first = collection.first
    if (isObject(first)) runItems(first.items, first['@context'] ?? collection['@context'])
  } else if (kind === 'page') {
    const page = value as Json
    if (!Array.isArray(page.items)) {
      checks += 1
      failures.push({ subject: 'page', itemIndex: null, assertion: '5.2-pageItems', message: 'ERROR: Annotation Page has no items array.' })
    }
    runItems(page.items, page['@context'])
  } else if (kind === 'annotation-list') {
    runItems(value, undefined)
  } else {
    annotations = 1
    run(ANNOTATION_MUSTS, value, 'annotation', null)
    checkQuote(value, 'annotation', null)
  }
  return {
    kind,
    annotations,
    annotationAssertions: ANNOTATION_MUSTS.length,
    collectionAssertions: kind === 'collection' ? COLLECTION_MUSTS.length : 0,
    checks,
    failures,
    ok: failures.length === 0,
  }
}
