/**
 * Each server test file gets its own database on the run's PostgreSQL
 * cluster (started by global-setup.ts), so files never see each other's rows.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'

/** Create a fresh database on the cluster at `clusterUrl` and return its URL. */
export async function freshDatabase(clusterUrl: string, prefix: string): Promise<string> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new RangeError(`freshDatabase: bad prefix ${JSON.stringify(prefix)}`)
  const admin = new pg.Client({ connectionString: clusterUrl })
  await admin.connect()
  try {
    // An identifier cannot be a parameter; the name is checked above to be [a-z0-9_] only.
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  const url = new URL(clusterUrl)
  url.pathname = `/${name}`
  return url.toString()
}
