/**
 * The claim finder's analysis of the open article, run in a worker
 * (analysis.ts) whenever the article or the lexicon changes.
 */
import { useEffect, useState } from 'react'
import type { Article } from '../../../shared/article/model'
import type { CueEntry, SentenceSuggestion } from '../../../shared/cues'
import { errorText } from '../i18n/error-message'
import { analyseArticle } from './analysis'

export type AnalysisState = { status: 'running' } | { status: 'ready'; analysed: readonly SentenceSuggestion[] } | { status: 'error'; message: string }

/**
 * The analysis of `article` with `lexicon`, once `ready` (the lexicon is known).
 * A new run keeps the last result on screen until it lands; a failure is
 * reported as state, never thrown.
 */
export function useArticleAnalysis(article: Article | null, lexicon: readonly CueEntry[], ready: boolean): AnalysisState {
  const [analysis, setAnalysis] = useState<AnalysisState>({ status: 'running' })
  useEffect(() => {
    if (!article || !ready) return
    let live = true
    setAnalysis((a) => (a.status === 'ready' ? a : { status: 'running' }))
    analyseArticle(article, lexicon).then(
      (analysed) => live && setAnalysis({ status: 'ready', analysed }),
      (error: unknown) => live && setAnalysis({ status: 'error', message: errorText(error) }),
    )
    return () => {
      live = false
    }
  }, [article, lexicon, ready])
  return analysis
}
