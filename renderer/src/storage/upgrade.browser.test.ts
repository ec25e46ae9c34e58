/**
 * Schema upgrades against real IndexedDB, for EVERY earlier schema version:
 * a database written by the build that shipped version v (each proper prefix
 * of SCHEMA_VERSIONS, filled by the fixture writers below) must open with the
 * full schema list with every record intact; a failed upgrade from it must
 * roll back and leave it readable by that build; a database from a newer
 * build must be refused untouched.
 *
 * Appending a schema version: add a writer to {@link WRITERS} for the version
 * that just stopped being current (the coverage test fails until you do),
 * filling the tables that version introduced, as that build would have. A
 * version whose upgrade reshapes existing records also says, in
 * {@link MIGRATED}, what its upgrade makes of an older build's data.
 */
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import articleText from '../../../fixtures/articles/alaska-summit-2025-08-18.txt?raw'
import { finishArticle, parseArticleFile } from '../../../shared/article/import'
import { StorageError } from '../../../shared/errors'
import { sha256Hex } from '../../../shared/text/sha256'
import { declareDatabase, openDatabase, openFailureMessage } from './database'
import { toClaimPages } from './claim-pages'
import type { BodyRecord, ClaimRecord, DocumentRecord, PrefRecord, SetRecord } from './records'
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS, type SchemaVersion } from './schema-versions'

const opened: Dexie[] = []
const names: string[] = []

function freshName(): string {
  const name = `test-upgrade-${crypto.randomUUID()}`
  names.push(name)
  return name
}

function track<T extends Dexie>(db: T): T {
  opened.push(db)
  return db
}

afterEach(async () => {
  for (const db of opened.splice(0)) db.close()
  for (const name of names.splice(0)) await Dexie.delete(name)
})

/** Rows per table, as some build wrote them. */
type Fixture = Record<string, Array<Record<string, unknown>>>

/**
 * The old schema code kept in tests: what the build of each schema version
 * wrote into the tables that version introduced. Applied in order, writers
 * 1..v give the data of a database last written by the version-v build.
 */
