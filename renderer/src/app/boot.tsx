/**
 * The app proper, loaded by the renderer entry (main.tsx) once it has started
 * IndexedDB and the opening read: pick the host bridge, open the database,
 * show the app, or a clear message when storage cannot be opened. Storage
 * trouble that arrives while the app is open shows as a banner over it (see
 * StorageBanner).
 */
import type { ReactNode } from 'react'
import { createRoot } from 'react-dom/client'
import { errorText } from '../i18n/error-message'
import { App } from './App'
import { showStorageBanner, StorageBanner } from './StorageBanner'
import { getHost } from '../host'
import { appI18n } from '../i18n'
import { startOpening } from '../state/opening'
import { openDatabase } from '../storage/database'
import type { EarlyOpening } from '../storage/early-opening'

/** Show the app (or the storage problem), taking over the entry's opening read. Called once, by the entry. */
export function boot(early: EarlyOpening): void {
  const root = createRoot(document.getElementById('root')!)
  // The catalogs are bundled, so the language is ready before the first render.
  const i18n = appI18n()

  function StorageProblem({ message }: { message: string }) {
    return (
      <main className="fatal" role="alert">
        <h1>{i18n.t('app.storageProblemTitle')}</h1>
        <p>{message}</p>
      </main>
    )
  }

  // The banner sits beside the app, never instead of it: raising it must not unmount
  // the app and lose what is on screen.
  const render = (content: ReactNode) => root.render([content, <StorageBanner key="storage-banner" />])
  render(null)

  openDatabase(undefined, {
    onBlockedUpgrade: () =>
      showStorageBanner({
        message: i18n.t('app.storageBlocked'),
        offerReload: false,
      }),
    onVersionChange: () =>
      showStorageBanner({
        message: i18n.t('app.storageVersionChange'),
        offerReload: true,
      }),
  }).then(
    (db) => {
      showStorageBanner(null)
      // The entry's read is taken over (or, if it could not run, one starts now): state/opening.ts.
      // The app renders once it is in, so its first render already shows the reader.
      const opening = startOpening(db, early)
      const show = () => render(<App key="app" db={db} host={getHost()} opening={opening} />)
      opening.read.then(show, show)
    },
    (error) => {
      early.dispose()
      showStorageBanner(null)
      render(<StorageProblem key="problem" message={errorText(error)} />)
    },
  )
}
