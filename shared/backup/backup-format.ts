/**
 * The "back up everything" file: every document with its text, every set and
 * claim, and the preferences, as one JSON object. Restoring validates the whole
 * file first (shape, each text against its SHA-256, every claim's set and
 * document present) so a damaged or foreign file replaces nothing.
 */
import * as v from 'valibot'
import { canonicalText } from '../article/model'
import { ClaimSchema } from '../claims/claim-schema'
import { ImportRefusedError } from '../errors'
import { sha256Hex } from '../text/sha256'
import { MAX_BACKUP_BYTES } from './limits'

export const BACKUP_FORMAT = 'critique-workbench-backup'
/**
 * The backup format this build writes. 2 added `workRecords` (per document and
 * per set records, apart from preferences); a version 1 file, which kept them
 * among `prefs`, still restores (restore-side code routes each key to its table).
 */
export const BACKUP_VERSION = 2
export { MAX_BACKUP_BYTES }

const Mark = v.object({
  type: v.picklist(['em', 'strong', 'code', 'link']),
  start: v.pipe(v.number(), v.integer(), v.minValue(0)),
  end: v.pipe(v.number(), v.integer(), v.minValue(0)),
  href: v.optional(v.string()),
})

const Block = v.object({
  type: v.picklist(['heading', 'paragraph', 'blockquote', 'list_item', 'code']),
  level: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(6)),
  text: v.string(),
  marks: v.array(Mark),
  ordered: v.optional(v.boolean()),
})

const Document = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  title: v.string(),
  publishedOn: v.nullable(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/))),
  language: v.string(),
  format: v.picklist(['text', 'markdown', 'html']),
  sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  sourceName: v.string(),
  sourceBytes: v.pipe(v.number(), v.minValue(0)),
  importedAt: v.string(),
  blocks: v.pipe(v.array(Block), v.minLength(1)),
  text: v.string(),
})

// A team server IRI: http(s), no spaces, ending in '/' (a container).
const ContainerIri = v.pipe(v.string(), v.regex(/^https?:\/\/\S+\/$/i))
const Etag = v.pipe(v.string(), v.maxLength(200))

// Where a colleague's set is followed from (AnnotationSet.followed): kept, so a restored
// set stays read-only and followed instead of coming back as a second, editable copy.
const FollowedSchema = v.object({ iri: ContainerIri, owner: v.string(), etag: v.nullable(Etag) })

// What the server acknowledged of a shared set (AnnotationSet.shared): kept, so edits
// made before the backup that never went out are still pending after a restore, and
// every write still carries the ETag it replaces (a 412 if the server moved meanwhile).
const SharedSchema = v.object({
  iri: ContainerIri,
  acked: v.record(v.string(), v.object({ etag: Etag, modified: v.string() })),
  conflicts: v.record(v.string(), v.object({ annotation: v.nullable(v.record(v.string(), v.unknown())), etag: v.nullable(Etag) })),
  etag: v.optional(v.nullable(Etag)),
  label: v.optional(v.pipe(v.string(), v.maxLength(500))),
})

const SetSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  documentId: v.string(),
  analyst: v.string(),
  label: v.string(),
  created: v.string(),
  origin: v.picklist(['local', 'imported', 'consensus']),
  // Kept through a backup: the document's web address and the imported file's hash.
  sourceUrl: v.optional(v.pipe(v.string(), v.regex(/^https?:\/\/\S+$/i))),
  importedFrom: v.optional(v.pipe(v.string(), v.regex(/^sha256:[0-9a-f]{64}$/))),
  followed: v.optional(FollowedSchema),
  shared: v.optional(SharedSchema),
})

const Backup = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.picklist([1, BACKUP_VERSION]),
  createdAt: v.string(),
  documents: v.array(Document),
  sets: v.array(SetSchema),
  claims: v.array(ClaimSchema),
  prefs: v.record(v.string(), v.unknown()),
  // Absent from version 1 files, which kept these records among `prefs`.
  workRecords: v.optional(v.record(v.string(), v.unknown()), {}),
})

export type BackupFile = v.InferOutput<typeof Backup>
export type BackupDocument = v.InferOutput<typeof Document>

