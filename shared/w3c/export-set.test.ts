import fc from 'fast-check'
import { describe as suite, expect, it } from 'vitest'
import { SEED_SET, seedArticle, seedClaims } from '../../fixtures/w3c/seed-claims'
import { describe } from '../anchoring'
import type { AnnotationSet, Claim } from '../claims/model'
import { compareClaimsInDocumentOrder } from '../claims/model'
import { anchorImported, claimsFromImport, exportSet, parseAnnotationFile, validateW3cDocument } from '.'

const article = seedArticle()

suite('exportSet', () => {
  const collection = exportSet(article, SEED_SET, seedClaims(article.text))

  it('writes the set as an AnnotationCollection with the claims embedded in document order', () => {
    expect(collection['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld')
    expect(collection['@context'][1]).toMatchObject({ cw: 'https://critique-workbench.invalid/ns#', strength: 'cw:strength' })
    expect(collection).toMatchObject({
      id: `urn:uuid:${SEED_SET.id}`,
      type: 'AnnotationCollection',
      label: 'Seed review',
      creator: { type: 'Person', name: 'Mika Tanaka' },
      total: 4,
      first: { type: 'AnnotationPage' },
    })
    const starts = collection.first.items.map((a) => a.target.selector.find((s) => s.type === 'TextPositionSelector'))
    const sorted = [...seedClaims(article.text)].sort(compareClaimsInDocumentOrder)
    expect(starts.map((s) => s && 'start' in s && s.start)).toEqual(sorted.map((c) => c.target.position.start))
  })

  it('maps each part of a claim to a body of the agreed purpose', () => {
    const claim = seedClaims(article.text).find((c) => c.id === 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d')!
    const annotation = collection.first.items.find((a) => a.id === `urn:uuid:${claim.id}`)!
    expect(annotation.motivation).toBe('assessing')
    expect(annotation.creator).toEqual({ type: 'Person', name: claim.author })
    expect(annotation.body.map((b) => [b.purpose, b.value])).toEqual([
      ['classifying', 'speculative'],
      ['commenting', claim.note],
      ['replying', claim.counterpoints[0]!.text],
      ['tagging', 'assessment'],
    ])
    expect(annotation.body[2]).toMatchObject({
      strength: 'moderate',
      sourceCitation: claim.counterpoints[0]!.source!.citation,
      sourceUrl: claim.counterpoints[0]!.source!.url,
      partId: `urn:uuid:${claim.counterpoints[0]!.id}`,
    })
    expect(annotation.target).toEqual({
      source: `urn:sha256:${article.sha256}`,
      selector: [claim.target.quote, claim.target.position],
    })
  })

  it('writes evidence as linking text with its URL, and leaves out empty notes and URLs', () => {
    const items = collection.first.items
    const evidenced = items.filter((a) => a.body[0]!.value === 'evidenced')
    expect(evidenced.map((a) => a.body.filter((b) => b.purpose === 'commenting').length)).toEqual([0, 0])
    const links = evidenced.flatMap((a) => a.body.filter((b) => b.purpose === 'linking'))
    expect(links.map((b) => [b.value, b.evidenceUrl])).toEqual([
      ['共同記者会見の記録', 'https://example.org/transcripts/2025-08-15'],
      ['EU sanctions against Russia, Council of the EU', undefined],
    ])
  })

  it('keeps only the quote of an orphan, and passes the W3C MUST assertions either way', () => {
    const [claim] = seedClaims(article.text)
    const orphan = exportSet(article, SEED_SET, [{ ...claim!, orphan: true }])
    expect(orphan.first.items[0]!.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector'])
    expect(validateW3cDocument(orphan).failures).toEqual([])
    expect(validateW3cDocument(collection).failures).toEqual([])
  })

  it('exports an empty set as a valid empty collection', () => {
    const empty = exportSet(article, SEED_SET, [])
    expect(empty.total).toBe(0)
    expect(empty.first.items).toEqual([])
    expect(validateW3cDocument(empty).ok).toBe(true)
  })

  it('refuses a malformed hash or a claim of another set with a RangeError', () => {
    expect(() => exportSet({ sha256: 'ABC', text: '' }, SEED_SET, [])).toThrow(RangeError)
    const [claim] = seedClaims(article.text)
    expect(() => exportSet(article, SEED_SET, [{ ...claim!, setId: 'other' }])).toThrow(/belongs to set other/)
  })
})

suite('export -> import -> export', () => {
  const context = (set: AnnotationSet) => ({
    setId: set.id,
    documentId: set.documentId,
    now: '2030-01-01T00:00:00.000Z',
    newId: () => {
      throw new Error('no id should be needed on a round trip')
    },
  })
  const roundTrip = (set: AnnotationSet, claims: Claim[]) => {
    const json = JSON.stringify(exportSet(article, set, claims))
    const parsed = parseAnnotationFile(json, 'set.jsonld')
    // The file names this very text, so offsets without a quote (an empty span) are trusted.
    const { placements } = anchorImported(article.text, parsed.items, { positionUnit: parsed.positionUnit, sameText: parsed.sourceUrn === `urn:sha256:${article.sha256}` })
    return { json, parsed, claims: claimsFromImport(article.text, parsed.items, placements, context(set)) }
  }

  it('gives the seed claims back, and the same file again', () => {
    const { json, parsed, claims } = roundTrip(SEED_SET, seedClaims(article.text))
    expect(parsed).toMatchObject({ format: 'w3c', analyst: 'Mika Tanaka', label: 'Seed review', setId: SEED_SET.id, created: SEED_SET.created, warnings: [] })
    expect(claims).toEqual([...seedClaims(article.text)].sort(compareClaimsInDocumentOrder))
    expect(JSON.stringify(exportSet(article, SEED_SET, claims))).toBe(json)
  })

  it('holds for any claims the app can make (property)', () => {
    const text = article.text
    const safeUrl = fc.constantFrom('', 'https://example.org/a?b=1#c', 'http://example.com/', 'mailto:someone@example.org')
    const words = fc.string({ maxLength: 40 })
    const tag = fc.string({ minLength: 1, maxLength: 12 }).filter((t) => t.trim() !== '' && !/^\s*(evidenced|speculative)\s*$/i.test(t))
    const time = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString())
    const claimShape = fc.record({
      span: fc.tuple(fc.nat(text.length), fc.nat(200)),
      stance: fc.constantFrom('evidenced' as const, 'speculative' as const),
      note: words,
      evidence: fc.array(fc.record({ citation: words, url: safeUrl }), { maxLength: 3 }),
      counterpoints: fc.array(
        fc.record({
          text: words,
          strength: fc.constantFrom('weak' as const, 'moderate' as const, 'strong' as const),
          source: fc.option(fc.record({ citation: fc.string({ minLength: 1, maxLength: 20 }), url: safeUrl }), { nil: null }),
        }),
        { maxLength: 3 },
      ),
      tags: fc.uniqueArray(tag, { maxLength: 4 }),
      created: time,
      author: fc.string({ minLength: 1, maxLength: 20 }).filter((a) => !/^\s*acct:/.test(a)),
    })
    fc.assert(
      fc.property(fc.array(claimShape, { maxLength: 6 }), fc.string({ maxLength: 30 }), (shapes, label) => {
        let n = 0
        const uuid = () => `00000000-0000-4000-8000-${(n++).toString(16).padStart(12, '0')}`
        const set: AnnotationSet = { ...SEED_SET, id: uuid(), label }
        const claims: Claim[] = shapes.map((s) => {
          const start = Math.min(s.span[0], text.length)
          const end = Math.min(text.length, start + s.span[1])
          return {
            id: uuid(),
            setId: set.id,
            documentId: set.documentId,
            stance: s.stance,
            target: describe(text, start, end),
            note: s.note,
            evidence: s.evidence.map((e) => ({ id: uuid(), ...e })),
            counterpoints: s.counterpoints.map((c) => ({ id: uuid(), ...c })),
            tags: s.tags,
            created: s.created,
            modified: s.created,
            author: s.author,
          }
        })
        const first = exportSet(article, set, claims)
        expect(validateW3cDocument(first).failures).toEqual([])
        const back = roundTrip(set, claims)
        expect(back.claims).toEqual([...claims].sort(compareClaimsInDocumentOrder))
        expect(back.json).toBe(JSON.stringify(exportSet(article, set, back.claims)))
      }),
      { numRuns: 150 },
    )
  })
})
