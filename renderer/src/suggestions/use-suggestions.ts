/**
 * The reader's suggestions, composed from hooks with one job each: the stored
 * prefs (use-suggestion-prefs), the user's lexicon (use-user-lexicon), the
 * analysis in a worker (use-article-analysis), the dismissals of the active set
 * (use-dismissals) and the focus (use-suggestion-focus). This hook adds the
 * Suggestions switch, the pending list, what the reader draws, and accepting or
 * dismissing (which may first need a set: state/ensure-set.ts). Their keys are
 * in the command table (commands/command-list.ts).
 */
import { useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Article } from '../../../shared/article/model'
import type { CueEntry } from '../../../shared/cues'
import type { AnnotationSet, Claim, Stance } from '../../../shared/claims/model'
import { errorText } from '../i18n/error-message'
import { ensureSet, type AskAnalyst } from '../state/ensure-set'
import type { WorkbenchDb } from '../storage/database'
import { setPref } from '../storage/prefs-repo'
import { otherStance, pendingSuggestions, type PendingSuggestion } from './pending'
import type { SuggestionLayer } from './suggestion-decorations'
import { useArticleAnalysis, type AnalysisState } from './use-article-analysis'
import { useDismissals } from './use-dismissals'
import { useSuggestionFocus } from './use-suggestion-focus'
import { useSuggestionPrefs } from './use-suggestion-prefs'
import { useUserLexicon } from './use-user-lexicon'

export interface UseSuggestionsOptions {
  db: WorkbenchDb
  article: Article | null
  /** The active annotation set (null before the first one exists). */
  active: AnnotationSet | null
  /** The active set's claims as on screen. */
  claims: readonly Claim[]
  /** Make a set for `analyst`, make it active and return it (for a dismissal made before any set exists). */
  createSet(analyst: string, label: string): Promise<AnnotationSet>
  /** Ask who is reading, when a dismissal needs a set and prefs hold no name (state/ensure-set.ts). */
  askAnalyst: AskAnalyst
  /** Tag `range` with `stance`, as pressing E / S on a selection would (creating the set if needed). */
  onAccept(stance: Stance, range: { start: number; end: number }): void
  notify(kind: 'info' | 'error', message: string): void
  /** The reader's scrolling element, to bring the focused suggestion into view. */
  scrollContainer(): HTMLElement | null
}

export type { AnalysisState } from './use-article-analysis'

/** Everything the suggestion components read and call. */
export interface Suggestions {
  visible: boolean
  /**
   * Whether the stored switch position has been read. Until then `visible` is
   * only the default, so the switch is shown disabled: a click in that moment
   * would flip a position the analyst never saw.
   */
  known: boolean
  analysis: AnalysisState
  pending: readonly PendingSuggestion[]
  focused: PendingSuggestion | null
  /** What the reader draws. */
  layer: SuggestionLayer
  /** Dismissals remembered for the active set. */
  dismissedCount: number
  lexicon: readonly CueEntry[]
  userCues: readonly CueEntry[]
  removedCueIds: readonly string[]
  lexiconProblems: readonly string[]
  setVisible(visible: boolean): void
  step(direction: 1 | -1): void
  focus(suggestion: PendingSuggestion | null): void
  /** Focus the pending suggestion containing `offset`; unfocus when there is none. Returns whether one was hit. */
  focusAt(offset: number): boolean
  accept(asOther: boolean): void
  dismiss(): void
  restoreDismissed(): void
  addCue(entry: CueEntry): Promise<void>
  removeCue(id: string): Promise<void>
  restoreCue(id: string): Promise<void>
}

const NONE: readonly PendingSuggestion[] = []

export function useSuggestions(options: UseSuggestionsOptions): Suggestions {
  const { db, article, active, claims, createSet, askAnalyst, onAccept, notify, scrollContainer } = options
  const { t } = useTranslation()
  const badgeText = t('suggest.badge')
  const stored = useSuggestionPrefs(db)
  const { lexicon, editor } = useUserLexicon(db, stored, notify)
  const analysis: AnalysisState = useArticleAnalysis(article, lexicon, stored !== null)
  const { dismissed, dismissIn, restoreAll } = useDismissals(db, active?.id ?? null, stored?.dismissals ?? null, notify)

  // The switch shows its new position at once; the stored one catches up.
  const [visibleNow, setVisibleNow] = useState<boolean | null>(null)
  const visible = visibleNow ?? stored?.visible ?? false
  const setVisible = useCallback(
    (on: boolean) => {
      setVisibleNow(on)
      void setPref(db, 'suggestionsVisible', on).catch((e) => notify('error', errorText(e)))
    },
    [db, notify],
  )

  const analysed = analysis.status === 'ready' ? analysis.analysed : null
  const pending = useMemo(() => (analysed ? pendingSuggestions(analysed, claims, dismissed) : NONE), [analysed, claims, dismissed])
  const { focused, focus, step, focusAt } = useSuggestionFocus(pending, visible, scrollContainer)
  const layer = useMemo<SuggestionLayer>(
    () => ({ suggestions: visible ? pending : null, focusedKey: focused?.key ?? null, badgeText }),
    [visible, pending, focused, badgeText],
  )

  const accept = useCallback(
    (asOther: boolean) => {
      if (!focused) return
      onAccept(asOther ? otherStance(focused.suggestion) : focused.suggestion, { start: focused.start, end: focused.end })
    },
    [focused, onAccept],
  )
  // A dismissal before any set exists needs one, as the first claim does.
  const dismiss = useCallback(() => {
    if (!focused) return
    const key = focused.key
    ensureSet({ db, existing: active, askAnalyst, create: (name) => createSet(name, t('reader.defaultSetLabel', { name })) }).then(
      (set) => set && dismissIn(set, key),
      (e: unknown) => notify('error', errorText(e)),
    )
  }, [focused, active, db, askAnalyst, createSet, dismissIn, notify, t])

  return {
    visible,
    known: visibleNow !== null || stored !== null,
    analysis,
    pending,
    focused,
    layer,
    dismissedCount: dismissed.size,
    lexicon,
    ...editor,
    setVisible,
    step,
    focus,
    focusAt,
    accept,
    dismiss,
    restoreDismissed: restoreAll,
  }
}
