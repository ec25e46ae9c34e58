/**
 * Personal access tokens. A token is `cwt_<user id>_<secret>`: the id finds
 * the user's row, the 32-byte random secret is checked against a salted
 * scrypt hash (node:crypto). The token itself is never stored, logged or
 * accepted in a URL; it is printed once, when the user is added.
 */
import { createHash, randomBytes, randomUUID, scrypt, timingSafeEqual } from 'node:crypto'

const PREFIX = 'cwt_'
const TOKEN_SHAPE = /^cwt_([0-9a-f-]{36})_([A-Za-z0-9_-]{43})$/
const KEY_LENGTH = 32
/** scrypt cost: N=2^14, r=8, p=1 (the parameters node and OWASP recommend for interactive logins). */
const SCRYPT_OPTIONS = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }

/** A freshly made token and what is stored for it. */
export interface NewToken {
  userId: string
  /** The token to hand to the user, once. */
  token: string
  salt: Buffer
  hash: Buffer
}

function scryptAsync(secret: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, KEY_LENGTH, SCRYPT_OPTIONS, (error, key) => (error ? reject(error) : resolve(key)))
  })
}

/** Make a token for a new user: a new user id, a random secret, its salt and scrypt hash. */
export async function newToken(): Promise<NewToken> {
  const userId = randomUUID()
  const secret = randomBytes(32).toString('base64url')
  const salt = randomBytes(16)
  return { userId, token: `${PREFIX}${userId}_${secret}`, salt, hash: await scryptAsync(secret, salt) }
}

/** The user id and secret of a well-formed token, or null for anything else. */
export function parseToken(token: string): { userId: string; secret: string } | null {
  const m = TOKEN_SHAPE.exec(token)
  return m === null ? null : { userId: m[1]!, secret: m[2]! }
}

/** Whether `secret` hashes, with `salt`, to `hash` (constant-time comparison). */
export async function secretMatches(secret: string, salt: Buffer, hash: Buffer): Promise<boolean> {
  const key = await scryptAsync(secret, salt)
  return key.length === hash.length && timingSafeEqual(key, hash)
}

/** What the cache remembers of a user (the fields of server/store/users.ts's User). */
export interface CachedUser {
  id: string
  name: string
  team: string
}

/**
 * A short-lived, per-process memory of tokens already verified, keyed by the
 * token's SHA-256 (never the token). scrypt is deliberately slow (tens of ms);
 * without this every request would pay it, and a hit also spares the user
 * lookup. Entries live `ttlMs`, so a removed user loses access within that
 * time on every process.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, { user: CachedUser; expires: number }>()
  constructor(
    private readonly ttlMs = 60_000,
    private readonly maxEntries = 10_000,
  ) {}

  private key(token: string): string {
    return createHash('sha256').update(token).digest('base64')
  }

  /** The user a still-fresh verified token belongs to, or null. */
  get(token: string, now = Date.now()): CachedUser | null {
    const key = this.key(token)
    const entry = this.entries.get(key)
    if (entry === undefined) return null
    if (entry.expires <= now) {
      this.entries.delete(key)
      return null
    }
    return entry.user
  }

  set(token: string, user: CachedUser, now = Date.now()): void {
    if (this.entries.size >= this.maxEntries) this.entries.clear()
    this.entries.set(this.key(token), { user, expires: now + this.ttlMs })
  }
}
