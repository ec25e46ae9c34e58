/**
 * Compare mode loaded on first use: the view, its reader and the comparison
 * report code are not needed to open an article, so they live in their own
 * chunk (docs/performance.md). {@link CompareView} takes the same props as
 * the view itself and shows a quiet "Opening…" line while the chunk loads.
 */
import { lazy, Suspense, type ComponentProps } from 'react'
import { useTranslation } from 'react-i18next'
import type { CompareView as LoadedCompareView } from './CompareView'

/** Fetch the compare chunk ahead of use (idle time after the reader opened); safe to call repeatedly. */
export const preloadCompareView = () => import('./CompareView')

const Loaded = lazy(() => preloadCompareView().then((m) => ({ default: m.CompareView })))

function Loading() {
  const { t } = useTranslation()
  return <main className="reader-loading">{t('app.opening')}</main>
}

/** The compare view, loaded on first render. A failed load rejects into the nearest error boundary, as any render error. */
export function CompareView(props: ComponentProps<typeof LoadedCompareView>) {
  return (
    <Suspense fallback={<Loading />}>
      <Loaded {...props} />
    </Suspense>
  )
}
