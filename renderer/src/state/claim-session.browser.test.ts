/**
 * ClaimSession over real IndexedDB: what the user sees while edits are being
 * written, undo/redo through storage, failed writes kept on screen and
 * retried, and two windows (two Dexie instances) following each other.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { addCounterpoint, setNote, setStance } from '../../../shared/claims/claim-edits'
import type { AnnotationSet, Claim } from '../../../shared/claims/model'
import { aClaim, aSet } from '../../../shared/claims/test-builders'
import { JOURNAL_FOLD_THRESHOLD } from '../storage/claim-journal'
import { addSet, listClaims, putClaim } from '../storage/claims-repo'
import type { WorkbenchDb } from '../storage/database'
import type { ClaimEditRecord } from '../storage/records'
import { abortWritesLikeChromeOnFullDisk, throwOnWrites } from '../test-support/failing-writes'
import { freshDb, reopenDb } from '../test-support/fresh-db'
import { ClaimSession, type ClaimSessionSnapshot } from './claim-session'
import type { SaveStatus } from './save-status'

const sessions: ClaimSession[] = []
const restores: (() => void)[] = []

afterEach(() => {
  for (const restore of restores.splice(0).reverse()) restore()
  for (const session of sessions.splice(0)) session.dispose()
})

const SET = aSet({ analyst: '山田', label: '山田', created: '2025-08-19T10:00:00.000Z' })
const TEXT = '米露首脳会談は、アラスカで開催された。プーチン大統領は英語で「次はモスクワで」と述べた。'

function claim(id: string, start: number, end: number, stance: Claim['stance'] = 'evidenced'): Claim {
  return aClaim({ set: SET, text: TEXT, start, end, stance, author: '山田', created: '2025-08-19T10:05:00.000Z', modified: '2025-08-19T10:05:00.000Z', id })
}

/** A database holding the set (a fresh one, or another connection to `window`'s: another window), and a session on it that has loaded. */
async function loadedSession(window?: WorkbenchDb): Promise<{ db: WorkbenchDb; session: ClaimSession }> {
  const db = window ? await reopenDb(window.name) : await freshDb('session')
  if (!(await db.sets.get(SET.id))) await addSet(db, SET)
  const session = new ClaimSession(db, SET.id)
  sessions.push(session)
  await waitFor(() => session.getSnapshot().loaded, 'the session to load')
  return { db, session }
}

/** Poll until `condition` holds (up to ~3 s, enough for the first 1 s retry), else fail naming `what`. */
async function waitFor(condition: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = performance.now() + timeoutMs
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

const ids = (snapshot: ClaimSessionSnapshot) => snapshot.claims.map((c) => c.id)
const storedIds = async (db: WorkbenchDb) => (await listClaims(db, SET.id)).map((c) => c.id)

type LogEntry = SaveStatus['state'] | 'commit' | 'after'

/**
 * Log `commit` whenever an IndexedDB write transaction completes. Must run
 * before the database opens: Dexie binds `IDBDatabase#transaction` on open.
 */
function recordCommits(log: LogEntry[]): void {
  const original = IDBDatabase.prototype.transaction
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<typeof original>) {
    const tx = original.apply(this, args)
    if (tx.mode === 'readwrite') tx.addEventListener('complete', () => log.push('commit'))
    return tx
  }
  restores.push(() => {
    IDBDatabase.prototype.transaction = original
  })
}

/** Log every status the session reports, in order. */
function recordStatuses(session: ClaimSession, log: LogEntry[]): void {
  let last = session.getSnapshot().status
  session.subscribe(() => {
    const { status } = session.getSnapshot()
    if (status !== last) log.push(status.state)
    last = status
  })
}