const WRITERS: Record<number, (fixture: Fixture) => void> = {
  // Foundation: two documents (the bundled Japanese op-ed and a short text full of
  // awkward characters), their bodies and a few prefs.
  1: (fixture) => {
    const bytes = new TextEncoder().encode(articleText)
    const refuseHtml = () => {
      throw new Error('not html')
    }
    const opEd = finishArticle(parseArticleFile({ name: 'alaska-summit-2025-08-18.txt', bytes }, refuseHtml), {
      id: 'doc-op-ed',
      sourceName: 'alaska-summit-2025-08-18.txt',
      sourceBytes: bytes.length,
      importedAt: '2025-08-19T09:00:00.000Z',
    })
    // Surrogate pairs, an ideographic space, combining marks and a zero-width joiner:
    // anything a lossy round trip through storage would mangle.
    const awkward = finishArticle(
      {
        title: 'Awkward 𠮷',
        publishedOn: null,
        language: 'und',
        format: 'markdown',
        blocks: [
          { type: 'heading', level: 1, text: '𠮷野家の「𩸽」\u3000e\u0301', marks: [{ type: 'em', start: 0, end: 2 }] },
          { type: 'list_item', level: 0, text: '👩\u200d👩\u200d👧 and ﬁ ligature', marks: [{ type: 'link', start: 0, end: 8, href: 'https://example.org/?q=%F0%9F' }], ordered: true },
        ],
      },
      { id: 'doc-awkward', sourceName: 'awkward.md', sourceBytes: 77, importedAt: '2025-08-20T10:30:00.000Z' },
    )
    const documents: DocumentRecord[] = []
    const bodies: BodyRecord[] = []
    for (const { blocks, text, ...meta } of [opEd, awkward]) {
      documents.push(meta)
      bodies.push({ id: meta.id, blocks, text })
    }
    const prefs: PrefRecord[] = [
      { key: 'analystName', value: '山田 花子' },
      { key: 'seeded', value: true },
      { key: 'activeSets', value: { 'doc-op-ed': 'set-1', 'doc-awkward': 'set-2' } },
      { key: 'lastDocumentId', value: null },
    ]
    Object.assign(fixture, { documents, bodies, prefs })
  },
  // Claims: a set per document, claims with notes, evidence and counterpoints in several scripts.
  2: (fixture) => {
    const sets: SetRecord[] = [
      { id: 'set-1', documentId: 'doc-op-ed', analyst: '山田 花子', label: '山田 花子', created: '2025-08-19T09:05:00.000Z', origin: 'local' },
      { id: 'set-2', documentId: 'doc-awkward', analyst: 'Kenji', label: 'Imported 𠮷', created: '2025-08-20T11:00:00.000Z', origin: 'imported' },
    ]
    const claims: ClaimRecord[] = [
      { ...claimStub('c-1', 'set-1', 'doc-op-ed', 120, 140), note: '根拠が示されていない。', tags: ['imported-tag'] },
      {
        ...claimStub('c-2', 'set-1', 'doc-op-ed', 10, 30),
        stance: 'evidenced',
        evidence: [{ id: 'e-1', citation: 'NATO press release', url: 'https://www.nato.int/news' }],
        counterpoints: [{ id: 'k-1', text: '欧州内の対ロ姿勢の違い', strength: 'weak', source: { citation: 'Le Monde', url: '' } }],
      },
      { ...claimStub('c-3', 'set-2', 'doc-awkward', 0, 2), orphan: true, note: '👩\u200d👩\u200d👧' },
    ]
    Object.assign(fixture, { sets, claims })
  },
  // Claim pages: the current build writes claims as pages, exactly what its upgrade makes of version 2's claims.
  3: (fixture) => MIGRATED[3]!(fixture),
  // Claim operations, and the work records that build kept among the prefs: dismissals,
  // an adjudication draft and a consensus set's decision records, beside real preferences.
  4: (fixture) => {
    fixture.claimOps = [
      { id: 'op-1', setId: 'set-1' },
      { id: 'op-2', setId: 'set-2' },
    ]
    fixture.prefs = [
      ...(fixture.prefs ?? []),
      { key: 'theme', value: 'dark' },
      { key: 'language', value: 'ja' },
      { key: 'suggestionDismissals', value: { 'set-1': ['10:42', '50:61'], 'set-2': [] } },
      { key: 'compareDrafts', value: { 'set-1|set-2': { 'item-1': { keep: 'A', reason: '出典あり 𠮷' }, 'item-2': { keep: null, reason: '' } } } },
      {
        key: 'consensusRecords',
        value: {
          'set-3': {
            sourceSetIds: ['set-1', 'set-2'],
            minOverlap: 0.5,
            decisions: [{ itemId: 'item-1', kind: 'conflict', keep: 'A', reason: '出典あり', automatic: false, sourceClaimIds: ['c-1'], claimIds: ['c-9'] }],
          },
        },
      },
    ]
  },
  // Work records: the current build keeps them in their own table, exactly where its upgrade moves version 4's.
  5: (fixture) => MIGRATED[5]!(fixture),
}

/**
 * What an upgrade to each version does to the data an older build left, when
 * it reshapes records (versions that only add tables have no entry).
 */
const MIGRATED: Record<number, (fixture: Fixture) => void> = {
  // Claims move out of the `claims` table into pages (claim-pages.ts), without the index field `start`.
  3: (fixture) => {
    const claims = (fixture.claims ?? []) as unknown as ClaimRecord[]
    delete fixture.claims
    if (claims.length > 0) fixture.claimPages = toClaimPages(claims.map(({ start: _start, ...claim }) => claim)) as unknown as Array<Record<string, unknown>>
  },
  // Work records leave `prefs` for `workRecords`, values unchanged; preferences stay.
  5: (fixture) => {
    const work = new Set(['activeSets', 'suggestionDismissals', 'compareDrafts', 'consensusRecords'])
    const prefs = fixture.prefs ?? []
    fixture.prefs = prefs.filter((p) => !work.has(p.key as string))
    const moved = prefs.filter((p) => work.has(p.key as string))
    if (moved.length > 0) fixture.workRecords = moved
  },
}

