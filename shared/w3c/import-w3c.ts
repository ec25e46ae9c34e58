/**
 * W3C Web Annotation documents -> imported claims: one Annotation, an array
 * of them, an AnnotationPage, or an AnnotationCollection with its first page
 * embedded. The document must pass the suite's MUST assertions first.
 */
import {
  commonAuthor,
  commonSourceUrn,
  firstWebAddress,
  labelFromFileName,
  refuse,
  accountName,
  stanceAndTags,
  uuidFromUrn,
  type ImportedItem,
  type ParsedAnnotations,
  type PositionUnit,
} from './imported'
import { findScriptUrl } from './script-urls'
import { validateW3cDocument, w3cDocumentKind } from './suite-validator'
import { readTarget } from './target-selectors'
import { readBodies, stringsOf } from './w3c-body'

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const arrayOf = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v])

/** A W3C agent (string, object or array of them) as a display name; '' when none. */
export function agentName(agent: unknown): string {
  const first = Array.isArray(agent) ? agent[0] : agent
  if (typeof first === 'string') return accountName(first)
  if (!isObject(first)) return ''
  const name = stringsOf(first.name)[0] ?? stringsOf(first.nickname)[0] ?? stringsOf(first.id)[0] ?? ''
  return accountName(name)
}

// Producers known to count TextPositionSelector offsets in UTF-16 code units
// (they take them from the DOM), as named in a `generator`.
const CODE_UNIT_PRODUCERS = /recogito|hypothes\.?is|annotorious/i

/**
 * The unit a W3C file's offsets count: code points (the W3C rule) unless the
 * document or an annotation names a producer known to count UTF-16 code
 * units, in its `generator` (a string, or an object's id, name or homepage).
 */
export function producerPositionUnit(doc: unknown, annotations: readonly unknown[]): PositionUnit {
  const names = (v: unknown): string[] => arrayOf(v).flatMap((g) => (typeof g === 'string' ? [g] : isObject(g) ? [g.id, g.name, g.homepage].filter((x): x is string => typeof x === 'string') : []))
  const generators = [doc, ...annotations].flatMap((a) => (isObject(a) ? names(a.generator) : []))
  return generators.some((g) => CODE_UNIT_PRODUCERS.test(g)) ? 'code-units' : 'code-points'
}

/** The annotations a document holds, and the collection around them if any. */
function itemsOf(doc: unknown, fileName: string): { items: unknown[]; collection: Json | null } {
  const kind = w3cDocumentKind(doc)
  if (kind === 'annotation-list') return { items: doc as unknown[], collection: null }
  if (kind === 'annotation') return { items: [doc], collection: null }
  const container = doc as Json
  if (kind === 'page') return { items: arrayOf(container.items), collection: null }
  const first = Array.isArray(container.first) ? container.first[0] : container.first
  if (first === undefined) return { items: [], collection: container }
  if (!isObject(first)) {
    throw refuse('wrong-shape', fileName, 'the collection refers to its first page by URI; only collections with the page embedded can be imported (nothing is fetched).')
  }
  if (first.next !== undefined) {
    throw refuse('wrong-shape', fileName, 'the collection has more pages (first.next); only a single embedded page can be imported (nothing is fetched).')
  }
  return { items: arrayOf(first.items), collection: container }
}

/**
 * Read a parsed W3C document into {@link ParsedAnnotations}.
 *
 * Annotations whose targets have no selector (a note on a whole document)
 * are skipped with a warning. Body mapping: see `w3c-body.ts`.
 *
 * @throws ImportRefusedError `not-w3c` naming the first failed MUST assertion
 *   and the item; `wrong-shape` for an item that is not an object, a page
 *   given by reference, or malformed selectors; `unknown-selectors` when an
 *   item's selectors are all of types the app cannot anchor; `unsafe-url` for
 *   a `javascript:` or `vbscript:` URL in a body or target.
 */