describe('ClaimSession edits', () => {
  it('shows a created claim at once and says saved only after the write committed', async () => {
    const log: LogEntry[] = []
    recordCommits(log)
    const { db, session } = await loadedSession()
    log.length = 0 // the commit that stored the set
    recordStatuses(session, log)
    const c = claim('c1', 0, 6)
    session.create(c)
    expect(session.getSnapshot().claims).toStrictEqual([c])
    expect(session.getSnapshot().status.state).toBe('saving')
    expect(session.getSnapshot().canUndo).toBe(true)

    await waitFor(() => session.getSnapshot().status.state === 'saved', 'saved')
    expect(log).toEqual(['saving', 'commit', 'saved'])
    expect(await listClaims(db, SET.id)).toStrictEqual([c])
    expect(session.getSnapshot().claims).toStrictEqual([c])
  })

  it('holds work given to afterWrites until the write committed, and runs it at once without a write', async () => {
    const log: LogEntry[] = []
    recordCommits(log)
    const { session } = await loadedSession()
    log.length = 0
    recordStatuses(session, log)
    session.create(claim('c1', 0, 6))
    session.afterWrites(() => log.push('after'))
    expect(log).toEqual(['saving'])
    await waitFor(() => log.includes('after'), 'the held work')
    expect(log).toEqual(['saving', 'commit', 'saved', 'after'])
    let ran = false
    session.afterWrites(() => (ran = true))
    expect(ran).toBe(true)
  })

  it('keeps claims in document order while some are pending', async () => {
    const { session } = await loadedSession()
    session.create(claim('late', 20, 26))
    await waitFor(() => session.getSnapshot().status.state === 'saved', 'saved')
    session.create(claim('early', 0, 6))
    expect(ids(session.getSnapshot())).toEqual(['early', 'late'])
  })

  it('undoes a create by deleting it and redoes it by storing it again', async () => {
    const { db, session } = await loadedSession()
    const c = claim('c1', 0, 6)
    session.create(c)
    await waitFor(() => session.getSnapshot().status.state === 'saved', 'create saved')

    expect(session.undo()).toBe(true)
    expect(session.getSnapshot().claims).toEqual([])
    await waitFor(() => session.getSnapshot().status.state === 'saved', 'undo saved')
    expect(await storedIds(db)).toEqual([])
    expect(session.getSnapshot()).toMatchObject({ canUndo: false, canRedo: true })

    expect(session.redo()).toBe(true)
    expect(session.getSnapshot().claims).toStrictEqual([c])
    await waitFor(() => session.getSnapshot().status.state === 'saved', 'redo saved')
    expect(await listClaims(db, SET.id)).toStrictEqual([c])
    expect(session.getSnapshot()).toMatchObject({ canUndo: true, canRedo: false })
  })

  it('undoes a create whose write is still in flight', async () => {
    const { db, session } = await loadedSession()
    session.create(claim('c1', 0, 6))
    session.undo()
    expect(session.getSnapshot().claims).toEqual([])
    await waitFor(() => session.getSnapshot().status.state === 'saved', 'saved')
    expect(await storedIds(db)).toEqual([])
    expect(session.getSnapshot().claims).toEqual([])
  })

  it('restores the identical claim when a delete is undone', async () => {
    const { db, session } = await loadedSession()
    const c: Claim = {
      ...claim('c1', 9, 18, 'speculative'),
      note: '根拠が示されていない',
      evidence: [{ id: 'e1', citation: '共同記者会見', url: 'https://example.org/press' }],
      counterpoints: [{ id: 'k1', text: '別の解釈', strength: 'moderate', source: { citation: 'NHK', url: '' } }],
      tags: ['summit'],
      modified: '2025-08-19T10:07:00.000Z',
    }
    session.create(c)
    await waitFor(() => session.getSnapshot().status.state === 'saved', 'create saved')
    session.remove(c)
    expect(session.get('c1')).toBeNull()
    await waitFor(() => session.getSnapshot().status.state === 'saved', 'delete saved')
    expect(await storedIds(db)).toEqual([])

    session.undo()
    expect(session.get('c1')).toStrictEqual(c)
    await waitFor(() => session.getSnapshot().status.state === 'saved', 'undo saved')
    expect(await listClaims(db, SET.id)).toStrictEqual([c])
  })

  it('undoes an update back to the claim as it was', async () => {
    const { db, session } = await loadedSession()
    const before = claim('c1', 0, 6)
    session.create(before)
    const after: Claim = { ...before, stance: 'speculative', note: 'edited', modified: '2025-08-19T11:00:00.000Z' }
    session.update(before, after)
    expect(session.get('c1')).toStrictEqual(after)
    await waitFor(() => session.getSnapshot().status.state === 'saved', 'update saved')
    expect(await listClaims(db, SET.id)).toStrictEqual([after])
    session.undo()
    await waitFor(() => session.getSnapshot().status.state === 'saved', 'undo saved')
    // Undo is an edit of its own: the fields come back, `modified` says when.
    const restored = { ...before, modified: expect.any(String) }
    expect(await listClaims(db, SET.id)).toStrictEqual([restored])
    expect(session.get('c1')).toStrictEqual(restored)
  })
})

