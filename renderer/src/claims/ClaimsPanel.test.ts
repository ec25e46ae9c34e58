/**
 * The claims panel's filter: which claims a stance and a text keep.
 */
import { describe, expect, it } from 'vitest'
import { addCounterpoint, addEvidence, setNote } from '../../../shared/claims/claim-edits'
import { aClaim } from '../../../shared/claims/test-builders'
import { filterClaims } from './ClaimsPanel'

const TEXT = 'The summit will undoubtedly split the West. Ｔｒｕｍｐ said so.'
const T = '2025-08-19T10:10:00.000Z'
const summit = aClaim({ id: 'summit', text: TEXT, start: 4, end: 10, stance: 'evidenced' })
const trump = aClaim({ id: 'trump', text: TEXT, start: 44, end: 49, stance: 'speculative' })

describe('filterClaims', () => {
  it('keeps claims of the stance, all of them for "all"', () => {
    expect(filterClaims([summit, trump], 'speculative', '').map((c) => c.id)).toEqual(['trump'])
    expect(filterClaims([summit, trump], 'all', '  ').map((c) => c.id)).toEqual(['summit', 'trump'])
  })

  it('finds text in the quote, full-width and half-width alike, case ignored', () => {
    expect(filterClaims([summit, trump], 'all', 'trump').map((c) => c.id)).toEqual(['trump'])
    expect(filterClaims([summit, trump], 'all', 'ＳＵＭ').map((c) => c.id)).toEqual(['summit'])
  })

  it('finds text in the note, counterpoints and the sources of evidence', () => {
    const noted = setNote(summit, 'Check the communiqué', T)
    const argued = addCounterpoint(trump, { text: 'Denied later', strength: 'weak', source: { citation: 'Reuters, 19 Aug', url: '' } }, T, 'cp')
    const cited = addEvidence(aClaim({ id: 'cited', text: TEXT, start: 0, end: 3 }), { citation: 'AP', url: 'https://apnews.com/x' }, T, 'ev')
    const all = [noted, argued, cited]
    expect(filterClaims(all, 'all', 'communiqué').map((c) => c.id)).toEqual(['summit'])
    expect(filterClaims(all, 'all', 'reuters').map((c) => c.id)).toEqual(['trump'])
    expect(filterClaims(all, 'all', 'denied').map((c) => c.id)).toEqual(['trump'])
    expect(filterClaims(all, 'all', 'apnews').map((c) => c.id)).toEqual(['cited'])
  })

  it('never matches across two fields', () => {
    // The quote ends in "summit", the note starts with "now": "summitnow" is in neither.
    const noted = setNote(summit, 'now', T)
    expect(filterClaims([noted], 'all', 'summitnow')).toEqual([])
    expect(filterClaims([noted], 'all', 'summit now')).toEqual([])
  })

  it('follows an edit: the edited claim is searched as it is now', () => {
    expect(filterClaims([summit], 'all', 'later')).toEqual([])
    const edited = setNote(summit, 'Confirmed later', T)
    expect(filterClaims([edited], 'all', 'later').map((c) => c.id)).toEqual(['summit'])
    expect(filterClaims([summit], 'all', 'later')).toEqual([])
  })
})
