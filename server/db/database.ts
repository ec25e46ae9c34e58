/**
 * The one database interface the server uses, over two engines that speak the
 * same SQL: PGlite (PostgreSQL compiled to WASM, in a local folder, for a
 * server that needs no set-up) and a PostgreSQL server through `pg` (for a
 * team that runs several server processes on one database).
 *
 * Every statement takes its values as parameters ($1, $2, ...); no caller
 * builds SQL from input.
 */
// Types only here: the engines are loaded when a database is opened, since loading
// both costs ~250 ms that every `critique` command (--help included) would pay.
import type { PGlite } from '@electric-sql/pglite'

/** A row as the driver returns it: column name -> value. */
export type Row = Record<string, unknown>

/** Run parameterised statements; the same interface inside and outside a transaction. */
export interface Sql {
  /** Run one statement with its parameters; resolves to the rows (empty for writes without RETURNING). */
  query<T extends Row = Row>(text: string, params?: readonly unknown[]): Promise<T[]>
}

/** An open database: statements, transactions, and closing. */
export interface Database extends Sql {
  /** Which engine this is, for logs and docs. */
  readonly engine: 'pglite' | 'postgresql'
  /**
   * Run `work` in one transaction: committed when it resolves, rolled back when
   * it throws (the error is rethrown unchanged).
   */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>
  close(): Promise<void>
}

/** The database could not be opened or reached; `userMessage` says which and why. */
export class DatabaseOpenError extends Error {
  override name = 'DatabaseOpenError'
}

/**
 * Open (creating if needed) an embedded PGlite database in `dir`, or in memory
 * when `dir` is null (tests).
 *
 * @throws DatabaseOpenError when the folder cannot be used.
 */
export async function openPglite(dir: string | null): Promise<Database> {
  let db: PGlite
  try {
    const { PGlite } = await import('@electric-sql/pglite')
    db = dir === null ? new PGlite() : new PGlite(dir)
    await db.waitReady
  } catch (error) {
    throw new DatabaseOpenError(`Could not open the embedded database in ${dir ?? 'memory'}: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
  }
  const query = async <T extends Row>(text: string, params: readonly unknown[] = []): Promise<T[]> => (await db.query<T>(text, [...params])).rows
  return {
    engine: 'pglite',
    query,
    transaction: (work) => db.transaction((tx) => work({ query: async <T extends Row>(text: string, params: readonly unknown[] = []) => (await tx.query<T>(text, [...params])).rows })),
    close: () => db.close(),
  }
}

/**
 * Connect to a PostgreSQL server at `url` (postgres://user@host:port/db).
 * A pool of `poolSize` connections; the first connection is made here so a
 * wrong URL fails at start, not at the first request.
 *
 * @throws DatabaseOpenError naming the host (never the password) when the
 *   server cannot be reached or refuses the login.
 */
export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const { default: pg } = await import('pg')
  const pool = new pg.Pool({ connectionString: url, max: poolSize })
  // An idle client that loses its connection (server restart) must not crash the process.
  pool.on('error', () => {})
  try {
    const client = await pool.connect()
    client.release()
  } catch (error) {
    await pool.end().catch(() => {})
    throw new DatabaseOpenError(`Could not connect to PostgreSQL at ${describeUrl(url)}: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
  }
  const query = async <T extends Row>(text: string, params: readonly unknown[] = []): Promise<T[]> => (await pool.query<T>(text, [...params])).rows
  return {
    engine: 'postgresql',
    query,
    async transaction(work) {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const result = await work({ query: async <T extends Row>(text: string, params: readonly unknown[] = []) => (await client.query<T>(text, [...params])).rows })
        await client.query('COMMIT')
        return result
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {})
        throw error
      } finally {
        client.release()
      }
    },
    close: () => pool.end(),
  }
}

/** `url` without its password, fit for a message or a log line. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url)
    u.password = ''
    return `${u.protocol}//${u.username ? `${u.username}@` : ''}${u.host}${u.pathname}`
  } catch {
    return '(an unparsable database URL)'
  }
}
