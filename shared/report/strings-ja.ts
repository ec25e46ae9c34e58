/**
 * The Japanese words of a critique report, as a Japanese editor expects them
 * (批評レポート, 概要, 根拠あり / 推測, 反論, 第 n 段落 …), and the choice of
 * table for a UI language. The English table stays the default everywhere, so
 * English reports (and their golden files) do not change.
 */
import { REPORT_STRINGS_EN, type ReportStrings } from './strings'

/** The Japanese report strings. Same keys as {@link REPORT_STRINGS_EN}. */
export const REPORT_STRINGS_JA: ReportStrings = {
  lang: 'ja',
  reportTitle: (articleTitle) => `批評レポート：${articleTitle}`,
  untitledArticle: '無題の記事',
  articleLabel: '記事',
  publishedLabel: '掲載日',
  notDated: '日付なし',
  sourceFileLabel: '元のファイル',
  sha256Label: '本文の SHA-256',
  analystLabel: '分析者',
  setLabel: '注釈セット',
  generatedLabel: '作成日時',

  summaryHeading: '概要',
  totalClaims: '主張の数',
  shareSpeculative: '推測の割合',
  percent: (value) => `${value}%`,
  withEvidence: '根拠を記録した主張',
  withCounterpoints: '反論を記録した主張',
  withBoth: '根拠と反論の両方を記録した主張',
  withNeither: '根拠も反論も記録していない主張',
  certaintyWithoutEvidence: '根拠なき断定',

  chartHeading: '節ごとの判定',
  chartTitle: '判定別の主張数（全体と節ごと）',
  chartGroupDescription: (group, evidenced, speculative) => `${group}：根拠あり ${evidenced} 件、推測 ${speculative} 件。`,
  chartAllClaims: 'すべての主張',
  sectionColumn: '節',

  claimsHeading: '主張',
  frontSection: '冒頭',
  wholeArticle: '記事全体',
  sectionsWithoutClaims: (labels) => `主張のない節：${labels.map((label) => `「${label}」`).join('')}`,
  emptySet: 'このセットにはまだ主張がありません。',

  claimHeading: (number) => `主張 ${number}`,
  paragraph: (number) => `第 ${number} 段落`,
  stance: { evidenced: '根拠あり', speculative: '推測' },
  strength: { weak: '弱い', moderate: '中程度', strong: '強い' },
  noteLabel: 'メモ',
  evidenceLabel: '根拠',
  noEvidence: '記録なし。',
  counterpointsLabel: '反論',
  noCounterpoints: '記録なし。',
  sourceLabel: '情報源',
  notLinked: '（リンクなし）',

  orphansHeading: '付録：位置を特定できなかった主張',
  orphansIntro: '以下の主張は、記事の本文に見つからなくなりました。付けられたときの引用とともに掲げます。',

  yes: 'はい',
  no: 'いいえ',
  csv: {
    number: '#',
    claimId: '主張 ID',
    section: '節',
    paragraph: '段落',
    stance: '判定',
    quote: '引用',
    note: 'メモ',
    evidence: '根拠',
    counterpoints: '反論',
    orphan: '位置不明',
    start: '開始位置',
    end: '終了位置',
    author: '作成者',
    modified: '更新日時',
  },
}

/**
 * The report strings for a UI language (a BCP 47 tag such as "ja" or
 * "en-US"): Japanese for any `ja` tag, English otherwise. Never throws.
 */
export function reportStringsFor(language: string): ReportStrings {
  return language.toLowerCase().split(/[-_]/)[0] === 'ja' ? REPORT_STRINGS_JA : REPORT_STRINGS_EN
}
