/**
 * The key to a printed article (Ctrl/Cmd+P): whose claims are marked and how
 * each stance looks on paper. Hidden on screen, where the claims panel says
 * the same; the print stylesheet (styles/print.css) shows it above the text.
 */
import { useTranslation } from 'react-i18next'
import type { AnnotationSet, Claim } from '../../../shared/claims/model'

export function PrintLegend({ set, claims }: { set: AnnotationSet | null; claims: readonly Claim[] }) {
  const { t } = useTranslation()
  const evidenced = claims.filter((c) => c.stance === 'evidenced').length
  return (
    <aside className="print-legend" aria-hidden="true">
      <p className="print-legend-set">
        {set ? t('print.legendSet', { label: set.label, analyst: set.analyst, count: claims.length }) : t('print.legendNoSet')}
      </p>
      <ul>
        <li>
          <span className="claim claim--evidenced">{t('print.sample')}</span> <span className="stance-badge-glyph">E</span> {t('print.evidenced', { count: evidenced })}
        </li>
        <li>
          <span className="claim claim--speculative">{t('print.sample')}</span> <span className="stance-badge-glyph">S</span> {t('print.speculative', { count: claims.length - evidenced })}
        </li>
      </ul>
    </aside>
  )
}
