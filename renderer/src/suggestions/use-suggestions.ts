/**
 * The reader's suggestions, as one hook: the user's lexicon and the
 * Suggestions switch from prefs, the analysis of the open article (in a
 * worker, memoised), the pending list for the active set, which suggestion is
 * focused, and the actions (step, accept, accept as the other stance,
 * dismiss); their keys are in the command table (commands/command-list.ts).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Article } from '../../../shared/article/model'
import { defaultLexicon, type CueEntry, type SentenceSuggestion } from '../../../shared/cues'
import type { AnnotationSet, Claim, Stance } from '../../../shared/claims/model'
import { userMessageOf } from '../../../shared/errors'
import { ensureSet, type AskAnalyst } from '../state/ensure-set'
import { useLiveQuery } from '../state/use-live-query'
import type { WorkbenchDb } from '../storage/database'
import { getPref, setPref } from '../storage/prefs-repo'
import { analyseArticle } from './analysis'
import { otherStance, pendingSuggestions, resolveFocus, stepSuggestion, suggestionAt, type PendingSuggestion } from './pending'
import type { SuggestionLayer } from './suggestion-decorations'
import { addDismissal, addUserCue, clearDismissals, removeCue, restoreCue } from './suggestion-prefs'
import { userLexicon, type UserLexicon } from './user-lexicon'

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

export type AnalysisState = { status: 'running' } | { status: 'ready'; analysed: readonly SentenceSuggestion[] } | { status: 'error'; message: string }

/** Everything the suggestion components read and call. */
export interface Suggestions {
  visible: boolean
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


/** Scroll the suggestion `key` to the middle of `container` unless it is already fully in view. */
function bringIntoView(container: HTMLElement | null, key: string): void {
  const spans = container?.querySelectorAll<HTMLElement>(`[data-suggestion="${key}"]`)
  if (!container || !spans?.length) return
  const box = container.getBoundingClientRect()
  const first = spans[0]!.getBoundingClientRect()
  const last = spans[spans.length - 1]!.getBoundingClientRect()
  // Room below for the card that opens under the sentence.
  if (first.top < box.top + 8 || last.bottom > box.bottom - 200) spans[0]!.scrollIntoView({ block: 'center' })
}

export function useSuggestions(options: UseSuggestionsOptions): Suggestions {
  const { db, article, active, claims, createSet, askAnalyst, onAccept, notify, scrollContainer } = options
  const { t } = useTranslation()
  const badgeText = t('suggest.badge')
  const prefs = useLiveQuery(
    async () => ({
      visible: await getPref(db, 'suggestionsVisible'),
      added: await getPref(db, 'cueAdditions'),
      removed: await getPref(db, 'cueRemovals'),
      dismissals: await getPref(db, 'suggestionDismissals'),
    }),
    [db],
  )
  const stored = prefs.status === 'ready' ? prefs.value : null
  const [visibleNow, setVisibleNow] = useState<boolean | null>(null)
  const visible = visibleNow ?? stored?.visible ?? false

  // Any pref write re-reads every pref; keyed by content, the lexicon (and so the analysis) stays put.
  const userJson = JSON.stringify([stored?.added ?? [], stored?.removed ?? []])
  // Not before the prefs are read: nothing uses the lexicon until then, and parsing the
  // bundled one costs ≈ 10 ms that would otherwise land in the reader's first render.
  const prefsRead = stored !== null
  const user = useMemo((): UserLexicon => {
    if (!prefsRead) return { lexicon: [], added: [], problems: [] }
    const [added, removed] = JSON.parse(userJson) as [unknown[], string[]]
    return userLexicon(defaultLexicon(), added, removed)
  }, [userJson, prefsRead])

  const [analysis, setAnalysis] = useState<AnalysisState>({ status: 'running' })
  useEffect(() => {
    if (!article || !stored) return
    let live = true
    setAnalysis((a) => (a.status === 'ready' ? a : { status: 'running' }))
    analyseArticle(article, user.lexicon).then(
      (analysed) => live && setAnalysis({ status: 'ready', analysed }),
      (error: unknown) => live && setAnalysis({ status: 'error', message: userMessageOf(error) }),
    )
    return () => {
      live = false
    }
    // `stored` gates the first run only: the lexicon is known once prefs are read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [article, user.lexicon, stored !== null])

  // Dismissals show at once; the stored list catches up a moment later.
  const [justDismissed, setJustDismissed] = useState<{ setId: string; key: string }[]>([])
  const setId = active?.id ?? null
  const storedJson = JSON.stringify(setId ? (stored?.dismissals[setId] ?? []) : [])
  const dismissed = useMemo(() => {
    const keys = new Set(JSON.parse(storedJson) as string[])
    for (const d of justDismissed) if (d.setId === setId) keys.add(d.key)
    return keys
  }, [storedJson, justDismissed, setId])

  const analysed = analysis.status === 'ready' ? analysis.analysed : null
  const pending = useMemo(() => (analysed ? pendingSuggestions(analysed, claims, dismissed) : NONE), [analysed, claims, dismissed])

  const [anchor, setAnchor] = useState<{ key: string; start: number } | null>(null)
  const focused = useMemo(() => (visible ? resolveFocus(pending, anchor) : null), [visible, pending, anchor])
  const layer = useMemo<SuggestionLayer>(
    () => ({ suggestions: visible ? pending : null, focusedKey: focused?.key ?? null, badgeText }),
    [visible, pending, focused, badgeText],
  )

  const focusedKey = focused?.key ?? null
  const scroller = useRef(scrollContainer)
  scroller.current = scrollContainer
  useEffect(() => {
    if (!focusedKey) return
    const frame = requestAnimationFrame(() => bringIntoView(scroller.current(), focusedKey))
    return () => cancelAnimationFrame(frame)
  }, [focusedKey])

  const setVisible = useCallback(
    (on: boolean) => {
      setVisibleNow(on)
      if (!on) setAnchor(null)
      void setPref(db, 'suggestionsVisible', on).catch((e) => notify('error', userMessageOf(e)))
    },
    [db, notify],
  )

  const focus = useCallback((s: PendingSuggestion | null) => setAnchor(s ? { key: s.key, start: s.start } : null), [])

  const step = useCallback(
    (direction: 1 | -1) => {
      const next = stepSuggestion(pending, focused?.start ?? null, direction)
      if (next) focus(next)
    },
    [pending, focused, focus],
  )

  const focusAt = useCallback(
    (offset: number) => {
      if (!visible) return false
      const hit = suggestionAt(pending, offset)
      focus(hit)
      return hit !== null
    },
    [visible, pending, focus],
  )

  const accept = useCallback(
    (asOther: boolean) => {
      if (!focused) return
      onAccept(asOther ? otherStance(focused.suggestion) : focused.suggestion, { start: focused.start, end: focused.end })
    },
    [focused, onAccept],
  )

  const dismissIn = useCallback(
    (set: AnnotationSet, key: string) => {
      setJustDismissed((list) => [...list, { setId: set.id, key }])
      addDismissal(db, set.id, key).catch((e) => notify('error', userMessageOf(e)))
    },
    [db, notify],
  )
  // A dismissal before any set exists needs one, as the first claim does.
  const dismiss = useCallback(() => {
    if (!focused) return
    const key = focused.key
    ensureSet({ db, existing: active, askAnalyst, create: (name) => createSet(name, t('reader.defaultSetLabel', { name })) }).then(
      (set) => set && dismissIn(set, key),
      (e: unknown) => notify('error', userMessageOf(e)),
    )
  }, [focused, active, db, askAnalyst, createSet, dismissIn, notify, t])

  const restoreDismissed = useCallback(() => {
    if (!setId) return
    setJustDismissed((list) => list.filter((d) => d.setId !== setId))
    clearDismissals(db, setId).catch((e) => notify('error', userMessageOf(e)))
  }, [db, setId, notify])

  const report = useCallback((e: unknown) => notify('error', userMessageOf(e)), [notify])

  return {
    visible,
    analysis,
    pending,
    focused,
    layer,
    dismissedCount: dismissed.size,
    lexicon: user.lexicon,
    userCues: user.added,
    removedCueIds: stored?.removed ?? [],
    lexiconProblems: user.problems,
    setVisible,
    step,
    focus,
    focusAt,
    accept,
    dismiss,
    restoreDismissed,
    addCue: (entry) => addUserCue(db, entry).catch(report),
    removeCue: (id) => removeCue(db, id).catch(report),
    restoreCue: (id) => restoreCue(db, id).catch(report),
  }
}
