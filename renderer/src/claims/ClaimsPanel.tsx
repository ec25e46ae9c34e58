/**
 * The claims panel (an <aside> named "Claims"): the active set's switcher, the
 * stance and text filters, and every claim in document order with its stance,
 * shortened quote, note excerpt and evidence/counterpoint counts.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AnnotationSet, Claim, Stance } from '../../../shared/claims/model'
import { useGrowingList } from './use-growing-list'
import { followedFrom, serverOfContainer } from '../team/followed-server'

export type StanceFilter = 'all' | Stance

interface ClaimsPanelProps {
  sets: readonly AnnotationSet[]
  activeSetId: string | null
  claims: readonly Claim[]
  selectedId: string | null
  onSwitchSet(id: string): void
  onNewSet(): void
  onSelect(claim: Claim): void
  /** Extra controls under the set switcher (e.g. import/export of the set). */
  actions?: React.ReactNode
  /** The claim finder's pending-suggestions line (renderer/src/suggestions). */
  suggestions?: React.ReactNode
  /**
   * The open claim's editor: drawn in its own pane under the list, so it is in
   * view however long the list is (the list and the editor scroll apart).
   */
  detail?: React.ReactNode
  /**
   * The configured team server's URL (null: none), once known: a followed set
   * from another server is listed as not refreshed (team/followed-server.ts).
   */
  teamServer?: string | null
  /** Drawn under the list, in the list's pane (e.g. the orphans). */
  children?: React.ReactNode
}

