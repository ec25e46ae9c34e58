/**
 * ensureSet over real IndexedDB: an existing set is used as is; otherwise the
 * analyst's name comes from prefs or, asked once, is remembered; declining
 * stores nothing.
 */
import { describe, expect, it } from 'vitest'
import type { AnnotationSet } from '../../../shared/claims/model'
import { addSet, listSets } from '../storage/claims-repo'
import { getPref, setPref } from '../storage/prefs-repo'
import { aSet } from '../../../shared/claims/test-builders'
import { freshDb } from '../test-support/fresh-db'
import { ensureSet } from './ensure-set'

function recorder(answer: string | null) {
  const asked: number[] = []
  return { asked, ask: async () => (asked.push(1), answer) }
}

describe('ensureSet', () => {
  it('returns the existing set without asking or storing', async () => {
    const db = await freshDb('ensure')
    const existing = aSet({ id: 'set-1' })
    const prompt = recorder('Nobody')
    const got = await ensureSet({ db, existing, askAnalyst: prompt.ask, create: async () => aSet({ id: 'other' }) })
    expect(got).toBe(existing)
    expect(prompt.asked).toHaveLength(0)
    expect(await getPref(db, 'analystName')).toBeNull()
  })

  it('names the new set after the remembered analyst, without asking', async () => {
    const db = await freshDb('ensure')
    await setPref(db, 'analystName', '山田')
    const prompt = recorder('Nobody')
    const made = await ensureSet({ db, existing: null, askAnalyst: prompt.ask, create: (analyst) => storeSet(db, analyst) })
    expect(prompt.asked).toHaveLength(0)
    expect(made?.analyst).toBe('山田')
    expect((await listSets(db, 'doc')).map((s) => s.analyst)).toEqual(['山田'])
  })

  it('asks once when no name is known, remembers the answer and makes the set', async () => {
    const db = await freshDb('ensure')
    const prompt = recorder('  Aiko Tanaka ')
    const made = await ensureSet({ db, existing: null, askAnalyst: prompt.ask, create: (analyst) => storeSet(db, analyst) })
    expect(prompt.asked).toHaveLength(1)
    expect(made?.analyst).toBe('Aiko Tanaka')
    expect(await getPref(db, 'analystName')).toBe('Aiko Tanaka')
    await ensureSet({ db, existing: null, askAnalyst: prompt.ask, create: (analyst) => storeSet(db, analyst, 'set-2') })
    expect(prompt.asked).toHaveLength(1)
  })

  it('stores nothing when the user declines to give a name', async () => {
    const db = await freshDb('ensure')
    for (const answer of [null, '   ']) {
      const made = await ensureSet({ db, existing: null, askAnalyst: recorder(answer).ask, create: (analyst) => storeSet(db, analyst) })
      expect(made).toBeNull()
    }
    expect(await listSets(db, 'doc')).toEqual([])
    expect(await getPref(db, 'analystName')).toBeNull()
  })
})

async function storeSet(db: Parameters<typeof addSet>[0], analyst: string, id = 'set-1'): Promise<AnnotationSet> {
  const set = aSet({ id, documentId: 'doc', analyst, label: analyst })
  await addSet(db, set)
  return set
}
