import i18next from 'i18next'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { describe, expect, it } from 'vitest'
import { CATALOGS } from '../../../shared/i18n/catalog'
import type { ImportReport } from './import-report'
import { ImportResultDialog } from './ImportResultDialog'

/** An i18next instance over the app's catalogs, configured as the renderer's (renderer/src/i18n). */
function instance(lng: 'en' | 'ja') {
  const i18n = i18next.createInstance()
  void i18n.use(initReactI18next).init({
    resources: { en: { translation: CATALOGS.en }, ja: { translation: CATALOGS.ja } },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    initAsync: false,
  })
  return i18n
}

const report: ImportReport = {
  fileName: '<img src=x onerror=alert(1)>.json',
  format: 'hypothesis',
  analyst: 'Hana Sato',
  setLabel: 'Sato <b>draft</b>',
  documentTitle: '米露首脳会談',
  total: 4,
  anchored: 3,
  byPosition: 0,
  byQuote: 2,
  fuzzy: [{ quote: 'ロシアの産業', found: 'ロシアのエネルギー産業', score: 0.874 }],
  orphans: [{ quote: '', position: { start: 1200, end: 1234 } }],
  positionUnit: 'code-units',
  positionsAssumed: 0,
  otherUnit: 0,
  uncheckedPositions: 1,
  probablyWrongArticle: false,
  otherText: false,
  warnings: ['rows[3]: a page note, not on a span of text; skipped.'],
}

const render = (lng: 'en' | 'ja') =>
  renderToStaticMarkup(createElement(I18nextProvider, { i18n: instance(lng) }, createElement(ImportResultDialog, { report, onClose: () => undefined })))

const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')

describe('ImportResultDialog text', () => {
  it('reads as before in English, with user text shown as text, never as markup', () => {
    const html = render('en')
    expect(text(html)).toContain('Imported 4 claims from <img src=x onerror=alert(1)>.json (Hypothesis, by Hana Sato) as the new set “Sato <b>draft</b>” on 米露首脳会談.')
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<b>draft')
    expect(html).toContain('<strong>&lt;img src=x onerror=alert(1)&gt;.json</strong>')
    expect(html).toContain('<cite>米露首脳会談</cite>')
    expect(text(html)).toContain('placed on ロシアのエネルギー産業')
    expect(text(html)).toContain('1 note on the file')
    expect(html).toContain('87%')
  })

  it('says exactly what happened to offsets without a quote, with the position the file gave', () => {
    const en = text(render('en'))
    expect(en).toContain('1 annotation has a position but no quote, and the file does not name this exact text, so nothing confirms which words it meant. It was not placed: it is under Orphans with its position.')
    expect(en).toContain('position 1,200–1,234 in the file (UTF-16 code units)')
    const ja = text(render('ja'))
    expect(ja).toContain('1 件の注釈には位置だけがあり引用がありません。')
    expect(ja).toContain('ファイル上の位置 1,200–1,234（UTF-16 コード単位）')
    const assumed = { ...report, uncheckedPositions: 0, positionsAssumed: 2, otherUnit: 1, positionUnit: 'code-points' as const }
    const html = renderToStaticMarkup(createElement(I18nextProvider, { i18n: instance('en') }, createElement(ImportResultDialog, { report: assumed, onClose: () => undefined })))
    expect(text(html)).toContain('2 annotations had a position but no quote. The file names this exact text, so they were placed there, counting code points (the convention of the tool that made the file).')
    expect(text(html)).toContain('1 position counted UTF-16 code units; its quote confirmed it.')
    expect(text(html)).not.toContain('nothing confirms')
  })

  it('is Japanese throughout in Japanese, with the same markup around the same values', () => {
    const html = render('ja')
    expect(text(html)).toContain('<img src=x onerror=alert(1)>.json（Hypothesis、作成者 Hana Sato）から主張 4 件を取り込み、米露首脳会談 の新しいセット 「Sato <b>draft</b>」 としました。')
    expect(html).not.toContain('<img')
    expect(html).toContain('<h2 id="import-result-title">取り込み結果</h2>')
    expect(text(html)).toContain('配置先：ロシアのエネルギー産業')
    expect(text(html)).toContain('（ファイルに引用なし）')
    expect(text(html)).toContain('ファイルについての注記 1 件')
    expect(text(html)).not.toMatch(/\b(Imported|Orphans|Fuzzy|Done|placed on)\b/)
  })
})
