/**
 * The schema, as numbered migrations run in order on either engine. Each runs
 * once, in its own transaction, under a transaction-scoped advisory lock, so
 * several server processes starting together on one database apply each
 * migration exactly once.
 */
import type { Database } from './database'

/** Key of the advisory lock that serialises migrations (any fixed number). */
const MIGRATION_LOCK = 7_171_717

/** The migrations, oldest first. Never edit a released one: add a new one. */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'users, containers, annotations',
    sql: `
      CREATE TABLE users (
        id text PRIMARY KEY,
        name text NOT NULL UNIQUE,
        team text NOT NULL,
        salt bytea NOT NULL,
        token_hash bytea NOT NULL,
        created timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE containers (
        id text PRIMARY KEY,
        article_sha256 text NOT NULL,
        owner_id text NOT NULL REFERENCES users(id),
        label text NOT NULL,
        created text NOT NULL,
        revision bigint NOT NULL DEFAULT 0,
        modified timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX containers_by_article ON containers (article_sha256);
      CREATE TABLE annotations (
        container_id text NOT NULL REFERENCES containers(id) ON DELETE CASCADE,
        id text NOT NULL,
        seq bigserial NOT NULL,
        document jsonb NOT NULL,
        etag text NOT NULL,
        PRIMARY KEY (container_id, id)
      );
      CREATE INDEX annotations_in_order ON annotations (container_id, seq);
    `,
  },
]

/**
 * Bring the schema up to date. Safe to call from several processes at once.
 *
 * @throws the driver's error when a migration fails (that migration is rolled back).
 */
export async function migrate(db: Database): Promise<number[]> {
  await db.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied timestamptz NOT NULL DEFAULT now())').catch(async (error: unknown) => {
    // Two processes racing to create the table: the loser sees a duplicate; the table is there.
    const exists = await db.query("SELECT 1 FROM pg_tables WHERE tablename = 'schema_migrations'")
    if (exists.length === 0) throw error
  })
  const applied: number[] = []
  for (const migration of MIGRATIONS) {
    const ran = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version])
      if (done.length > 0) return false
      for (const statement of migration.sql.split(';').map((s) => s.trim()).filter((s) => s !== '')) await tx.query(statement)
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name])
      return true
    })
    if (ran) applied.push(migration.version)
  }
  return applied
}
