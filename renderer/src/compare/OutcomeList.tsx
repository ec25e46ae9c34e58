/**
 * The outcome list: every item of the comparison grouped as stance conflicts,
 * only in A, only in B and agree, disagreements first. Each item jumps to its
 * text; each disagreement carries the adjudication controls (keep A's, B's,
 * both or neither, and an optional reason).
 */
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { Claim } from '../../../shared/claims/model'
import type { ComparisonItem, ItemKind, Keep } from '../../../shared/compare'
import { shorten, StanceBadge } from '../claims/ClaimsPanel'
import { keepLabelKey, KEEP_OPTIONS, type Drafts } from './adjudication'
import { OUTCOME_GLYPHS, OUTCOME_ORDER, outcomeLabelKey } from './outcomes'

interface OutcomeListProps {
  groups: Record<ItemKind, ComparisonItem[]>
  text: string
  selectedId: string | null
  drafts: Drafts
  onSelect(item: ComparisonItem): void
  onKeep(item: ComparisonItem, keep: Keep | null): void
  onReason(item: ComparisonItem, reason: string): void
}

/** A Jaccard overlap to two places, e.g. "0.67". */
const formatOverlap = (value: number, locale: string) => new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value)

function Side({ role, claim }: { role: 'A' | 'B'; claim: Claim | null }) {
  const { t } = useTranslation()
  return (
    <span className={`cmp-side cmp-side--${role.toLowerCase()}`}>
      <b className="cmp-side-role">{role}</b>
      {claim ? <StanceBadge stance={claim.stance} /> : <span className="cmp-side-none">{t('compare.noClaim')}</span>}
    </span>
  )
}

function Decision({ item, drafts, onKeep, onReason }: { item: ComparisonItem } & Pick<OutcomeListProps, 'drafts' | 'onKeep' | 'onReason'>) {
  const { t } = useTranslation()
  const draft = drafts[item.id]
  const keep = draft?.keep ?? null
  return (
    <div className="cmp-decide" role="group" aria-label={t('compare.adjudication')}>
      <div className="cmp-keep" role="radiogroup" aria-label={t('compare.keepGroup')}>
        {KEEP_OPTIONS[item.kind].map((option) => (
          <label key={option} className={`cmp-keep-option ${keep === option ? 'is-on' : ''}`}>
            <input type="radio" name={`keep-${item.id}`} value={option} checked={keep === option} onChange={() => onKeep(item, option)} />
            {t(keepLabelKey(option))}
          </label>
        ))}
        {keep && (
          <button type="button" className="button-quiet cmp-keep-clear" onClick={() => onKeep(item, null)} title={t('compare.clearTitle')}>
            {t('compare.clear')}
          </button>
        )}
      </div>
      <input
        type="text"
        className="cmp-reason"
        aria-label={t('compare.reason')}
        placeholder={t('compare.reasonPlaceholder')}
        value={draft?.reason ?? ''}
        maxLength={2000}
        onChange={(e) => onReason(item, e.target.value)}
      />
    </div>
  )
}

function Item({ item, text, selected, ...rest }: { item: ComparisonItem; text: string; selected: boolean } & Pick<OutcomeListProps, 'drafts' | 'onKeep' | 'onReason' | 'onSelect'>) {
  const { t, i18n } = useTranslation()
  const ref = useRef<HTMLLIElement>(null)
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView({ block: 'nearest' })
  }, [selected])
  const quote = shorten(text.slice(item.start, item.end), 70)
  const decided = rest.drafts[item.id]?.keep
  return (
    <li ref={ref} className={`cmp-item cmp-item--${item.kind} ${selected ? 'is-selected' : ''} ${decided ? 'is-decided' : ''}`} data-item={item.id}>
      <button type="button" className="cmp-item-jump" aria-current={selected ? 'true' : undefined} onClick={() => rest.onSelect(item)} title={t('compare.showInText')}>
        <span className="cmp-item-quote">{quote}</span>
        <span className="cmp-item-sides">
          <Side role="A" claim={item.a} />
          <Side role="B" claim={item.b} />
          {item.jaccard !== null && item.jaccard < 1 && <span className="cmp-item-overlap">{t('compare.overlapValue', { value: formatOverlap(item.jaccard, i18n.language) })}</span>}
        </span>
      </button>
      {item.kind !== 'agree' && <Decision item={item} drafts={rest.drafts} onKeep={rest.onKeep} onReason={rest.onReason} />}
    </li>
  )
}

/** The grouped outcome list with adjudication controls. Never throws. */
export function OutcomeList(props: OutcomeListProps) {
  const { t } = useTranslation()
  const { groups, selectedId } = props
  return (
    <div className="cmp-outcomes">
      {OUTCOME_ORDER.map((kind) => {
        const items = groups[kind]
        const headingId = `cmp-group-${kind}`
        return (
          <section key={kind} className={`cmp-group cmp-group--${kind}`} aria-labelledby={headingId}>
            <h3 id={headingId} className="cmp-group-head">
              <span className="cmp-kind-glyph" aria-hidden="true">
                {OUTCOME_GLYPHS[kind]}
              </span>
              {t(outcomeLabelKey(kind))} <span className="cmp-group-count">{items.length}</span>
            </h3>
            {items.length > 0 && (
              <ol className="cmp-items" aria-labelledby={headingId}>
                {items.map((item) => (
                  <Item
                    key={item.id}
                    item={item}
                    text={props.text}
                    selected={item.id === selectedId}
                    drafts={props.drafts}
                    onSelect={props.onSelect}
                    onKeep={props.onKeep}
                    onReason={props.onReason}
                  />
                ))}
              </ol>
            )}
          </section>
        )
      })}
    </div>
  )
}
