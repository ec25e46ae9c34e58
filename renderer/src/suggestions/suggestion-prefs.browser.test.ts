/**
 * The claim finder's stored choices over real IndexedDB: dismissals per set,
 * and the user's lexicon additions and removals, including concurrent writes.
 */
import { describe, expect, it } from 'vitest'
import { defaultLexicon, parseCueEntry } from '../../../shared/cues'
import { freshDb, reopenDb } from '../test-support/fresh-db'
import { getPref } from '../storage/prefs-repo'
import { addDismissal, addUserCue, clearDismissals, dismissalsOf, removeCue, restoreCue } from './suggestion-prefs'
import { userLexicon } from './user-lexicon'

const own = parseCueEntry({ id: 'user-ja-intent-a1', language: 'ja', kind: 'intent', match: 'literal', pattern: '訴えかけ', example: '志向に訴えかけた。' })

describe('dismissals', () => {
  it('are kept per set, once each, and survive reopening the database', async () => {
    const db = await freshDb()
    await addDismissal(db, 'set-a', '10:20')
    await addDismissal(db, 'set-a', '10:20')
    await addDismissal(db, 'set-a', '30:45')
    await addDismissal(db, 'set-b', '10:20')
    expect(await dismissalsOf(db, 'set-a')).toEqual(['10:20', '30:45'])
    expect(await dismissalsOf(db, 'set-b')).toEqual(['10:20'])
    expect(await dismissalsOf(db, 'set-c')).toEqual([])

    db.close()
    const again = await reopenDb(db.name)
    expect(await dismissalsOf(again, 'set-a')).toEqual(['10:20', '30:45'])
    await clearDismissals(again, 'set-a')
    expect(await dismissalsOf(again, 'set-a')).toEqual([])
    expect(await dismissalsOf(again, 'set-b')).toEqual(['10:20'])
  })

  it('lose nothing when many are written at once', async () => {
    const db = await freshDb()
    const keys = Array.from({ length: 20 }, (_, i) => `${i * 10}:${i * 10 + 5}`)
    await Promise.all(keys.map((k) => addDismissal(db, 'set-a', k)))
    expect([...(await dismissalsOf(db, 'set-a'))].sort()).toEqual([...keys].sort())
  })
})

describe('the user lexicon', () => {
  it('adds own cues, deletes them outright, and removes and restores bundled cues', async () => {
    const db = await freshDb()
    await addUserCue(db, own)
    await removeCue(db, 'ja-hedge-michisu')
    await removeCue(db, 'ja-hedge-michisu')
    let merged = userLexicon(defaultLexicon(), await getPref(db, 'cueAdditions'), await getPref(db, 'cueRemovals'))
    expect(merged.added).toEqual([own])
    expect(merged.lexicon.map((e) => e.id)).toContain(own.id)
    expect(merged.lexicon.map((e) => e.id)).not.toContain('ja-hedge-michisu')
    expect(await getPref(db, 'cueRemovals')).toEqual(['ja-hedge-michisu'])

    await removeCue(db, own.id)
    await restoreCue(db, 'ja-hedge-michisu')
    expect(await getPref(db, 'cueAdditions')).toEqual([])
    expect(await getPref(db, 'cueRemovals')).toEqual([])
    merged = userLexicon(defaultLexicon(), await getPref(db, 'cueAdditions'), await getPref(db, 'cueRemovals'))
    expect(merged.lexicon.map((e) => e.id)).toEqual(defaultLexicon().map((e) => e.id))
  })
})
