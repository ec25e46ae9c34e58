/**
 * What the status line says about saving. "Saved" is only ever shown after the
 * IndexedDB transaction resolved; a failure keeps its message until a retry
 * gets through.
 */
export type SaveStatus =
  | { state: 'idle' }
  | { state: 'saving'; pending: number }
  | { state: 'saved'; at: number }
  | { state: 'error'; message: string; pending: number; retryInMs: number; /** The StorageError's code, for a translated message. */ code?: string }

/** Delay before the n-th retry of a failed write: 1 s, 2 s, 4 s … capped at 30 s. */
export function retryDelay(attempt: number): number {
  if (!Number.isInteger(attempt) || attempt < 0) throw new RangeError(`retry attempt must be a whole number >= 0, got ${attempt}`)
  return Math.min(30_000, 1000 * 2 ** attempt)
}