/** `fixture` as written by the build of `version`, as it reads once upgraded to the current schema. */
function upgraded(fixture: Fixture, version: number): Fixture {
  const copy: Fixture = structuredClone(fixture)
  for (const v of SCHEMA_VERSIONS) if (v.version > version) MIGRATED[v.version]?.(copy)
  return copy
}

const EARLIER_VERSIONS = SCHEMA_VERSIONS.slice(0, -1).map((v) => v.version)

/** The schema list of the build that shipped `version`. */
const schemaUpTo = (version: number) => SCHEMA_VERSIONS.filter((v) => v.version <= version)

function fixtureUpTo(version: number): Fixture {
  const fixture: Fixture = {}
  for (const { version: v } of schemaUpTo(version)) WRITERS[v]?.(fixture)
  return fixture
}

/** Write a database exactly as the build of schema `version` would have. Returns what was written. */
async function writeDatabaseOf(name: string, version: number): Promise<Fixture> {
  const fixture = fixtureUpTo(version)
  const db = track(declareDatabase(name, schemaUpTo(version)))
  await db.open()
  await db.transaction('rw', Object.keys(fixture), async () => {
    for (const [table, rows] of Object.entries(fixture)) await db.table(table).bulkAdd(rows)
  })
  db.close()
  return fixture
}

async function nativeVersion(name: string): Promise<number | undefined> {
  return (await indexedDB.databases()).find((d) => d.name === name)?.version
}

/** Every table of `fixture` holds exactly its rows, compared in primary key order. */
async function expectFixture(db: Dexie, fixture: Fixture): Promise<void> {
  for (const [table, rows] of Object.entries(fixture)) {
    const keyPath = db.table(table).schema.primKey.keyPath as string
    const sorted = [...rows].sort((a, b) => indexedDB.cmp(a[keyPath], b[keyPath]))
    expect(await db.table(table).toArray(), table).toStrictEqual(sorted)
  }
}

/** Tables a schema list declares (a `null` store drops a table). */
function tablesOf(versions: readonly SchemaVersion[]): string[] {
  const tables = new Set<string>()
  for (const v of versions) {
    for (const [table, spec] of Object.entries(v.stores)) {
      if (spec === null) tables.delete(table)
      else tables.add(table)
    }
  }
  return [...tables].sort()
}

describe('schema history', () => {
  it('has a fixture writer for every earlier schema version', () => {
    expect(EARLIER_VERSIONS.length).toBeGreaterThan(0)
    const missing = EARLIER_VERSIONS.filter((v) => !WRITERS[v])
    expect(missing, 'add a writer to WRITERS for each schema version listed here').toEqual([])
  })

  it('fixtures hold what their build could store: every table they fill exists in that schema', () => {
    for (const version of EARLIER_VERSIONS) {
      const tables = tablesOf(schemaUpTo(version))
      for (const table of Object.keys(fixtureUpTo(version))) expect(tables, `version ${version}`).toContain(table)
    }
  })
})

