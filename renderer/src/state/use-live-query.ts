/**
 * Subscribe a component to a Dexie live query. Results follow every change to
 * the tables the query read, including changes made in other tabs and windows
 * of the same profile, which is what keeps two windows in sync.
 */
import { liveQuery } from 'dexie'
import { useEffect, useRef, useState } from 'react'

export type LiveResult<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: unknown }

// One object, so resetting an already loading result does not render again.
const LOADING: LiveResult<never> = { status: 'loading' }

/**
 * Run `query` live; `deps` restart it (the result is 'loading' again until
 * the new query answers). `initial`, when given, is the first result (e.g.
 * read together with other start-up data): the query still runs and its
 * answers replace it. Never throws; a failed query gives status 'error'.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[], initial?: T): LiveResult<T> {
  const [result, setResult] = useState<LiveResult<T>>(() => (initial === undefined ? LOADING : { status: 'ready', value: initial }))
  const started = useRef(false)
  useEffect(() => {
    // The initial result stands for the first deps only.
    if (started.current || initial === undefined) setResult(LOADING)
    started.current = true
    const subscription = liveQuery(query).subscribe({
      next: (value) => setResult({ status: 'ready', value }),
      error: (error) => setResult({ status: 'error', error }),
    })
    return () => subscription.unsubscribe()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)
  return result
}
