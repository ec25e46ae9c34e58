/**
 * Test helpers that start the team server for real: in this process over
 * PGlite or a PostgreSQL URL, or as a separate `critique serve` process (to
 * run two on one database, or to kill one).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { openPglite, openPostgres, type Database } from '../db/database'
import { migrate } from '../db/migrations'
import { startServer, type RunningServer } from '../http/app'
import type { ServerOptions } from '../http/context'
import { addUser } from '../store/users'

export const REPO_ROOT = join(import.meta.dirname, '..', '..')

/** A server in this process with its database, plus `users` made on it. */
export interface TestServer extends RunningServer {
  db: Database
  tokens: Record<string, string>
  logLines: string[]
  stop(): Promise<void>
}

/**
 * Start a server on a free port over `databaseUrl` (PostgreSQL) or, when null,
 * a fresh in-memory PGlite; add each `users` entry ({name: team}) and keep
 * their tokens.
 */
export async function startTestServer(
  databaseUrl: string | null,
  users: Record<string, string>,
  options: Partial<ServerOptions> = {},
): Promise<TestServer> {
  const db = databaseUrl === null ? await openPglite(null) : await openPostgres(databaseUrl)
  await migrate(db)
  const tokens: Record<string, string> = {}
  for (const [name, team] of Object.entries(users)) tokens[name] = (await addUser(db, name, team)).token
  const logLines: string[] = []
  const server = await startServer(db, { port: 0, log: (line) => logLines.push(line), ...options })
  return {
    ...server,
    db,
    tokens,
    logLines,
    async stop() {
      await server.close()
      await db.close()
    },
  }
}

/** A `critique serve` child process and the URL it listens on. */
export interface ServerProcess {
  child: ChildProcess
  url: string
  output: () => string
}

/**
 * Spawn `node bin/critique.mjs serve --port PORT ...args` and wait for its
 * start-up line (up to `timeoutMs`).
 *
 * @throws Error with the process output when it exits or does not start in time.
 */
export function spawnServer(port: number, args: string[], env: Record<string, string> = {}, timeoutMs = 60_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'critique.mjs'), 'serve', '--port', String(port), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`critique serve did not start within ${timeoutMs} ms:\n${output}`))
    }, timeoutMs)
    const onData = () => {
      const m = /Protocol at (http:\/\/\S+)/.exec(output)
      if (m !== null) {
        clearTimeout(timer)
        child.stdout!.off('data', onData)
        resolve({ child, url: m[1]!, output: () => output })
      }
    }
    child.stdout!.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`critique serve exited with ${code} before starting:\n${output}`))
    })
  })
}

/** Stop a spawned server (SIGTERM, or SIGKILL when `kill`) and wait for it to exit. */
export function stopServer(server: ServerProcess, kill = false): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    server.child.once('exit', () => resolve())
    server.child.kill(kill ? 'SIGKILL' : 'SIGTERM')
  })
}
