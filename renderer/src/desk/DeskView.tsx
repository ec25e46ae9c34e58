/**
 * The reading desk: title and date above the text, the outline on the left,
 * the article in the middle with the tag toolbar floating over a selection, and
 * the claims panel on the right. Its commands (E / S tag the selection, W grows
 * it to whole sentences, J / K step through claims, the suggestions' keys,
 * Compare) are offered to the command table through useCommandLayer.
 */
import { useTranslation } from 'react-i18next'
import { forwardRef, lazy, memo, Suspense, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react'
import type { Article } from '../../../shared/article/model'
import type { HostBridge } from '../../../shared/bridge/contract'
import { claimsAt } from '../../../shared/claims/claims-at'
import type { AnnotationSet, Claim } from '../../../shared/claims/model'
import { errorText } from '../i18n/error-message'
import { ClaimDetail } from '../claims/ClaimDetail'
import { ClaimsPanel, shorten } from '../claims/ClaimsPanel'
import type { ReaderOpening } from '../state/opening'
import { useClaimSession } from '../state/use-claim-session'
import { useLiveClaim, useSessionSnapshot } from '../state/use-session-snapshot'
import type { Notify } from '../ui/notify'
import type { WorkbenchDb } from '../storage/database'
import { getArticle } from '../storage/documents-repo'
import { getPref, setPref } from '../storage/prefs-repo'
import { PromptDialog } from '../ui/PromptDialog'
import { useAnalystPrompt } from '../ui/use-analyst-prompt'
import { ensureSet } from '../state/ensure-set'
import { Outline, outlineOf } from './Outline'
import { ArticleHeader } from './ArticleHeader'
import { PrintLegend } from './PrintLegend'
import { ArticleSearch } from '../search/ArticleSearch'
import { Reader, type ReaderHandle, type ReaderSelection } from '../reader/Reader'
import { LiveSaveStatus } from './LiveSaveStatus'
import { TagToolbar } from './TagToolbar'
import { useActiveSet } from './use-active-set'
import { useClaimsPaintedMark } from './paint-mark'
import { ExchangeButtons, OrphanList, splitOrphans } from '../exchange'
import { CompareLauncher, CompareView } from '../compare'
import { PendingSummary, SuggestionCard, SuggestionsBar, useSuggestions } from '../suggestions'
import { useCommandLayer } from '../commands/command-layers'
import { useTagging } from './use-tagging'
import { useTeamSets } from '../team/use-team-sets'
import { TeamSetsLine } from '../team/TeamSetsLine'
import { RenameSetButton } from './RenameSetButton'
import { deleteSet } from '../storage/claims-repo'
import { claimHasUnsavedDraft } from '../state/unsaved-drafts'

// Only a shared set shows it, and it reads the server's versions through the W3C
// parser and its schemas (≈ 450 KB): loaded when first needed, not with the desk.
const SharedSetSync = lazy(() => import('../team/SharedSetSync').then((m) => ({ default: m.SharedSetSync })))

export interface DeskCommands {
  undo(): void
  redo(): void
  /** The open article, its active set and that set's claims as on screen; null while there is no set or it is loading. */
  exportContext(): { article: Article; set: AnnotationSet; claims: readonly Claim[] } | null
  /** Make a set of this document the active one (after an import). */
  chooseSet(setId: string): void
}

interface DeskViewProps {
  db: WorkbenchDb
  host: HostBridge
  documentId: string
  notify: Notify
  onMissing(): void
  /** The app's opening read of this document (state/opening.ts): article, sets and claims at once. Used at mount only. */
  opening?: ReaderOpening | null
}

const EMPTY: readonly Claim[] = []


// Memoised: the shell re-renders on every pref, document list and notice change, and
// each such render of the whole desk (10,000 claims) costs tens of milliseconds
// (docs/performance.md). Its props are stable, so the desk renders for its own state only.
export const DeskView = memo(forwardRef<DeskCommands, DeskViewProps>(function DeskView({ db, host, documentId, notify, onMissing, opening }, ref) {
  const { t } = useTranslation()
  const [opened] = useState(() => (opening?.document.article.id === documentId ? opening : null))
  const [article, setArticle] = useState<Article | null>(opened?.document.article ?? null)
  const { sets, active, choose, create, loaded: setsLoaded } = useActiveSet(db, documentId, opened?.document)
  const [selection, setSelection] = useState<ReaderSelection | null>(null)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [chooser, setChooser] = useState<{ claims: Claim[]; top: number; left: number } | null>(null)
  const [namingSet, setNamingSet] = useState(false)
  const analystPrompt = useAnalystPrompt()
  const askName = analystPrompt.ask
  const askAnalyst = useCallback(() => askName(t('reader.whoHint')), [askName, t])
  const [hint, setHint] = useState(false)
  // Find in the article: null while closed; each Ctrl/Cmd+F bumps it, so the field takes the focus again.
  const [searchRequest, setSearchRequest] = useState<number | null>(null)
  const [comparing, setComparing] = useState<string[] | null>(null)
  const [choosingSets, setChoosingSets] = useState(false)
  const reader = useRef<ReaderHandle>(null)
  const scroller = useRef<HTMLDivElement>(null)

  useEffect(() => {
    let live = true
    if (opened?.document.article.id !== documentId) {
      getArticle(db, documentId).then((a) => {
        if (!live) return
        if (a) setArticle(a)
        else onMissing()
      })
    }
    void getPref(db, 'hintDismissed').then((dismissed) => live && setHint(!dismissed))
    return () => {
      live = false
    }
  }, [db, documentId, onMissing, opened])

  const session = useClaimSession(db, active?.id ?? null, opened)
  const teamSets = useTeamSets(db, host, documentId)
  // A new set's claims: nothing of the old one stays selected.
  useEffect(() => setSelectedId(null), [session])

  // Claims reach the desk in a transition, after the frame (state/use-session-snapshot.ts).
  const snapshot = useSessionSnapshot(session)
  const claims = snapshot?.claims ?? EMPTY
  // Orphans are not on the text: they are listed apart, never drawn or stepped through.
  const { placed, orphans } = useMemo(() => splitOrphans(claims), [claims])
  useClaimsPaintedMark(article !== null && (snapshot?.loaded === true || (setsLoaded && !active)), claims.length)
  const selected = useMemo(() => claims.find((c) => c.id === selectedId) ?? null, [claims, selectedId])
  const editing = useLiveClaim(session, selectedId)
  const outline = useMemo(() => (article ? outlineOf(article) : []), [article])

  useImperativeHandle(ref, () => ({
    undo: () => void session?.undo(),
    redo: () => void session?.redo(),
    exportContext: () => (article && active && session?.setId === active.id && snapshot?.loaded ? { article, set: active, claims } : null),
    chooseSet: (setId) => void choose(setId),
  }))

  const selectClaim = useCallback((claim: Claim | null, reveal: boolean) => {
    setSelectedId(claim?.id ?? null)
    setChooser(null)
    if (claim && reveal) reader.current?.revealClaim(claim, true)
  }, [])

  const onTagged = useCallback((claimId: string) => {
    setSelectedId(claimId)
    setSelection(null)
  }, [])
  const { tag, wholeSentence } = useTagging({ db, article, active, session, reader, createSet: create, askAnalyst, notify, onTagged })

  const suggestAskAnalyst = useCallback(() => askName(t('suggest.whoHint')), [askName, t])
  const suggest = useSuggestions({ db, article, active, claims, createSet: create, askAnalyst: suggestAskAnalyst, onAccept: (s, range) => void tag(s, range, true), notify, scrollContainer: () => scroller.current })

  const onClickOffset = useCallback(
    (offset: number, event: MouseEvent) => {
      const hits = claimsAt(claims, offset)
      if (hits.length === 0) return void suggest.focusAt(offset)
      selectClaim(hits[0]!, false)
      if (hits.length > 1) {
        const box = scroller.current?.getBoundingClientRect()
        setChooser({ claims: hits, top: event.clientY - (box?.top ?? 0) + (scroller.current?.scrollTop ?? 0) + 12, left: event.clientX - (box?.left ?? 0) })
      }
    },
    [claims, selectClaim, suggest],
  )

  // J / K step to the next / previous claim in document order.
  const stepClaim = (direction: 1 | -1) => {
    if (placed.length === 0) return
    const at = selected ? placed.findIndex((c) => c.id === selected.id) : -1
    const next = direction === 1 ? (at < 0 ? 0 : Math.min(placed.length - 1, at + 1)) : at < 0 ? placed.length - 1 : Math.max(0, at - 1)
    selectClaim(placed[next]!, true)
  }

  // The desk's commands and the facts their keys depend on (commands/command-list.ts).
  useCommandLayer({
    handlers: {
      // The range comes with the key press (context below), not from a second look at the Reader.
      'tag-evidenced': (c) => {
        if (c.selection) void tag('evidenced', c.selection)
      },
      'tag-speculative': (c) => {
        if (c.selection) void tag('speculative', c.selection)
      },
      'whole-sentence': (c) => {
        if (c.selection) wholeSentence(c.selection)
      },
      'next-claim': () => stepClaim(1),
      'prev-claim': () => stepClaim(-1),
      'toggle-suggestions': () => {
        if (suggest.known) suggest.setVisible(!suggest.visible)
      },
      'next-suggestion': () => suggest.step(1),
      'prev-suggestion': () => suggest.step(-1),
      'accept-suggestion': () => suggest.accept(false),
      'accept-suggestion-other': () => suggest.accept(true),
      'dismiss-suggestion': () => suggest.dismiss(),
      'close-suggestion': () => suggest.focus(null),
      compare: () => setChoosingSets(true),
      'find-in-article': () => setSearchRequest((n) => (n ?? 0) + 1),
      'print-article': () => window.print(),
    },
    context: () => ({
      comparing: comparing !== null,
      selection: reader.current?.selection() ?? null,
      claims: placed.length,
      sets: sets.length,
      suggestionsOn: suggest.visible,
      suggestionFocused: suggest.focused !== null,
      readOnlySet: active?.followed !== undefined,
    }),
  })

  if (!article) return <main className="reader-loading">{t('app.opening')}</main>
  if (comparing) {
    return <CompareView db={db} host={host} article={article} setIds={comparing} notify={notify} onClose={() => setComparing(null)} onConsensusCreated={(id) => void choose(id)} />
  }

  return (
    <div className="desk">
      <Outline entries={outline} onJump={(offset) => reader.current?.revealOffset(offset)} />
      <main className="reader-column" aria-label={t('reader.article')}>
        <SuggestionsBar suggest={suggest} />
        {searchRequest !== null && (
          <ArticleSearch
            root={() => scroller.current?.querySelector('.reader-text') ?? null}
            scroller={() => scroller.current}
            focusRequest={searchRequest}
            onClose={() => {
              setSearchRequest(null)
              reader.current?.focus()
            }}
          />
        )}
        <div className="reader-scroll" ref={scroller} onScroll={() => setChooser(null)}>
          <article className="reader-page">
            <ArticleHeader db={db} article={article} notify={notify} onRenamed={(title) => setArticle((was) => was && { ...was, title })} />
            <PrintLegend set={active} claims={placed} />
            {hint && (
              <aside className="first-run-hint" aria-label={t('reader.hintLabel')}>
                <ol>
                  <li>{t('reader.hintSelect')}</li>
                  <li>{t('reader.hintTag')}</li>
                  <li>{t('reader.hintOpen')}</li>
                </ol>
                <button
                  type="button"
                  className="button-quiet"
                  onClick={() => {
                    setHint(false)
                    void setPref(db, 'hintDismissed', true)
                  }}
                >
                  {t('reader.hintDismiss')}
                </button>
              </aside>
            )}
            <Reader
              ref={reader}
              article={article}
              claims={claims}
              selectedClaim={selected}
              suggestions={suggest.layer}
              scrollContainer={() => scroller.current}
              onSelectionChange={setSelection}
              onClickOffset={onClickOffset}
            />
          </article>
          {selection && (
            <TagToolbar
              top={selection.top}
              left={selection.left}
              readOnly={active?.followed ? t('team.readOnlyToolbar', { label: active.label, owner: active.followed.owner }) : null}
              onTag={(s) => void tag(s, selection)}
              onWholeSentence={() => wholeSentence(selection)}
            />
          )}
          {chooser && (
            <div className="claim-chooser" role="menu" aria-label={t('reader.claimsHere')} style={{ top: chooser.top, left: chooser.left }}>
              {chooser.claims.map((c) => (
                <button key={c.id} type="button" role="menuitem" className={`claim-chooser-item claim-item--${c.stance}`} onClick={() => selectClaim(c, false)}>
                  <span className="stance-badge-glyph" aria-hidden="true">
                    {c.stance === 'evidenced' ? 'E' : 'S'}
                  </span>
                  {shorten(c.target.quote.exact, 50)}
                </button>
              ))}
            </div>
          )}
          <SuggestionCard suggest={suggest} scrollContainer={() => scroller.current} />
        </div>
        <LiveSaveStatus session={session} claimCount={claims.length} loadError={snapshot?.loadError ?? null} />
        {active?.shared && session?.setId === active.id && snapshot?.loaded && (
          <Suspense fallback={null}>
            <SharedSetSync db={db} host={host} documentId={documentId} set={active} shared={active.shared} claims={claims} unsaved={(id) => session.hasUnsavedEdit(id) || claimHasUnsavedDraft(id)} />
          </Suspense>
        )}
        <TeamSetsLine
          state={teamSets}
          sets={sets}
          onRemoveStale={(ids) => void ids.reduce((done, id) => done.then(() => deleteSet(db, id)), Promise.resolve()).catch((e: unknown) => notify('error', errorText(e)))}
        />
      </main>
      <ClaimsPanel
        sets={sets}
        activeSetId={active?.id ?? null}
        claims={placed}
        actions={
          <>
            <RenameSetButton db={db} set={active} notify={notify} />
            <ExchangeButtons canExport={active !== null} />
            <CompareLauncher sets={sets} activeSetId={active?.id ?? null} onOpen={setComparing} choosing={choosingSets} onChoosingChange={setChoosingSets} />
          </>
        }
        suggestions={<PendingSummary suggest={suggest} />}
        selectedId={selectedId}
        onSwitchSet={(id) => void choose(id)}
        onNewSet={() => setNamingSet(true)}
        {...(teamSets.known ? { teamServer: teamSets.server } : {})}
        onSelect={(c) => selectClaim(c, true)}
        detail={
          editing && session ? (
            <ClaimDetail
              claim={editing}
              onChange={(next) => (active?.followed ? notify('error', t('team.readOnlySet', { label: active.label, owner: active.followed.owner })) : session.update(editing, next))}
              onDelete={() => {
                if (active?.followed) return notify('error', t('team.readOnlySet', { label: active.label, owner: active.followed.owner }))
                session.remove(editing)
                setSelectedId(null)
                // The claims panel moves the focus to the next claim; this says what happened and how to take it back.
                notify('info', t('detail.deleted', { quote: shorten(editing.target.quote.exact, 30) }), { label: t('detail.undoDelete'), run: () => void session.undo() })
              }}
              onClose={() => setSelectedId(null)}
              onOpenLink={(url) => void host.openExternal(url)}
              readOnly={active?.followed ? t('team.readOnlySet', { label: active.label, owner: active.followed.owner }) : null}
            />
          ) : null
        }
      >
        <OrphanList
          orphans={orphans}
          session={session}
          text={article.text}
          reader={reader}
          hasSelection={selection !== null}
          selectedId={selectedId}
          onShow={selectClaim}
          onDiscarded={(c) => c.id === selectedId && setSelectedId(null)}
          onError={(message) => notify('error', message)}
        />
      </ClaimsPanel>
      {analystPrompt.dialog}
      {namingSet && (
        <PromptDialog
          title={t('reader.newSetTitle')}
          label={t('reader.newSetLabel')}
          initial={t('reader.newSetDefault', { n: sets.length + 1 })}
          submitLabel={t('reader.newSetSubmit')}
          onCancel={() => setNamingSet(false)}
          onSubmit={(label) => {
            setNamingSet(false)
            ensureSet({ db, existing: null, askAnalyst, create: (name) => create(name, label) }).catch((e) => notify('error', errorText(e)))
          }}
        />
      )}
    </div>
  )
}))
