/**
 * Reading the CLI's inputs the way the app reads them: an article file through
 * the shared importers, and an annotation file parsed, anchored on that article
 * and turned into a set of claims. Every command that takes ARTICLE or SET
 * files goes through here, so they all refuse and warn alike.
 */
import { readFile } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { finishArticle, parseArticleFile } from '../shared/article/import'
import { articleUrn, type Article, type ParsedArticle } from '../shared/article/model'
import type { AnnotationSet, Claim } from '../shared/claims/model'
import { ImportRefusedError } from '../shared/errors'
import { sha256Hex } from '../shared/text/sha256'
import { anchorImported, claimsFromImport, parseAnnotationFile, type ImportAnchoringSummary, type ParsedAnnotations } from '../shared/w3c'
import type { CliIo } from './io'
import { readAnnotationFile } from './read-annotation-file'

/** The bytes of `name` (relative to `cwd`) or ImportRefusedError `unreadable`. */
export async function readInput(cwd: string, name: string): Promise<{ path: string; bytes: Uint8Array }> {
  const path = resolve(cwd, name)
  try {
    return { path, bytes: await readFile(path) }
  } catch (cause) {
    throw new ImportRefusedError('unreadable', `Cannot read "${name}": ${(cause as Error).message}`, { fileName: name, cause })
  }
}

/**
 * Parse an article file (.txt or .md). HTML needs a DOM parser, which only the
 * app has, so an HTML article is refused with a message saying so.
 */
export async function loadParsedArticle(cwd: string, name: string): Promise<{ path: string; bytes: Uint8Array; parsed: ParsedArticle }> {
  const { path, bytes } = await readInput(cwd, name)
  const parsed = parseArticleFile({ name: basename(path), bytes }, (_html, fileName) => {
    throw new ImportRefusedError('html-needs-app', `"${fileName}" is HTML; the command line reads .txt and .md articles. Open HTML articles in the app.`, {
      fileName,
    })
  })
  return { path, bytes, parsed }
}

/** The article as the app would store it; its id is its text's URN. */
export async function loadArticle(cwd: string, name: string): Promise<Article> {
  const { path, bytes, parsed } = await loadParsedArticle(cwd, name)
  const article = finishArticle(parsed, { id: '', sourceName: basename(path), sourceBytes: bytes.byteLength, importedAt: '' })
  return { ...article, id: articleUrn(article.sha256) }
}

const UNIT_NAMES = { 'code-points': 'code points', 'code-units': 'UTF-16 code units' } as const

/**
 * What the anchoring assumed or refused about offsets, one sentence each
 * (empty when every placement was confirmed by its quote).
 */
export function anchoringNotes(s: ImportAnchoringSummary): string[] {
  const notes: string[] = []
  if (s.positionsAssumed > 0) {
    notes.push(`${s.positionsAssumed} claim(s) had offsets but no quote; the file names this exact text, so they were placed there, counting ${UNIT_NAMES[s.positionUnit]} (the producer's convention).`)
  }
  if (s.otherUnit > 0) {
    const other = s.positionUnit === 'code-points' ? 'code-units' : 'code-points'
    notes.push(`${s.otherUnit} claim(s) gave offsets in ${UNIT_NAMES[other]} rather than ${UNIT_NAMES[s.positionUnit]}; their quotes confirmed them.`)
  }
  if (s.uncheckedPositions > 0) {
    notes.push(`${s.uncheckedPositions} claim(s) had offsets but no quote, and the file does not name this exact text: nothing confirms which words they meant, so they were kept as orphans with their offsets, not placed.`)
  }
  return notes
}

/** A UUID-shaped id from a hash, so re-running on the same file gives the same ids. */
export function stableIdMaker(seed: string): () => string {
  let n = 0
  return () => {
    const h = sha256Hex(`${seed}#${n++}`)
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`
  }
}

export interface LoadedSet {
  fileName: string
  parsed: ParsedAnnotations
  set: AnnotationSet
  claims: Claim[]
  anchoring: ReturnType<typeof anchorImported>
}

/**
 * Read an annotation file, anchor it on `article` (offsets without a quote are
 * trusted only when the file names this very text) and build its set and
 * claims. Warnings (another text, assumed offsets, most quotes not found,
 * skipped items) go to stderr.
 */
export async function loadAnnotationSet(cwd: string, name: string, article: Article, now: string, io: CliIo): Promise<LoadedSet> {
  const { fileName, text } = await readAnnotationFile(cwd, name)
  const parsed = parseAnnotationFile(text, fileName)
  const warn = (message: string): void => io.stderr(`warning: ${message}\n`)
  parsed.warnings.forEach(warn)
  const sameText = parsed.sourceUrn === articleUrn(article.sha256)
  const anchoring = anchorImported(article.text, parsed.items, { positionUnit: parsed.positionUnit, sameText })
  if (parsed.sourceUrn !== null && !sameText) warn(`"${fileName}" was made on another text (${parsed.sourceUrn}); its offsets were not trusted.`)
  anchoringNotes(anchoring.summary).forEach(warn)
  if (anchoring.probablyWrongArticle) warn(`most claims could not be found; is "${fileName}" for this article?`)
  const newId = stableIdMaker(sha256Hex(text))
  const setId = parsed.setId ?? newId()
  const claims = claimsFromImport(article.text, parsed.items, anchoring.placements, { setId, documentId: article.id, now, newId, positionUnit: parsed.positionUnit })
  const set: AnnotationSet = {
    id: setId,
    documentId: article.id,
    analyst: parsed.analyst,
    label: parsed.label,
    created: parsed.created ?? now,
    origin: 'imported',
  }
  if (parsed.originalAddress !== null) set.sourceUrl = parsed.originalAddress
  return { fileName, parsed, set, claims, anchoring }
}
