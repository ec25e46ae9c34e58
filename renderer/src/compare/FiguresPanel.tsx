/**
 * The figures of a comparison, recomputed with it: claims per set, aligned
 * pairs, exact matches, observed agreement, Cohen's κ, span F1 (exact and
 * overlap), Krippendorff's α, character-level κ and the confusion matrix.
 * Every figure carries its definition as hover text and, for keyboards and
 * screen readers, in "What these figures mean" below (linked by
 * aria-describedby). A figure without a value reads "undefined".
 */
import { FIGURE_DEFINITIONS, FIGURE_LABELS, STANCE_OR_NONE, type Comparison, type FigureName, type SpanScore } from '../../../shared/compare'
import { formatFigure } from './outcomes'

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

function Value({ value }: { value: number | null }) {
  const text = formatFigure(value)
  return <span className={value === null ? 'cmp-undefined' : undefined}>{text}</span>
}

function Figure({ name, label, children, detail }: { name: FigureName; label?: string; children: React.ReactNode; detail?: React.ReactNode }) {
  return (
    <div className="cmp-figure" data-figure={name} title={FIGURE_DEFINITIONS[name]}>
      <dt aria-describedby={definitionId(name)}>{label ?? FIGURE_LABELS[name]}</dt>
      <dd>
        <span className="cmp-figure-value">{children}</span>
        {detail && <span className="cmp-figure-detail">{detail}</span>}
      </dd>
    </div>
  )
}

function spanDetail(score: SpanScore) {
  return (
    <>
      P <Value value={score.precision} /> · R <Value value={score.recall} />
    </>
  )
}

const STANCE_HEADS = { evidenced: 'E', speculative: 'S', none: '—' } as const
const STANCE_TITLES = { evidenced: 'evidenced', speculative: 'speculative', none: 'no aligned claim' } as const

function ConfusionMatrix({ comparison }: { comparison: Comparison }) {
  const { confusion } = comparison.figures
  return (
    <table className="cmp-confusion" aria-describedby={definitionId('confusion')} title={FIGURE_DEFINITIONS.confusion}>
      <caption>{FIGURE_LABELS.confusion}</caption>
      <thead>
        <tr>
          <th scope="col" className="cmp-confusion-corner">
            A ↓ B →
          </th>
          {STANCE_OR_NONE.map((b) => (
            <th key={b} scope="col" title={`B ${STANCE_TITLES[b]}`}>
              {STANCE_HEADS[b]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {STANCE_OR_NONE.map((a) => (
          <tr key={a}>
            <th scope="row" title={`A ${STANCE_TITLES[a]}`}>
              {STANCE_HEADS[a]}
            </th>
            {STANCE_OR_NONE.map((b) => {
              const n = confusion[a][b]
              const off = a !== b && n > 0
              const cls = a === 'none' && b === 'none' ? 'cmp-cell-void' : off ? 'cmp-cell-off' : a === b && n > 0 ? 'cmp-cell-on' : undefined
              return (
                <td key={b} className={cls} aria-label={`A ${STANCE_TITLES[a]}, B ${STANCE_TITLES[b]}: ${n}`}>
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
  const f = comparison.figures
  return (
    <aside className="cmp-figures" aria-label="Figures">
      <h2 className="panel-title">Figures</h2>
      <dl className="cmp-figure-list">
        {f.sets.map((s, i) => (
          <Figure key={i} name="claims" label={`Claims in ${i === 0 ? 'A' : i === 1 ? 'B' : `set ${i + 1}`}`} detail={s.orphans > 0 ? `${s.orphans} orphaned, left out` : s.label}>
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
        <Figure name="spanF1.exact" detail={spanDetail(f.spanF1.exact)}>
          <Value value={f.spanF1.exact.f1} />
        </Figure>
        <Figure name="spanF1.overlap" detail={spanDetail(f.spanF1.overlap)}>
          <Value value={f.spanF1.overlap.f1} />
        </Figure>
        <Figure name="krippendorffAlpha" detail={`${f.alphaUnits} unit${f.alphaUnits === 1 ? '' : 's'}, ${f.sets.length} sets`}>
          <Value value={f.krippendorffAlpha} />
        </Figure>
        <Figure name="charKappa">
          <Value value={f.charKappa} />
        </Figure>
      </dl>
      <ConfusionMatrix comparison={comparison} />
      <details className="cmp-definitions">
        <summary>What these figures mean</summary>
        <dl>
          {DEFINED.map((name) => (
            <div key={name}>
              <dt>{FIGURE_LABELS[name]}</dt>
              <dd id={definitionId(name)}>{FIGURE_DEFINITIONS[name]}</dd>
            </div>
          ))}
        </dl>
      </details>
    </aside>
  )
}
