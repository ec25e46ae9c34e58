import { describe, expect, it } from 'vitest'
import { SEED_SET, seedArticle, seedClaims } from '../../fixtures/w3c/seed-claims'
import { anchorImported, exportSet, parseAnnotationFile, type ImportedItem } from '.'
import { claimsFromImport } from './claims-from-import'

const article = seedArticle()
const items = parseAnnotationFile(JSON.stringify(exportSet(article, SEED_SET, seedClaims(article.text))), 'seed.jsonld').items
const quotes = items.map((i) => i.selectors.quote!.exact)

describe('anchorImported', () => {
  it('finds every claim by position on the text it was made on', () => {
    const { summary, placements } = anchorImported(article.text, items)
    expect(summary).toMatchObject({ total: 4, anchored: 4, byPosition: 4, orphans: [] })
    expect(placements.map((p) => article.text.slice(p!.start, p!.end))).toEqual(quotes)
  })

  it('finds every claim by quote on a copy shifted by a page header', () => {
    const shifted = `${'ヘッダー・ナビゲーション '.repeat(10)}\n\n${article.text}`
    const { summary, placements, probablyWrongArticle } = anchorImported(shifted, items)
    expect(summary).toMatchObject({ anchored: 4, byPosition: 0, byQuote: 4, fuzzy: 0, orphans: [] })
    expect(placements.map((p) => shifted.slice(p!.start, p!.end))).toEqual(quotes)
    expect(probablyWrongArticle).toBe(false)
  })

  it('finds an edited quote fuzzily and reports a deleted one as an orphan', () => {
    const edited = article.text
      .replace('米国やEUによる厳しい制裁', '米国や欧州連合による厳しい制裁')
      .replace('制裁の一部緩和や新たな経済協力の道を開きたいと考えていよう', '制裁の解除を求めている')
    const { summary, placements, probablyWrongArticle } = anchorImported(edited, items)
    const deleted = items.findIndex((i) => i.selectors.quote!.exact.startsWith('制裁の一部緩和'))
    const changed = items.findIndex((i) => i.selectors.quote!.exact.startsWith('ロシア経済は'))
    expect(summary.orphans).toEqual([{ id: items[deleted]!.id, quote: quotes[deleted], position: items[deleted]!.selectors.position }])
    expect(placements[changed]!.method).toBe('fuzzy')
    expect(edited.slice(placements[changed]!.start, placements[changed]!.end)).toContain('欧州連合による厳しい制裁')
    expect(summary).toMatchObject({ total: 4, anchored: 3, fuzzy: 1 })
    expect(summary.byPosition + summary.byQuote + summary.fuzzy).toBe(summary.anchored)
    expect(probablyWrongArticle).toBe(false)
  })

  it('says the article is probably the wrong one when most quotes fail', () => {
    const other = 'The Federal Reserve held interest rates steady on Wednesday, citing persistent inflation.'
    const { summary, probablyWrongArticle } = anchorImported(other, items)
    expect(summary.anchored).toBe(0)
    expect(summary.orphans.map((o) => o.quote)).toEqual(quotes)
    expect(probablyWrongArticle).toBe(true)
  })

  it('takes offsets alone at their word only on the very text the file names, and handles an empty import', () => {
    const positionOnly: ImportedItem = { ...items[0]!, selectors: { position: { start: 3, end: 9 } } }
    expect(anchorImported(article.text, [positionOnly], { sameText: true }).placements).toEqual([{ start: 3, end: 9, method: 'position', score: 1 }])
    expect(anchorImported(article.text, [positionOnly]).placements).toEqual([null])
    expect(anchorImported(article.text, [])).toEqual({
      placements: [],
      summary: { total: 0, anchored: 0, byPosition: 0, byQuote: 0, fuzzy: 0, orphans: [], positionUnit: 'code-points', positionsAssumed: 0, otherUnit: 0, uncheckedPositions: 0 },
      probablyWrongArticle: false,
    })
  })
})

describe('claimsFromImport', () => {
  it('describes anchored claims on the new text and flags orphans, keeping their quotes', () => {
    const shifted = `Header\n\n${article.text.replace('制裁の一部緩和や新たな経済協力の道を開きたいと考えていよう', '（削除）')}`
    const { placements } = anchorImported(shifted, items)
    let n = 0
    const claims = claimsFromImport(shifted, items, placements, { setId: 's', documentId: 'd', now: '2030-01-01T00:00:00.000Z', newId: () => `new-${n++}` })
    for (const [i, claim] of claims.entries()) {
      expect(claim.id).toBe(items[i]!.id)
      if (claim.orphan) {
        expect(claim.target.quote.exact).toBe(quotes[i])
      } else {
        expect(shifted.slice(claim.target.position.start, claim.target.position.end)).toBe(quotes[i])
        expect(claim.target.quote.prefix).toBe(shifted.slice(Math.max(0, claim.target.position.start - 32), claim.target.position.start))
      }
    }
    expect(claims.filter((c) => c.orphan).length).toBe(1)
    expect(n).toBe(0)
  })

  it('replaces ids that are not UUIDs, or repeat, and times that are not ISO date-times', () => {
    const base = items[0]!
    const odd: ImportedItem[] = [
      { ...base, id: 'hyp-1', created: 'yesterday', modified: null },
      { ...base, evidence: [{ id: base.id, citation: 'c', url: '' }] },
    ]
    let n = 0
    const claims = claimsFromImport(article.text, odd, [null, null], { setId: 's', documentId: 'd', now: '2030-01-01T00:00:00.000Z', newId: () => `00000000-0000-4000-8000-00000000000${n++}` })
    expect(claims[0]!.id).toBe('00000000-0000-4000-8000-000000000000')
    expect([claims[0]!.created, claims[0]!.modified]).toEqual(['2030-01-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z'])
    expect(claims[1]!.id).toBe(base.id)
    expect(claims[1]!.evidence[0]!.id).toBe('00000000-0000-4000-8000-000000000001')
    expect(() => claimsFromImport(article.text, odd, [null], { setId: 's', documentId: 'd', now: '', newId: () => '' })).toThrow(RangeError)
  })
})
