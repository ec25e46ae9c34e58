/**
 * Where a claim's durable write spends its time, seen from inside the page:
 * the bench wraps IndexedDB's own prototypes (the app is not changed), and
 * records for each read-write transaction over the claim journal when it was
 * created, when each request was issued and when its success event ran on
 * the main thread, and when its `complete` event ran. The create timing
 * (app-interactions.ts) turns that into milestones measured from the key
 * press, so a slow "Saved" can be split into the key's own task, the wait
 * before the transaction starts, the reads, the writes, the commit and the
 * status line.
 *
 * The wrappers add one event listener per request: microseconds, far below
 * what they measure. Nothing here changes what a request does.
 */
import type { BrowserContext } from 'playwright'

/** One traced transaction, times from performance.now(). */
export interface TracedTransaction {
  createdAt: number
  stores: string[]
  requests: { kind: 'read' | 'write'; issuedAt: number; doneAt: number | null }[]
  completeAt: number | null
}

/** Milestones of one create's write, ms after the key press (null: not seen). */
export interface WriteMilestones {
  /** The transaction over the claim journal was created. */
  txCreatedMs: number | null
  /** The last read's success event ran. */
  readsDoneMs: number | null
  /** The first write was issued. */
  writesIssuedMs: number | null
  /** The last write's success event ran. */
  writesDoneMs: number | null
  /** The transaction's `complete` event ran (the strict commit is on disk). */
  completeMs: number | null
  /** Main-thread hops: success events awaited one after the other (a request issued after another's success). */
  hops: number
}

/**
 * Install the trace in every page of `context`, before the app's code runs:
 * Dexie binds `IDBDatabase.prototype.transaction` when it opens the
 * database, so a wrapper installed later is never called.
 */
export async function installWriteTrace(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __cwWriteTrace?: TracedTransaction[] }
    if (w.__cwWriteTrace) return
    const trace: TracedTransaction[] = []
    w.__cwWriteTrace = trace
    const current = new WeakMap<IDBTransaction, TracedTransaction>()
    const openTx = IDBDatabase.prototype.transaction
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
      const tx = openTx.apply(this, args)
      const stores = typeof args[0] === 'string' ? [args[0]] : [...args[0]]
      if (tx.mode === 'readwrite' && stores.includes('claimEdits')) {
        const entry: TracedTransaction = { createdAt: performance.now(), stores, requests: [], completeAt: null }
        trace.push(entry)
        current.set(tx, entry)
        tx.addEventListener('complete', () => {
          entry.completeAt = performance.now()
        })
      }
      return tx
    } as IDBDatabase['transaction']
    const wrap = (proto: IDBObjectStore | IDBIndex, method: string, kind: 'read' | 'write') => {
      const target = proto as unknown as Record<string, (...a: unknown[]) => IDBRequest>
      const original = target[method]
      if (!original) return
      target[method] = function (this: IDBObjectStore | IDBIndex, ...a: unknown[]) {
        const request = original.apply(this, a)
        const store = this instanceof IDBIndex ? this.objectStore : this
        const entry = current.get(store.transaction)
        if (entry) {
          const traced = { kind, issuedAt: performance.now(), doneAt: null as number | null }
          entry.requests.push(traced)
          request.addEventListener('success', () => {
            traced.doneAt = performance.now()
          })
        }
        return request
      }
    }
    for (const m of ['get', 'getAll', 'getAllKeys', 'getKey', 'count', 'openCursor', 'openKeyCursor']) {
      wrap(IDBObjectStore.prototype, m, 'read')
      wrap(IDBIndex.prototype, m, 'read')
    }
    for (const m of ['put', 'add', 'delete', 'clear']) wrap(IDBObjectStore.prototype, m, 'write')
  })
}

/**
 * The milestones of the first traced transaction created at or after `t0`
 * (performance.now() of the key press), with times relative to `t0`.
 * All null when no such transaction was traced.
 */
export function milestonesOf(trace: readonly TracedTransaction[], t0: number): WriteMilestones {
  const tx = trace.find((t) => t.createdAt >= t0)
  const none: WriteMilestones = { txCreatedMs: null, readsDoneMs: null, writesIssuedMs: null, writesDoneMs: null, completeMs: null, hops: 0 }
  if (!tx) return none
  const rel = (t: number | null) => (t === null ? null : t - t0)
  const last = (xs: (number | null)[]) => (xs.length === 0 || xs.some((x) => x === null) ? null : Math.max(...(xs as number[])))
  const reads = tx.requests.filter((r) => r.kind === 'read')
  const writes = tx.requests.filter((r) => r.kind === 'write')
  // A hop: a request issued after an earlier request's success, i.e. the code waited for that event.
  let hops = 0
  let lastDone = -Infinity
  for (const r of [...tx.requests].sort((a, b) => a.issuedAt - b.issuedAt)) {
    const doneBefore = tx.requests.filter((q) => q.doneAt !== null && q.doneAt <= r.issuedAt).map((q) => q.doneAt!)
    const latest = doneBefore.length ? Math.max(...doneBefore) : -Infinity
    if (latest > lastDone) {
      hops++
      lastDone = latest
    }
  }
  return {
    txCreatedMs: rel(tx.createdAt),
    readsDoneMs: rel(last(reads.map((r) => r.doneAt))),
    writesIssuedMs: writes.length ? rel(Math.min(...writes.map((r) => r.issuedAt))) : null,
    writesDoneMs: rel(last(writes.map((r) => r.doneAt))),
    completeMs: rel(tx.completeAt),
    hops,
  }
}
