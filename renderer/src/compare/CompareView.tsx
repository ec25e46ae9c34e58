/**
 * Compare mode: two or more annotation sets on one document side by side.
 * The article shows both sets' claims at once (A solid and in the left gutter,
 * B dashed and in the right gutter, conflicts flagged "≠" in red); the figures
 * sit on the left, the outcome list with the adjudication controls on the
 * right. Everything is recomputed live from the stored sets and the minimum
 * overlap; the result of adjudication is a new consensus set.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import type { Article } from '../../../shared/article/model'
import type { HostBridge } from '../../../shared/bridge/contract'
import {
  compareSets,
  comparisonReportStringsFor,
  DEFAULT_MIN_OVERLAP,
  type Comparison,
  type ComparisonItem,
  type Keep,
} from '../../../shared/compare'
import { errorText } from '../i18n/error-message'
import type { WorkbenchDb } from '../storage/database'
import { getPref } from '../storage/prefs-repo'
import { PromptDialog } from '../ui/PromptDialog'
import { useAnalystPrompt } from '../ui/use-analyst-prompt'
import { ensureSet } from '../state/ensure-set'
import { adjudicationProgress, draftKey, withKeep, withoutDecision, withReason } from './adjudication'
import { CompareReader, type CompareReaderHandle } from './CompareReader'
import type { CompareLayer } from './compare-decorations'
import { comparisonReportFiles } from './comparison-report'
import { createConsensusSet, previewConsensus } from './create-consensus'
import { FiguresPanel } from './FiguresPanel'
import { OutcomeList } from './OutcomeList'
import { groupItems, stepItem } from './outcomes'
import { useAdjudicationDrafts } from './use-adjudication-drafts'
import { useComparedSets } from './use-compared-sets'
import { useCommandLayer } from '../commands/command-layers'
import { messageKey } from '../i18n/message-key'

interface CompareViewProps {
  db: WorkbenchDb
  host: HostBridge
  article: Article
  /** The sets to compare, A first. */
  setIds: readonly string[]
  notify(kind: 'info' | 'error', message: string): void
  onClose(): void
  /** A consensus set was stored; the reader should make it the active set. */
  onConsensusCreated(setId: string): void
}

/** Length of the arrival flash (the reader's claim-flash animation). */
const FLASH_MS = 1300


type Computed = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; comparison: Comparison }

/**
 * Compare mode for `setIds` (A first) on `article`. Problems (a set deleted
 * meanwhile, fewer than two sets left) are shown in place; failed saves and
 * exports go to `notify`. Never throws.
 */
