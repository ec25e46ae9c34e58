/**
 * Choosing and opening the database a server (or `critique serve user add`)
 * works on: a PostgreSQL server when a URL is given (flag or DATABASE_URL),
 * else the embedded PGlite in a data folder. The schema is brought up to date
 * before anything else runs.
 */
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { describeUrl, openPglite, openPostgres, type Database } from './db/database'
import { migrate } from './db/migrations'

/** Where the data lives. */
export type DatabaseChoice = { kind: 'postgresql'; url: string } | { kind: 'pglite'; dir: string }

/** Default folder of the embedded database, relative to the working directory. */
export const DEFAULT_DATA_DIR = 'critique-data'

/** The database named by the flags, else by DATABASE_URL, else the embedded one in `dataDir` (or the default folder). */
export function chooseDatabase(cwd: string, flags: { databaseUrl?: string; dataDir?: string }, env: Record<string, string | undefined>): DatabaseChoice {
  const url = flags.databaseUrl ?? (flags.dataDir === undefined ? env.DATABASE_URL : undefined)
  if (url !== undefined && url !== '') return { kind: 'postgresql', url }
  return { kind: 'pglite', dir: resolve(cwd, flags.dataDir ?? DEFAULT_DATA_DIR) }
}

/** A sentence naming the database without secrets, for the start-up line. */
export function describeChoice(choice: DatabaseChoice): string {
  return choice.kind === 'postgresql' ? `PostgreSQL at ${describeUrl(choice.url)}` : `embedded PostgreSQL (PGlite) in ${choice.dir}`
}

/**
 * Open the chosen database and migrate it.
 *
 * @throws DatabaseOpenError when it cannot be opened or reached.
 */
export async function openDatabase(choice: DatabaseChoice, poolSize?: number): Promise<Database> {
  let db: Database
  if (choice.kind === 'postgresql') db = await openPostgres(choice.url, poolSize)
  else {
    mkdirSync(choice.dir, { recursive: true })
    db = await openPglite(choice.dir)
  }
  try {
    await migrate(db)
  } catch (error) {
    await db.close().catch(() => {})
    throw error
  }
  return db
}
