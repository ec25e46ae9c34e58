/**
 * The entry's opening read over real IndexedDB: it reads a database of this
 * build's schema and lets go of it, leaves a missing or older database alone
 * (creating and upgrading nothing), and hears other windows' claim writes on
 * Dexie's cross-tab channel — which pins that channel's name to the Dexie in
 * use. The app's take-over (state/opening.ts) uses the read and no other.
 */
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import type { Claim } from '../../../shared/claims/model'
import { aClaim, aSet } from '../../../shared/claims/test-builders'
import { startOpening } from '../state/opening'
import { freshDb, reopenDb } from '../test-support/fresh-db'
import { NOTE_ARTICLE as ARTICLE, seedNote } from '../test-support/seeded-article'
import { putClaim } from './claims-repo'
import { declareDatabase, type WorkbenchDb } from './database'
import { DEXIE_MUTATION_CHANNEL, startEarlyOpening, touchesClaims, type EarlyOpening } from './early-opening'
import { installedDatabases } from './installed-databases'
import { readOpening } from './opening-read'
import { setPref } from './prefs-repo'
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS } from './schema-versions'

const names: string[] = []
const cleanups: (() => void)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  // The entry's list of databases is for the page's first open only.
  void installedDatabases()
  for (const name of names.splice(0)) await Dexie.delete(name)
})

function freshName(): string {
  const name = `test-early-${crypto.randomUUID()}`
  names.push(name)
  return name
}

function early(name: string): EarlyOpening {
  const started = startEarlyOpening(name)
  cleanups.push(started.dispose)
  return started
}

async function nativeVersion(name: string): Promise<number | undefined> {
  return (await indexedDB.databases()).find((d) => d.name === name)?.version
}

const SET = aSet({ analyst: 'Hanako', label: 'Hanako', created: '2025-08-19T10:00:00.000Z' })

function claim(id: string, start: number, end: number): Claim {
  return aClaim({ set: SET, text: ARTICLE.text, start, end, stance: 'evidenced', author: 'Hanako', created: '2025-08-19T10:05:00.000Z', modified: '2025-08-19T10:05:00.000Z', id })
}

/** The name of a closed database of this build holding the article, a set with a claim, and the prefs that reopen it. */
async function seeded(): Promise<string> {
  const db = await freshDb('early')
  await seedNote(db, [{ set: SET, claims: [claim('c-1', 4, 11)] }])
  db.close()
  return db.name
}

/** Let storage events (and cross-tab messages) arrive. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50))

describe('startEarlyOpening', () => {
  it('reads a database of this build, as the read on Dexie would, and lets go of it', async () => {
    const name = await seeded()
    const read = await early(name).read
    expect(read?.document?.active?.claims.map((c) => c.id)).toEqual(['c-1'])
    // Nothing holds the database open: an upgrade by another window is not even blocked.
    const upgrade = indexedDB.open(name, (CURRENT_SCHEMA_VERSION + 1) * 10)
    let blocked = false
    upgrade.onblocked = () => (blocked = true)
    await new Promise((resolve, reject) => {
      upgrade.onsuccess = () => resolve(upgrade.result.close())
      upgrade.onerror = () => reject(upgrade.error)
    })
    expect(blocked).toBe(false)
    // The same snapshot as a read through Dexie (of the database as it was: the newer build changed nothing).
    const db = declareDatabase(name, [...SCHEMA_VERSIONS, { version: CURRENT_SCHEMA_VERSION + 1, stores: {} }])
    await db.open()
    cleanups.push(() => db.close())
    expect(read).toStrictEqual(await readOpening(db.backendDB()))
  })

  it('leaves a missing database to the app and creates nothing', async () => {
    const name = freshName()
    expect(await early(name).read).toBeNull()
    expect(await nativeVersion(name)).toBeUndefined()
  })

  it('leaves a database of an older schema to the app and upgrades nothing', async () => {
    const name = freshName()
    const older = declareDatabase(name, SCHEMA_VERSIONS.slice(0, -1))
    await older.open()
    older.close()
    const version = await nativeVersion(name)
    expect(version).toBe((CURRENT_SCHEMA_VERSION - 1) * 10)
    expect(await early(name).read).toBeNull()
    expect(await nativeVersion(name)).toBe(version)
  })

  it("hears Dexie's announcement of a claim write on its cross-tab channel, and only that", async () => {
    const name = await seeded()
    const started = early(name)
    await started.read
    const db = await reopenDb(name)
    await setPref(db, 'hintDismissed', true)
    await settle()
    expect(started.claimsChanged()).toBe(false)
    await putClaim(db, claim('c-2', 12, 19))
    await settle()
    expect(started.claimsChanged()).toBe(true)
  })
})

describe('touchesClaims', () => {
  it('is true for the database’s claim pages or journal, or a blanket change; false otherwise', () => {
    expect(DEXIE_MUTATION_CHANNEL).toBe('x-storagemutated-1')
    expect(touchesClaims({ 'idb://db/claimPages/': {} }, 'db')).toBe(true)
    expect(touchesClaims({ 'idb://db/claimPages/setId': {} }, 'db')).toBe(true)
    expect(touchesClaims({ 'idb://db/claimEdits/': {} }, 'db')).toBe(true)
    expect(touchesClaims({ all: {} }, 'db')).toBe(true)
    expect(touchesClaims({ 'idb://db/prefs/': {} }, 'db')).toBe(false)
    expect(touchesClaims({ 'idb://other/claimPages/': {} }, 'db')).toBe(false)
    expect(touchesClaims(null, 'db')).toBe(false)
  })
})

describe('startOpening with the entry’s read', () => {
  async function openedWith(): Promise<{ db: WorkbenchDb; started: EarlyOpening }> {
    const name = await seeded()
    const started = early(name)
    await started.read
    const db = await reopenDb(name)
    return { db, started }
  }

  it('uses that read and reads nothing itself', async () => {
    const { db, started } = await openedWith()
    const transaction = IDBDatabase.prototype.transaction
    let reads = 0
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<typeof transaction>) {
      reads++
      return transaction.apply(this, args)
    }
    cleanups.push(() => {
      IDBDatabase.prototype.transaction = transaction
    })
    const opening = startOpening(db, started)
    cleanups.push(opening.dispose)
    expect(await opening.read).toStrictEqual(await started.read)
    expect(reads).toBe(0)
    expect(opening.forReader(ARTICLE.id)?.takeClaims(SET.id)?.claims.map((c) => c.id)).toEqual(['c-1'])
  })

  it('declines the claims when another window wrote claims after the entry read them', async () => {
    const { db, started } = await openedWith()
    const other = declareDatabase(db.name)
    await other.open()
    cleanups.push(() => other.close())
    await putClaim(other, claim('c-2', 12, 19))
    await settle()
    const opening = startOpening(db, started)
    cleanups.push(opening.dispose)
    await opening.read
    expect(opening.forReader(ARTICLE.id)?.takeClaims(SET.id)).toBeNull()
  })

  it('reads on Dexie’s connection when the entry could not', async () => {
    const name = await seeded()
    const nothing: EarlyOpening = { read: Promise.resolve(null), claimsChanged: () => false, dispose: () => undefined }
    const db = await reopenDb(name)
    const opening = startOpening(db, nothing)
    cleanups.push(opening.dispose)
    expect((await opening.read).document?.article).toStrictEqual(ARTICLE)
  })
})
