import { describe, expect, it } from 'vitest'
import { compareClaimsInDocumentOrder, type Claim } from '../../../shared/claims/model'
import { aClaim } from '../../../shared/claims/test-builders'
import { claimsWithEdits, editOf, foldEdits, tombstoneOf } from './claim-journal'
import { claimBucket, pageKeyOf, toClaimPages } from './claim-pages'
import type { ClaimPageRecord } from './records'

const TEXT = 'The council reportedly approved the budget after officials met the harbour ministry. '.repeat(40)

function claim(id: string, start: number, note = ''): Claim {
  return aClaim({ setId: 's', documentId: 'doc', text: TEXT, start, end: start + 7, stance: 'evidenced', author: 'a', created: '2025-08-19T10:05:00.000Z', modified: '2025-08-19T10:05:00.000Z', id, note })
}

const byKey = (pages: readonly ClaimPageRecord[]) => new Map(pages.map((p) => [p.key, p]))

describe('editOf and tombstoneOf', () => {
  it('key the record by set and claim id', () => {
    const c = claim('c', 3)
    expect(editOf(c)).toStrictEqual({ setId: 's', id: 'c', documentId: 'doc', claim: c })
    expect(tombstoneOf(c)).toStrictEqual({ setId: 's', id: 'c', documentId: 'doc', claim: null })
  })
})

describe('claimsWithEdits', () => {
  it('lays the journal over the pages: replaced, added and deleted claims, in document order', () => {
    const paged = Array.from({ length: 120 }, (_, i) => claim(`p${i}`, (i * 23) % 3000))
    const pages = toClaimPages(paged)
    const replaced = { ...paged[5]!, note: 'edited', modified: '2025-08-19T11:00:00.000Z' }
    const added = claim('new', 11)
    const edits = [editOf(replaced), editOf(added), tombstoneOf(paged[7]!), tombstoneOf(claim('never-stored', 1))]
    const expected = [...paged.filter((c) => c.id !== paged[7]!.id).map((c) => (c.id === replaced.id ? replaced : c)), added].sort(compareClaimsInDocumentOrder)
    expect(claimsWithEdits(pages, edits)).toStrictEqual(expected)
    expect(claimsWithEdits(pages, [])).toStrictEqual([...paged].sort(compareClaimsInDocumentOrder))
    expect(claimsWithEdits([], [editOf(added)])).toStrictEqual([added])
  })
})

describe('foldEdits', () => {
  it('gives the pages that make the journal unnecessary, and the pages it empties', () => {
    const paged = Array.from({ length: 200 }, (_, i) => claim(`p${i}`, (i * 17) % 3000))
    const pages = toClaimPages(paged)
    const alone = paged.find((c) => pages.find((p) => p.key === pageKeyOf(c))!.claims.length === 1)
    const edits = [editOf({ ...paged[0]!, note: 'edited' }), editOf(claim('new', 40)), tombstoneOf(paged[1]!), ...(alone ? [tombstoneOf(alone)] : [])]
    const folded = foldEdits(byKey(pages), edits)
    const after = byKey(pages)
    for (const key of folded.remove) after.delete(key)
    for (const page of folded.put) after.set(page.key, page)
    expect(claimsWithEdits([...after.values()], [])).toStrictEqual(claimsWithEdits(pages, edits))
    expect(folded.put.length + folded.remove.length).toBeLessThanOrEqual(edits.length)
    if (alone) expect(folded.remove).toEqual([pageKeyOf(alone)])
    // Only touched pages are written.
    const touched = new Set(edits.map((e) => `s#${claimBucket(e.id)}`))
    for (const page of folded.put) expect(touched.has(page.key)).toBe(true)
  })

  it('applies several edits of one page in journal order, and drops a tombstone for a page that does not exist', () => {
    const a = claim('a', 10)
    const folded = foldEdits(new Map(), [editOf(a), editOf({ ...a, note: 'second' }), tombstoneOf(claim('ghost', 5))])
    expect(folded.put.flatMap((p) => p.claims)).toStrictEqual([{ ...a, note: 'second' }])
    expect(folded.remove).toEqual([])
  })
})
