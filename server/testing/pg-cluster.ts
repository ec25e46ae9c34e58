/**
 * A throwaway PostgreSQL 15 cluster for tests and the bench: `initdb` in a
 * fresh temporary folder, `pg_ctl start` on a free loopback port (socket in
 * the same folder), and removal of everything on stop. Run as root (CI
 * containers), the cluster belongs to the `postgres` user, as PostgreSQL
 * refuses to run as root.
 */
import { spawnSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Where Debian's postgresql-15 package puts the server programs. */
export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin'

/** A running cluster. */
export interface PgCluster {
  /** `postgres://postgres@127.0.0.1:PORT/postgres` (trust authentication on loopback). */
  url: string
  port: number
  dir: string
  /** A URL to database `name` on the same cluster. */
  urlFor(name: string): string
  /** Stop the server and delete the folder. Safe to call twice. */
  stop(): void
}

/** The cluster could not be set up; the message says what is missing. */
export class PgClusterError extends Error {
  override name = 'PgClusterError'
}

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

function postgresIds(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'))
  if (line === undefined) throw new PgClusterError('Running as root needs the "postgres" system user (installed with the postgresql package).')
  const [, , uid, gid] = line.split(':')
  return { uid: Number(uid), gid: Number(gid) }
}

/**
 * Create and start a cluster.
 *
 * @throws PgClusterError when PostgreSQL 15 is not installed (apt-get install
 *   postgresql) or does not start (its log is included).
 */
export async function startPgCluster(): Promise<PgCluster> {
  if (!existsSync(join(PG_BIN, 'initdb'))) {
    throw new PgClusterError(`PostgreSQL 15 is not installed (no ${PG_BIN}/initdb): apt-get install postgresql`)
  }
  const asRoot = process.getuid?.() === 0
  const dir = mkdtempSync(join(tmpdir(), 'critique-pg-'))
  const data = join(dir, 'data')
  const wrap = (program: string, args: string[]): [string, string[]] =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, program), ...args]] : [join(PG_BIN, program), args]
  if (asRoot) {
    const { uid, gid } = postgresIds()
    chownSync(dir, uid, gid)
    chmodSync(dir, 0o700)
  }
  const port = await freePort()
  const run = (program: string, args: string[]) => {
    const [command, argv] = wrap(program, args)
    const result = spawnSync(command, argv, { encoding: 'utf8' })
    if (result.status !== 0) {
      const log = existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8').slice(-2000) : ''
      rmSync(dir, { recursive: true, force: true })
      throw new PgClusterError(`${program} failed: ${result.stderr || result.stdout}\n${log}`)
    }
  }
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale', 'C'])
  // fsync stays on: the bench's kill test needs a committed write to be durable.
  run('pg_ctl', ['-D', data, '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`, '-l', join(dir, 'log'), '-w', 'start'])
  const urlFor = (name: string) => `postgres://postgres@127.0.0.1:${port}/${name}`
  let stopped = false
  return {
    url: urlFor('postgres'),
    port,
    dir,
    urlFor,
    stop() {
      if (stopped) return
      stopped = true
      const [command, argv] = wrap('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
      spawnSync(command, argv, { encoding: 'utf8' })
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
