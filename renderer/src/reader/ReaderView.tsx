/**
 * The reading desk: title and date above the text, the outline on the left,
 * the article in the middle with the tag toolbar floating over a selection, and
 * the claims panel on the right. Keys: E / S tag the selection, W grows it to
 * whole sentences, J / K step through claims.
 */
import { forwardRef, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import type { Article } from '../../../shared/article/model'
import type { HostBridge } from '../../../shared/bridge/contract'
import { claimsAt } from '../../../shared/claims/claims-at'
import { createClaim } from '../../../shared/claims/create-claim'
import type { AnnotationSet, Claim, Stance } from '../../../shared/claims/model'
import { userMessageOf } from '../../../shared/errors'
import { sentenceRangeAround } from '../../../shared/text/sentences'
import { ClaimDetail } from '../claims/ClaimDetail'
import { ClaimsPanel, shorten } from '../claims/ClaimsPanel'
import { ClaimSession } from '../state/claim-session'
import type { WorkbenchDb } from '../storage/database'
import { getArticle } from '../storage/documents-repo'
import { getPref, setPref } from '../storage/prefs-repo'
import { PromptDialog } from '../ui/PromptDialog'
import { formatDay, languageName } from '../ui/format'
import { Outline, outlineOf } from './Outline'
import { Reader, type ReaderHandle, type ReaderSelection } from './Reader'
import { SaveStatusLine } from './SaveStatusLine'
import { TagToolbar } from './TagToolbar'
import { useActiveSet } from './use-active-set'

export interface ReaderCommands {
  undo(): void
  redo(): void
}

interface ReaderViewProps {
  db: WorkbenchDb
  host: HostBridge
  documentId: string
  notify(kind: 'info' | 'error', message: string): void
  onMissing(): void
}

type Ask = { kind: 'analyst'; then: (name: string) => void } | { kind: 'new-set' }

const EMPTY: readonly Claim[] = []

function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  if (!el) return false
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || !!el.closest('dialog')
}

