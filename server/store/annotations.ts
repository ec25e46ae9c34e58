/**
 * Annotations inside containers. Documents are stored without their `id`
 * (it depends on the public URL and is added when served), with
 * an ETag that is a hash of the stored document; writes that carry an
 * expected ETag succeed only when it still matches, inside the statement.
 */
import { createHash } from 'node:crypto'
import type { Sql } from '../db/database'
import { touchContainer } from './containers'

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

/**
 * Store a new annotation under a client-chosen id. Idempotent: storing the
 * same document under the same id again reports `same` and changes nothing,
 * so a client may retry a create whose answer it never received.
 */
export async function createAnnotation(tx: Sql, containerId: string, id: string, document: Record<string, unknown>): Promise<CreateResult> {
  const etag = etagOf(document)
  if ((await tx.query('SELECT 1 FROM containers WHERE id = $1', [containerId])).length === 0) return { kind: 'no-container' }
  const inserted = await tx.query(
    'INSERT INTO annotations (container_id, id, document, etag) VALUES ($1, $2, $3, $4) ON CONFLICT (container_id, id) DO NOTHING RETURNING id',
    [containerId, id, JSON.stringify(document), etag],
  )
  if (inserted.length > 0) {
    await touchContainer(tx, containerId)
    return { kind: 'created', annotation: { id, document, etag } }
  }
  const current = await getAnnotation(tx, containerId, id)
  if (current === null) throw new Error(`createAnnotation: ${containerId}/${id} conflicted but is not there`)
  return current.etag === etag ? { kind: 'same', annotation: current } : { kind: 'conflict', current }
}

/** What a replace did. */
export type ReplaceResult = { kind: 'replaced'; annotation: StoredAnnotation } | { kind: 'stale'; current: StoredAnnotation } | { kind: 'missing' }

/**
 * Replace annotation `id`'s document when `ifMatch` is null or equals its
 * current ETag (checked in the UPDATE itself, so two writers cannot both win).
 */
export async function replaceAnnotation(tx: Sql, containerId: string, id: string, document: Record<string, unknown>, ifMatch: string | null): Promise<ReplaceResult> {
  const etag = etagOf(document)
  const updated = await tx.query(
    'UPDATE annotations SET document = $3, etag = $4 WHERE container_id = $1 AND id = $2 AND ($5::text IS NULL OR etag = $5) RETURNING id',
    [containerId, id, JSON.stringify(document), etag, ifMatch],
  )
  if (updated.length > 0) {
    await touchContainer(tx, containerId)
    return { kind: 'replaced', annotation: { id, document, etag } }
  }
  const current = await getAnnotation(tx, containerId, id)
  return current === null ? { kind: 'missing' } : { kind: 'stale', current }
}

/** What a delete did. */
export type DeleteResult = { kind: 'deleted' } | { kind: 'stale'; current: StoredAnnotation } | { kind: 'missing' }

/** Delete annotation `id` when `ifMatch` is null or equals its current ETag. */
export async function deleteAnnotation(tx: Sql, containerId: string, id: string, ifMatch: string | null): Promise<DeleteResult> {
  const deleted = await tx.query('DELETE FROM annotations WHERE container_id = $1 AND id = $2 AND ($3::text IS NULL OR etag = $3) RETURNING id', [containerId, id, ifMatch])
  if (deleted.length > 0) {
    await touchContainer(tx, containerId)
    return { kind: 'deleted' }
  }
  const current = await getAnnotation(tx, containerId, id)
  return current === null ? { kind: 'missing' } : { kind: 'stale', current }
}
