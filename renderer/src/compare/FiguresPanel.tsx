/**
 * The figures of a comparison, recomputed with it: claims per set, aligned
 * pairs, exact matches, observed agreement, Cohen's κ, span F1 (exact and
 * overlap), Krippendorff's α, character-level κ and the confusion matrix.
 * Every figure carries its definition as hover text and, for keyboards and
 * screen readers, in "What these figures mean" below (linked by
 * aria-describedby). A figure without a value reads "undefined". Labels and
 * definitions come from the catalogs (`compare.figure.<name>`), whose English
 * is shared/compare's FIGURE_LABELS / FIGURE_DEFINITIONS word for word.
 */
import { useTranslation } from 'react-i18next'
import { STANCE_OR_NONE, type Comparison, type FigureName, type SpanScore } from '../../../shared/compare'
import { figureDefinitionKey, figureLabelKey, formatFigure } from './outcomes'

const DEFINED: readonly FigureName[] = [
  'claims',
  'aligned',
  'exactSpanMatches',
  'observedAgreement',
  'cohensKappa',
  'spanF1.exact',
  'spanF1.overlap',
  'krippendorffAlpha',
  'charKappa',
  'confusion',
]

const definitionId = (name: FigureName): string => `cmp-def-${name.replace('.', '-')}`

/** The role of the i-th compared set: A, B, then "set 3"… */
function useRoleName(): (i: number) => string {
  const { t } = useTranslation()
  return (i) => (i === 0 ? 'A' : i === 1 ? 'B' : t('compare.setRole', { n: i + 1 }))
}

function Value({ value }: { value: number | null }) {
  const { t, i18n } = useTranslation()
  const text = formatFigure(value, i18n.language, t('compare.undefinedFigure'))
  return <span className={value === null ? 'cmp-undefined' : undefined}>{text}</span>
}

function Figure({ name, label, children, detail }: { name: FigureName; label?: string; children: React.ReactNode; detail?: React.ReactNode }) {
  const { t } = useTranslation()
  return (
    <div className="cmp-figure" data-figure={name} title={t(figureDefinitionKey(name))}>
      <dt aria-describedby={definitionId(name)}>{label ?? t(figureLabelKey(name))}</dt>
      <dd>
        <span className="cmp-figure-value">{children}</span>
        {detail && <span className="cmp-figure-detail">{detail}</span>}
      </dd>
    </div>
  )
}

/** A short name ("P"), spelled out on hover when the language shortens it at all. */
function Short({ full, short }: { full: string; short: string }) {
  return short === full ? <>{short}</> : <abbr title={full}>{short}</abbr>
}

function SpanDetail({ score }: { score: SpanScore }) {
  const { t } = useTranslation()
  return (
    <>
      <Short full={t('compare.precision')} short={t('compare.precisionShort')} /> <Value value={score.precision} /> ·{' '}
      <Short full={t('compare.recall')} short={t('compare.recallShort')} /> <Value value={score.recall} />
    </>
  )
}

const STANCE_HEADS = { evidenced: 'E', speculative: 'S', none: '—' } as const

function ConfusionMatrix({ comparison }: { comparison: Comparison }) {
  const { t } = useTranslation()
  const { confusion } = comparison.figures
  const stance = (s: keyof typeof STANCE_HEADS) => t(`compare.stanceWord.${s}`)
  return (
    <table className="cmp-confusion" aria-describedby={definitionId('confusion')} title={t(figureDefinitionKey('confusion'))}>
      <caption>{t(figureLabelKey('confusion'))}</caption>
      <thead>
        <tr>
          <th scope="col" className="cmp-confusion-corner">
            A ↓ B →
          </th>
          {STANCE_OR_NONE.map((b) => (
            <th key={b} scope="col" title={t('compare.roleStance', { role: 'B', stance: stance(b) })}>
              {STANCE_HEADS[b]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {STANCE_OR_NONE.map((a) => (
          <tr key={a}>
            <th scope="row" title={t('compare.roleStance', { role: 'A', stance: stance(a) })}>
              {STANCE_HEADS[a]}
            </th>
            {STANCE_OR_NONE.map((b) => {
              const n = confusion[a][b]
              const off = a !== b && n > 0
              const cls = a === 'none' && b === 'none' ? 'cmp-cell-void' : off ? 'cmp-cell-off' : a === b && n > 0 ? 'cmp-cell-on' : undefined
              return (
                <td key={b} className={cls} aria-label={t('compare.cellLabel', { a: stance(a), b: stance(b), n })}>
                  {a === 'none' && b === 'none' ? '' : n}
                </td>
              )
            })}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** The figures aside of `comparison` (landmark "Figures"). Never throws. */
export function FiguresPanel({ comparison }: { comparison: Comparison }) {
  const { t } = useTranslation()
  const role = useRoleName()
  const f = comparison.figures
  return (
    <aside className="cmp-figures" aria-label={t('compare.figures')}>
      <h2 className="panel-title">{t('compare.figures')}</h2>
      <dl className="cmp-figure-list">
        {f.sets.map((s, i) => (
          <Figure key={i} name="claims" label={t('compare.claimsIn', { role: role(i) })} detail={s.orphans > 0 ? t('compare.orphanedLeftOut', { count: s.orphans }) : s.label}>
            {s.claims}
          </Figure>
        ))}
        <Figure name="aligned">{f.aligned}</Figure>
        <Figure name="exactSpanMatches">{f.exactSpanMatches}</Figure>
        <Figure name="observedAgreement">
          <Value value={f.observedAgreement} />
        </Figure>
        <Figure name="cohensKappa">
          <Value value={f.cohensKappa} />
        </Figure>
        <Figure name="spanF1.exact" detail={<SpanDetail score={f.spanF1.exact} />}>
          <Value value={f.spanF1.exact.f1} />
        </Figure>
        <Figure name="spanF1.overlap" detail={<SpanDetail score={f.spanF1.overlap} />}>
          <Value value={f.spanF1.overlap.f1} />
        </Figure>
        <Figure name="krippendorffAlpha" detail={t('compare.alphaDetail', { count: f.alphaUnits, sets: f.sets.length })}>
          <Value value={f.krippendorffAlpha} />
        </Figure>
        <Figure name="charKappa">
          <Value value={f.charKappa} />
        </Figure>
      </dl>
      <ConfusionMatrix comparison={comparison} />
      <details className="cmp-definitions">
        <summary>{t('compare.definitionsSummary')}</summary>
        <dl>
          {DEFINED.map((name) => (
            <div key={name}>
              <dt>{t(figureLabelKey(name))}</dt>
              <dd id={definitionId(name)}>{t(figureDefinitionKey(name))}</dd>
            </div>
          ))}
        </dl>
      </details>
    </aside>
  )
}
