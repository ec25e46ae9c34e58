/**
 * Hypothesis JSON -> imported claims: an API search result `{total, rows}`,
 * the client's own export file `{export_date, export_userid, client_version,
 * annotations}`, a bare array of rows, or one annotation. The annotation's `text` becomes the note; the tags
 * `evidenced` / `speculative` (any case) the stance, other tags stay tags
 * (see `stanceAndTags`); `user_info.display_name`, else the `acct:` user name,
 * names the author. RangeSelectors are ignored: they address a web page's
 * DOM, which the app's plain text has not.
 */
import {
  accountName,
  commonAuthor,
  commonSourceUrn,
  firstWebAddress,
  labelFromFileName,
  refuse,
  stanceAndTags,
  type ImportedItem,
  type ParsedAnnotations,
} from './imported'
import { findScriptUrl } from './script-urls'
import { readTarget } from './target-selectors'

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

/** True for one Hypothesis annotation: a `user`, a `target` array, and no JSON-LD. */
export function isHypothesisAnnotation(value: unknown): value is Json {
  return isObject(value) && typeof value.user === 'string' && Array.isArray(value.target) && !('@context' in value) && !('type' in value)
}

/** True for a Hypothesis search result: a `rows` array and no JSON-LD. */
export function isHypothesisSearchResult(value: unknown): value is Json {
  return isObject(value) && Array.isArray(value.rows) && !('@context' in value) && !('type' in value)
}

/**
 * True for the file the Hypothesis client writes with "Export annotations":
 * `{export_date, export_userid, client_version, annotations: [...]}`, no JSON-LD.
 */
export function isHypothesisExportFile(value: unknown): value is Json {
  return (
    isObject(value) &&
    Array.isArray(value.annotations) &&
    (typeof value.export_date === 'string' || typeof value.client_version === 'string' || typeof value.export_userid === 'string') &&
    !('@context' in value) &&
    !('type' in value)
  )
}

/**
 * True for a bare array of Hypothesis rows: a non-empty array whose every
 * element is a Hypothesis annotation (a `user`, a `target` array, no JSON-LD).
 */
export function isHypothesisRowArray(value: unknown): value is Json[] {
  return Array.isArray(value) && value.length > 0 && value.every(isHypothesisAnnotation)
}

/** True for any Hypothesis shape {@link readHypothesisJson} reads. */
export function isHypothesisJson(value: unknown): boolean {
  return isHypothesisSearchResult(value) || isHypothesisExportFile(value) || isHypothesisRowArray(value) || isHypothesisAnnotation(value)
}

function authorOf(row: Json): string {
  const info = row.user_info
  if (isObject(info) && typeof info.display_name === 'string' && info.display_name.trim() !== '') return info.display_name.trim()
  return typeof row.user === 'string' ? accountName(row.user) : ''
}

/**
 * Read parsed Hypothesis JSON (see the guards above) into
 * {@link ParsedAnnotations}. Replies (rows with `references`) and page notes
 * (no text selector) are skipped with a warning.
 *
 * @throws ImportRefusedError `wrong-shape` when `value` is neither shape or a
 *   row is not an object or has malformed selectors; `unknown-selectors` when
 *   a row's selectors are all of types the app cannot anchor (e.g. only a
 *   RangeSelector); `unsafe-url` for a `javascript:` / `vbscript:` URL in a
 *   row's text (as a link) or target.
 */
export function readHypothesisJson(value: unknown, fileName: string): ParsedAnnotations {
  let rows: unknown[]
  let created: string | null = null
  const warnings: string[] = []
  if (isHypothesisSearchResult(value)) {
    rows = value.rows as unknown[]
    if (typeof value.total === 'number' && value.total > rows.length) {
      warnings.push(`The search result holds ${rows.length} of ${value.total} annotations; only those were imported.`)
    }
  } else if (isHypothesisExportFile(value)) {
    rows = value.annotations as unknown[]
    if (typeof value.export_date === 'string' && !Number.isNaN(Date.parse(value.export_date))) created = value.export_date
  } else if (isHypothesisRowArray(value)) {
    rows = value
  } else if (isHypothesisAnnotation(value)) {
    rows = [value]
  } else {
    throw refuse('wrong-shape', fileName, 'is not Hypothesis JSON (a search result with rows, the client’s export file, an array of annotations, or one annotation).')
  }
  const items: ImportedItem[] = []
  const sources: (string | null)[] = []
  const addresses: unknown[] = []
  rows.forEach((row, i) => {
    if (!isObject(row)) throw refuse('wrong-shape', fileName, `rows[${i}] is not an annotation object.`, i)
    const scriptUrl = findScriptUrl({ text: row.text, target: row.target, uri: row.uri })
    if (scriptUrl !== null) {
      throw refuse('unsafe-url', fileName, `rows[${i}] contains a script URL (${JSON.stringify(scriptUrl.slice(0, 80))}); the file was refused.`, i)
    }
    if (Array.isArray(row.references) && row.references.length > 0) {
      warnings.push(`rows[${i}]: a reply to another annotation; skipped.`)
      return
    }
    const targets = (Array.isArray(row.target) ? row.target : []).map((t) => readTarget(t, fileName, i))
    const target = targets.find((t) => t.selectors !== null)
    if (target === undefined || target.selectors === null) {
      const types = targets.flatMap((t) => t.types)
      if (types.length > 0) {
        throw refuse('unknown-selectors', fileName, `rows[${i}] has only selectors of types ${[...new Set(types)].join(', ')}; the app needs a TextQuoteSelector or TextPositionSelector.`, i)
      }
      warnings.push(`rows[${i}]: a page note, not on a span of text; skipped.`)
      return
    }
    const rawTags = Array.isArray(row.tags) ? row.tags.filter((t): t is string => typeof t === 'string') : []
    const { stance, tags } = stanceAndTags([], rawTags)
    sources.push(target.source ?? (typeof row.uri === 'string' ? row.uri : null))
    addresses.push(row.uri, target.source, target.scope)
    items.push({
      id: typeof row.id === 'string' && row.id !== '' ? row.id : `#${i}`,
      selectors: target.selectors,
      stance,
      note: typeof row.text === 'string' ? row.text : '',
      evidence: [],
      counterpoints: [],
      tags,
      created: typeof row.created === 'string' ? row.created : null,
      modified: typeof row.updated === 'string' ? row.updated : null,
      author: authorOf(row),
    })
  })
  const analyst = commonAuthor(items.map((it) => it.author))
  if (new Set(items.map((it) => it.author).filter((a) => a !== '')).size > 1) warnings.push(`The annotations are by several people (${analyst}); they were imported as one set.`)
  return {
    format: 'hypothesis',
    // Hypothesis takes offsets from the DOM: UTF-16 code units.
    positionUnit: 'code-units',
    originalAddress: firstWebAddress(addresses),
    analyst,
    label: labelFromFileName(fileName),
    setId: null,
    created,
    sourceUrn: commonSourceUrn(sources),
    items,
    warnings,
  }
}
