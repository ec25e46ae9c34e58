/**
 * A set that cannot be read says so in the user's language: the claim session
 * keeps the failure itself (not English text), and the status line turns it
 * into words through the one translation function (i18n/error-message.ts).
 * Real IndexedDB, closed under the session so its read fails.
 */
import { act } from 'react'
import { createRoot } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { afterEach, describe, expect, it, onTestFinished } from 'vitest'
import { CritiqueError } from '../../../shared/errors'
import { appI18n } from '../i18n'
import { ClaimSession } from '../state/claim-session'
import { freshDb } from '../test-support/fresh-db'
import { LiveSaveStatus } from './LiveSaveStatus'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

afterEach(async () => {
  await act(() => appI18n().changeLanguage('en'))
})

async function failedSession(): Promise<ClaimSession> {
  const db = await freshDb('load-error')
  db.close()
  const session = new ClaimSession(db, 'set-1')
  onTestFinished(() => session.dispose())
  for (let i = 0; i < 100 && session.getSnapshot().loadError === null; i++) await new Promise((r) => setTimeout(r, 20))
  return session
}

function statusText(session: ClaimSession): string {
  const host = document.createElement('div')
  document.body.append(host)
  const root = createRoot(host)
  onTestFinished(() => {
    act(() => root.unmount())
    host.remove()
  })
  act(() =>
    root.render(
      <I18nextProvider i18n={appI18n()}>
        <LiveSaveStatus session={session} claimCount={0} loadError={session.getSnapshot().loadError} />
      </I18nextProvider>,
    ),
  )
  return host.querySelector('[role="status"]')?.textContent ?? ''
}

describe('a failed set read on the status line', () => {
  it('keeps the error with its code, not words in one language', async () => {
    const session = await failedSession()
    const { loadError } = session.getSnapshot()
    expect(loadError).toBeInstanceOf(CritiqueError)
    expect((loadError as CritiqueError).code).toBe('storage-read-failed')
  })

  it('shows in Japanese in the Japanese UI, and in English in the English UI', async () => {
    const session = await failedSession()
    await act(() => appI18n().changeLanguage('ja'))
    const ja = statusText(session)
    expect(ja.startsWith(appI18n().t('errors.storage-read-failed'))).toBe(true)
    expect(ja).toMatch(/[\u3040-\u30ff]/)
    await act(() => appI18n().changeLanguage('en'))
    const en = statusText(session)
    expect(en).toMatch(/^The claims of this set could not be read/)
  })
})
