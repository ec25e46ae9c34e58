/**
 * Annotations inside containers. Documents are stored without their `id`
 * (it depends on the public URL and is added when served), with
 * an ETag that is a hash of the stored document; writes that carry an
 * expected ETag succeed only when it still matches, inside the statement.
 */
import { createHash } from 'node:crypto'
import type { Sql } from '../db/database'

/** A stored annotation. */
export interface StoredAnnotation {
  id: string
  document: Record<string, unknown>
  etag: string
}

/** The ETag of a stored document: quoted, strong, derived from its content only. */
export function etagOf(document: unknown): string {
  return `"${createHash('sha256').update(JSON.stringify(document)).digest('base64url').slice(0, 27)}"`
}

function fromRow(row: { id: string; document: unknown; etag: string }): StoredAnnotation {
  const document = typeof row.document === 'string' ? (JSON.parse(row.document) as Record<string, unknown>) : (row.document as Record<string, unknown>)
  return { id: row.id, document, etag: row.etag }
}

/** One annotation, or null. */
export async function getAnnotation(db: Sql, containerId: string, id: string): Promise<StoredAnnotation | null> {
  const rows = await db.query<{ id: string; document: unknown; etag: string }>(
    'SELECT id, document, etag FROM annotations WHERE container_id = $1 AND id = $2',
    [containerId, id],
  )
  return rows[0] === undefined ? null : fromRow(rows[0])
}

/** How many annotations a container holds. */
export async function countAnnotations(db: Sql, containerId: string): Promise<number> {
  const rows = await db.query<{ n: string | number }>('SELECT count(*) AS n FROM annotations WHERE container_id = $1', [containerId])
  return Number(rows[0]?.n ?? 0)
}

/** A page of annotations in the order they were created. */
export async function pageOfAnnotations(db: Sql, containerId: string, offset: number, limit: number): Promise<StoredAnnotation[]> {
  const rows = await db.query<{ id: string; document: unknown; etag: string }>(
    'SELECT id, document, etag FROM annotations WHERE container_id = $1 ORDER BY seq LIMIT $2 OFFSET $3',
    [containerId, limit, offset],
  )
  return rows.map(fromRow)
}

/** What a create did: stored, already there with the same content, or the id is taken by other content. */
export type CreateResult = { kind: 'created' | 'same'; annotation: StoredAnnotation } | { kind: 'conflict'; current: StoredAnnotation } | { kind: 'no-container' }

// Each write is one statement (its own transaction): the row change and the
// container's revision bump commit together, in one round trip.
const BUMP = 'UPDATE containers SET revision = revision + 1, modified = now() WHERE id = $1 AND EXISTS (SELECT 1 FROM changed) RETURNING (SELECT id FROM changed)'

/**
 * Store a new annotation under a client-chosen id. Idempotent: storing the
 * same document under the same id again reports `same` and changes nothing,
 * so a client may retry a create whose answer it never received.
 */
export async function createAnnotation(db: Sql, containerId: string, id: string, document: Record<string, unknown>): Promise<CreateResult> {
  const etag = etagOf(document)
  let inserted: unknown[]
  try {
    inserted = await db.query(
      `WITH changed AS (INSERT INTO annotations (container_id, id, document, etag) VALUES ($1, $2, $3, $4) ON CONFLICT (container_id, id) DO NOTHING RETURNING id) ${BUMP}`,
      [containerId, id, JSON.stringify(document), etag],
    )
  } catch (error) {
    // 23503: the container was deleted in the meantime (foreign key).
    if ((error as { code?: string }).code === '23503') return { kind: 'no-container' }
    throw error
  }
  if (inserted.length > 0) return { kind: 'created', annotation: { id, document, etag } }
  const current = await getAnnotation(db, containerId, id)
  if (current === null) return { kind: 'no-container' }
  return current.etag === etag ? { kind: 'same', annotation: current } : { kind: 'conflict', current }
}

/** What a replace did. */
export type ReplaceResult = { kind: 'replaced'; annotation: StoredAnnotation } | { kind: 'stale'; current: StoredAnnotation } | { kind: 'missing' }

/**
 * Replace annotation `id`'s document when `ifMatch` is null or equals its
 * current ETag (checked in the UPDATE itself, so two writers cannot both win).
 */
export async function replaceAnnotation(db: Sql, containerId: string, id: string, document: Record<string, unknown>, ifMatch: string | null): Promise<ReplaceResult> {
  const etag = etagOf(document)
  const updated = await db.query(
    `WITH changed AS (UPDATE annotations SET document = $3, etag = $4 WHERE container_id = $1 AND id = $2 AND ($5::text IS NULL OR etag = $5) RETURNING id) ${BUMP}`,
    [containerId, id, JSON.stringify(document), etag, ifMatch],
  )
  if (updated.length > 0) return { kind: 'replaced', annotation: { id, document, etag } }
  const current = await getAnnotation(db, containerId, id)
  return current === null ? { kind: 'missing' } : { kind: 'stale', current }
}

/** What a delete did. */
export type DeleteResult = { kind: 'deleted' } | { kind: 'stale'; current: StoredAnnotation } | { kind: 'missing' }

/** Delete annotation `id` when `ifMatch` is null or equals its current ETag. */
export async function deleteAnnotation(db: Sql, containerId: string, id: string, ifMatch: string | null): Promise<DeleteResult> {
  const deleted = await db.query(
    `WITH changed AS (DELETE FROM annotations WHERE container_id = $1 AND id = $2 AND ($3::text IS NULL OR etag = $3) RETURNING id) ${BUMP}`,
    [containerId, id, ifMatch],
  )
  if (deleted.length > 0) return { kind: 'deleted' }
  const current = await getAnnotation(db, containerId, id)
  return current === null ? { kind: 'missing' } : { kind: 'stale', current }
}