export const ReaderView = forwardRef<ReaderCommands, ReaderViewProps>(function ReaderView({ db, host, documentId, notify, onMissing }, ref) {
  const [article, setArticle] = useState<Article | null>(null)
  const { sets, active, choose, create } = useActiveSet(db, documentId)
  const [session, setSession] = useState<ClaimSession | null>(null)
  const [selection, setSelection] = useState<ReaderSelection | null>(null)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [chooser, setChooser] = useState<{ claims: Claim[]; top: number; left: number } | null>(null)
  const [ask, setAsk] = useState<Ask | null>(null)
  const [hint, setHint] = useState(false)
  const reader = useRef<ReaderHandle>(null)
  const scroller = useRef<HTMLDivElement>(null)

  useEffect(() => {
    let live = true
    getArticle(db, documentId).then((a) => {
      if (!live) return
      if (a) setArticle(a)
      else onMissing()
    })
    void getPref(db, 'hintDismissed').then((dismissed) => live && setHint(!dismissed))
    return () => {
      live = false
    }
  }, [db, documentId, onMissing])

  const activeId = active?.id ?? null
  useEffect(() => {
    if (!activeId) {
      setSession(null)
      return
    }
    const s = new ClaimSession(db, activeId)
    setSession(s)
    setSelectedId(null)
    return () => s.dispose()
  }, [db, activeId])

  const noSession = useCallback(() => () => undefined, [])
  const snapshot = useSyncExternalStore(session?.subscribe ?? noSession, session?.getSnapshot ?? (() => null))
  const claims = snapshot?.claims ?? EMPTY
  const selected = useMemo(() => claims.find((c) => c.id === selectedId) ?? null, [claims, selectedId])
  const outline = useMemo(() => (article ? outlineOf(article) : []), [article])

  useImperativeHandle(ref, () => ({
    undo: () => void session?.undo(),
    redo: () => void session?.redo(),
  }))

  const selectClaim = useCallback((claim: Claim | null, reveal: boolean) => {
    setSelectedId(claim?.id ?? null)
    setChooser(null)
    if (claim && reveal) reader.current?.revealClaim(claim, true)
  }, [])

  const tagWith = useCallback(
    (set: AnnotationSet, stance: Stance, range: { start: number; end: number }) => {
      if (!article || !session || session.setId !== set.id) return false
      try {
        const claim = createClaim({ set, text: article.text, start: range.start, end: range.end, stance, author: set.analyst, now: new Date().toISOString() })
        session.create(claim)
        setSelectedId(claim.id)
        setSelection(null)
        reader.current?.collapseSelection()
        return true
      } catch (error) {
        notify('error', userMessageOf(error))
        return false
      }
    },
    [article, session, notify],
  )

  // The first claim on a document needs a set, and the first set needs the analyst's name.
  const pendingTag = useRef<{ stance: Stance; range: { start: number; end: number } } | null>(null)
  const tag = useCallback(
    async (stance: Stance) => {
      const range = reader.current?.selection()
      if (!range) return
      if (active) {
        tagWith(active, stance, range)
        return
      }
      pendingTag.current = { stance, range }
      const analyst = await getPref(db, 'analystName')
      const start = async (name: string) => {
        const set = await create(name, `${name}'s reading`)
        // The session for the new set is created on the next render; the claim follows it.
        pendingTag.current = { stance, range }
        void set
      }
      if (analyst) await start(analyst)
      else
        setAsk({
          kind: 'analyst',
          then: (name) => {
            void setPref(db, 'analystName', name).then(() => start(name))
          },
        })
    },
    [active, create, db, tagWith],
  )

  // Complete a tag that had to wait for its set's session.
  useEffect(() => {
    const pending = pendingTag.current
    if (pending && active && session?.setId === active.id) {
      pendingTag.current = null
      tagWith(active, pending.stance, pending.range)
    }
  }, [active, session, tagWith])

  const wholeSentence = useCallback(() => {
    const range = reader.current?.selection()
    if (!range || !article) return
    const grown = sentenceRangeAround(article.text, range.start, range.end)
    reader.current?.selectRange(grown.start, grown.end)
  }, [article])

  const onSelectionKey = useCallback(
    (key: string) => {
      if (key === 'e') void tag('evidenced')
      else if (key === 's') void tag('speculative')
      else if (key === 'w') wholeSentence()
      else return false
      return true
    },
    [tag, wholeSentence],
  )

  const onClickOffset = useCallback(
    (offset: number, event: MouseEvent) => {
      const hits = claimsAt(claims, offset)
      if (hits.length === 0) return
      selectClaim(hits[0]!, false)
      if (hits.length > 1) {
        const box = scroller.current?.getBoundingClientRect()
        setChooser({ claims: hits, top: event.clientY - (box?.top ?? 0) + (scroller.current?.scrollTop ?? 0) + 12, left: event.clientX - (box?.left ?? 0) })
      }
    },
    [claims, selectClaim],
  )

  // J / K step to the next / previous claim in document order.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return
      if (reader.current?.selection()) return
      const key = event.key.toLowerCase()
      if (key !== 'j' && key !== 'k') return
      if (claims.length === 0) return
      event.preventDefault()
      const at = selected ? claims.findIndex((c) => c.id === selected.id) : -1
      const next = key === 'j' ? (at < 0 ? 0 : Math.min(claims.length - 1, at + 1)) : at < 0 ? claims.length - 1 : Math.max(0, at - 1)
      selectClaim(claims[next]!, true)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [claims, selected, selectClaim])

  if (!article) return <main className="reader-loading">Opening…</main>

  return (
    <div className="desk">
      <Outline entries={outline} onJump={(offset) => reader.current?.revealOffset(offset)} />
      <main className="reader-column" aria-label="Article">
        <div className="reader-scroll" ref={scroller} onScroll={() => setChooser(null)}>
          <article className="reader-page">
            <header className="article-head">
              <p className="article-meta">
                {article.publishedOn && <time dateTime={article.publishedOn}>{formatDay(article.publishedOn)}</time>}
                <span>{languageName(article.language)}</span>
                <span className="article-source">{article.sourceName}</span>
              </p>
              <h1 className="article-title">{article.title}</h1>
            </header>
            {hint && (
              <aside className="first-run-hint" aria-label="How to critique">
                <ol>
                  <li>Select a passage of the article.</li>
                  <li>
                    Press <kbd>E</kbd> if the article backs it with evidence, <kbd>S</kbd> if it only speculates.
                  </li>
                  <li>Open the claim on the right to add a note, evidence and counterpoints.</li>
                </ol>
                <button
                  type="button"
                  className="button-quiet"
                  onClick={() => {
                    setHint(false)
                    void setPref(db, 'hintDismissed', true)
                  }}
                >
                  Got it
                </button>
              </aside>
            )}
            <Reader
              ref={reader}
              article={article}
              claims={claims}
              selectedClaim={selected}
              scrollContainer={() => scroller.current}
              onSelectionChange={setSelection}
              onSelectionKey={onSelectionKey}
              onClickOffset={onClickOffset}
            />
          </article>
          {selection && <TagToolbar top={selection.top} left={selection.left} onTag={(s) => void tag(s)} onWholeSentence={wholeSentence} />}
          {chooser && (
            <div className="claim-chooser" role="menu" aria-label="Claims here" style={{ top: chooser.top, left: chooser.left }}>
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
        </div>
        <SaveStatusLine status={snapshot?.status ?? { state: 'idle' }} claimCount={claims.length} loadError={snapshot?.loadError ?? null} />
      </main>
      <ClaimsPanel
        sets={sets}
        activeSetId={active?.id ?? null}
        claims={claims}
        selectedId={selectedId}
        onSwitchSet={(id) => void choose(id)}
        onNewSet={() => setAsk({ kind: 'new-set' })}
        onSelect={(c) => selectClaim(c, true)}
      >
        {selected && session && (
          <ClaimDetail
            claim={selected}
            onChange={(next) => session.update(selected, next)}
            onDelete={() => {
              session.remove(selected)
              setSelectedId(null)
            }}
            onClose={() => setSelectedId(null)}
            onOpenLink={(url) => void host.openExternal(url)}
          />
        )}
      </ClaimsPanel>
      {ask?.kind === 'analyst' && (
        <PromptDialog
          title="Who is reading?"
          label="Your name"
          hint="It names your annotation set and appears in reports. You can change it later."
          submitLabel="Start"
          onCancel={() => {
            pendingTag.current = null
            setAsk(null)
          }}
          onSubmit={(name) => {
            const then = ask.then
            setAsk(null)
            then(name)
          }}
        />
      )}
      {ask?.kind === 'new-set' && (
        <PromptDialog
          title="New annotation set"
          label="Label"
          initial={`Reading ${sets.length + 1}`}
          submitLabel="Create set"
          onCancel={() => setAsk(null)}
          onSubmit={(label) => {
            setAsk(null)
            void (async () => {
              const analyst = (await getPref(db, 'analystName')) ?? active?.analyst ?? 'Analyst'
              await create(analyst, label)
            })().catch((e) => notify('error', userMessageOf(e)))
          }}
        />
      )}
    </div>
  )
})
