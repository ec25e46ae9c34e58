import { describe, expect, it } from 'vitest'
import { canonicalText, type ArticleBlock } from '../article/model'
import { ImportRefusedError } from '../errors'
import { sha256Hex } from '../text/sha256'
import { BACKUP_FORMAT, BACKUP_VERSION, parseBackup } from './backup-format'

const blocks: ArticleBlock[] = [
  { type: 'heading', level: 2, text: '見出し', marks: [] },
  { type: 'paragraph', level: 0, text: '欧米の結束に亀裂が拡大することは間違いない。', marks: [] },
]
const text = canonicalText(blocks)

function backup(overrides: Record<string, unknown> = {}) {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: '2026-11-27T00:00:00.000Z',
    documents: [
      { id: 'd1', title: 'T', publishedOn: '2025-08-18', language: 'ja', format: 'text', sha256: sha256Hex(text), sourceName: 't.txt', sourceBytes: 10, importedAt: 'x', blocks, text },
    ],
    sets: [{ id: 's1', documentId: 'd1', analyst: 'A', label: 'L', created: 'x', origin: 'local' }],
    claims: [
      {
        id: 'c1',
        setId: 's1',
        documentId: 'd1',
        stance: 'speculative',
        target: { position: { type: 'TextPositionSelector', start: 5, end: 26 }, quote: { type: 'TextQuoteSelector', exact: 'q', prefix: '', suffix: '' } },
        note: '',
        evidence: [],
        counterpoints: [{ id: 'p', text: 't', strength: 'weak', source: { citation: 'c', url: 'https://example.org' } }],
        tags: [],
        created: 'x',
        modified: 'x',
        author: 'A',
      },
    ],
    prefs: { theme: 'dark' },
    ...overrides,
  }
}

const parse = (value: unknown) => parseBackup(JSON.stringify(value), 'backup.json')

describe('parseBackup', () => {
  it('accepts a consistent backup', () => {
    const b = parse(backup())
    expect(b.documents[0]!.text).toBe(text)
    expect(b.claims).toHaveLength(1)
  })

  it.each([
    ['not JSON', '{', /not JSON/],
    ['a foreign JSON file', JSON.stringify({ hello: 1 }), /not a Critique Workbench backup/],
  ])('refuses %s', (_name, raw, message) => {
    expect(() => parseBackup(raw, 'backup.json')).toThrow(message)
  })

  it('keeps a set’s team records: followed from a colleague, or shared with what the server acknowledged', () => {
    const followed = { iri: 'https://annotations.example.org/sets/s2/', owner: 'Aiko', etag: '"abc"' }
    const shared = { iri: 'https://annotations.example.org/sets/s1/', acked: { c1: { etag: '"e1"', modified: 'x' } }, conflicts: { c9: { annotation: null, etag: null } }, etag: '"c"', label: 'L' }
    const b = parse(
      backup({
        sets: [
          { id: 's1', documentId: 'd1', analyst: 'A', label: 'L', created: 'x', origin: 'local', shared },
          { id: 's2', documentId: 'd1', analyst: 'Aiko', label: 'Hers', created: 'x', origin: 'imported', followed },
        ],
      }),
    )
    expect(b.sets[0]!.shared).toEqual(shared)
    expect(b.sets[1]!.followed).toEqual(followed)
  })

  it.each([
    ['a followed set from a non-http IRI', { followed: { iri: 'javascript:alert(1)//', owner: 'Aiko', etag: null } }],
    ['a shared set without its acknowledged versions', { shared: { iri: 'https://annotations.example.org/sets/s1/', conflicts: {} } }],
    ['a shared set whose acknowledged label is not text', { shared: { iri: 'https://annotations.example.org/sets/s1/', acked: {}, conflicts: {}, label: 42 } }],
  ])('refuses %s', (_name, team) => {
    const b = backup({ sets: [{ id: 's1', documentId: 'd1', analyst: 'A', label: 'L', created: 'x', origin: 'local', ...team }] })
    expect(() => parse(b)).toThrow(ImportRefusedError)
  })

  it('refuses a text that does not match its hash', () => {
    const b = backup()
    ;(b.documents[0] as { sha256: string }).sha256 = sha256Hex('other')
    expect(() => parse(b)).toThrow(/SHA-256/)
  })

  it('refuses claims whose set is missing, and claims outside their text', () => {
    expect(() => parse(backup({ sets: [] }))).toThrow(ImportRefusedError)
    const b = backup()
    ;(b.claims[0] as { target: { position: { end: number } } }).target.position.end = 10_000
    expect(() => parse(b)).toThrow(/outside its document/)
  })

  it('refuses javascript: links and names where the problem is', () => {
    const b = backup()
    ;(b.claims[0] as { counterpoints: { source: { url: string } }[] }).counterpoints[0]!.source.url = 'javascript:alert(1)'
    expect(() => parse(b)).toThrow(/claims\.0\.counterpoints\.0\.source\.url/)
  })
})

describe('parseBackup refusals that name what is wrong', () => {
  const refusal = (value: unknown) => {
    try {
      parseBackup(JSON.stringify(value), 'b.json')
    } catch (error) {
      return error as ImportRefusedError
    }
    throw new Error('accepted')
  }
  const good = backup()

  it('says a backup from a newer version is newer, not that its version has the wrong type', () => {
    const error = refusal({ ...good, version: BACKUP_VERSION + 1 })
    expect(error.code).toBe('backup-newer')
    expect(error.userMessage).toMatch(/“b\.json”.*newer version/)
  })

  it.each([
    ['claims', { claims: [good.claims[0], { ...good.claims[0], note: 'copy' }] }],
    ['sets', { sets: [good.sets[0], { ...good.sets[0], label: 'copy' }] }],
    ['documents', { documents: [good.documents[0], { ...good.documents[0], title: 'copy' }] }],
    ['items', { claims: [{ ...good.claims[0], counterpoints: [good.claims[0]!.counterpoints[0], good.claims[0]!.counterpoints[0]] }] }],
  ])('refuses two %s with one id before anything is stored', (_what, overrides) => {
    const error = refusal({ ...good, ...overrides })
    expect(error.code).toBe('backup-duplicate-ids')
    expect(error.fileName).toBe('b.json')
  })

  it('gives each kind of refusal its own code', () => {
    expect(refusal({ hello: 1 }).code).toBe('backup-not-ours')
    expect(() => parseBackup('{', 'b.json')).toThrow(expect.objectContaining({ code: 'backup-not-json' }))
    expect(refusal({ ...good, sets: [] }).code).toBe('bad-backup')
  })
})
