/**
 * The card under the focused suggestion: the suggested stance, why it won
 * (the analyser's explanation: a sentence for the decision, then each cue
 * with what it counted as, and why where the sentence changed that), a
 * warning in words when the sentence asserts certainty without evidence, and
 * the three decisions with their keys.
 * Placed under the sentence's last line inside the reader's scroll area.
 */
import { useEffect, useRef, useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { describeReasons, otherStance, type ReasonWords } from './pending'
import type { Suggestions } from './use-suggestions'

interface SuggestionCardProps {
  suggest: Suggestions
  scrollContainer(): HTMLElement | null
}

/** Where the card goes for suggestion `key`: under its last line, aligned with the text column. */
function placeFor(container: HTMLElement | null, key: string): { top: number; left: number; width: number } | null {
  if (!container) return null
  const spans = container.querySelectorAll<HTMLElement>(`[data-suggestion="${key}"]`)
  const text = container.querySelector<HTMLElement>('.reader-text')
  if (!spans.length || !text) return null
  const box = container.getBoundingClientRect()
  const rects = spans[spans.length - 1]!.getClientRects()
  const last = rects[rects.length - 1] ?? spans[spans.length - 1]!.getBoundingClientRect()
  const column = text.getBoundingClientRect()
  return { top: last.bottom - box.top + container.scrollTop + 8, left: column.left - box.left + container.scrollLeft, width: column.width }
}

export function SuggestionCard({ suggest, scrollContainer }: SuggestionCardProps) {
  const { t } = useTranslation()
  const { focused } = suggest
  const key = focused?.key ?? null
  // Tagged with its key, so a card never shows for one suggestion at another's place.
  const [place, setPlace] = useState<{ key: string; at: ReturnType<typeof placeFor> } | null>(null)
  const containerRef = useRef(scrollContainer)
  containerRef.current = scrollContainer

  useEffect(() => {
    if (!key) return
    const container = containerRef.current()
    // The reader draws the decorations in its own effect; measure once they are on the page.
    const measure = () => setPlace({ key, at: placeFor(container, key) })
    const frame = requestAnimationFrame(measure)
    const text = container?.querySelector('.reader-text')
    const observer = new ResizeObserver(measure)
    if (text) observer.observe(text)
    return () => {
      cancelAnimationFrame(frame)
      observer.disconnect()
    }
  }, [key, suggest.layer])

  const at = place?.key === key ? place.at : null
  if (!focused || !at) return null
  const other = otherStance(focused.suggestion)
  const boosterBesideHedge = focused.explanation.reason === 'hedged' && focused.explanation.cues.some((c) => c.counted && c.role === 'booster')
  const stanceName = (stance: typeof other) => t(`stance.${stance}`)
  const words: ReasonWords = {
    stance: stanceName,
    kind: (kind) => t(`suggest.cueKind.${kind}`),
    reason: (kind, texts) => t('suggest.reason', { kind, texts }),
    textSeparator: t('suggest.textSeparator'),
    reasonSeparator: t('suggest.reasonSeparator'),
  }
  return (
    <section
      className={`suggestion-card suggestion-card--${focused.suggestion}`}
      aria-label={t('suggest.card')}
      style={{ top: at.top, left: at.left, width: Math.min(at.width, 580) }}
    >
      <header className="suggestion-card-head">
        <span className={`stance-badge stance-badge--${focused.suggestion}`}>
          <span aria-hidden="true" className="suggestion-card-glyph">
            {focused.suggestion === 'evidenced' ? 'E?' : 'S?'}
          </span>
          {t('suggest.suggested', { stance: stanceName(focused.suggestion) })}
        </span>
        <button type="button" className="button-quiet" onClick={() => suggest.focus(null)} aria-label={t('suggest.close')} aria-keyshortcuts="Escape">
          ×
        </button>
      </header>
      {focused.certaintyWithoutEvidence && (
        <p className="suggestion-card-warning">
          <span className="suggestion-badge-mark" aria-hidden="true">
            !
          </span>
          <Trans i18nKey="suggest.certaintyWarning" components={{ b: <strong /> }} />
        </p>
      )}
      <p className="suggestion-card-why">
        <span className="suggestion-card-why-label">{t('suggest.why.title')}</span>{' '}
        {boosterBesideHedge ? t('suggest.why.hedgedWithBooster') : t(`suggest.why.reason.${focused.explanation.reason}`)}
      </p>
      <dl className="suggestion-card-reasons" aria-label={t('suggest.cuesFound')} title={describeReasons(focused, words)}>
        {focused.explanation.cues.map((cue) => (
          <div key={`${cue.start}:${cue.cueId}`} className={`suggestion-card-reason${cue.counted ? '' : ' suggestion-card-reason--not-counted'}`} data-rule={cue.cueId}>
            <dt>{t(`suggest.why.role.${cue.role}`)}</dt>
            <dd>
              <span className={`cue-chip cue-chip--${cue.kind}`}>{cue.text}</span>
              {(cue.note || !cue.counted) && (
                <span className="suggestion-card-note">
                  {[cue.note ? t(`suggest.why.note.${cue.note}`) : null, cue.counted ? null : t('suggest.why.notCounted')].filter(Boolean).join(t('suggest.textSeparator'))}
                </span>
              )}
            </dd>
          </div>
        ))}
      </dl>
      <div className="suggestion-card-actions">
        <button type="button" className="button-primary" onClick={() => suggest.accept(false)} aria-keyshortcuts="A">
          {t('suggest.acceptAs', { stance: stanceName(focused.suggestion) })} <kbd>A</kbd>
        </button>
        <button type="button" onClick={() => suggest.accept(true)} aria-keyshortcuts="Shift+A">
          {t('suggest.acceptAs', { stance: stanceName(other) })} <kbd>⇧A</kbd>
        </button>
        <button type="button" className="button-quiet" onClick={() => suggest.dismiss()} aria-keyshortcuts="D">
          {t('suggest.dismiss')} <kbd>D</kbd>
        </button>
      </div>
    </section>
  )
}
