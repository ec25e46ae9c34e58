/**
 * The claims panel of a long set in a real React root: it renders the first
 * page of rows, grows by a page when the end of the list nears the viewport,
 * and the "Show more claims" button asks for a page from the keyboard too.
 */
import { act } from 'react'
import { createRoot } from 'react-dom/client'
import { afterEach, describe, expect, it } from 'vitest'
import { createClaim } from '../../../shared/claims/create-claim'
import type { AnnotationSet, Claim } from '../../../shared/claims/model'
import { appI18n } from '../i18n'
import { ClaimsPanel } from './ClaimsPanel'
import { LIST_PAGE } from './use-growing-list'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const SET: AnnotationSet = { id: 'set-1', documentId: 'doc-1', analyst: 'Hanako', label: 'A', created: '2025-08-19T10:00:00.000Z', origin: 'local' }
const COUNT = 2 * LIST_PAGE + 30
const TEXT = Array.from({ length: COUNT }, (_, i) => `Claim number ${i} is worth a look.`).join(' ')

function claims(): Claim[] {
  return Array.from({ length: COUNT }, (_, i) => {
    const start = TEXT.indexOf(`Claim number ${i} `)
    return createClaim({ set: SET, text: TEXT, start, end: start + `Claim number ${i}`.length, stance: i % 3 ? 'evidenced' : 'speculative', author: 'Hanako', now: '2025-08-19T10:00:00.000Z', id: `c${i}` })
  })
}

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

async function mountPanel(list: Claim[]): Promise<HTMLElement> {
  await appI18n().changeLanguage('en')
  const host = document.createElement('div')
  document.body.append(host)
  const root = createRoot(host)
  cleanups.push(() => {
    act(() => root.unmount())
    host.remove()
  })
  await act(async () => {
    root.render(<ClaimsPanel sets={[SET]} activeSetId={SET.id} claims={list} selectedId={null} onSwitchSet={() => {}} onNewSet={() => {}} onSelect={() => {}} />)
  })
  return host
}

const rows = (host: HTMLElement) => host.querySelectorAll('.claims-list .claim-item').length
const more = (host: HTMLElement) => host.querySelector<HTMLButtonElement>('.claims-more')

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
}

describe('ClaimsPanel with a long set', () => {
  it('renders a page of rows, grows when the end nears the viewport, and on "Show more claims"', async () => {
    const host = await mountPanel(claims())
    expect(rows(host)).toBe(LIST_PAGE)
    expect(more(host)?.textContent).toContain(String(COUNT - LIST_PAGE))

    window.scrollTo(0, document.documentElement.scrollHeight)
    await until(() => rows(host) === 2 * LIST_PAGE)
    expect(rows(host)).toBe(2 * LIST_PAGE)

    await act(async () => more(host)!.click())
    expect(rows(host)).toBe(COUNT)
    expect(more(host)).toBeNull()
    // The stance shows as a letter and a word, translated once for the whole list.
    expect(host.querySelector('.claims-list .stance-badge')?.textContent).toBe('SSpeculative')
  })
})
