/**
 * The "Import result" dialog: which set the file became, how many claims
 * landed at their stated position, by exact quote, by a fuzzy match (each
 * with its score) and how many are orphans, with a warning when the file
 * seems to belong to another article. A modal <dialog>: Escape closes it.
 */
import { useEffect, useRef } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { shorten } from '../claims/ClaimsPanel'
import { formatScore, type ImportReport } from './import-report'

interface ImportResultDialogProps {
  report: ImportReport
  onClose(): void
}

// Names of the formats: the same in every language.
const FORMAT_NAME: Record<ImportReport['format'], string> = { w3c: 'W3C Web Annotation', hypothesis: 'Hypothesis' }

export function ImportResultDialog({ report, onClose }: ImportResultDialogProps) {
  const { t, i18n } = useTranslation()
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])
  const orphanCount = report.orphans.length
  const count = (n: number) => new Intl.NumberFormat(i18n.language).format(n)
  return (
    <dialog ref={ref} className="dialog import-result" aria-labelledby="import-result-title" onCancel={onClose}>
      <h2 id="import-result-title">{t('exchange.result.title')}</h2>
      <p className="import-result-lead">
        <Trans
          i18nKey={report.updated === true ? 'exchange.result.leadUpdated' : 'exchange.result.lead'}
          count={report.total}
          values={{ fileName: report.fileName, format: FORMAT_NAME[report.format], analyst: report.analyst, setLabel: report.setLabel, title: report.documentTitle }}
          components={{ b: <strong />, cite: <cite /> }}
        />
      </p>
      {report.probablyWrongArticle && (
        <p className="import-result-warning" role="note">
          <span aria-hidden="true">⚠ </span>
          {t('exchange.result.wrongArticle')}
        </p>
      )}
      {/* Only items with a quote were looked for by it; offsets alone are covered by the warning below. */}
      {report.otherText && !report.probablyWrongArticle && report.total > report.uncheckedPositions && (
        <p className="import-result-note">{t('exchange.result.otherText')}</p>
      )}
      {report.uncheckedPositions > 0 && (
        <p className="import-result-warning" role="note">
          <span aria-hidden="true">⚠ </span>
          {t('exchange.result.uncheckedPositions', { count: report.uncheckedPositions })}
        </p>
      )}
      {report.positionsAssumed > 0 && (
        <p className="import-result-note">{t('exchange.result.positionsAssumed', { count: report.positionsAssumed, unit: t(`exchange.unit.${report.positionUnit}`) })}</p>
      )}
      {report.otherUnit > 0 && (
        <p className="import-result-note">
          {t('exchange.result.otherUnit', { count: report.otherUnit, unit: t(`exchange.unit.${report.positionUnit === 'code-points' ? 'code-units' : 'code-points'}`) })}
        </p>
      )}
      <table className="import-result-counts">
        <caption className="visually-hidden">{t('exchange.result.countsCaption')}</caption>
        <tbody>
          <tr>
            <th scope="row">{t('exchange.result.byPosition')}</th>
            <td>{count(report.byPosition)}</td>
          </tr>
          <tr>
            <th scope="row">{t('exchange.result.byQuote')}</th>
            <td>{count(report.byQuote)}</td>
          </tr>
          <tr>
            <th scope="row">{t('exchange.result.byFuzzy')}</th>
            <td>{count(report.fuzzy.length)}</td>
          </tr>
          <tr className={orphanCount > 0 ? 'is-attention' : ''}>
            <th scope="row">{t('exchange.result.orphaned')}</th>
            <td>{count(orphanCount)}</td>
          </tr>
        </tbody>
      </table>
      {report.fuzzy.length > 0 && (
        <section className="import-result-section" aria-label={t('exchange.result.fuzzyTitle')}>
          <h3>{t('exchange.result.fuzzyTitle')}</h3>
          <p className="import-result-hint">{t('exchange.result.fuzzyHint')}</p>
          <ul className="import-result-list">
            {report.fuzzy.map((f, i) => (
              <li key={i}>
                <span className="import-result-score" title={t('exchange.result.score')}>
                  {formatScore(f.score, i18n.language)}
                </span>
                <span className="import-result-quote">
                  <q>{shorten(f.quote, 60)}</q>
                  <span className="import-result-found">
                    <Trans i18nKey="exchange.result.placedOn" values={{ found: shorten(f.found, 60) }} components={{ q: <q /> }} />
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {orphanCount > 0 && (
        <section className="import-result-section" aria-label={t('exchange.result.orphansTitle')}>
          <h3>{t('exchange.result.orphansTitle')}</h3>
          <p className="import-result-hint">
            <Trans i18nKey="exchange.result.orphansHint" components={{ b: <strong />, em: <em /> }} />
          </p>
          <ul className="import-result-list">
            {report.orphans.map(({ quote, position }, i) => (
              <li key={i}>
                <span className="import-result-quote">
                  {quote === '' ? <em>{t('exchange.result.noQuote')}</em> : <q>{shorten(quote, 80)}</q>}
                  {position !== null && (
                    <span className="import-result-found">
                      {t('exchange.result.statedPosition', { start: count(position.start), end: count(position.end), unit: t(`exchange.unit.${report.positionUnit}`) })}
                    </span>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {report.warnings.length > 0 && (
        <details className="import-result-section">
          <summary>{t('exchange.result.notes', { count: report.warnings.length })}</summary>
          <ul className="import-result-warnings">
            {report.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      )}
      <div className="dialog-actions">
        <button type="button" className="button-primary" autoFocus onClick={onClose}>
          {t('exchange.result.done')}
        </button>
      </div>
    </dialog>
  )
}
