/**
 * Containers: one per shared annotation set, on one article (its SHA-256),
 * owned by one user, visible to that user's team. Access rules live here so
 * every handler asks the same question the same way.
 */
import type { Sql } from '../db/database'
import type { User } from './users'

/** A container row with its owner's name and team. */
export interface Container {
  id: string
  articleSha256: string
  ownerId: string
  ownerName: string
  team: string
  label: string
  created: string
  revision: number
  modified: string
}

interface ContainerRow extends Record<string, unknown> {
  id: string
  article_sha256: string
  owner_id: string
  owner_name: string
  team: string
  label: string
  created: string
  revision: string | number
  modified: Date | string
}

const SELECT = `SELECT c.id, c.article_sha256, c.owner_id, u.name AS owner_name, u.team, c.label, c.created, c.revision, c.modified
  FROM containers c JOIN users u ON u.id = c.owner_id`

function fromRow(row: ContainerRow): Container {
  return {
    id: row.id,
    articleSha256: row.article_sha256,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    team: row.team,
    label: row.label,
    created: row.created,
    revision: Number(row.revision),
    modified: new Date(row.modified).toISOString(),
  }
}

/**
 * The container `id` as `user` may see it: null when it does not exist or
 * belongs to another team (the two are indistinguishable on purpose: 404).
 */
export async function visibleContainer(db: Sql, id: string, user: User): Promise<Container | null> {
  const rows = await db.query<ContainerRow>(`${SELECT} WHERE c.id = $1 AND u.team = $2`, [id, user.team])
  return rows[0] === undefined ? null : fromRow(rows[0])
}

/** The containers on one article that `user`'s team can see, oldest first. */
export async function containersOnArticle(db: Sql, articleSha256: string, user: User): Promise<(Container & { total: number })[]> {
  const rows = await db.query<ContainerRow & { total: string | number }>(
    `SELECT c.id, c.article_sha256, c.owner_id, u.name AS owner_name, u.team, c.label, c.created, c.revision, c.modified,
       (SELECT count(*) FROM annotations a WHERE a.container_id = c.id) AS total
     FROM containers c JOIN users u ON u.id = c.owner_id
     WHERE c.article_sha256 = $1 AND u.team = $2 ORDER BY c.created, c.id`,
    [articleSha256, user.team],
  )
  return rows.map((row) => ({ ...fromRow(row), total: Number(row.total) }))
}

/** What creating a container did. */
export type CreateContainerResult =
  | { kind: 'created'; container: Container }
  | { kind: 'updated'; container: Container }
  | { kind: 'taken' }

/**
 * Create container `id` for `owner`, or, when it already exists and is
 * theirs on the same article, update its label (idempotent: a retried create
 * changes nothing). `taken` when the id is used by someone else or for
 * another article.
 */
export async function putContainer(
  tx: Sql,
  fields: { id: string; articleSha256: string; label: string; created: string },
  owner: User,
): Promise<CreateContainerResult> {
  const inserted = await tx.query(
    `INSERT INTO containers (id, article_sha256, owner_id, label, created) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [fields.id, fields.articleSha256, owner.id, fields.label, fields.created],
  )
  if (inserted.length === 0) {
    const updated = await tx.query(
      `UPDATE containers SET label = $4, revision = CASE WHEN label = $4 THEN revision ELSE revision + 1 END,
         modified = CASE WHEN label = $4 THEN modified ELSE now() END
       WHERE id = $1 AND owner_id = $2 AND article_sha256 = $3 RETURNING id`,
      [fields.id, owner.id, fields.articleSha256, fields.label],
    )
    if (updated.length === 0) return { kind: 'taken' }
  }
  const container = await visibleContainer(tx, fields.id, owner)
  if (container === null) throw new Error(`putContainer: container ${fields.id} vanished inside its own transaction`)
  return { kind: inserted.length === 0 ? 'updated' : 'created', container }
}

/** Delete a container and everything in it. */
export async function deleteContainer(db: Sql, id: string): Promise<void> {
  await db.query('DELETE FROM containers WHERE id = $1', [id])
}
