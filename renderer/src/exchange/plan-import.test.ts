import { describe, expect, it } from 'vitest'
import { FUZZY_THRESHOLD } from '../../../shared/anchoring'
import type { AnnotationSet, Claim } from '../../../shared/claims/model'
import { ImportRefusedError } from '../../../shared/errors'
import { MAX_ANNOTATION_FILE_BYTES, exportSet } from '../../../shared/w3c'
import hypothesisJson from '../../../fixtures/w3c/hypothesis-seed.json?raw'
import { SEED_SET, seedArticle, seedClaims } from '../../../fixtures/w3c/seed-claims'
import seedSetJson from '../../../fixtures/w3c/seed-set.jsonld?raw'
import { annotationFileText, planImport, readAnnotationFile, UNNAMED_ANALYST, withFreshIds } from './plan-import'

const article = seedArticle()
const encode = (text: string) => new TextEncoder().encode(text)
const FIXTURES: Record<string, string> = { 'seed-set.jsonld': seedSetJson, 'hypothesis-seed.json': hypothesisJson }
const fixture = (name: string) => FIXTURES[name]!
const NOW = '2025-09-01T12:00:00.000Z'

function counter(): () => string {
  let n = 0
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`
}

function refusal(run: () => unknown): ImportRefusedError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(ImportRefusedError)
    return error as ImportRefusedError
  }
  throw new Error('expected a refusal')
}

describe('annotationFileText', () => {
  it('decodes UTF-8 and drops a byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encode('{"a":"日本"}')])
    expect(annotationFileText({ name: 'a.json', bytes })).toBe('{"a":"日本"}')
  })

  it('refuses bytes that are not UTF-8, naming the file', () => {
    const error = refusal(() => annotationFileText({ name: 'latin.json', bytes: new Uint8Array([0x7b, 0xe9, 0x7d]) }))
    expect(error.code).toBe('not-utf8')
    expect(error.userMessage).toContain('latin.json')
  })

  it('refuses a file over the size limit before decoding it', () => {
    const error = refusal(() => annotationFileText({ name: 'huge.json', bytes: new Uint8Array(MAX_ANNOTATION_FILE_BYTES + 1) }))
    expect(error.code).toBe('too-large')
  })
})

describe('readAnnotationFile', () => {
  it('refuses text that is not JSON, and a javascript: URL, with the parser’s message', () => {
    const notJson = refusal(() => readAnnotationFile({ name: 'notes.json', bytes: encode('this is not JSON') }))
    expect(notJson.code).toBe('not-json')
    expect(notJson.userMessage).toContain('notes.json')
    const hostile = fixture('seed-set.jsonld').replace('https://example.org/transcripts/2025-08-15', 'javascript:alert(1)')
    const unsafe = refusal(() => readAnnotationFile({ name: 'hostile.jsonld', bytes: encode(hostile) }))
    expect(unsafe.code).toBe('unsafe-url')
    expect(unsafe.itemIndex).toBeTypeOf('number')
  })
})

describe('planImport', () => {
  it('turns the app’s own export back into the same set and claims', () => {
    const text = fixture('seed-set.jsonld')
    const parsed = readAnnotationFile({ name: 'seed-set.jsonld', bytes: encode(text) })
    const plan = planImport(parsed, article, 'seed-set.jsonld', { now: NOW, newId: counter() })
    expect(plan.set).toEqual({ ...SEED_SET, documentId: article.id, origin: 'imported' })
    const expected = seedClaims(article.text).map((c) => ({ ...c, documentId: article.id }))
    const byId = (a: Claim, b: Claim) => a.id.localeCompare(b.id)
    expect([...plan.claims].sort(byId)).toEqual([...expected].sort(byId))
    expect(`${JSON.stringify(exportSet(article, plan.set, plan.claims), null, 2)}\n`).toBe(text)
    expect(plan.report).toMatchObject({ total: 4, anchored: 4, byPosition: 4, byQuote: 0, fuzzy: [], orphans: [], otherText: false, probablyWrongArticle: false })
    expect(plan.report.setLabel).toBe('Seed review')
  })

  it('places the Hypothesis file by quote and fuzzily, keeps the foreign quote as an orphan, and says so', () => {
    const parsed = readAnnotationFile({ name: 'hypothesis-seed.json', bytes: encode(fixture('hypothesis-seed.json')) })
    const plan = planImport(parsed, article, 'hypothesis-seed.json', { now: NOW, newId: counter() })
    expect(plan.set).toMatchObject({ analyst: 'Hana Sato', label: 'hypothesis-seed', origin: 'imported', documentId: article.id })
    const { report } = plan
    expect([report.total, report.anchored, report.byPosition, report.byQuote, report.fuzzy.length]).toEqual([4, 3, 0, 2, 1])
    expect(report.orphans).toEqual([{ quote: '日銀は政策金利を据え置き、円安の進行を注視する姿勢を示した', position: { start: 1880, end: 1913 } }])
    const fuzzy = report.fuzzy[0]!
    expect(fuzzy.found).toBe('ロシアのエネルギー産業や金融セクターは大きな打撃を受け')
    expect(fuzzy.quote).not.toBe(fuzzy.found)
    expect(fuzzy.score).toBeGreaterThanOrEqual(FUZZY_THRESHOLD)
    expect(fuzzy.score).toBeLessThan(1)
    expect(report.warnings).toEqual(['rows[4]: a reply to another annotation; skipped.'])
    expect(report.probablyWrongArticle).toBe(false)
    const orphans = plan.claims.filter((c) => c.orphan === true)
    expect(orphans.map((c) => c.target.quote.exact)).toEqual(report.orphans.map((o) => o.quote))
    expect(plan.claims.every((c) => c.setId === plan.set.id)).toBe(true)
  })

  it('flags a file made on another text, and names an unnamed analyst', () => {
    const text = fixture('seed-set.jsonld')
      .replaceAll(`urn:sha256:${article.sha256}`, `urn:sha256:${'0'.repeat(64)}`)
      .replace('"name": "Mika Tanaka"', '"name": ""')
    const parsed = readAnnotationFile({ name: 'other.jsonld', bytes: encode(text) })
    const plan = planImport({ ...parsed, analyst: '' }, article, 'other.jsonld', { now: NOW, newId: counter() })
    expect(plan.report.otherText).toBe(true)
    expect(plan.set.analyst).toBe(UNNAMED_ANALYST)
    expect(plan.report.anchored).toBe(4)
  })
})

describe('withFreshIds', () => {
  const set: AnnotationSet = { ...SEED_SET, origin: 'imported' }
  const claims = seedClaims(article.text)

  it('replaces only the taken ids and moves the claims to the new set id', () => {
    const taken = new Set([set.id, claims[1]!.id])
    const next = withFreshIds(set, claims, taken, counter())
    expect(next.set.id).toBe('00000000-0000-4000-8000-000000000001')
    expect(next.claims.map((c) => c.id)).toEqual([claims[0]!.id, '00000000-0000-4000-8000-000000000002', claims[2]!.id, claims[3]!.id])
    expect(next.claims.every((c) => c.setId === next.set.id)).toBe(true)
    expect(next.claims[1]!.counterpoints).toEqual(claims[1]!.counterpoints)
    expect(set.id).toBe(SEED_SET.id)
    expect(claims[1]!.setId).toBe(SEED_SET.id)
  })

  it('keeps everything when nothing is taken', () => {
    const next = withFreshIds(set, claims, new Set(), counter())
    expect(next.set).toEqual(set)
    expect(next.claims).toEqual(claims)
  })
})
