/**
 * Tagging a range of the article as a claim: E / S on a selection, the tag
 * toolbar, an accepted suggestion. The first claim on a document needs a set,
 * and the first set the analyst's name (state/ensure-set.ts); the claim then
 * waits for that set's session. With a set, tagging is synchronous, so the new
 * highlight is in the next frame: the reader draws it, the session writes it,
 * and the desk (panel, detail, toolbar) follows in a transition, its new list of
 * claims once the claim is saved
 * (docs/performance.md).
 */
import { startTransition, useCallback, useEffect, useRef, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import type { Article } from '../../../shared/article/model'
import { createClaim } from '../../../shared/claims/create-claim'
import type { AnnotationSet, Stance } from '../../../shared/claims/model'
import { sentenceRangeAround } from '../../../shared/text/sentences'
import { errorText } from '../i18n/error-message'
import type { ReaderHandle } from '../reader/Reader'
import type { ClaimSession } from '../state/claim-session'
import { ensureSet, type AskAnalyst } from '../state/ensure-set'
import type { WorkbenchDb } from '../storage/database'

type Range = { start: number; end: number }

export interface TaggingOptions {
  db: WorkbenchDb
  article: Article | null
  /** The active set, null before the document has one. */
  active: AnnotationSet | null
  /** The active set's session (null while there is none). */
  session: ClaimSession | null
  reader: RefObject<ReaderHandle | null>
  /** Make a set for `analyst` named `label`, make it active and return it (desk/use-active-set.ts). */
  createSet(analyst: string, label: string): Promise<AnnotationSet>
  askAnalyst: AskAnalyst
  notify(kind: 'info' | 'error', message: string): void
  /** The claim just made: the desk selects it and drops the toolbar (called in a transition). */
  onTagged(claimId: string): void
}

export interface Tagging {
  /**
   * Tag `range` with `stance`: the selection as it was when the key was
   * pressed or the toolbar used (commands/command-list.ts `selection`), or an
   * accepted suggestion's range (`fromSuggestion`). A refused range (only
   * spaces) is reported, never thrown.
   */
  tag(stance: Stance, range: Range, fromSuggestion?: boolean): Promise<void>
  /** Select `range` (the selection at the key press) grown to whole sentences (W). */
  wholeSentence(range: Range): void
}

export function useTagging({ db, article, active, session, reader, createSet, askAnalyst, notify, onTagged }: TaggingOptions): Tagging {
  const { t } = useTranslation()
  const tagWith = useCallback(
    (set: AnnotationSet, stance: Stance, range: Range, fromSuggestion = false) => {
      if (!article || !session || session.setId !== set.id) return false
      if (set.followed !== undefined) {
        // A colleague's set mirrors the team server: only its owner changes it there.
        notify('error', t('team.readOnlySet', { label: set.label, owner: set.followed.owner }))
        return false
      }
      try {
        const claim = createClaim({ set, text: article.text, start: range.start, end: range.end, stance, author: set.analyst, now: new Date().toISOString() })
        // An accepted suggestion's highlight waits for the desk, which removes the
        // suggestion in the same frame: drawn earlier, both would show at once.
        if (!fromSuggestion) reader.current?.drawClaim(claim)
        session.create(claim)
        // At once, not after the write: a selection made meanwhile must not lose
        // its toolbar, and only the tagged text is collapsed (Reader
        // collapseSelection). The desk's new list of claims is what waits for
        // the write (state/use-session-snapshot.ts).
        startTransition(() => {
          onTagged(claim.id)
          reader.current?.collapseSelection(range)
        })
        return true
      } catch (error) {
        notify('error', errorText(error))
        return false
      }
    },
    [article, session, reader, notify, onTagged, t],
  )

  // Tags waiting for a set's session, in the order they were made. A queue, not
  // one slot: on a busy machine a second key can arrive while the first claim's
  // set is still being made, and each key is a claim the analyst expects to see.
  const pendingTags = useRef<{ stance: Stance; range: Range; fromSuggestion: boolean }[]>([])
  // The set being made for them: one per document, however many keys wait for it.
  const makingSet = useRef<Promise<void> | null>(null)
  const tag = useCallback(
    async (stance: Stance, range: Range, fromSuggestion = false) => {
      if (active && session?.setId === active.id && pendingTags.current.length === 0) {
        tagWith(active, stance, range, fromSuggestion)
        return
      }
      pendingTags.current.push({ stance, range, fromSuggestion })
      // A set exists and its session is on its way (or earlier tags are still
      // queued): the effect below applies this tag after them.
      if (active) return
      if (makingSet.current) return makingSet.current
      makingSet.current = (async () => {
        try {
          const set = await ensureSet({ db, existing: null, askAnalyst, create: (name) => createSet(name, t('reader.defaultSetLabel', { name })) })
          if (!set) pendingTags.current = []
        } catch (error) {
          pendingTags.current = []
          notify('error', errorText(error))
        } finally {
          makingSet.current = null
        }
      })()
      return makingSet.current
    },
    [active, session, createSet, db, tagWith, t, askAnalyst, notify],
  )

  // Complete the tags that had to wait for their set's session, in order.
  useEffect(() => {
    if (!active || session?.setId !== active.id) return
    const waiting = pendingTags.current
    pendingTags.current = []
    for (const pending of waiting) tagWith(active, pending.stance, pending.range, pending.fromSuggestion)
  }, [active, session, tagWith])

  const wholeSentence = useCallback(
    (range: Range) => {
      if (!article) return
      const grown = sentenceRangeAround(article.text, range.start, range.end)
      reader.current?.selectRange(grown.start, grown.end)
    },
    [article, reader],
  )

  return { tag, wholeSentence }
}
