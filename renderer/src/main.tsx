/**
 * Renderer entry: pick the host bridge, open the database, show the app, or a
 * clear message when storage cannot be opened.
 */
import { createRoot } from 'react-dom/client'
import { userMessageOf } from '../../shared/errors'
import { App } from './app/App'
import { getHost } from './host'
import { openDatabase } from './storage/database'
import './styles/base.css'
import './styles/app.css'
import './styles/reader.css'

const root = createRoot(document.getElementById('root')!)

function StorageProblem({ message }: { message: string }) {
  return (
    <main className="fatal" role="alert">
      <h1>Your work could not be opened</h1>
      <p>{message}</p>
    </main>
  )
}

openDatabase(undefined, {
  onBlockedUpgrade: () =>
    root.render(<StorageProblem message="Another Critique Workbench window is holding an older version of your data open. Close it and this window will continue; nothing was lost." />),
  onVersionChange: () =>
    root.render(<StorageProblem message="A newer Critique Workbench opened your data in another window and is upgrading it. Reload this window to continue; your saved work is safe." />),
}).then(
  (db) => root.render(<App db={db} host={getHost()} />),
  (error) => root.render(<StorageProblem message={userMessageOf(error)} />),
)