/** Shorten a quote to `max` characters on a code-point boundary, with an ellipsis. */
export function shorten(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim())
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`
}

/** A set as the switcher lists it: its label, and its analyst unless the label already names them. */
export function setOptionLabel(set: Pick<AnnotationSet, 'label' | 'analyst'>): string {
  return set.analyst && !set.label.includes(set.analyst) ? `${set.label} — ${set.analyst}` : set.label
}

/** Text folded for matching: full-width and half-width forms alike (NFKC), case ignored. */
const fold = (text: string) => text.normalize('NFKC').toLowerCase()

/**
 * Claims that pass the stance filter and contain `query` in their quote, note,
 * counterpoints, or the sources of their evidence and counterpoints (citation
 * or URL: "Reuters" finds every claim argued from Reuters). Full-width and
 * half-width forms match each other, and case is ignored.
 */
export function filterClaims(claims: readonly Claim[], stance: StanceFilter, query: string): Claim[] {
  const q = fold(query.trim())
  return claims.filter((c) => {
    if (stance !== 'all' && c.stance !== stance) return false
    return !q || searchableText(c).includes(q)
  })
}

/**
 * A claim's searchable fields, folded, joined by U+0000 (which no query holds,
 * so a match never spans two fields, and NFKC leaves each field as it would
 * alone). Folded once per claim object: claims are never changed in place
 * (an edit makes a new object), and folding 10,000 claims again for every
 * character typed into the filter cost more than the frame it had.
 */
const folded = new WeakMap<Claim, string>()
function searchableText(c: Claim): string {
  let text = folded.get(c)
  if (text === undefined) {
    const fields = [
      c.target.quote.exact,
      c.note,
      ...c.counterpoints.flatMap((p) => [p.text, p.source?.citation ?? '', p.source?.url ?? '']),
      ...c.evidence.flatMap((e) => [e.citation, e.url]),
    ]
    text = fold(fields.join('\u0000'))
    folded.set(c, text)
  }
  return text
}

/** The longest one idle slice of {@link foldWhenIdle} folds for. */
const IDLE_SLICE_MS = 4

/**
 * Fold `claims` for the text filter while the page is idle, a slice at a
 * time, so the first character typed into the filter does not fold 10,000
 * claims in its own frame. Returns the cancel. Does nothing where
 * requestIdleCallback is missing (the filter then folds on first use).
 */
function foldWhenIdle(claims: readonly Claim[]): () => void {
  if (typeof requestIdleCallback !== 'function') return () => undefined
  let next = 0
  let handle = 0
  const slice = (deadline: IdleDeadline) => {
    // A few milliseconds at most: an idle period can be 50 ms long, and a key
    // press or a write's result arriving meanwhile would wait for the slice.
    const until = performance.now() + IDLE_SLICE_MS
    while (next < claims.length && deadline.timeRemaining() > 1 && performance.now() < until) searchableText(claims[next++]!)
    if (next < claims.length) handle = requestIdleCallback(slice)
  }
  handle = requestIdleCallback(slice)
  return () => cancelIdleCallback(handle)
}


export function StanceBadge({ stance }: { stance: Stance }) {
  const { t } = useTranslation()
  return <LabelledStanceBadge stance={stance} label={t(`stance.${stance}`)} />
}

/** A stance badge with its label already translated: what a long list renders, translating once. */
function LabelledStanceBadge({ stance, label }: { stance: Stance; label: string }) {
  return (
    <span className={`stance-badge stance-badge--${stance}`}>
      <span aria-hidden="true" className="stance-badge-glyph">
        {stance === 'evidenced' ? 'E' : 'S'}
      </span>
      {label}
    </span>
  )
}

export function ClaimsPanel(props: ClaimsPanelProps) {
  const { sets, activeSetId, claims, selectedId, onSwitchSet, onNewSet, onSelect, actions, suggestions, detail, teamServer, children } = props
  const [stance, setStance] = useState<StanceFilter>('all')
  const { t } = useTranslation()
  // Translated once per render, not per row: i18next's lookup and plural rules for
  // 200 rows were a tenth of the time to open a long report (docs/performance.md).
  const stanceLabel: Record<Stance, string> = { evidenced: t('stance.evidenced'), speculative: t('stance.speculative') }
  const countLabels = new Map<string, string>()
  const countsLabel = (evidence: number, count: number): string => {
    const key = `${evidence}/${count}`
    let label = countLabels.get(key)
    if (label === undefined) countLabels.set(key, (label = t('claims.counts', { evidence, count })))
    return label
  }
  const [query, setQuery] = useState('')
  // A claim opened from the list (click, or Enter on its row) hands the focus to
  // its editor, so a keyboard user lands where the work is; claims opened from
  // the text (a click, J / K, a new tag) leave the focus in the reader.
  const panel = useRef<HTMLElement>(null)
  const focusEditorOf = useRef<string | null>(null)
  const focusEditor = () => panel.current?.querySelector<HTMLElement>('.claim-detail')?.focus()
  useEffect(() => {
    if (focusEditorOf.current === null || focusEditorOf.current !== selectedId || !detail) return
    focusEditorOf.current = null
    focusEditor()
  }, [selectedId, detail])
  const openFromList = (claim: Claim) => {
    if (claim.id === selectedId && detail) focusEditor()
    else focusEditorOf.current = claim.id
    onSelect(claim)
  }
  const visible = useMemo(() => filterClaims(claims, stance, query), [claims, stance, query])
  useEffect(() => foldWhenIdle(claims), [claims])
  // Long sets render a page of rows and grow on scroll (docs/performance.md).
  const rows = useGrowingList(visible.length)
  // The open claim gone (deleted) while the focus was in its editor: the focus
  // would fall to the page. It goes to the claim that took its place in the
  // list (the next, or the last), or to the list's pane when none is left.
  // The claim list may learn of the removal a render after the editor closed,
  // so the last open claim is remembered until it is gone or the focus is
  // somewhere again.
  const openAt = useRef<{ id: string; index: number } | null>(null)
  useEffect(() => {
    const index = selectedId === null ? -1 : visible.findIndex((c) => c.id === selectedId)
    if (index >= 0) {
      openAt.current = { id: selectedId!, index }
      return
    }
    const was = openAt.current
    if (!was) return
    const focus = document.activeElement
    const focusLost = !focus || focus === document.body || !focus.isConnected
    if (!focusLost || selectedId !== null) {
      openAt.current = null
      return
    }
    if (visible.some((c) => c.id === was.id)) return
    openAt.current = null
    const buttons = panel.current?.querySelectorAll<HTMLElement>('.claims-list .claim-item')
    const target = buttons && buttons.length > 0 ? buttons[Math.min(was.index, buttons.length - 1)] : panel.current?.querySelector<HTMLElement>('.claims-browse')
    target?.focus()
  }, [visible, selectedId])
  const counts = useMemo(() => {
    let evidenced = 0
    for (const c of claims) if (c.stance === 'evidenced') evidenced++
    return { all: claims.length, evidenced, speculative: claims.length - evidenced }
  }, [claims])

  return (
    <aside ref={panel} className="claims-panel" aria-label={t('claims.title')}>
      <div className="claims-browse" tabIndex={-1}>
        <div className="claims-head">
          <h2 className="panel-title">{t('claims.title')}</h2>
          <div className="set-switcher">
            <label className="visually-hidden" htmlFor="set-select">
              {t('claims.set')}
            </label>
            <select id="set-select" value={activeSetId ?? ''} onChange={(e) => onSwitchSet(e.target.value)} disabled={sets.length === 0}>
              {sets.length === 0 && <option value="">{t('claims.noSet')}</option>}
              {sets.map((s) => (
                <option key={s.id} value={s.id}>
                  {setOptionLabel(s)}
                  {s.followed !== undefined &&
                    (teamServer !== undefined && !followedFrom(s, teamServer) ? t('team.followedStaleSuffix', { server: serverOfContainer(s.followed.iri) }) : t('team.followedSuffix'))}
                </option>
              ))}
            </select>
            <button type="button" onClick={onNewSet}>
              {t('claims.newSet')}
            </button>
          </div>
          {actions}
          <fieldset className="stance-filter">
            <legend className="visually-hidden">{t('stance.show')}</legend>
            {(['all', 'evidenced', 'speculative'] as const).map((value) => (
              <label key={value} className={stance === value ? 'is-on' : ''}>
                <input type="radio" name="stance-filter" value={value} checked={stance === value} onChange={() => setStance(value)} />
                {t(`stance.${value}`)} <span className="count">{counts[value]}</span>
              </label>
            ))}
          </fieldset>
          <input
            type="search"
            className="claims-search"
            placeholder={t('claims.filter')}
            aria-label={t('claims.filterLabel')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          {suggestions}
        </div>
        {claims.length === 0 ? (
          <p className="claims-empty">{t('claims.empty')}</p>
        ) : visible.length === 0 ? (
          <p className="claims-empty">{t('claims.noMatch')}</p>
        ) : (
          <ol className="claims-list" aria-label={t('claims.listLabel')}>
            {visible.slice(0, rows.shown).map((claim) => (
              <li key={claim.id}>
                <button
                  type="button"
                  className={`claim-item claim-item--${claim.stance} ${claim.id === selectedId ? 'is-selected' : ''}`}
                  aria-current={claim.id === selectedId ? 'true' : undefined}
                  onClick={() => openFromList(claim)}
                >
                  <LabelledStanceBadge stance={claim.stance} label={stanceLabel[claim.stance]} />
                  <span className="claim-item-quote">{shorten(claim.target.quote.exact, 90)}</span>
                  {claim.note && <span className="claim-item-note">{shorten(claim.note, 80)}</span>}
                  <span className="claim-item-counts">{countsLabel(claim.evidence.length, claim.counterpoints.length)}</span>
                </button>
              </li>
            ))}
            {rows.shown < visible.length && (
              <li key={`more-${rows.shown}`} ref={rows.sentinel}>
                <button type="button" className="claims-more" onClick={rows.showMore}>
                  {t('claims.showMore', { count: visible.length - rows.shown })}
                </button>
              </li>
            )}
          </ol>
        )}
        {children}
      </div>
      {detail}
    </aside>
  )
}
