/**
 * Where the app keeps and suggests files: the userData folder (overridable
 * from the command line, so tests and a second profile never touch the
 * user's data) and the folder save dialogs start in.
 */
import type { App } from 'electron'
import { isAbsolute, normalize } from 'node:path'

/**
 * The userData folder asked for with `--user-data-dir=PATH`, or null when the
 * switch is absent or empty. Only absolute paths are honoured, so a stray
 * relative value cannot scatter profiles around the working folder.
 */
export function userDataOverride(switchValue: string): string | null {
  const value = switchValue.trim()
  if (value === '' || !isAbsolute(value)) return null
  return normalize(value)
}

/**
 * Folder a save dialog opens in: the user's Documents folder, or their home
 * folder where the platform has no Documents folder. Never throws.
 */
export function chooseDefaultFolder(app: Pick<App, 'getPath'>): string {
  try {
    return app.getPath('documents')
  } catch {
    return app.getPath('home')
  }
}
