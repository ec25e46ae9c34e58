/**
 * The database's schema history, append-only (as in Wire's webapp): a version
 * once shipped is never edited, only followed by a new one. Dexie replays the
 * list so any older database upgrades step by step; tests open databases
 * written by each earlier version and check every record survives.
 */
import type { Transaction } from 'dexie'
import { toClaimPages } from './claim-pages'
import type { ClaimRecord, PrefRecord } from './records'

/** The one IndexedDB database of the workbench. */
export const DATABASE_NAME = 'critique-workbench'

export interface SchemaVersion {
  version: number
  /** Dexie store definitions: primary key first, then indexes. `null` drops a table. */
  stores: Record<string, string | null>
  /** Data migration run inside the upgrade transaction, if the shape of records changed. */
  upgrade?: (tx: Transaction) => Promise<void>
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    // Foundation: the library. Bodies (blocks + canonical text) are kept apart from
    // the metadata so listing the library never loads megabytes of text.
    version: 1,
    stores: {
      documents: 'id, &sha256, importedAt',
      bodies: 'id',
      prefs: 'key',
    },
  },
  {
    // Claims: annotation sets per document and their claims. `[setId+start]` gives
    // claims of a set in document order straight from the index.
    version: 2,
    stores: {
      sets: 'id, documentId',
      claims: 'id, setId, documentId, [setId+start]',
    },
  },
  {
    // Claims move into pages (claim-pages.ts): 64 records per set instead of one per
    // claim, since opening a set of 10,000 claims spent most of its time on the
    // per-record cost of IndexedDB. Saving a claim writes a journal record
    // (`claimEdits`, claim-journal.ts), folded into the pages now and then.
    // `*claimIds` and the journal's `id` find a claim by id. Dexie drops `claims`
    // after this migration has copied it.
    version: 3,
    stores: {
      claims: null,
      claimPages: 'key, setId, documentId, *claimIds',
      claimEdits: '[setId+id], setId, documentId, id',
    },
    upgrade: async (tx) => {
      const records = (await tx.table('claims').toArray()) as ClaimRecord[]
      const claims = records.map(({ start: _start, ...claim }) => claim)
      await tx.table('claimPages').bulkAdd(toClaimPages(claims))
    },
  },
  {
    // Claim operations (shared/claims/operations.ts): a claim edit is applied to the
    // claim as stored inside its write transaction, and its id recorded here in the
    // same transaction, so an operation sent twice (a retry after an unclear
    // failure, later a sync) is applied once. An operation id is unique on its
    // own; `setId` finds a set's log, deleted with the set or its document.
    version: 4,
    stores: {
      claimOps: 'id, setId',
    },
  },
  {
    // Work records: what the analyst's work on a document or set leaves behind (the
    // active set per document, dismissed suggestions and adjudication drafts per set
    // list, decision records beside each consensus set) leave `prefs`, which keeps
    // only preferences (theme, language, name…). Same `key` → `value` shape, so
    // prefs-repo.ts reads both; deleting a document or set cleans them in its own
    // transaction, and a backup carries them apart from preferences.
    version: 5,
    stores: {
      workRecords: 'key',
    },
    upgrade: async (tx) => {
      // Spelled out, not imported from work-record-keys.ts: this version's meaning never changes.
      const keys = ['activeSets', 'suggestionDismissals', 'compareDrafts', 'consensusRecords']
      const moved = (await tx.table('prefs').bulkGet(keys)).filter((r): r is PrefRecord => r !== undefined)
      await tx.table('workRecords').bulkAdd(moved)
      await tx.table('prefs').bulkDelete(moved.map((r) => r.key))
    },
  },
]

/** The newest schema version this build knows. */
export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version
