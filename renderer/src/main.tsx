/**
 * Renderer entry: pick the host bridge, open the database, show the app, or a
 * clear message when storage cannot be opened. Storage trouble that arrives
 * while the app is open shows as a banner over it (see StorageBanner).
 */
import type { ReactNode } from 'react'
import { createRoot } from 'react-dom/client'
import { userMessageOf } from '../../shared/errors'
import { App } from './app/App'
import { showStorageBanner, StorageBanner } from './app/StorageBanner'
import { getHost } from './host'
import { appI18n } from './i18n'
import { openDatabase } from './storage/database'
import './styles/base.css'
import './styles/app.css'
import './styles/reader.css'
import './suggestions/suggestions.css'
import './exchange/exchange.css'
import './report/report-export.css'
import './compare/compare.css'
import './app/storage-banner.css'
import './styles/prefs.css'

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
    render(<App key="app" db={db} host={getHost()} />)
  },
  (error) => {
    showStorageBanner(null)
    render(<StorageProblem key="problem" message={userMessageOf(error)} />)
  },
)
