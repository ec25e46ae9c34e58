/**
 * For tests: the ImportRefusedError a promise rejects with. One copy for the
 * Node, Electron and browser tests that each check what a refusal says (its
 * code, file name and message). Not used by the app itself.
 */
import { ImportRefusedError } from './errors'

/**
 * Resolves the error `promise` rejects with. Throws (failing the test) when
 * it resolves instead, or rejects with anything but an ImportRefusedError.
 */
export async function refusalOf(promise: Promise<unknown>): Promise<ImportRefusedError> {
  const outcome = await promise.then(
    () => ({ resolved: true as const }),
    (error: unknown) => ({ resolved: false as const, error }),
  )
  if (outcome.resolved) throw new Error('expected a refusal (ImportRefusedError), but the promise resolved')
  if (!(outcome.error instanceof ImportRefusedError)) throw new Error(`expected an ImportRefusedError, got ${String(outcome.error)}`, { cause: outcome.error })
  return outcome.error
}
