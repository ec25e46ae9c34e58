import type { IntervalTree, ObservabilitySet } from 'dexie'
import { describe, expect, it } from 'vitest'
import { claimPageKey } from './claim-pages'
import { changedElsewhere, sameStoredClaims, type FollowedSet } from './set-changes'
import type { Claim } from '../../../shared/claims/model'

/** An interval tree of single keys, as Dexie's storagemutated event carries them (plain objects between tabs). */
function keys(...list: unknown[]): IntervalTree {
  let tree: IntervalTree = { d: 0 } as IntervalTree
  for (const key of list) tree = { from: key, to: key, d: 1, l: 'from' in tree ? tree : null, r: null } as unknown as IntervalTree
  return tree
}

function followed(own: string[] = []): FollowedSet & { heard: string[] } {
  const waiting = [...own]
  const heard: string[] = []
  return {
    databaseName: 'db',
    setId: 's1',
    heard,
    takeOwn(id) {
      const at = waiting.indexOf(id)
      if (at < 0) return false
      waiting.splice(at, 1)
      heard.push(id)
      return true
    },
  }
}

const edits = 'idb://db/claimEdits/'
const pages = 'idb://db/claimPages/'

describe('changedElsewhere', () => {
  it('takes the set’s own journal writes as its own, each once', () => {
    const set = followed(['a', 'b'])
    expect(changedElsewhere({ [edits]: keys(['s1', 'a'], ['s1', 'b']) } as ObservabilitySet, set)).toBe(false)
    expect(set.heard.sort()).toEqual(['a', 'b'])
    expect(changedElsewhere({ [edits]: keys(['s1', 'a']) } as ObservabilitySet, set)).toBe(true)
  })

  it('counts every own key even when a foreign one comes first', () => {
    const set = followed(['own'])
    expect(changedElsewhere({ [edits]: keys(['s1', 'theirs'], ['s1', 'own']) } as ObservabilitySet, set)).toBe(true)
    expect(set.heard).toEqual(['own'])
  })

  it('ignores other sets’ journal and pages, and other databases', () => {
    const set = followed()
    expect(changedElsewhere({ [edits]: keys(['s2', 'x']), [pages]: keys(claimPageKey('s2', 3), claimPageKey('s1#x', 4)) } as ObservabilitySet, set)).toBe(false)
    expect(changedElsewhere({ 'idb://other/claimEdits/': keys(['s1', 'x']), 'idb://db/prefs/': keys('theme') } as ObservabilitySet, set)).toBe(false)
  })

  it('sees a change to the set’s pages, a range of keys, index keys alone, or `all`', () => {
    expect(changedElsewhere({ [pages]: keys(claimPageKey('s1', 63)) } as ObservabilitySet, followed())).toBe(true)
    expect(changedElsewhere({ [edits]: { from: ['s0'], to: ['s9'], d: 1, l: null, r: null } as unknown as IntervalTree } as ObservabilitySet, followed())).toBe(true)
    expect(changedElsewhere({ 'idb://db/claimEdits/setId': keys('s1') } as ObservabilitySet, followed())).toBe(true)
    expect(changedElsewhere({ all: keys() } as unknown as ObservabilitySet, followed())).toBe(true)
  })
})

describe('sameStoredClaims', () => {
  const c = (id: string, modified = '2025-08-19T10:00:00.000Z') => ({ id, modified }) as Claim
  it('compares ids and modification times in order', () => {
    expect(sameStoredClaims([c('a'), c('b')], [c('a'), c('b')])).toBe(true)
    expect(sameStoredClaims([c('a'), c('b')], [c('b'), c('a')])).toBe(false)
    expect(sameStoredClaims([c('a')], [c('a', '2025-08-19T11:00:00.000Z')])).toBe(false)
    expect(sameStoredClaims([c('a')], [c('a'), c('b')])).toBe(false)
  })
})
