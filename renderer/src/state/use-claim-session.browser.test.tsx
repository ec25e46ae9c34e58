/**
 * useClaimSession in a real React root over real IndexedDB: with the opening
 * read's claims the very first render has a loaded session, which the effect
 * then keeps; without them the session comes from the effect; a change of
 * active set disposes the old session.
 */
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, describe, expect, it } from 'vitest'
import { aClaim, aSet } from '../../../shared/claims/test-builders'
import type { WorkbenchDb } from '../storage/database'
import { freshDb } from '../test-support/fresh-db'
import { NOTE_ARTICLE as ARTICLE, seedNote } from '../test-support/seeded-article'
import { ClaimSession } from './claim-session'
import { startOpening, type ReaderOpening } from './opening'
import { useClaimSession } from './use-claim-session'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const cleanups: (() => void | Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const SET_A = aSet({ id: 'set-a', analyst: 'Hanako', label: 'A', created: '2025-08-19T10:00:00.000Z' })
const SET_B = aSet({ id: 'set-b', analyst: 'Hanako', label: 'B', created: '2025-08-20T10:00:00.000Z' })

async function seededOpening(): Promise<{ db: WorkbenchDb; opening: ReaderOpening }> {
  const db = await freshDb('use-session')
  const claim = aClaim({ set: SET_A, text: ARTICLE.text, start: 4, end: 11, stance: 'evidenced', author: 'Hanako', created: '2025-08-19T10:05:00.000Z', modified: '2025-08-19T10:05:00.000Z', id: 'c-1' })
  await seedNote(db, [
    { set: SET_A, claims: [claim] },
    { set: SET_B, claims: [] },
  ])
  const opening = startOpening(db)
  cleanups.push(opening.dispose)
  await opening.read
  return { db, opening: opening.forReader(ARTICLE.id)! }
}

/** Render a probe of the hook; `seen` gets the session of every render. */
function mount(db: WorkbenchDb, opening: ReaderOpening | null, activeId: string | null): { seen: (ClaimSession | null)[]; root: Root; rerender(id: string | null): void } {
  const seen: (ClaimSession | null)[] = []
  function Probe({ id }: { id: string | null }) {
    const session = useClaimSession(db, id, opening)
    seen.push(session)
    return <p>{session?.getSnapshot().claims.length ?? 'none'}</p>
  }
  const host = document.createElement('div')
  document.body.append(host)
  const root = createRoot(host)
  cleanups.push(() => {
    act(() => root.unmount())
    host.remove()
  })
  act(() => root.render(<Probe id={activeId} />))
  return { seen, root, rerender: (id) => act(() => root.render(<Probe id={id} />)) }
}

describe('useClaimSession', () => {
  it('has the loaded session at the first render with the opening read, and keeps it', async () => {
    const { db, opening } = await seededOpening()
    const { seen } = mount(db, opening, SET_A.id)
    const first = seen[0]
    expect(first?.setId).toBe(SET_A.id)
    expect(first?.getSnapshot()).toMatchObject({ loaded: true })
    expect(first?.getSnapshot().claims.map((c) => c.id)).toEqual(['c-1'])
    expect(new Set(seen)).toEqual(new Set([first]))
  })

  it('makes the session in the effect without the opening read, and disposes each one it replaces', async () => {
    const { db } = await seededOpening()
    const disposed = new Set<ClaimSession>()
    const dispose = ClaimSession.prototype.dispose
    ClaimSession.prototype.dispose = function (this: ClaimSession) {
      disposed.add(this)
      dispose.call(this)
    }
    cleanups.push(() => {
      ClaimSession.prototype.dispose = dispose
    })
    const { seen, rerender } = mount(db, null, SET_A.id)
    expect(seen[0]).toBeNull()
    const a = seen[seen.length - 1]!
    expect(a.setId).toBe(SET_A.id)
    expect(disposed.size).toBe(0)
    rerender(SET_B.id)
    const b = seen[seen.length - 1]!
    expect(b.setId).toBe(SET_B.id)
    expect([...disposed]).toEqual([a])
    rerender(null)
    expect(seen[seen.length - 1]).toBeNull()
    expect([...disposed]).toEqual([a, b])
  })

  it('disposes the session of the first render when the active set is another one', async () => {
    const { db, opening } = await seededOpening()
    const { seen } = mount(db, opening, SET_B.id)
    const [first] = seen
    const last = seen[seen.length - 1]!
    expect(first?.setId).toBe(SET_A.id)
    expect(last.setId).toBe(SET_B.id)
  })
})