export function CompareView({ db, host, article, setIds: initialIds, notify, onClose, onConsensusCreated }: CompareViewProps) {
  const { t, i18n } = useTranslation()
  const [order, setOrder] = useState<readonly string[]>(initialIds)
  const [minOverlap, setMinOverlap] = useState(DEFAULT_MIN_OVERLAP)
  const [selected, setSelected] = useState<{ id: string; flash: number } | null>(null)
  const [naming, setNaming] = useState(false)
  const [created, setCreated] = useState<{ label: string; claims: number } | null>(null)
  const analystPrompt = useAnalystPrompt()
  const reader = useRef<CompareReaderHandle>(null)
  const sets = useComparedSets(db, article.id, order)
  const { drafts, update } = useAdjudicationDrafts(db, draftKey(order), (message) => notify('error', message))

  const computed = useMemo<Computed>(() => {
    if (sets.status === 'loading') return { status: 'loading' }
    if (sets.status === 'error') return { status: 'error', message: errorText(sets.error) }
    try {
      return { status: 'ready', comparison: compareSets(article.text, sets.value, { minOverlap }) }
    } catch (error) {
      return { status: 'error', message: errorText(error) }
    }
  }, [sets, article.text, minOverlap])
  const comparison = computed.status === 'ready' ? computed.comparison : null

  const groups = useMemo(() => groupItems(comparison?.items ?? []), [comparison])
  const layer = useMemo<CompareLayer>(
    () => ({
      items: comparison?.items ?? [],
      selectedId: selected?.id ?? null,
      flash: selected?.flash ?? 0,
      lang: i18n.language,
      // The decorations' keys are built at run time; compare/catalog-keys.test.ts checks them.
      t: (key, values) => t(messageKey(key), values ?? {}),
    }),
    [comparison, selected, t, i18n.language],
  )
  const progress = comparison ? adjudicationProgress(comparison, drafts) : { decided: 0, total: 0 }
  const labels = comparison?.figures.sets.map((s) => s.label) ?? []

  const flashes = useRef(0)
  const jump = useCallback((item: ComparisonItem) => {
    flashes.current += 1
    setSelected({ id: item.id, flash: flashes.current })
    reader.current?.revealItem(item)
  }, [])
  // The arrival flash plays once; afterwards the item keeps only its outline, so
  // redrawing the layer (an edit, a new overlap) never replays it.
  useEffect(() => {
    if (!selected?.flash) return
    const timer = setTimeout(() => setSelected((s) => (s && s.flash ? { id: s.id, flash: 0 } : s)), FLASH_MS)
    return () => clearTimeout(timer)
  }, [selected])
  // J / K step through the items in document order (the command table's next/prev
  // outcome; the desk's own J / K are disabled while Compare covers it).
  const stepOutcome = (direction: 1 | -1) => {
    const next = stepItem(comparison?.items ?? [], selected?.id ?? null, direction)
    if (next) jump(next)
  }
  useCommandLayer({ handlers: { 'next-outcome': () => stepOutcome(1), 'prev-outcome': () => stepOutcome(-1) } })

  const pick = useCallback((item: ComparisonItem) => setSelected({ id: item.id, flash: 0 }), [])
  const keep = useCallback(
    (item: ComparisonItem, choice: Keep | null) => update((d) => (choice ? withKeep(d, item.id, choice) : withoutDecision(d, item.id))),
    [update],
  )
  const reason = useCallback((item: ComparisonItem, text: string) => update((d) => withReason(d, item.id, text)), [update])

  const saveReport = async (format: 'markdown' | 'html' | 'pdf') => {
    if (!comparison) return
    try {
      const analyst = (await getPref(db, 'analystName')) ?? t('compare.defaultAnalyst')
      const consensus = previewConsensus(comparison, drafts, { label: t('compare.previewLabel'), analyst, now: new Date().toISOString() })
      const strings = comparisonReportStringsFor(i18n.language)
      const files = comparisonReportFiles(comparison, { articleTitle: article.title, strings, consensus })
      const result = format === 'pdf' ? await host.printToPdf(files.pdf) : await host.saveFile(files[format])
      // A browser only opens the PDF's tab (see browser-host): say how to print it there.
      const opened = format === 'pdf' && host.info.kind === 'browser'
      if (result.status === 'saved') notify('info', opened ? t('reportUi.openedForPrinting', { name: result.name }) : t('compare.savedReport', { name: result.name }))
    } catch (error) {
      notify('error', errorText(error))
    }
  }

  const createConsensus = async (label: string) => {
    if (!comparison) return
    try {
      const consensus = await ensureSet({
        db,
        existing: null,
        askAnalyst: () => analystPrompt.ask(t('reader.whoHint')),
        create: (analyst) => createConsensusSet(db, comparison, drafts, { label, analyst, now: new Date().toISOString() }),
      })
      if (!consensus) return
      setCreated({ label, claims: consensus.claims.length })
      onConsensusCreated(consensus.set.id)
      notify('info', t('compare.createdNotice', { label, count: consensus.claims.length }))
    } catch (error) {
      notify('error', errorText(error))
    }
  }

  return (
    <div className="cmp">
      {/* Not a <header>: at the top level it would be a second banner beside the app bar's (axe: landmark-no-duplicate-banner). */}
      <div className="cmp-bar">
        <button type="button" className="button-quiet" onClick={onClose}>
          {t('compare.back')}
        </button>
        <h1 className="cmp-title">{t('compare.title')}</h1>
        <p className="cmp-legend" aria-label={t('compare.legendLabel')}>
          <span className="cmp-legend-set cmp-legend-set--a">
            <b>A</b> {labels[0] ?? '…'}
          </span>
          <span className="cmp-legend-vs">{t('compare.vs')}</span>
          <span className="cmp-legend-set cmp-legend-set--b">
            <b>B</b> {labels[1] ?? '…'}
          </span>
          {labels.length > 2 && <span className="cmp-legend-more">{t('compare.alphaOnly', { labels: labels.slice(2).join(t('compare.listSeparator')) })}</span>}
        </p>
        <button type="button" className="button-quiet" onClick={() => setOrder(([a, b, ...rest]) => [b!, a!, ...rest])} title={t('compare.swapTitle')}>
          {t('compare.swap')}
        </button>
        <label className="cmp-overlap" title={t('compare.overlapTitle')}>
          <span>{t('compare.overlap')}</span>
          <input type="range" min={0} max={1} step={0.05} value={minOverlap} onChange={(e) => setMinOverlap(Number(e.target.value))} />
          <output>{new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(minOverlap)}</output>
        </label>
        <div className="cmp-report" role="group" aria-label={t('compare.reportLabel')}>
          <span>{t('compare.report')}</span>
          <button type="button" disabled={!comparison} onClick={() => void saveReport('markdown')}>
            Markdown
          </button>
          <button type="button" disabled={!comparison} onClick={() => void saveReport('html')}>
            HTML
          </button>
          <button type="button" disabled={!comparison} onClick={() => void saveReport('pdf')}>
            PDF
          </button>
        </div>
      </div>
      {computed.status === 'error' && (
        <p className="cmp-problem" role="alert">
          {computed.message}
        </p>
      )}
      {computed.status === 'loading' && <p className="cmp-problem">{t('compare.comparing')}</p>}
      {comparison && (
        <div className="cmp-desk">
          <FiguresPanel comparison={comparison} />
          <main className="reader-column cmp-column" aria-label={t('reader.article')}>
            <div className="reader-scroll">
              <article className="reader-page cmp-page">
                <header className="article-head">
                  <h2 className="article-title">{article.title}</h2>
                </header>
                <CompareReader ref={reader} article={article} layer={layer} onSelectItem={pick} />
              </article>
            </div>
          </main>
          <aside className="cmp-panel" aria-label={t('compare.outcomes')}>
            <div className="cmp-panel-head">
              <h2 className="panel-title">{t('compare.outcomes')}</h2>
              <p className="cmp-progress" aria-live="polite">
                {progress.total === 0 ? t('compare.noDisagreements') : t('compare.progress', { decided: progress.decided, total: progress.total })}
              </p>
            </div>
            <OutcomeList groups={groups} text={article.text} selectedId={selected?.id ?? null} drafts={drafts} onSelect={jump} onKeep={keep} onReason={reason} />
            <div className="cmp-consensus">
              <p className="field-hint">{t('compare.consensusHint')}</p>
              <button type="button" className="button-primary" onClick={() => setNaming(true)}>
                {t('compare.createConsensus')}
              </button>
              {created && (
                <p className="cmp-created" role="status">
                  <Trans
                    i18nKey="compare.createdStatus"
                    count={created.claims}
                    values={{ label: created.label }}
                    components={{ open: <button type="button" className="link-button" onClick={onClose} /> }}
                  />
                </p>
              )}
            </div>
          </aside>
        </div>
      )}
      {naming && (
        <PromptDialog
          title={t('compare.createConsensus')}
          label={t('compare.consensusField')}
          initial={t('compare.consensusInitial', { labels: labels.slice(0, 2).join(' + ') })}
          hint={t('compare.progressHint', { decided: progress.decided, total: progress.total })}
          submitLabel={t('compare.createSubmit')}
          onCancel={() => setNaming(false)}
          onSubmit={(label) => {
            setNaming(false)
            void createConsensus(label)
          }}
        />
      )}
      {analystPrompt.dialog}
    </div>
  )
}
