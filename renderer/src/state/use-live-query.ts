/**
 * Subscribe a component to a Dexie live query. Results follow every change to
 * the tables the query read, including changes made in other tabs and windows
 * of the same profile, which is what keeps two windows in sync.
 */
import { liveQuery } from 'dexie'
import { useEffect, useState } from 'react'

export type LiveResult<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: unknown }

/** Run `query` live; `deps` restart it. */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): LiveResult<T> {
  const [result, setResult] = useState<LiveResult<T>>({ status: 'loading' })
  useEffect(() => {
    setResult({ status: 'loading' })
    const subscription = liveQuery(query).subscribe({
      next: (value) => setResult({ status: 'ready', value }),
      error: (error) => setResult({ status: 'error', error }),
    })
    return () => subscription.unsubscribe()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)
  return result
}
