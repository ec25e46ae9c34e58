/**
 * The "Import result" dialog: which set the file became, how many claims
 * landed at their stated position, by exact quote, by a fuzzy match (each
 * with its score) and how many are orphans, with a warning when the file
 * seems to belong to another article. A modal <dialog>: Escape closes it.
 */
import { useEffect, useRef } from 'react'
import { shorten } from '../claims/ClaimsPanel'
import { formatScore, type ImportReport } from './import-report'

interface ImportResultDialogProps {
  report: ImportReport
  onClose(): void
}

const FORMAT_NAME: Record<ImportReport['format'], string> = { w3c: 'W3C Web Annotation', hypothesis: 'Hypothesis' }

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

export function ImportResultDialog({ report, onClose }: ImportResultDialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])
  const orphanCount = report.orphans.length
  return (
    <dialog ref={ref} className="dialog import-result" aria-labelledby="import-result-title" onCancel={onClose}>
      <h2 id="import-result-title">Import result</h2>
      <p className="import-result-lead">
        Imported {plural(report.total, 'claim')} from <strong>{report.fileName}</strong> ({FORMAT_NAME[report.format]}, by {report.analyst}) as the new set{' '}
        <strong>“{report.setLabel}”</strong> on <cite>{report.documentTitle}</cite>.
      </p>
      {report.probablyWrongArticle && (
        <p className="import-result-warning" role="note">
          <span aria-hidden="true">⚠ </span>
          Most quotes in this file were not found in this article. The file may belong to another article; check before relying on it.
        </p>
      )}
      {report.otherText && !report.probablyWrongArticle && (
        <p className="import-result-note">The file was made on another version of this text, so its claims were placed by their quotes.</p>
      )}
      <table className="import-result-counts">
        <caption className="visually-hidden">How the claims were placed</caption>
        <tbody>
          <tr>
            <th scope="row">At their stated position</th>
            <td>{report.byPosition}</td>
          </tr>
          <tr>
            <th scope="row">By exact quote</th>
            <td>{report.byQuote}</td>
          </tr>
          <tr>
            <th scope="row">By fuzzy match</th>
            <td>{report.fuzzy.length}</td>
          </tr>
          <tr className={orphanCount > 0 ? 'is-attention' : ''}>
            <th scope="row">Orphaned (not found)</th>
            <td>{orphanCount}</td>
          </tr>
        </tbody>
      </table>
      {report.fuzzy.length > 0 && (
        <section className="import-result-section" aria-label="Fuzzy matches">
          <h3>Fuzzy matches</h3>
          <p className="import-result-hint">The quote in the file differs from the text; each was placed on the closest passage. Check them.</p>
          <ul className="import-result-list">
            {report.fuzzy.map((f, i) => (
              <li key={i}>
                <span className="import-result-score" title="Match score">
                  {formatScore(f.score)}
                </span>
                <span className="import-result-quote">
                  <q>{shorten(f.quote, 60)}</q>
                  <span className="import-result-found">
                    placed on <q>{shorten(f.found, 60)}</q>
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {orphanCount > 0 && (
        <section className="import-result-section" aria-label="Orphans">
          <h3>Orphans</h3>
          <p className="import-result-hint">
            Not found in this article. They are listed under <strong>Orphans</strong> in the claims panel: select the passage and choose{' '}
            <em>Attach to selection</em>, or discard them.
          </p>
          <ul className="import-result-list">
            {report.orphans.map((quote, i) => (
              <li key={i}>
                <span className="import-result-quote">{quote === '' ? <em>(no quote in the file)</em> : <q>{shorten(quote, 80)}</q>}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {report.warnings.length > 0 && (
        <details className="import-result-section">
          <summary>{plural(report.warnings.length, 'note')} on the file</summary>
          <ul className="import-result-warnings">
            {report.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      )}
      <div className="dialog-actions">
        <button type="button" className="button-primary" autoFocus onClick={onClose}>
          Done
        </button>
      </div>
    </dialog>
  )
}
