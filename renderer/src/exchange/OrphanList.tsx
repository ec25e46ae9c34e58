/**
 * The "Orphans (n)" section of the claims panel: claims that could not be
 * placed on the text, listed apart from the placed ones (they are not drawn
 * and take no part in the stance counts and filters). Each can be attached
 * to the passage selected in the reader, or discarded; both go through the
 * claim session, so Undo takes them back.
 */
import { useMemo, type RefObject } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { CodePointIndex } from '../../../shared/anchoring'
import type { Claim } from '../../../shared/claims/model'
import { errorText } from '../i18n/error-message'
import { shorten, StanceBadge } from '../claims/ClaimsPanel'
import type { ReaderHandle } from '../reader/Reader'
import type { ClaimSession } from '../state/claim-session'
import { attachOrphan } from './orphans'

interface OrphanListProps {
  orphans: readonly Claim[]
  session: ClaimSession | null
  /** The article's canonical text, to describe the new target on. */
  text: string
  reader: RefObject<ReaderHandle | null>
  /** True while text is selected in the reader. */
  hasSelection: boolean
  selectedId: string | null
  /** Show a claim's detail; `reveal` scrolls the reader to it (placed claims only). */
  onShow(claim: Claim, reveal: boolean): void
  onDiscarded(claim: Claim): void
  onError(message: string): void
}

// The buttons must not take the reader's selection away before the click reads it.
const keepSelection = (event: React.MouseEvent) => event.preventDefault()

export function OrphanList({ orphans, session, text, reader, hasSelection, selectedId, onShow, onDiscarded, onError }: OrphanListProps) {
  const { t, i18n } = useTranslation()
  // Positions are shown in code points, the unit of every character count the
  // app shows; the index is built once per text, and only when some orphan needs it.
  const needsIndex = orphans.some((o) => o.target.quote.exact === '' && o.target.position.end > o.target.position.start)
  const points = useMemo(() => (needsIndex ? new CodePointIndex(text) : null), [needsIndex, text])
  if (orphans.length === 0) return null
  const number = (n: number) => new Intl.NumberFormat(i18n.language).format(n)

  // A position-only orphan: where the file pointed, and what those offsets hold now (unconfirmed).
  const statedPosition = (claim: Claim) => {
    const { start, end } = claim.target.position
    if (points === null || !(end > start) || end > text.length) return <em>{t('exchange.orphans.noQuote')}</em>
    return (
      <>
        <em>{t('exchange.orphans.position', { start: number(points.toCodePoints(start)), end: number(points.toCodePoints(end)) })}</em>
        <span className="orphan-there-now">{t('exchange.orphans.thereNow', { text: shorten(text.slice(start, end), 60) })}</span>
      </>
    )
  }

  const attach = (claim: Claim) => {
    const range = reader.current?.selection()
    if (!session || !range) {
      onError(t('exchange.orphans.selectFirst'))
      return
    }
    try {
      const next = attachOrphan(claim, text, range.start, range.end, new Date().toISOString())
      session.update(claim, next)
      reader.current?.collapseSelection()
      onShow(next, true)
    } catch (error) {
      onError(errorText(error))
    }
  }

  const discard = (claim: Claim) => {
    session?.remove(claim)
    onDiscarded(claim)
  }

  return (
    <section className="orphans" aria-labelledby="orphans-title">
      <h3 id="orphans-title" className="orphans-title">
        {t('exchange.orphans.title')} <span className="count">({orphans.length})</span>
      </h3>
      <p className="orphans-hint">
        <Trans i18nKey="exchange.orphans.hint" components={{ em: <em /> }} />
      </p>
      <ol className="orphans-list" aria-label={t('exchange.orphans.listLabel')}>
        {orphans.map((claim) => (
          <li key={claim.id} className={`orphan-item orphan-item--${claim.stance} ${claim.id === selectedId ? 'is-selected' : ''}`}>
            <button
              type="button"
              className="orphan-open"
              aria-current={claim.id === selectedId ? 'true' : undefined}
              onMouseDown={keepSelection}
              onClick={() => onShow(claim, false)}
            >
              <StanceBadge stance={claim.stance} />
              <span className="orphan-quote">{claim.target.quote.exact === '' ? statedPosition(claim) : shorten(claim.target.quote.exact, 90)}</span>
              {claim.note && <span className="claim-item-note">{shorten(claim.note, 80)}</span>}
            </button>
            <div className="orphan-actions">
              <button
                type="button"
                onMouseDown={keepSelection}
                onClick={() => attach(claim)}
                disabled={!hasSelection}
                title={t(hasSelection ? 'exchange.orphans.attachTitle' : 'exchange.orphans.attachDisabledTitle')}
              >
                {t('exchange.orphans.attach')}
              </button>
              <button type="button" className="button-quiet-danger" onMouseDown={keepSelection} onClick={() => discard(claim)}>
                {t('exchange.orphans.discard')}
              </button>
            </div>
          </li>
        ))}
      </ol>
    </section>
  )
}