/** Why a backup is refused: each code has a message in every UI language (errors.<code>). */
export type BackupRefusal = 'backup-too-large' | 'backup-not-json' | 'backup-not-ours' | 'backup-newer' | 'backup-duplicate-ids' | 'bad-backup'

function refuse(fileName: string, reason: string, code: BackupRefusal = 'bad-backup'): never {
  throw new ImportRefusedError(code, `“${fileName}” cannot be restored: ${reason}. Nothing was changed.`, { fileName })
}

/** The first id that `items` repeat, or null. */
function repeatedId(items: readonly { id: string }[]): string | null {
  const seen = new Set<string>()
  for (const { id } of items) {
    if (seen.has(id)) return id
    seen.add(id)
  }
  return null
}

/**
 * Refuse a backup in which two documents, sets or claims share an id (or two
 * documents the same text), or one claim lists two evidence items or
 * counterpoints with one id: the app never writes one, and restoring it
 * would fail halfway through the database's unique keys.
 */
function refuseDuplicates(backup: BackupFile, fileName: string): void {
  const checks: [string, readonly { id: string }[]][] = [
    ['documents', backup.documents],
    ['documents (same text)', backup.documents.map((d) => ({ id: d.sha256 }))],
    ['sets', backup.sets],
    ['claims', backup.claims],
  ]
  for (const [what, items] of checks) {
    const id = repeatedId(items)
    if (id !== null) refuse(fileName, `two ${what} share the id ${JSON.stringify(id)}`, 'backup-duplicate-ids')
  }
  for (const claim of backup.claims) {
    const id = repeatedId(claim.evidence) ?? repeatedId(claim.counterpoints)
    if (id !== null) refuse(fileName, `claim ${JSON.stringify(claim.id)} lists two items with the id ${JSON.stringify(id)}`, 'backup-duplicate-ids')
  }
}

/**
 * Parse and check a backup file's text. Returns the backup, or throws
 * {@link ImportRefusedError} naming the file and the first problem, with a
 * {@link BackupRefusal} code: too large, not JSON, not a backup, written by a
 * newer version, duplicate ids, or damaged ('bad-backup').
 */
export function parseBackup(text: string, fileName: string): BackupFile {
  if (text.length > MAX_BACKUP_BYTES) refuse(fileName, 'it is larger than 200 MB', 'backup-too-large')
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    refuse(fileName, 'it is not JSON', 'backup-not-json')
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== BACKUP_FORMAT) {
    refuse(fileName, 'it is not a Critique Workbench backup', 'backup-not-ours')
  }
  const version = (json as { version?: unknown }).version
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    refuse(fileName, `it was made by a newer version of Critique Workbench (backup format ${version}; this version reads up to ${BACKUP_VERSION}). Update the app to restore it`, 'backup-newer')
  }
  const result = v.safeParse(Backup, json)
  if (!result.success) {
    const issue = result.issues[0]
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? ''
    refuse(fileName, `${path ? `${path}: ` : ''}${issue.message}`)
  }
  const backup = result.output
  refuseDuplicates(backup, fileName)
  const docs = new Map(backup.documents.map((d) => [d.id, d]))
  backup.documents.forEach((d, i) => {
    if (canonicalText(d.blocks) !== d.text) refuse(fileName, `documents.${i} (“${d.title}”): its text does not match its blocks`)
    if (sha256Hex(d.text) !== d.sha256) refuse(fileName, `documents.${i} (“${d.title}”): its text does not match its SHA-256`)
  })
  const sets = new Map(backup.sets.map((s) => [s.id, s]))
  backup.sets.forEach((s, i) => {
    if (!docs.has(s.documentId)) refuse(fileName, `sets.${i} (“${s.label}”) belongs to a document that is not in the backup`)
  })
  backup.claims.forEach((c, i) => {
    const set = sets.get(c.setId)
    if (!set || set.documentId !== c.documentId) refuse(fileName, `claims.${i} belongs to a set or document that is not in the backup`)
    const text = docs.get(c.documentId)!.text
    const { start, end } = c.target.position
    if (!c.orphan && (end < start || end > text.length)) refuse(fileName, `claims.${i} points outside its document`)
  })
  return backup
}