describe.each(EARLIER_VERSIONS)('a database written by schema version %i', (version) => {
  it('upgrades to the current schema keeping every record byte for byte', async () => {
    const name = freshName()
    const fixture = await writeDatabaseOf(name, version)
    expect(await nativeVersion(name)).toBe(version * 10)

    const db = track(await openDatabase(name))
    expect(db.tables.map((t) => t.name).sort()).toEqual(tablesOf(SCHEMA_VERSIONS))
    const expected = upgraded(fixture, version)
    await expectFixture(db, expected)
    // Tables that arrived after this build start empty.
    for (const table of tablesOf(SCHEMA_VERSIONS).filter((t) => !(t in expected))) expect(await db.table(table).count(), table).toBe(0)
    db.close()
    expect(await nativeVersion(name)).toBe(CURRENT_SCHEMA_VERSION * 10)
  })

  it('keeps stored text hashing to the digest recorded at import, and its indexes answer', async () => {
    const name = freshName()
    await writeDatabaseOf(name, version)
    const db = track(await openDatabase(name))
    const bodies = await db.bodies.toArray()
    expect(bodies.length).toBeGreaterThan(0)
    for (const body of bodies) expect(sha256Hex(body.text)).toBe((await db.documents.get(body.id))?.sha256)
    const opEd = await db.documents.get('doc-op-ed')
    expect((await db.documents.where('sha256').equals(opEd!.sha256).first())?.id).toBe('doc-op-ed')
    const { start: _start, ...fresh } = claimStub('c-new', 'set-9', 'doc-op-ed', 5, 9)
    const [page] = toClaimPages([fresh])
    await db.claimPages.add(page!)
    expect(await db.claimPages.where('setId').equals('set-9').primaryKeys()).toEqual([page!.key])
    expect(await db.claimPages.where('documentId').equals('doc-op-ed').count()).toBeGreaterThan(0)
    expect((await db.claimPages.where('claimIds').equals('c-new').first())?.key).toBe(page!.key)
    await db.claimEdits.put({ setId: 'set-9', id: 'c-edit', documentId: 'doc-op-ed', claim: null })
    expect(await db.claimEdits.where('setId').equals('set-9').primaryKeys()).toEqual([['set-9', 'c-edit']])
    expect(await db.claimEdits.where('id').equals('c-edit').count()).toBe(1)
    expect(await db.claimEdits.where('documentId').equals('doc-op-ed').count()).toBe(1)
  })

  it('is left as it is when opened again after the upgrade', async () => {
    const name = freshName()
    const fixture = await writeDatabaseOf(name, version)
    track(await openDatabase(name)).close()
    const again = track(await openDatabase(name))
    await expectFixture(again, upgraded(fixture, version))
    expect(again.verno).toBe(CURRENT_SCHEMA_VERSION)
  })

  it('survives a failed upgrade: the whole step rolls back, with a message, and its own build still reads it', async () => {
    const name = freshName()
    const fixture = await writeDatabaseOf(name, version)
    const broken = track(declareDatabase(name, failingUpgrade()))
    const error = await broken.open().then(
      () => null,
      (e: unknown) => openFailureMessage(e),
    )
    broken.close()
    expect(error).toBeInstanceOf(StorageError)
    expect(error?.code).toBe('storage-upgrade-failed')
    expect(error?.userMessage).toMatch(/could not be upgraded.*untouched/)
    expect(await nativeVersion(name)).toBe(version * 10)

    const old = track(declareDatabase(name, schemaUpTo(version)))
    await old.open()
    await expectFixture(old, fixture)
    // Not even the tables of the steps that did succeed before the failing one remain.
    expect([...old.backendDB().objectStoreNames].sort()).toEqual(tablesOf(schemaUpTo(version)))
  })

  it('through openDatabase, a failure inside IndexedDB mid-upgrade says "could not be upgraded" and the next start upgrades', async () => {
    const name = freshName()
    const fixture = await writeDatabaseOf(name, version)
    const create = IDBDatabase.prototype.createObjectStore
    const later = tablesOf(SCHEMA_VERSIONS).filter((t) => !tablesOf(schemaUpTo(version)).includes(t))
    // Break the last table this upgrade creates (or, with no new table, any table creation at all).
    IDBDatabase.prototype.createObjectStore = function (this: IDBDatabase, store: string, options?: IDBObjectStoreParameters) {
      if (later.length === 0 || store === later[later.length - 1]) throw new DOMException('Simulated disk error.', 'UnknownError')
      return create.call(this, store, options)
    }
    let error: unknown
    try {
      error = await openDatabase(name).then(
        (db) => {
          track(db)
          return null
        },
        (e: unknown) => e,
      )
    } finally {
      IDBDatabase.prototype.createObjectStore = create
    }
    expect((error as StorageError).code).toBe('storage-upgrade-failed')
    expect((error as StorageError).userMessage).toMatch(/could not be upgraded.*untouched/)
    expect(await nativeVersion(name)).toBe(version * 10)
    const db = track(await openDatabase(name))
    await expectFixture(db, upgraded(fixture, version))
  })
})

/** The current schema list plus a step whose migration half-runs and then throws. */
function failingUpgrade(): SchemaVersion[] {
  return [
    ...SCHEMA_VERSIONS,
    {
      version: CURRENT_SCHEMA_VERSION + 1,
      stores: { documents: 'id, &sha256, importedAt, title' },
      upgrade: async (tx) => {
        await tx.table('documents').toCollection().modify((d: DocumentRecord) => {
          d.title = d.title.toUpperCase()
        })
        throw new Error('migration bug')
      },
    },
  ]
}

