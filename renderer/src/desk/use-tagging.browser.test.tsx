/**
 * Tags made before the document has a set: the first key asks who is reading
 * and makes the set; keys pressed while that set is still being made wait for
 * it and are all kept, in order, in that one set. Real IndexedDB, the real
 * active-set and claim-session hooks, and the real useTagging.
 */
import { act, useImperativeHandle, type Ref } from 'react'
import { createRoot } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, it, onTestFinished } from 'vitest'
import { finishArticle } from '../../../shared/article/import'
import type { Article } from '../../../shared/article/model'
import type { Claim } from '../../../shared/claims/model'
import { appI18n } from '../i18n'
import { useClaimSession } from '../state/use-claim-session'
import { listClaims, listSets } from '../storage/claims-repo'
import type { WorkbenchDb } from '../storage/database'
import { freshDb } from '../test-support/fresh-db'
import { useActiveSet } from './use-active-set'
import { useTagging, type Tagging } from './use-tagging'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const SPECULATION = '欧米の結束に亀裂が拡大することは間違いない。'
const EVIDENCE = 'ロシア経済は制裁に直面してきた。'
const ARTICLE: Article = finishArticle(
  {
    title: '米露首脳会談',
    publishedOn: null,
    language: 'ja',
    format: 'text',
    blocks: [
      { type: 'paragraph', level: 0, text: SPECULATION, marks: [] },
      { type: 'paragraph', level: 0, text: EVIDENCE, marks: [] },
    ],
  },
  { id: 'doc-tagging', sourceName: 'op-ed.txt', sourceBytes: 100, importedAt: '2025-08-19T09:00:00.000Z' },
)

function rangeOf(quote: string) {
  const start = ARTICLE.text.indexOf(quote)
  return { start, end: start + quote.length }
}

function Desk({ db, askAnalyst, handle }: { db: WorkbenchDb; askAnalyst: () => Promise<string | null>; handle: Ref<Tagging> }) {
  const { active, create } = useActiveSet(db, ARTICLE.id)
  const session = useClaimSession(db, active?.id ?? null, null)
  const tagging = useTagging({
    db,
    article: ARTICLE,
    active,
    session,
    reader: { current: null },
    createSet: create,
    askAnalyst,
    notify: (kind, message) => {
      throw new Error(`unexpected ${kind}: ${message}`)
    },
    onTagged: () => {},
  })
  useImperativeHandle(handle, () => tagging, [tagging])
  return null
}

async function mount(db: WorkbenchDb, askAnalyst: () => Promise<string | null>) {
  const host = document.createElement('div')
  document.body.append(host)
  const root = createRoot(host)
  const handle: { current: Tagging | null } = { current: null }
  onTestFinished(() => {
    act(() => root.unmount())
    host.remove()
  })
  await act(async () => {
    root.render(
      <I18nextProvider i18n={appI18n()}>
        <Desk db={db} askAnalyst={askAnalyst} handle={handle} />
      </I18nextProvider>,
    )
  })
  return () => {
    if (!handle.current) throw new Error('desk not mounted')
    return handle.current
  }
}

async function storedClaims(db: WorkbenchDb, count: number): Promise<Claim[]> {
  for (let i = 0; i < 200; i++) {
    const sets = await listSets(db, ARTICLE.id)
    const claims = sets.length === 1 ? await listClaims(db, sets[0]!.id) : []
    if (claims.length >= count) return claims
    await act(async () => new Promise((resolve) => setTimeout(resolve, 20)))
  }
  return []
}

/** Wait (a few seconds at most) until `ready()` holds. */
async function until(ready: () => boolean): Promise<void> {
  for (let i = 0; i < 250 && !ready(); i++) await act(async () => new Promise((resolve) => setTimeout(resolve, 20)))
  if (!ready()) throw new Error('timed out waiting')
}

describe('tagging before the document has a set', () => {
  it('keeps a second key pressed while the first claim’s set is still being made, in that one set', async () => {
    const db = await freshDb('tagging-queue')
    let answer: (name: string) => void = () => {}
    let asked = 0
    const tagging = await mount(db, () => {
      asked++
      return new Promise((resolve) => (answer = resolve))
    })

    let first!: Promise<void>
    act(() => {
      first = tagging().tag('speculative', rangeOf(SPECULATION))
    })
    await until(() => asked === 1)
    // The name is given, and before the set exists the analyst tags the next sentence.
    answer('Aiko Tanaka')
    let second!: Promise<void>
    act(() => {
      second = tagging().tag('evidenced', rangeOf(EVIDENCE))
    })
    // Bounded: a second prompt (the bug this guards) would never be answered.
    await act(async () => {
      await Promise.race([Promise.all([first, second]), new Promise((resolve) => setTimeout(resolve, 3000))])
    })

    const claims = await storedClaims(db, 2)
    expect(asked).toBe(1)
    expect(await listSets(db, ARTICLE.id)).toHaveLength(1)
    expect(claims.map((c) => [c.stance, ARTICLE.text.slice(c.target.position.start, c.target.position.end)]).sort()).toEqual([
      ['evidenced', EVIDENCE],
      ['speculative', SPECULATION],
    ])
  })

  it('makes nothing when the analyst declines to give a name, however many keys waited', async () => {
    const db = await freshDb('tagging-declined')
    let answer: ((name: string | null) => void) | null = null
    const tagging = await mount(db, () => new Promise((resolve) => (answer = resolve)))
    let first!: Promise<void>
    let second!: Promise<void>
    act(() => {
      first = tagging().tag('speculative', rangeOf(SPECULATION))
      second = tagging().tag('evidenced', rangeOf(EVIDENCE))
    })
    await until(() => answer !== null)
    answer!(null)
    await act(async () => {
      await Promise.all([first, second])
    })
    expect(await listSets(db, ARTICLE.id)).toEqual([])
  })
})
