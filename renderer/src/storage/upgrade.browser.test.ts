/**
 * Schema upgrades against real IndexedDB: a database written by an older build
 * (the foundation schema, version 1) must open with the full schema list with
 * every record intact; a database from a newer build must be refused untouched;
 * a failed upgrade must leave the old data readable by the old build.
 */
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import articleText from '../../../fixtures/articles/alaska-summit-2025-08-18.txt?raw'
import { finishArticle, parseArticleFile } from '../../../shared/article/import'
import { StorageError } from '../../../shared/errors'
import { sha256Hex } from '../../../shared/text/sha256'
import { declareDatabase, openDatabase, openFailureMessage, type WorkbenchDb } from './database'
import type { BodyRecord, DocumentRecord, PrefRecord } from './records'
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

/** The foundation schema alone: what the first shipped build declared. */
const FOUNDATION = SCHEMA_VERSIONS.slice(0, 1)

/**
 * A build newer than this one: a new table, a new index on claims, and the
 * `importedAt` index dropped (which an older Dexie would otherwise patch back in).
 */
const NEWER: readonly SchemaVersion[] = [
  ...SCHEMA_VERSIONS,
  {
    version: CURRENT_SCHEMA_VERSION + 1,
    stores: { documents: 'id, &sha256', reviews: 'id, documentId', claims: 'id, setId, documentId, [setId+start], stance' },
  },
]

interface FoundationFixture {
  documents: DocumentRecord[]
  bodies: BodyRecord[]
  prefs: PrefRecord[]
}

/**
 * The old schema code kept in tests: write a database exactly as the
 * foundation build (schema version 1) would, with two documents (the bundled
 * Japanese op-ed and a short text full of awkward characters), their bodies and
 * a few prefs. Returns what was written, for byte-for-byte comparison.
 */
async function writeFoundationDatabase(name: string): Promise<FoundationFixture> {
  const db = track(declareDatabase(name, FOUNDATION))
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
  const awkwardText = '𠮷野家の「𩸽」\u3000e\u0301\n\n👩\u200d👩\u200d👧 and ﬁ ligature'
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
  expect(awkward.text).toBe(awkwardText)
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
  await db.open()
  await db.transaction('rw', db.documents, db.bodies, db.prefs, async () => {
    await db.documents.bulkAdd(documents)
    await db.bodies.bulkAdd(bodies)
    await db.prefs.bulkAdd(prefs)
  })
  db.close()
  return { documents, bodies, prefs }
}

/** Every record of `table`, in primary key order. */
async function all<T>(db: Dexie, table: string): Promise<T[]> {
  return (await db.table(table).toArray()) as T[]
}

async function nativeVersion(name: string): Promise<number | undefined> {
  return (await indexedDB.databases()).find((d) => d.name === name)?.version
}

async function expectFoundationData(db: WorkbenchDb, fixture: FoundationFixture): Promise<void> {
  const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id))
  expect(byId(await all<DocumentRecord>(db, 'documents'))).toStrictEqual(byId(fixture.documents))
  expect(byId(await all<BodyRecord>(db, 'bodies'))).toStrictEqual(byId(fixture.bodies))
  expect([...(await all<PrefRecord>(db, 'prefs'))].sort((a, b) => a.key.localeCompare(b.key))).toStrictEqual(
    [...fixture.prefs].sort((a, b) => a.key.localeCompare(b.key)),
  )
}

