/**
 * `critique serve`: the team server (W3C Web Annotation Protocol over
 * PostgreSQL, see docs/team.md), and `critique serve user add|list` to manage
 * who may use it.
 */
import { DatabaseOpenError } from '../../server/db/database'
import { startServer } from '../../server/http/app'
import { chooseDatabase, describeChoice, openDatabase } from '../../server/open-database'
import { addUser, listUsers, UserAddError } from '../../server/store/users'
import { UsageError, parseArgs, type CliCommand, type CliIo } from '../io'

const DEFAULT_PORT = 8787

function positiveInt(value: string | boolean | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${flag} must be a whole number, got ${String(value)}`)
  return n
}

function databaseFlags(options: Record<string, string | boolean>): { databaseUrl?: string; dataDir?: string } {
  return {
    ...(typeof options['database-url'] === 'string' ? { databaseUrl: options['database-url'] } : {}),
    ...(typeof options.data === 'string' ? { dataDir: options.data } : {}),
  }
}

async function userCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals, options } = parseArgs(args, ['team', 'data', 'database-url'], [])
  const [action, name] = positionals
  const choice = chooseDatabase(io.cwd, databaseFlags(options), io.env)
  if (action === 'add') {
    if (name === undefined || positionals.length !== 2) throw new UsageError('expected: user add NAME --team TEAM')
    if (typeof options.team !== 'string') throw new UsageError('user add needs --team TEAM')
    const db = await openDatabase(choice)
    try {
      const { user, token } = await addUser(db, name, options.team)
      io.stdout(`Added ${user.name} to team ${user.team}.\nPersonal token (shown only now; the server keeps only a salted hash):\n${token}\n`)
      return 0
    } catch (error) {
      if (error instanceof UserAddError) {
        io.stderr(`critique serve: ${error.message}\n`)
        return 1
      }
      throw error
    } finally {
      await db.close()
    }
  }
  if (action === 'list' && positionals.length === 1) {
    const db = await openDatabase(choice)
    try {
      for (const user of await listUsers(db)) io.stdout(`${user.team}\t${user.name}\n`)
      return 0
    } finally {
      await db.close()
    }
  }
  throw new UsageError('expected: user add NAME --team TEAM, or user list')
}

/** Resolves when the process is asked to stop (SIGINT, SIGTERM). */
function untilStopped(): Promise<string> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'))
    process.once('SIGTERM', () => resolve('SIGTERM'))
  })
}

export const run: CliCommand = async (args, io) => {
  try {
    return args[0] === 'user' ? await userCommand(args.slice(1), io) : await serveCommand(args, io)
  } catch (error) {
    // A database that cannot be opened or reached is the user's set-up, not a crash:
    // one line naming the place (never the password), for `serve` and `serve user` alike.
    if (error instanceof DatabaseOpenError) {
      io.stderr(`critique serve: ${error.message}\n`)
      return 1
    }
    throw error
  }
}

async function serveCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals, options } = parseArgs(args, ['port', 'host', 'data', 'database-url', 'cors-origin', 'public-url', 'page-size', 'max-body'], [])
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`)
  const port = positiveInt(options.port, 'port', DEFAULT_PORT)
  const pageSize = positiveInt(options['page-size'], 'page-size', 100)
  const maxBodyBytes = positiveInt(options['max-body'], 'max-body', 1024 * 1024)
  if (pageSize === 0 || maxBodyBytes === 0) throw new UsageError('--page-size and --max-body must be at least 1')
  const corsOrigins = typeof options['cors-origin'] === 'string' ? options['cors-origin'].split(',').map((o) => o.trim()).filter((o) => o !== '') : []
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) throw new UsageError(`--cors-origin takes origins like https://app.example.org (no path), got ${origin}`)
  }
  const publicUrl = typeof options['public-url'] === 'string' ? options['public-url'] : null
  const choice = chooseDatabase(io.cwd, databaseFlags(options), io.env)
  const db = await openDatabase(choice)
  const server = await startServer(db, {
    port,
    host: typeof options.host === 'string' ? options.host : '127.0.0.1',
    corsOrigins,
    publicUrl,
    pageSize,
    maxBodyBytes,
    log: (line) => io.stdout(`${new Date().toISOString()} ${line}\n`),
  })
  io.stdout(`critique serve: the W3C Web Annotation Protocol at ${server.url} (${describeChoice(choice)}). Stop with Ctrl-C.\n`)
  const signal = await untilStopped()
  await server.close()
  await db.close()
  io.stdout(`critique serve: stopped (${signal}).\n`)
  return 0
}
