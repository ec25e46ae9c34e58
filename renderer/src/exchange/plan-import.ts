/**
 * From an annotation file to a new annotation set ready to store, without
 * touching storage: read the bytes (size first, then strict UTF-8), parse,
 * anchor on the article, build the claims and the report the analyst sees.
 * Storage (which article, which ids are taken, the one transaction) is
 * `import-annotations.ts`'s business.
 */
import { articleUrn, type Article } from '../../../shared/article/model'
import type { PickedFile } from '../../../shared/bridge/contract'
import type { AnnotationSet, Claim } from '../../../shared/claims/model'
import { ImportRefusedError } from '../../../shared/errors'
import {
  MAX_ANNOTATION_FILE_BYTES,
  anchorImported,
  claimsFromImport,
  parseAnnotationFile,
  type ImportAnchoring,
  type ParsedAnnotations,
} from '../../../shared/w3c'
import { importReport, type ImportReport } from './import-report'

/**
 * The text of an annotation file: refused before decoding when larger than
 * MAX_ANNOTATION_FILE_BYTES, decoded as strict UTF-8 (a leading byte order
 * mark is dropped).
 *
 * @throws ImportRefusedError `too-large` or `not-utf8`, naming the file.
 */
export function annotationFileText(file: PickedFile): string {
  if (file.bytes.byteLength > MAX_ANNOTATION_FILE_BYTES) {
    throw new ImportRefusedError('too-large', `"${file.name}" is larger than ${MAX_ANNOTATION_FILE_BYTES / (1024 * 1024)} MB, the most an annotation file may be.`, {
      fileName: file.name,
    })
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file.bytes)
  } catch (cause) {
    throw new ImportRefusedError('not-utf8', `"${file.name}" is not UTF-8 text; annotation files are JSON in UTF-8.`, { fileName: file.name, cause })
  }
}

/** Read and parse an annotation file: {@link annotationFileText} then `parseAnnotationFile`. Throws ImportRefusedError only. */
export function readAnnotationFile(file: PickedFile): ParsedAnnotations {
  return parseAnnotationFile(annotationFileText(file), file.name)
}

/** What the clock and the random source give an import (tests pass fixed ones). */
export interface PlanContext {
  /** ISO time: the set's `created` when the file has none, and times the file lacks. */
  now: string
  newId: () => string
}

/** A new set, its claims, and what happened on the way. */
export interface ImportPlan {
  set: AnnotationSet
  claims: Claim[]
  anchoring: ImportAnchoring
  report: ImportReport
}

/** Name of the analyst when the file names none. */
export const UNNAMED_ANALYST = 'Unnamed analyst'

/**
 * Anchor `parsed` on `article` and build the set to store: origin
 * 'imported', the file's set id when it gives one (else a new id), its
 * analyst and label (falling back to {@link UNNAMED_ANALYST} and the file
 * name), its `created` time (else `context.now`), and the document's web
 * address when the file names one (`sourceUrl`). Offsets without a quote are
 * placed only when the file names this very text (`urn:sha256:`); otherwise
 * they are orphans. Orphans are kept, flagged.
 * Never throws for any parsed file.
 */
export function planImport(parsed: ParsedAnnotations, article: Article, fileName: string, context: PlanContext): ImportPlan {
  // Offsets without a quote are trusted only on the very text the file names.
  const sameText = parsed.sourceUrn === articleUrn(article.sha256)
  const anchoring = anchorImported(article.text, parsed.items, { positionUnit: parsed.positionUnit, sameText })
  const setId = parsed.setId ?? context.newId()
  const claims = claimsFromImport(article.text, parsed.items, anchoring.placements, {
    setId,
    documentId: article.id,
    now: context.now,
    newId: context.newId,
    positionUnit: parsed.positionUnit,
  })
  const set: AnnotationSet = {
    id: setId,
    documentId: article.id,
    analyst: parsed.analyst.trim() === '' ? UNNAMED_ANALYST : parsed.analyst,
    label: parsed.label.trim() === '' ? fileName : parsed.label,
    created: parsed.created ?? context.now,
    origin: 'imported',
  }
  if (parsed.originalAddress !== null) set.sourceUrl = parsed.originalAddress
  const report = importReport({
    fileName,
    parsed,
    set,
    article,
    anchoring,
    otherText: parsed.sourceUrn !== null && parsed.sourceUrn !== articleUrn(article.sha256),
  })
  return { set, claims, anchoring, report }
}

/**
 * Give the set and claims fresh ids where `taken` already holds theirs (the
 * same file imported twice keeps the file's ids the first time only: stored
 * ids are unique). Evidence and counterpoint ids live inside their claim and
 * are left alone. Returns new objects; the inputs are not changed.
 */
export function withFreshIds(set: AnnotationSet, claims: readonly Claim[], taken: ReadonlySet<string>, newId: () => string): { set: AnnotationSet; claims: Claim[] } {
  const setId = taken.has(set.id) ? newId() : set.id
  return {
    set: { ...set, id: setId },
    claims: claims.map((c) => ({ ...c, setId, id: taken.has(c.id) ? newId() : c.id })),
  }
}
