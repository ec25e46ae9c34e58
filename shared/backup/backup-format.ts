/**
 * The "back up everything" file: every document with its text, every set and
 * claim, and the preferences, as one JSON object. Restoring validates the whole
 * file first (shape, each text against its SHA-256, every claim's set and
 * document present) so a damaged or foreign file replaces nothing.
 */
import * as v from 'valibot'
import { canonicalText } from '../article/model'
import { ImportRefusedError } from '../errors'
import { sha256Hex } from '../text/sha256'

export const BACKUP_FORMAT = 'critique-workbench-backup'
export const BACKUP_VERSION = 1
/** Largest backup we read; checked before parsing. */
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024

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

const Set = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  documentId: v.string(),
  analyst: v.string(),
  label: v.string(),
  created: v.string(),
  origin: v.picklist(['local', 'imported', 'consensus']),
  // Kept through a backup: the document's web address and the imported file's hash.
  sourceUrl: v.optional(v.pipe(v.string(), v.regex(/^https?:\/\/\S+$/i))),
  importedFrom: v.optional(v.pipe(v.string(), v.regex(/^sha256:[0-9a-f]{64}$/))),
})

const Url = v.pipe(
  v.string(),
  v.check((s) => s === '' || /^(https?:\/\/|mailto:)\S+$/i.test(s), 'only http, https and mailto links are kept'),
)

const Claim = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  setId: v.string(),
  documentId: v.string(),
  stance: v.picklist(['evidenced', 'speculative']),
  target: v.object({
    position: v.object({ type: v.literal('TextPositionSelector'), start: v.pipe(v.number(), v.integer(), v.minValue(0)), end: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
    quote: v.object({ type: v.literal('TextQuoteSelector'), exact: v.string(), prefix: v.string(), suffix: v.string() }),
  }),
  note: v.string(),
  evidence: v.array(v.object({ id: v.string(), citation: v.string(), url: Url })),
  counterpoints: v.array(
    v.object({
      id: v.string(),
      text: v.string(),
      strength: v.picklist(['weak', 'moderate', 'strong']),
      source: v.nullable(v.object({ citation: v.string(), url: Url })),
    }),
  ),
  tags: v.array(v.string()),
  created: v.string(),
  modified: v.string(),
  author: v.string(),
  orphan: v.optional(v.boolean()),
})

const Backup = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  createdAt: v.string(),
  documents: v.array(Document),
  sets: v.array(Set),
  claims: v.array(Claim),
  prefs: v.record(v.string(), v.unknown()),
})

export type BackupFile = v.InferOutput<typeof Backup>
export type BackupDocument = v.InferOutput<typeof Document>

function refuse(fileName: string, reason: string): never {
  throw new ImportRefusedError('bad-backup', `“${fileName}” cannot be restored: ${reason}. Nothing was changed.`, { fileName })
}

/**
 * Parse and check a backup file's text. Returns the backup, or throws
 * {@link ImportRefusedError} ('bad-backup') naming the first problem.
 */
export function parseBackup(text: string, fileName: string): BackupFile {
  if (text.length > MAX_BACKUP_BYTES) refuse(fileName, 'it is larger than 200 MB')
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    refuse(fileName, 'it is not JSON')
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== BACKUP_FORMAT) {
    refuse(fileName, 'it is not a Critique Workbench backup')
  }
  const result = v.safeParse(Backup, json)
  if (!result.success) {
    const issue = result.issues[0]
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? ''
    refuse(fileName, `${path ? `${path}: ` : ''}${issue.message}`)
  }
  const backup = result.output
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
