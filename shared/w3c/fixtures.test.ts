/**
 * The W3C fixtures: fixtures/w3c/seed-set.jsonld is the golden export of a
 * small set on the seed article (rebuilt here from the claims below;
 * `UPDATE_GOLDEN=1` rewrites it), and fixtures/w3c/hypothesis-seed.json is
 * Hypothesis JSON made on a web-page copy of the seed (offsets +123, one quote
 * edited, one quote from another article, one reply).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe as suite, expect, it } from 'vitest'
import { ROOT, SEED_SET, seedArticle, seedClaims } from '../../fixtures/w3c/seed-claims'
import { anchorImported, exportSet, parseAnnotationFile, validateW3cDocument } from '.'

suite('fixtures/w3c/seed-set.jsonld', () => {
  const article = seedArticle()
  const path = join(ROOT, 'fixtures/w3c/seed-set.jsonld')
  const exported = `${JSON.stringify(exportSet(article, SEED_SET, seedClaims(article.text)), null, 2)}\n`
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, exported)

  it('is the export of the seed claims', () => {
    expect(readFileSync(path, 'utf8')).toBe(exported)
  })

  it('passes every W3C MUST assertion and names the seed by its hash', () => {
    const doc = JSON.parse(readFileSync(path, 'utf8')) as { first: { items: { target: { source: string } }[] } }
    const report = validateW3cDocument(doc)
    expect(report.failures).toEqual([])
    expect(report.annotations).toBe(4)
    expect(doc.first.items.every((a) => a.target.source === `urn:sha256:${article.sha256}`)).toBe(true)
  })

  it('anchors every claim by position on the seed', () => {
    const parsed = parseAnnotationFile(readFileSync(path, 'utf8'), 'seed-set.jsonld')
    expect(parsed.sourceUrn).toBe(`urn:sha256:${article.sha256}`)
    const { summary, probablyWrongArticle } = anchorImported(article.text, parsed.items, { positionUnit: parsed.positionUnit, sameText: true })
    expect(summary).toEqual({ total: 4, anchored: 4, byPosition: 4, byQuote: 0, fuzzy: 0, orphans: [], positionUnit: 'code-points', positionsAssumed: 0, otherUnit: 0, uncheckedPositions: 0 })
    expect(probablyWrongArticle).toBe(false)
  })
})

suite('fixtures/w3c/hypothesis-seed.json', () => {
  const article = seedArticle()
  const parsed = parseAnnotationFile(readFileSync(join(ROOT, 'fixtures/w3c/hypothesis-seed.json'), 'utf8'), 'hypothesis-seed.json')

  it('reads four annotations by one analyst and skips the reply', () => {
    expect(parsed.format).toBe('hypothesis')
    expect(parsed.analyst).toBe('Hana Sato')
    expect(parsed.items.map((i) => i.stance)).toEqual(['speculative', 'evidenced', 'speculative', 'speculative'])
    expect(parsed.items.map((i) => i.tags)).toEqual([['assessment'], ['quote'], ['economy', 'untagged'], []])
    expect(parsed.warnings).toEqual(['rows[4]: a reply to another annotation; skipped.'])
  })

  it('anchors the shifted quotes by quote, the edited one fuzzily, and orphans the foreign one', () => {
    const { summary, placements, probablyWrongArticle } = anchorImported(article.text, parsed.items, { positionUnit: parsed.positionUnit })
    expect(summary).toEqual({
      total: 4,
      anchored: 3,
      byPosition: 0,
      byQuote: 2,
      fuzzy: 1,
      orphans: [{ id: 'hYp3Pq4dEe6aBcDeFgHiJk', quote: '日銀は政策金利を据え置き、円安の進行を注視する姿勢を示した', position: parsed.items[3]!.selectors.position ?? null }],
      positionUnit: 'code-units',
      positionsAssumed: 0,
      otherUnit: 0,
      uncheckedPositions: 0,
    })
    expect(probablyWrongArticle).toBe(false)
    const edited = placements[2]!
    expect(article.text.slice(edited.start, edited.end)).toBe('ロシアのエネルギー産業や金融セクターは大きな打撃を受け')
  })
})