describe('ClaimSession when writes fail', () => {
  const QUOTA_MESSAGE = /storage quota is full/

  it('keeps a claim whose write hit the quota on screen, reports it, and saves it on retry', async () => {
    const { db, session } = await loadedSession()
    const restore = throwOnWrites('put', 'claimEdits', () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
    const c = claim('c1', 0, 6)
    session.create(c)
    await waitFor(() => session.getSnapshot().status.state === 'error', 'error status')
    const status = session.getSnapshot().status
    expect(status).toMatchObject({ state: 'error', pending: 1, retryInMs: 1000 })
    expect(status.state === 'error' && status.message).toMatch(QUOTA_MESSAGE)
    expect(session.getSnapshot().claims).toStrictEqual([c])
    expect(await storedIds(db)).toEqual([])

    restore()
    await waitFor(() => session.getSnapshot().status.state === 'saved', 'saved after retry')
    expect(await listClaims(db, SET.id)).toStrictEqual([c])
    expect(session.getSnapshot().claims).toStrictEqual([c])
  })

  it("does the same when Chromium aborts the transaction for a full disk", async () => {
    const { db, session } = await loadedSession()
    const restore = abortWritesLikeChromeOnFullDisk('put', 'claimEdits')
    const c = claim('c1', 0, 6)
    session.create(c)
    await waitFor(() => session.getSnapshot().status.state === 'error', 'error status')
    const status = session.getSnapshot().status
    expect(status.state === 'error' && status.message).toMatch(QUOTA_MESSAGE)
    expect(session.getSnapshot().claims).toStrictEqual([c])
    // The put really was rolled back, and the live query (which may have shown it
    // optimistically) has settled without it: only the overlay keeps it.
    expect(await storedIds(db)).toEqual([])
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(session.getSnapshot().claims).toStrictEqual([c])

    restore()
    await waitFor(() => session.getSnapshot().status.state === 'saved', 'saved after retry')
    expect(await listClaims(db, SET.id)).toStrictEqual([c])
  })

  it('keeps reporting the failure while another edit saves', async () => {
    const { db, session } = await loadedSession()
    const restore = throwOnWrites('put', 'claimEdits', () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'), (record) => (record as ClaimEditRecord).id === 'stuck')
    session.create(claim('stuck', 0, 6))
    await waitFor(() => session.getSnapshot().status.state === 'error', 'error status')
    session.create(claim('fine', 9, 18))
    await waitForStored(db, 'fine')
    // The second edit landed, but the first is still unsaved: the status must still say so.
    await new Promise((resolve) => setTimeout(resolve, 50))
    const status = session.getSnapshot().status
    expect(status.state).toBe('error')
    expect(status.state === 'error' && status.message).toMatch(QUOTA_MESSAGE)
    expect(status).toMatchObject({ pending: 1 })
    expect(ids(session.getSnapshot())).toEqual(['stuck', 'fine'])

    restore()
    await waitFor(() => session.getSnapshot().status.state === 'saved', 'saved after retry')
    expect(await storedIds(db)).toEqual(['stuck', 'fine'])
  })
})

async function waitForStored(db: WorkbenchDb, id: string): Promise<void> {
  const deadline = performance.now() + 3000
  while (!(await storedIds(db)).includes(id)) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${id} to be stored`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

describe('two windows on one database', () => {
  it("see each other's writes through two Dexie instances", async () => {
    const a = await loadedSession()
    const b = await loadedSession(a.db)
    expect(a.db).not.toBe(b.db)

    const fromA = claim('from-a', 0, 6)
    a.session.create(fromA)
    await waitFor(() => b.session.get('from-a') !== null, 'B to see A’s claim')
    expect(b.session.get('from-a')).toStrictEqual(fromA)

    const fromB = claim('from-b', 9, 18, 'speculative')
    b.session.create(fromB)
    await waitFor(() => a.session.get('from-b') !== null, 'A to see B’s claim')
    expect(ids(a.session.getSnapshot())).toEqual(['from-a', 'from-b'])

    b.session.remove(fromA)
    await waitFor(() => a.session.get('from-a') === null, 'A to see B’s delete')
    expect(a.session.getSnapshot().claims).toStrictEqual([fromB])
    // Undo belongs to the window that made the edit; its effect reaches the other one.
    expect(b.session.undo()).toBe(true)
    await waitFor(() => a.session.get('from-a') !== null, 'A to see B’s undo')
    expect(a.session.getSnapshot().claims).toStrictEqual([fromA, fromB])
  })
})

/** Count reads of whole sets (getAll or cursor over the claim pages' `setId` index) until the test ends. */
function countClaimReads(): { count: number } {
  const counter = { count: 0 }
  const patched: [object, 'getAll' | 'openCursor', (...args: never[]) => unknown][] = []
  for (const proto of [IDBIndex.prototype, IDBObjectStore.prototype]) {
    for (const method of ['getAll', 'openCursor'] as const) {
      const original = proto[method] as (...args: unknown[]) => unknown
      patched.push([proto, method, original])
      Object.defineProperty(proto, method, {
        configurable: true,
        writable: true,
        value: function (this: IDBIndex | IDBObjectStore, ...args: unknown[]) {
          if (this instanceof IDBIndex && this.objectStore.name === 'claimPages' && this.name === 'setId') counter.count++
          return original.apply(this, args)
        },
      })
    }
  }
  restores.push(() => {
    for (const [proto, method, original] of patched) Object.defineProperty(proto, method, { configurable: true, writable: true, value: original })
  })
  return counter
}

describe('ClaimSession reading the set', () => {
  it('applies its own writes without reading the set again, and keeps the list on "Saved"', async () => {
    const { db, session } = await loadedSession()
    const reads = countClaimReads()
    const a = claim('a', 20, 26)
    session.create(a)
    const shown = session.getSnapshot().claims
    await waitFor(() => session.getSnapshot().status.state === 'saved', 'saved')
    expect(session.getSnapshot().claims).toBe(shown)
    const b = claim('b', 0, 6)
    session.create(b)
    session.update(a, { ...a, stance: 'speculative', modified: '2025-08-19T10:06:00.000Z' })
    session.remove(b)
    expect(session.undo()).toBe(true)
    await waitFor(() => session.getSnapshot().status.state === 'saved', 'saved')
    // A later storage event (from an unrelated table) must not be needed to settle.
    expect(reads.count).toBe(0)
    expect(session.getSnapshot().claims).toStrictEqual(await listClaims(db, SET.id))
    expect(ids(session.getSnapshot())).toEqual(['b', 'a'])
  })

  it('folds a long journal into the pages when idle, and keeps the list it shows', async () => {
    const { db, session } = await loadedSession()
    for (let i = 0; i < JOURNAL_FOLD_THRESHOLD; i++) session.create(claim(`c-${String(i).padStart(2, '0')}`, i % 30, (i % 30) + 6))
    await waitFor(() => session.getSnapshot().status.state === 'saved', 'saved')
    const shown = session.getSnapshot().claims
    expect(shown).toHaveLength(JOURNAL_FOLD_THRESHOLD)
    let journal = -1
    const deadline = performance.now() + 5000
    while ((journal = await db.claimEdits.count()) > 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))
    expect(journal).toBe(0)
    expect(await db.claimPages.count()).toBeGreaterThan(0)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(session.getSnapshot().claims).toBe(shown)
    expect(await listClaims(db, SET.id)).toStrictEqual(shown)
  })

  it("leaves other sets' pages alone, and re-reads for a foreign change to its own set", async () => {
    const a = await loadedSession()
    const other = await reopenDb(a.db.name)
    const otherSet: AnnotationSet = { ...SET, id: 'set-2' }
    await addSet(other, otherSet)
    const otherSession = new ClaimSession(other, otherSet.id)
    sessions.push(otherSession)
    await waitFor(() => otherSession.getSnapshot().loaded, 'the other session to load')
    const reads = countClaimReads()
    otherSession.create(aClaim({ set: otherSet, text: TEXT, start: 0, end: 6, stance: 'evidenced', author: 'b', id: 'elsewhere' }))
    await waitFor(() => otherSession.getSnapshot().status.state === 'saved', 'the other set saved')
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(reads.count).toBe(0)
    expect(a.session.getSnapshot().claims).toEqual([])

    const mine = claim('mine-from-elsewhere', 9, 18)
    await putClaim(other, mine)
    await waitFor(() => a.session.get(mine.id) !== null, 'A to re-read its set')
    expect(reads.count).toBeGreaterThan(0)
    expect(a.session.getSnapshot().claims).toStrictEqual([mine])
  })

  it("follows another window's update of a claim it wrote itself", async () => {
    const a = await loadedSession()
    const b = await loadedSession(a.db)
    const c = claim('shared', 0, 6)
    a.session.create(c)
    await waitFor(() => a.session.getSnapshot().status.state === 'saved' && b.session.get('shared') !== null, 'both to hold the claim')
    const edited = { ...c, stance: 'speculative' as const, modified: '2025-08-19T10:07:00.000Z' }
    b.session.update(c, edited)
    await waitFor(() => a.session.get('shared')?.stance === 'speculative', 'A to see B’s edit')
    expect(a.session.getSnapshot().claims).toStrictEqual([edited])
  })
})

describe('ClaimSession in two windows editing one claim', () => {
  const point = (text: string) => ({ text, strength: 'moderate' as const, source: null })

  async function twoWindows() {
    const a = await loadedSession()
    const b = await loadedSession(a.db)
    const c = claim('shared', 0, 6)
    a.session.create(c)
    await waitFor(() => a.session.getSnapshot().status.state === 'saved' && b.session.get('shared') !== null, 'both to hold the claim')
    return { a, b, c }
  }

  it('keeps two counterpoints added at the same moment, on disk and on both screens', async () => {
    const { a, b, c } = await twoWindows()
    a.session.update(c, addCounterpoint(c, point('from A'), '2025-08-19T10:10:00.000Z', 'cp-a'))
    b.session.update(c, addCounterpoint(c, point('from B'), '2025-08-19T10:10:00.001Z', 'cp-b'))
    const both = (s: ClaimSession) => (s.get('shared')?.counterpoints.map((p) => p.id) ?? []).sort().join()
    await waitFor(() => both(a.session) === 'cp-a,cp-b' && both(b.session) === 'cp-a,cp-b', 'both windows to show both counterpoints')
    const [stored] = await listClaims(a.db, SET.id)
    expect(stored!.counterpoints.map((p) => p.id).sort()).toEqual(['cp-a', 'cp-b'])
  })

  it('undo in one window takes back only its own counterpoint, not the one the other window added', async () => {
    const { a, b, c } = await twoWindows()
    a.session.update(c, addCounterpoint(c, point('from A'), '2025-08-19T10:10:00.000Z', 'cp-a'))
    await waitFor(() => a.session.getSnapshot().status.state === 'saved', 'A saved')
    const seen = () => b.session.get('shared')!
    await waitFor(() => seen().counterpoints.length === 1, 'B to see A’s counterpoint')
    b.session.update(seen(), addCounterpoint(seen(), point('from B'), '2025-08-19T10:11:00.000Z', 'cp-b'))
    await waitFor(() => a.session.get('shared')!.counterpoints.length === 2, 'A to see B’s counterpoint')
    a.session.undo()
    await waitFor(() => a.session.getSnapshot().status.state === 'saved' && a.session.get('shared')!.counterpoints.length === 1, 'A’s undo saved')
    expect(a.session.get('shared')!.counterpoints.map((p) => p.id)).toEqual(['cp-b'])
    expect((await listClaims(a.db, SET.id))[0]!.counterpoints.map((p) => p.id)).toEqual(['cp-b'])
    await waitFor(() => b.session.get('shared')!.counterpoints.length === 1, 'B to follow')
    expect(b.session.get('shared')!.counterpoints.map((p) => p.id)).toEqual(['cp-b'])
  })

  it('keeps the stance one window set while the other edits the note', async () => {
    const { a, b, c } = await twoWindows()
    a.session.update(c, setStance(c, 'speculative', '2025-08-19T10:10:00.000Z'))
    b.session.update(c, setNote(c, 'B’s note', '2025-08-19T10:10:00.001Z'))
    await waitFor(() => a.session.getSnapshot().status.state === 'saved' && b.session.getSnapshot().status.state === 'saved', 'both saved')
    const [stored] = await listClaims(a.db, SET.id)
    expect(stored).toMatchObject({ stance: 'speculative', note: 'B’s note' })
    await waitFor(() => a.session.get('shared')!.note === 'B’s note' && b.session.get('shared')!.stance === 'speculative', 'both screens to agree')
  })
})