describe('a failed upgrade from the current schema', () => {
  it('rejects with a StorageError and leaves the data readable by this build', async () => {
    const name = freshName()
    const fixture = await writeDatabaseOf(name, CURRENT_SCHEMA_VERSION)
    const broken = track(declareDatabase(name, failingUpgrade()))
    const error = await broken.open().then(
      () => null,
      (e: unknown) => openFailureMessage(e),
    )
    broken.close()
    expect(error?.code).toBe('storage-upgrade-failed')
    expect(await nativeVersion(name)).toBe(CURRENT_SCHEMA_VERSION * 10)
    const db = track(await openDatabase(name))
    await expectFixture(db, fixture)
    expect(db.documents.schema.indexes.map((i) => i.name)).not.toContain('title')
  })
})

describe('a database written by a newer build', () => {
  /**
   * A build newer than this one: a new table, a new index on claim pages, and the
   * `importedAt` index dropped (which an older Dexie would otherwise patch back in).
   */
  const NEWER: readonly SchemaVersion[] = [
    ...SCHEMA_VERSIONS,
    {
      version: CURRENT_SCHEMA_VERSION + 1,
      stores: { documents: 'id, &sha256', reviews: 'id, documentId', claimPages: 'key, setId, documentId, &*claimIds, bucket' },
    },
  ]

  async function writeNewer(name: string): Promise<Fixture> {
    const fixture = await writeDatabaseOf(name, CURRENT_SCHEMA_VERSION)
    const newer = track(declareDatabase(name, NEWER))
    await newer.open()
    await newer.table('reviews').put({ id: 'r1', documentId: 'doc-op-ed' })
    newer.close()
    return fixture
  }

  async function openError(name: string): Promise<unknown> {
    return openDatabase(name).then(
      (db) => {
        track(db)
        return null
      },
      (e: unknown) => e,
    )
  }

  async function expectReadableByNewer(name: string, fixture: Fixture) {
    const newer = track(declareDatabase(name, NEWER))
    await newer.open()
    await expectFixture(newer, fixture)
    expect(await newer.table('reviews').toArray()).toEqual([{ id: 'r1', documentId: 'doc-op-ed' }])
    expect(await newer.table('claimPages').where('bucket').aboveOrEqual(0).count()).toBe((fixture.claimPages ?? []).length)
  }

  it('is refused with storage-newer and left untouched for the newer build', async () => {
    const name = freshName()
    const fixture = await writeNewer(name)
    const versionBefore = await nativeVersion(name)
    expect(versionBefore).toBe((CURRENT_SCHEMA_VERSION + 1) * 10)

    const error = await openError(name)
    expect(error).toBeInstanceOf(StorageError)
    expect((error as StorageError).code).toBe('storage-newer')
    expect((error as StorageError).userMessage).toMatch(/newer version/)
    // Not even a schema patch: the version (and so the dropped index) is as the newer build left it.
    expect(await nativeVersion(name)).toBe(versionBefore)
    await expectReadableByNewer(name, fixture)
  })

  it('is refused after opening where indexedDB.databases() is missing', async () => {
    const name = freshName()
    const fixture = await writeNewer(name)
    Object.defineProperty(indexedDB, 'databases', { value: undefined, configurable: true })
    let error: unknown
    try {
      error = await openError(name)
    } finally {
      delete (indexedDB as { databases?: unknown }).databases
    }
    expect(typeof indexedDB.databases).toBe('function')
    expect((error as StorageError).code).toBe('storage-newer')
    await expectReadableByNewer(name, fixture)
  })
})

function claimStub(id: string, setId: string, documentId: string, start: number, end: number): ClaimRecord {
  return {
    id,
    setId,
    documentId,
    stance: 'speculative',
    target: {
      position: { type: 'TextPositionSelector', start, end },
      quote: { type: 'TextQuoteSelector', exact: 'x'.repeat(end - start), prefix: '', suffix: '' },
    },
    note: '',
    evidence: [],
    counterpoints: [],
    tags: [],
    created: '2025-08-19T09:00:00.000Z',
    modified: '2025-08-19T09:00:00.000Z',
    author: 'a',
    start,
  }
}
