/**
 * Everything the app needs to show the last document again, read in one
 * transaction: whether the library was seeded, the last document with its
 * body, its sets, the remembered active set and that set's claims. Before,
 * these reads ran as a waterfall (prefs, then the document check, then the
 * body, the sets, the active set pref, and only then the claims), each step
 * waiting for React to mount the next consumer (docs/performance.md).
 *
 * Plain IndexedDB on a native connection, no Dexie: the renderer's entry runs
 * this read while the rest of the app is still downloading
 * (storage/early-opening.ts), and the entry must stay small. It reads the
 * stores of the current schema (schema-versions.ts) and nothing else.
 */
import type { Article } from '../../../shared/article/model'
import { compareSetsOldestFirst, type AnnotationSet, type Claim } from '../../../shared/claims/model'
import { claimsWithEdits } from './claim-journal'
import type { BodyRecord, ClaimEditRecord, ClaimPageRecord, DocumentRecord, PrefRecord, SetRecord } from './records'

/** The last document as the reader opens it. */
export interface OpeningDocument {
  article: Article
  /** Its sets, oldest first (as listSets orders them). */
  sets: AnnotationSet[]
  /** The set remembered as active for it (the `activeSets` pref), which may name a set that is gone. */
  chosenSetId: string | null
  /**
   * The set that is active ({@link activeSetOf}), its claims in document order
   * and the length of its journal (claim-journal.ts); null when the document has no set.
   */
  active: { setId: string; claims: Claim[]; edits: number } | null
}

export interface OpeningRead {
  /** False until the bundled article was first imported (the `seeded` pref). */
  seeded: boolean
  /** The document to reopen, or null when none is remembered or it is gone. */
  document: OpeningDocument | null
}

/** The stores the read uses (a transaction over them must be possible on the connection). */
export const OPENING_STORES = ['prefs', 'workRecords', 'documents', 'bodies', 'sets', 'claimPages', 'claimEdits'] as const

/**
 * The active set among `sets` (oldest first): the chosen one if it is there,
 * else the oldest of the analyst's own, else the oldest (a colleague's
 * followed set), else null. The reader's rule (reader/use-active-set.ts).
 */
export function activeSetOf(sets: readonly AnnotationSet[], chosenSetId: string | null): AnnotationSet | null {
  // A colleague's followed set (read-only) is active by default only when the analyst has none of their own.
  return sets.find((s) => s.id === chosenSetId) ?? sets.find((s) => s.followed === undefined) ?? sets[0] ?? null
}

function request<T>(req: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T)
    req.onerror = () => reject(req.error)
  })
}

/** A pref's stored value, or `fallback` (its PREF_DEFAULTS value, which prefs-repo.browser.test.ts checks) when unset. */
// prefs-repo checks values with valibot, but importing it here would pull the catalogs
// into the entry chunk; these three shapes are simple enough to check by hand, and a
// value of the wrong shape reads as the default, as it does there.
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean'
const isIdOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string'
const isIdRecord = (v: unknown): v is Record<string, string> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((id) => typeof id === 'string')

async function pref<T>(prefs: IDBObjectStore, key: string, fallback: T, valid: (value: unknown) => value is T): Promise<T> {
  const record = await request<PrefRecord | undefined>(prefs.get(key))
  return record !== undefined && valid(record.value) ? record.value : fallback
}

/**
 * Read what opening the app shows, as one consistent snapshot (one readonly
 * transaction on `db`, a native connection at the current schema). Rejects
 * with the DOMException IndexedDB gives when the read fails or the
 * transaction aborts.
 */
export function readOpening(db: IDBDatabase): Promise<OpeningRead> {
  let tx: IDBTransaction
  try {
    tx = db.transaction([...OPENING_STORES], 'readonly')
  } catch (error) {
    return Promise.reject(error)
  }
  // Settles when the transaction has finished, so a caller closing the connection then leaves
  // nothing pending (another window's upgrade is not even reported as blocked).
  const finished = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve()
    tx.onabort = () => reject(tx.error ?? new DOMException('The opening read was aborted.', 'AbortError'))
  })
  // Joined with the read below; an abort rejects both, and one rejection is enough to report.
  finished.catch(() => undefined)
  const store = (name: (typeof OPENING_STORES)[number]) => tx.objectStore(name)
  const claimsOf = (setId: string) =>
    Promise.all([
      request<ClaimPageRecord[]>(store('claimPages').index('setId').getAll(setId)),
      request<ClaimEditRecord[]>(store('claimEdits').index('setId').getAll(setId)),
    ])

  const read = (async (): Promise<OpeningRead> => {
    const prefs = store('prefs')
    const [seeded, lastDocumentId, activeSets] = await Promise.all([
      pref(prefs, 'seeded', false, isBoolean),
      pref<string | null>(prefs, 'lastDocumentId', null, isIdOrNull),
      // A work record since schema version 5 (work-record-keys.ts).
      pref<Record<string, string>>(store('workRecords'), 'activeSets', {}, isIdRecord),
    ])
    if (!seeded || !lastDocumentId) return { seeded, document: null }
    const chosenSetId = activeSets[lastDocumentId] ?? null
    // The remembered set's claims are read alongside its set list, which usually confirms it.
    const [meta, body, sets, chosenClaims] = await Promise.all([
      request<DocumentRecord | undefined>(store('documents').get(lastDocumentId)),
      request<BodyRecord | undefined>(store('bodies').get(lastDocumentId)),
      request<SetRecord[]>(store('sets').index('documentId').getAll(lastDocumentId)),
      chosenSetId ? claimsOf(chosenSetId) : null,
    ])
    if (!meta || !body) return { seeded, document: null }
    sets.sort(compareSetsOldestFirst)
    const active = activeSetOf(sets, chosenSetId)
    const stored = active === null ? null : active.id === chosenSetId && chosenClaims ? chosenClaims : await claimsOf(active.id)
    return {
      seeded,
      document: {
        article: { ...meta, blocks: body.blocks, text: body.text },
        sets,
        chosenSetId,
        active: active && stored ? { setId: active.id, claims: claimsWithEdits(...stored), edits: stored[1].length } : null,
      },
    }
  })()
  return Promise.all([read, finished]).then(([result]) => result)
}
