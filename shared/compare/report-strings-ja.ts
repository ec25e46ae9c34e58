/**
 * The Japanese words of a comparison report, and the choice of table for a
 * UI language. Figure labels and definitions come from the UI's Japanese
 * catalog (compare.figure.*), so the Compare view and its report define each
 * number in the same words. English stays the default everywhere, so English
 * reports (and their golden files) do not change.
 */
import { translate } from '../i18n/catalog'
import { FIGURE_LABELS, type FigureName } from './definitions'
import { COMPARISON_REPORT_STRINGS_EN, type ComparisonReportStrings } from './report-strings'

const FIGURE_NAMES = Object.keys(FIGURE_LABELS) as FigureName[]

/** One catalog entry per figure; throws RangeError at load if the catalog lacks one (a bug). */
function figureMessages(part: 'label' | 'definition'): Record<FigureName, string> {
  return Object.fromEntries(FIGURE_NAMES.map((name) => [name, translate('ja', `compare.figure.${name}.${part}`)])) as Record<
    FigureName,
    string
  >
}

/** The Japanese comparison report strings. Same keys as {@link COMPARISON_REPORT_STRINGS_EN}. */
export const COMPARISON_REPORT_STRINGS_JA: ComparisonReportStrings = {
  lang: 'ja',
  defaultTitle: '注釈セットの比較',
  versusTitle: (articleTitle, labels) => {
    const [a = 'A', b = 'B', ...rest] = labels
    const others = rest.length ? `（ほかに ${rest.join('、')}）` : ''
    const title = articleTitle.trim()
    return `${title ? `${title}：` : ''}${a} 対 ${b}${others}`
  },
  minOverlap: (value) => `対応づけに必要な最小の重なり（Jaccard）：${value}`,

  setsHeading: '比較したセット',
  setColumns: { role: '役割', set: 'セット', analyst: '分析者', claims: '主張', orphans: '位置不明' },
  role: (index) => (index === 0 ? 'A' : index === 1 ? 'B' : `セット ${index + 1}`),

  figuresHeading: '指標',
  figureColumns: { figure: '指標', value: '値', definition: '定義' },
  figureLabels: figureMessages('label'),
  figureDefinitions: figureMessages('definition'),
  notApplicable: '未定義',
  spanScore: (f1, precision, recall, matched) => `${f1}（適合率 ${precision}、再現率 ${recall}、一致 ${matched} 件）`,
  alphaDetail: (alpha, units, sets) => `${alpha}（${units} 単位、${sets} セット）`,

  confusionHeading: '混同行列',
  confusionCorner: 'A ＼ B',
  definitionPrefix: '定義：',
  stance: { evidenced: '根拠あり', speculative: '推測', none: 'なし' },

  disagreementsHeading: (count) => `食い違い（${count} 件）`,
  noDisagreements: 'なし：すべての主張が、同じ判定の主張と対応づけられました。',
  characters: (start, end) => `${start}–${end} 文字目`,
  kind: { agree: '一致', conflict: '判定の食い違い', onlyA: 'A のみ', onlyB: 'B のみ' },
  notePrefix: 'メモ：',
  quoteOpen: '「',
  quoteClose: '」',

  adjudicationHeading: (decisions) => `裁定（${decisions} 件）`,
  undecided: (n) => `食い違い ${n} 件は未裁定のため、合意セットに含めていません。`,
  decisionColumns: { item: '項目', quote: '引用', decision: '裁定', reason: '理由' },
  keep: { A: 'A を残す', B: 'B を残す', both: '両方を残す', neither: 'どちらも残さない' },
  automaticAgreed: '（自動：一致）',
}

/**
 * The comparison report strings for a UI language (a BCP 47 tag such as
 * "ja" or "en-US"): Japanese for any `ja` tag, English otherwise. Never throws.
 */
export function comparisonReportStringsFor(language: string): ComparisonReportStrings {
  return language.toLowerCase().split(/[-_]/)[0] === 'ja' ? COMPARISON_REPORT_STRINGS_JA : COMPARISON_REPORT_STRINGS_EN
}
