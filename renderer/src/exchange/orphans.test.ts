import { describe as suite, expect, it } from 'vitest'
import { describe } from '../../../shared/anchoring'
import type { Claim } from '../../../shared/claims/model'
import { attachOrphan, splitOrphans } from './orphans'
import { aClaim, BARE_CLAIM } from '../../../shared/claims/test-builders'

const TEXT = 'プーチン大統領は英語で「次回はモスクワで」と述べた。𠮷野家の話ではない。'

function claim(id: string, orphan?: boolean): Claim {
  return aClaim({
    ...BARE_CLAIM,
    id,
    note: 'n',
    counterpoints: [{ id: 'c', text: 't', strength: 'weak', source: null }],
    tags: ['x'],
    author: 'A',
    ...(orphan === undefined ? {} : { orphan }),
  })
}

suite('splitOrphans', () => {
  it('keeps the order within each list; only orphan === true is an orphan', () => {
    const all = [claim('a', true), claim('b'), claim('c', false), claim('d', true)]
    const { placed, orphans } = splitOrphans(all)
    expect(placed.map((c) => c.id)).toEqual(['b', 'c'])
    expect(orphans.map((c) => c.id)).toEqual(['a', 'd'])
  })
})

suite('attachOrphan', () => {
  it('gives the claim a target described on the text, drops the flag and stamps the time', () => {
    const start = TEXT.indexOf('「次回')
    const end = TEXT.indexOf('と述べた')
    const attached = attachOrphan(claim('a', true), TEXT, start, end, '2025-09-01T10:00:00.000Z')
    expect(attached.target).toEqual(describe(TEXT, start, end))
    expect(attached.target.quote.exact).toBe('「次回はモスクワで」')
    expect('orphan' in attached).toBe(false)
    expect(attached.modified).toBe('2025-09-01T10:00:00.000Z')
    expect({ ...attached, target: null, modified: null }).toEqual({ ...claim('a'), target: null, modified: null })
  })

  it('refuses an empty or out-of-range span', () => {
    expect(() => attachOrphan(claim('a', true), TEXT, 3, 3, 'now')).toThrow(RangeError)
    expect(() => attachOrphan(claim('a', true), TEXT, 3, TEXT.length + 1, 'now')).toThrow(RangeError)
  })
})
