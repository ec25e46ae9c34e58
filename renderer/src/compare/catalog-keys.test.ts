import { describe, expect, it } from 'vitest'
import { FIGURE_DEFINITIONS, FIGURE_LABELS, type FigureName, type Keep } from '../../../shared/compare'
import { translate } from '../../../shared/i18n/catalog'
import { keepLabelKey } from './adjudication'
import { figureDefinitionKey, figureLabelKey, OUTCOME_ORDER, outcomeLabelKey } from './outcomes'

const FIGURES = Object.keys(FIGURE_LABELS) as FigureName[]

describe('compare catalog keys', () => {
  it('gives every figure the English label and definition of shared/compare, word for word', () => {
    for (const name of FIGURES) {
      expect(translate('en', figureLabelKey(name))).toBe(FIGURE_LABELS[name])
      expect(translate('en', figureDefinitionKey(name))).toBe(FIGURE_DEFINITIONS[name])
    }
  })

  it('gives every figure a Japanese label and definition of its own', () => {
    for (const name of FIGURES) {
      expect(translate('ja', figureLabelKey(name))).not.toBe(FIGURE_LABELS[name])
      expect(translate('ja', figureDefinitionKey(name))).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/)
    }
    expect(translate('ja', figureLabelKey('cohensKappa'))).toBe('Cohen の κ（判定）')
  })

  it('names every outcome group and keep choice in both languages', () => {
    expect(OUTCOME_ORDER.map((kind) => translate('en', outcomeLabelKey(kind)))).toEqual(['Stance conflicts', 'Only in A', 'Only in B', 'Agree'])
    expect(OUTCOME_ORDER.map((kind) => translate('ja', outcomeLabelKey(kind)))).toEqual(['判定の食い違い', 'A のみ', 'B のみ', '一致'])
    const keeps: Keep[] = ['A', 'B', 'both', 'neither']
    expect(keeps.map((k) => translate('en', keepLabelKey(k)))).toEqual(["Keep A's", "Keep B's", 'Keep both', 'Keep neither'])
    expect(keeps.map((k) => translate('ja', keepLabelKey(k)))).toEqual(['A を残す', 'B を残す', '両方を残す', 'どちらも残さない'])
  })
})
