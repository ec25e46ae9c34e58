import { describe, expect, it } from 'vitest'
import { compareClaimsInDocumentOrder, type AnnotationSet, type Claim } from '../../../shared/claims/model'
import { aClaim } from '../../../shared/claims/test-builders'
import { claimsWithEdits } from './claim-journal'
import { CLAIM_PAGE_BUCKETS, claimBucket, claimPageKey, pageKeyOf, toClaimPages, withClaimInPage, withoutClaimInPage } from './claim-pages'

const TEXT = '米露首脳会談は、アラスカで開催された。プーチン大統領は英語で「次はモスクワで」と述べた。'.repeat(20)

function set(id: string): Pick<AnnotationSet, 'id' | 'documentId'> {
  return { id, documentId: 'doc' }
}

function claim(setId: string, id: string, start: number, end: number): Claim {
  return aClaim({ set: set(setId), text: TEXT, start, end, stance: 'evidenced', author: 'a', created: '2025-08-19T10:05:00.000Z', modified: '2025-08-19T10:05:00.000Z', id })
}

/** Claims spread over the text, in an order unrelated to document order. */
function many(setId: string, n: number): Claim[] {
  return Array.from({ length: n }, (_, i) => {
    const start = (i * 37) % (TEXT.length - 20)
    return claim(setId, `${setId}-${i}`, start, start + 2 + (i % 9))
  })
}

describe('claimBucket', () => {
  it('is the stored format: FNV-1a of the id, modulo 64 (these values must never change)', () => {
    expect(CLAIM_PAGE_BUCKETS).toBe(64)
    // FNV-1a 32-bit: "" → 0x811c9dc5, "a" → 0xe40c292c; 0x811c9dc5 % 64 = 5, 0xe40c292c % 64 = 44.
    expect(claimBucket('')).toBe(0x811c9dc5 % 64)
    expect(claimBucket('a')).toBe(0xe40c292c % 64)
    expect(claimBucket('a')).toBe(44)
  })

  it('spreads ids over every bucket', () => {
    const counts = new Array<number>(CLAIM_PAGE_BUCKETS).fill(0)
    for (let i = 0; i < 6400; i++) counts[claimBucket(crypto.randomUUID())]! += 1
    expect(Math.min(...counts)).toBeGreaterThan(40)
    expect(Math.max(...counts)).toBeLessThan(180)
  })
})

describe('claimPageKey', () => {
  it('joins set and bucket, and refuses a bucket out of range', () => {
    expect(claimPageKey('set#1', 7)).toBe('set#1#7')
    expect(pageKeyOf({ id: 'a', setId: 's' })).toBe('s#44')
    expect(() => claimPageKey('s', 64)).toThrow(RangeError)
    expect(() => claimPageKey('s', -1)).toThrow(RangeError)
    expect(() => claimPageKey('s', 1.5)).toThrow(/1\.5/)
  })
})

describe('toClaimPages', () => {
  it('group claims by set and bucket, each page in document order, and give them back in document order', () => {
    const claims = [...many('s1', 300), ...many('s2', 50)]
    const pages = toClaimPages(claims)
    expect(new Set(pages.map((p) => p.key)).size).toBe(pages.length)
    for (const page of pages) {
      expect(page.key).toBe(claimPageKey(page.setId, page.bucket))
      expect(page.documentId).toBe('doc')
      for (const c of page.claims) expect(pageKeyOf(c)).toBe(page.key)
      expect(page.claims).toStrictEqual([...page.claims].sort(compareClaimsInDocumentOrder))
      expect(page.claimIds).toEqual(page.claims.map((c) => c.id))
    }
    const s1 = pages.filter((p) => p.setId === 's1')
    expect(s1.length).toBeLessThanOrEqual(CLAIM_PAGE_BUCKETS)
    expect(claimsWithEdits(s1.reverse(), [])).toStrictEqual(claims.filter((c) => c.setId === 's1').sort(compareClaimsInDocumentOrder))
  })

  it('refuses two claims with one id', () => {
    expect(() => toClaimPages([claim('s', 'x', 0, 3), claim('s', 'dup', 4, 8), claim('s', 'dup', 9, 12)])).toThrow(/"dup"/)
    expect(toClaimPages([])).toEqual([])
  })
})

describe('withClaimInPage and withoutClaimInPage', () => {
  it('start a page, insert in document order, replace by id, and remove', () => {
    const first = claim('s', 'a', 30, 34)
    const page = withClaimInPage(undefined, first)
    expect(page).toStrictEqual({ key: pageKeyOf(first), setId: 's', documentId: 'doc', bucket: claimBucket('a'), claimIds: ['a'], claims: [first] })

    // Ids in the same bucket as 'a', so they share its page.
    const sameBucket = Array.from({ length: 2000 }, (_, i) => `id-${i}`).filter((id) => claimBucket(id) === claimBucket('a'))
    const [idB, idC] = sameBucket as [string, string]
    const earlier = claim('s', idB, 5, 9)
    const later = claim('s', idC, 60, 64)
    const three = withClaimInPage(withClaimInPage(page, later), earlier)
    expect(three.claimIds).toEqual([idB, 'a', idC])

    const moved = { ...claim('s', 'a', 70, 75), note: 'moved' }
    const replaced = withClaimInPage(three, moved)
    expect(replaced.claims).toStrictEqual([earlier, later, moved])
    expect(three.claims).toStrictEqual([earlier, first, later])

    expect(withoutClaimInPage(replaced, 'unknown')).toBe(replaced)
    const two = withoutClaimInPage(replaced, 'a')!
    expect(two.claimIds).toEqual([idB, idC])
    expect(withoutClaimInPage(withoutClaimInPage(two, idB)!, idC)).toBeNull()
  })

  it('refuses a claim that belongs in another page', () => {
    const page = withClaimInPage(undefined, claim('s', 'a', 0, 3))
    expect(() => withClaimInPage(page, claim('other-set', 'a', 0, 3))).toThrow(RangeError)
    const elsewhere = Array.from({ length: 100 }, (_, i) => `x-${i}`).find((id) => claimBucket(id) !== claimBucket('a'))!
    expect(() => withClaimInPage(page, claim('s', elsewhere, 0, 3))).toThrow(/does not belong/)
  })
})