describe('upgrading a foundation (version 1) database', () => {
  it('keeps every document, body and pref byte for byte and adds empty claim tables', async () => {
    const name = freshName()
    const fixture = await writeFoundationDatabase(name)
    expect(await nativeVersion(name)).toBe(10)

    const db = track(await openDatabase(name))
    expect(db.tables.map((t) => t.name).sort()).toEqual(['bodies', 'claims', 'documents', 'prefs', 'sets'])
    expect(await db.sets.count()).toBe(0)
    expect(await db.claims.count()).toBe(0)
    await expectFoundationData(db, fixture)

    // Byte for byte: the stored text still hashes to the sha recorded at import.
    for (const body of await db.bodies.toArray()) {
      const meta = await db.documents.get(body.id)
      expect(sha256Hex(body.text)).toBe(meta?.sha256)
    }
    // The indexes of the old tables still answer, and the new ones work.
    const opEd = fixture.documents.find((d) => d.id === 'doc-op-ed')!
    expect((await db.documents.where('sha256').equals(opEd.sha256).first())?.id).toBe('doc-op-ed')
    await db.claims.put({ ...claimStub('c1', 'set-1', 'doc-op-ed'), start: 5 })
    expect(await db.claims.where('[setId+start]').between(['set-1', -Infinity], ['set-1', Infinity]).primaryKeys()).toEqual(['c1'])
    db.close()
    expect(await nativeVersion(name)).toBe(CURRENT_SCHEMA_VERSION * 10)
  })

  it('leaves an already current database as it is when opened again', async () => {
    const name = freshName()
    const fixture = await writeFoundationDatabase(name)
    track(await openDatabase(name)).close()
    const again = track(await openDatabase(name))
    await expectFoundationData(again, fixture)
  })
})

describe('a database written by a newer build', () => {
  async function writeNewer(name: string) {
    const fixture = await writeFoundationDatabase(name)
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

  async function expectReadableByNewer(name: string, fixture: FoundationFixture) {
    const newer = track(declareDatabase(name, NEWER))
    await newer.open()
    await expectFoundationData(newer as WorkbenchDb, fixture)
    expect(await newer.table('reviews').toArray()).toEqual([{ id: 'r1', documentId: 'doc-op-ed' }])
    expect(await newer.table('claims').where('stance').equals('evidenced').count()).toBe(0)
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

describe('a failed upgrade', () => {
  const failing = (): SchemaVersion[] => [
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

  it('rejects with a StorageError and leaves the old data readable by the old declaration', async () => {
    const name = freshName()
    const fixture = await writeFoundationDatabase(name)
    track(await openDatabase(name)).close()

    const broken = track(declareDatabase(name, failing()))
    const error = await broken.open().then(
      () => null,
      (e: unknown) => openFailureMessage(e),
    )
    expect(error).toBeInstanceOf(StorageError)
    expect(error?.code).toBe('storage-upgrade-failed')
    expect(error?.userMessage).toMatch(/could not be upgraded/)
    broken.close()
    expect(await nativeVersion(name)).toBe(CURRENT_SCHEMA_VERSION * 10)

    const db = track(await openDatabase(name))
    await expectFoundationData(db, fixture)
    expect(db.documents.schema.indexes.map((i) => i.name)).not.toContain('title')
  })

  it('from the foundation schema rolls back the whole step, tables included', async () => {
    const name = freshName()
    const fixture = await writeFoundationDatabase(name)
    const broken = track(declareDatabase(name, failing()))
    await expect(broken.open()).rejects.toThrow()
    broken.close()
    expect(await nativeVersion(name)).toBe(10)

    const old = track(declareDatabase(name, FOUNDATION))
    await old.open()
    expect(old.backendDB().objectStoreNames.contains('claims')).toBe(false)
    await expectFoundationData(old, fixture)
  })
})

function claimStub(id: string, setId: string, documentId: string) {
  return {
    id,
    setId,
    documentId,
    stance: 'evidenced' as const,
    target: {
      position: { type: 'TextPositionSelector' as const, start: 5, end: 9 },
      quote: { type: 'TextQuoteSelector' as const, exact: 'abcd', prefix: '', suffix: '' },
    },
    note: '',
    evidence: [],
    counterpoints: [],
    tags: [],
    created: '2025-08-19T09:00:00.000Z',
    modified: '2025-08-19T09:00:00.000Z',
    author: 'a',
  }
}
