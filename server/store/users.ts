/**
 * Users and their teams. A user is added from the command line
 * (`critique serve user add NAME --team TEAM`); the HTTP layer only reads.
 */
import type { Sql } from '../db/database'
import { newToken, parseToken, secretMatches, type VerifiedTokenCache } from '../auth/tokens'

/** An authenticated user. */
export interface User {
  id: string
  name: string
  team: string
}

const NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._'-]{0,63}$/u
const TEAM = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,63}$/u

/** A user could not be added; the message says why. */
export class UserAddError extends Error {
  override name = 'UserAddError'
}

/**
 * Add a user to a team; returns the user and their token (the only time the
 * token exists in clear).
 *
 * @throws UserAddError when the name or team is malformed or the name is taken.
 */
export async function addUser(db: Sql, name: string, team: string): Promise<{ user: User; token: string }> {
  if (!NAME.test(name)) throw new UserAddError(`"${name}" is not a usable name: 1-64 letters, digits, spaces, . _ ' -, starting with a letter or digit.`)
  if (!TEAM.test(team)) throw new UserAddError(`"${team}" is not a usable team name: 1-64 letters, digits, . _ -, starting with a letter or digit.`)
  const taken = await db.query('SELECT 1 FROM users WHERE name = $1', [name])
  if (taken.length > 0) throw new UserAddError(`A user named "${name}" already exists.`)
  const t = await newToken()
  await db.query('INSERT INTO users (id, name, team, salt, token_hash) VALUES ($1, $2, $3, $4, $5)', [t.userId, name, team, t.salt, t.hash])
  return { user: { id: t.userId, name, team }, token: t.token }
}

/** Every user, for `critique serve user list` (no secrets). */
export async function listUsers(db: Sql): Promise<User[]> {
  return db.query<User & Record<string, unknown>>('SELECT id, name, team FROM users ORDER BY team, name')
}

function asBuffer(value: unknown): Buffer {
  return Buffer.isBuffer(value) ? value : Buffer.from(value as Uint8Array)
}

/**
 * The user a bearer token belongs to, or null when the token is malformed,
 * unknown or wrong. Uses (and fills) `cache` so scrypt runs once per token per
 * process per cache lifetime.
 */
export async function userForToken(db: Sql, token: string, cache: VerifiedTokenCache): Promise<User | null> {
  const parsed = parseToken(token)
  if (parsed === null) return null
  const cached = cache.get(token)
  if (cached !== null) return cached
  const rows = await db.query<{ id: string; name: string; team: string; salt: unknown; token_hash: unknown }>(
    'SELECT id, name, team, salt, token_hash FROM users WHERE id = $1',
    [parsed.userId],
  )
  const row = rows[0]
  if (row === undefined) return null
  if (!(await secretMatches(parsed.secret, asBuffer(row.salt), asBuffer(row.token_hash)))) return null
  const user = { id: row.id, name: row.name, team: row.team }
  cache.set(token, user)
  return user
}
