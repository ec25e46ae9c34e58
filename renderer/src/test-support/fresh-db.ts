/**
 * The one way a browser test gets a database: a new, empty workbench database
 * over real IndexedDB with a unique name, closed and deleted when the test
 * that opened it finishes (pass or fail), so no test sees another's data.
 */
import Dexie from 'dexie'
import { onTestFinished } from 'vitest'
import { openDatabase, type WorkbenchDb } from '../storage/database'

/**
 * Open a fresh database named `test-<label>-<uuid>`. Call it inside a test (or
 * a hook run for each test): the clean-up is tied to the running test, and
 * vitest throws when there is none. Rejects as openDatabase does.
 */
export async function freshDb(label = 'db'): Promise<WorkbenchDb> {
  const db = await openDatabase(`test-${label}-${crypto.randomUUID()}`)
  onTestFinished(async () => {
    db.close()
    await Dexie.delete(db.name)
  })
  return db
}

/**
 * Open the database `name` again as a second connection (another window, a
 * relaunch), closed when the running test finishes; deleting it stays with
 * the {@link freshDb} that made it.
 */
export async function reopenDb(name: string): Promise<WorkbenchDb> {
  const db = await openDatabase(name)
  onTestFinished(() => db.close())
  return db
}