export function readW3cDocument(doc: unknown, fileName: string): ParsedAnnotations {
  const { items: raw, collection } = itemsOf(doc, fileName)
  // Script URLs first: such a file is refused as hostile whatever else is wrong with it.
  raw.forEach((annotation, i) => {
    if (!isObject(annotation)) return
    const scriptUrl = findScriptUrl({ body: annotation.body, bodyValue: annotation.bodyValue, target: annotation.target })
    if (scriptUrl !== null) {
      throw refuse('unsafe-url', fileName, `items[${i}] contains a script URL (${JSON.stringify(scriptUrl.slice(0, 80))}); the file was refused.`, i)
    }
  })
  const report = validateW3cDocument(doc)
  const failure = report.failures[0]
  if (failure !== undefined) {
    const more = report.failures.length > 1 ? ` (${report.failures.length - 1} more failures)` : ''
    throw refuse('not-w3c', fileName, `${failure.subject} fails W3C Web Annotation assertion ${failure.assertion}: ${failure.message.replace(/^ERROR:\s*/, '')}${more}`, failure.itemIndex ?? undefined)
  }
  const warnings: string[] = []
  const items: ImportedItem[] = []
  const sources: (string | null)[] = []
  const addresses: unknown[] = []
  const analyst = collection === null ? '' : agentName(collection.creator)
  raw.forEach((annotation, i) => {
    if (!isObject(annotation)) throw refuse('wrong-shape', fileName, `items[${i}] is not an embedded annotation object.`, i)
    const targets = arrayOf(annotation.target).map((t) => readTarget(t, fileName, i))
    const target = targets.find((t) => t.selectors !== null)
    if (target === undefined || target.selectors === null) {
      const types = targets.flatMap((t) => t.types)
      if (types.length > 0) {
        throw refuse('unknown-selectors', fileName, `items[${i}] has only selectors of types ${[...new Set(types)].join(', ')}; the app needs a TextQuoteSelector or TextPositionSelector.`, i)
      }
      warnings.push(`items[${i}]: targets a whole document, not a span of text; skipped.`)
      return
    }
    if (targets.filter((t) => t.selectors !== null).length > 1) warnings.push(`items[${i}]: has several text targets; only the first was used.`)
    const motivation = stringsOf(annotation.motivation)[0]
    const bodies = arrayOf(annotation.body)
    const parts = readBodies(bodies, motivation, `items[${i}]`)
    warnings.push(...parts.warnings)
    if (typeof annotation.bodyValue === 'string') parts.notes.unshift(annotation.bodyValue)
    const { stance, tags } = stanceAndTags(parts.stanceLabels, parts.tags)
    sources.push(target.source)
    addresses.push(target.scope, target.source)
    items.push({
      id: uuidFromUrn(annotation.id) ?? (typeof annotation.id === 'string' ? annotation.id : `#${i}`),
      selectors: target.selectors,
      stance,
      note: parts.notes.join('\n\n'),
      evidence: parts.evidence,
      counterpoints: parts.counterpoints,
      tags,
      created: typeof annotation.created === 'string' ? annotation.created : null,
      modified: typeof annotation.modified === 'string' ? annotation.modified : null,
      author: agentName(annotation.creator) || analyst,
    })
  })
  const sourceUrn = commonSourceUrn(sources)
  if (sourceUrn === null && new Set(sources).size > 1) warnings.push(`The annotations name ${new Set(sources).size} different sources.`)
  return {
    format: 'w3c',
    positionUnit: producerPositionUnit(doc, raw),
    originalAddress: firstWebAddress(addresses),
    analyst: analyst || commonAuthor(items.map((it) => it.author)),
    label: (collection !== null ? stringsOf(collection.label)[0] : undefined) ?? labelFromFileName(fileName),
    setId: collection === null ? null : uuidFromUrn(collection.id),
    created: collection !== null && typeof collection.created === 'string' ? collection.created : null,
    sourceUrn,
    items,
    warnings,
  }
}
