import { describe, it, expect } from 'vitest'
import { readFileSync } from 'node:fs'
import { parseArticleFile } from '../article/import'
import { canonicalText } from '../article/model'
import { analyse } from './analyse'
import { explainStance } from './stance'
import { defaultLexicon, mergeLexicon } from './lexicon'
import type { CueKind, SentenceSuggestion } from './model'

const lexicon = defaultLexicon()

/** The single sentence `text` analysed with the bundled lexicon. */
function one(text: string): SentenceSuggestion {
  const result = analyse(text, lexicon)
  expect(result).toHaveLength(1)
  return result[0]!
}
const cueTexts = (text: string, kind: CueKind): string[] => one(text).cues.filter((c) => c.kind === kind).map((c) => c.text)

function loadArticle(path: string): { text: string; blocks: ReturnType<typeof parseArticleFile>['blocks'] } {
  const parsed = parseArticleFile({ name: path.split('/').pop()!, bytes: readFileSync(new URL(`../../${path}`, import.meta.url)) }, () => {
    throw new Error('no HTML here')
  })
  return { text: canonicalText(parsed.blocks), blocks: parsed.blocks }
}

describe('hedges', () => {
  it.each([
    ['交渉は長期化するだろう。', 'だろう'],
    ['交渉は長期化するであろう。', 'であろう'],
    ['景気は回復するでしょう。', 'でしょう'],
    ['合意は来年にずれ込むかもしれない。', 'かもしれない'],
    ['背景には国内事情があると思われる。', 'と思われる'],
    ['交渉は難航しているとみられる。', 'とみられる'],
    ['交渉は難航していると見られる。', 'と見られる'],
    ['効果は限定的だと考えられる。', 'と考えられる'],
    ['関係強化を進めると予想される。', 'と予想される'],
    ['経済的利益をもたらす可能性がある。', '可能性がある'],
    ['再選の可能性が高い。', '可能性が高い'],
    ['交渉が行き詰まったことを示唆する。', '示唆する'],
    ['計画は順調なようだ。', 'ようだ'],
    ['市長は辞任するらしい。', 'らしい'],
    ['象徴する場面と言えよう。', 'と言えよう'],
    ['転換点と言ってよいだろう。', 'と言ってよい'],
    ['道を開きたいと考えていよう。', 'ていよう'],
    ['それは容易に想像できよう。', 'できよう'],
    ['成功するかは未知数である。', '未知数'],
    ['直ちに進むとは限らない。', 'とは限らない'],
  ])('ja: %s → %s', (sentence, cue) => {
    expect(cueTexts(sentence, 'hedge')).toContain(cue)
    expect(one(sentence).suggestion).toBe('speculative')
  })

  it.each([
    ['That may be true.', 'may'],
    ['The talks might collapse.', 'might'],
    ['The governor could still change course.', 'could'],
    ['A deal is likely by June.', 'likely'],
    ['It will probably slip.', 'probably'],
    ['The plan appears to be stalling.', 'appears'],
    ['The firms seem to be hedging.', 'seem'],
    ['The timing suggests a deal.', 'suggests'],
    ['Perhaps he fears it.', 'Perhaps'],
    ['It is possibly the last chance.', 'possibly'],
    ['Prices are expected to rise.', 'expected to'],
  ])('en: %s → %s', (sentence, cue) => {
    expect(cueTexts(sentence, 'hedge')).toContain(cue)
    expect(one(sentence).suggestion).toBe('speculative')
  })
})

describe('attributed intent', () => {
  it.each([
    ['ウクライナ問題を外すことを狙っている。', '狙っ'],
    ['最大の狙いは制裁の緩和だ。', '狙い'],
    ['立場を強化しようとしている。', 'ようとしている'],
    ['その意図は明白ではない。', '意図'],
    ['政府は合意が可能だと考えている。', 'と考えている'],
  ])('ja: %s → %s', (sentence, cue) => {
    expect(cueTexts(sentence, 'intent')).toContain(cue)
    expect(one(sentence).suggestion).toBe('speculative')
  })

  it('does not attribute the author\'s own view (私は…と考えている)', () => {
    expect(cueTexts('私は合意が可能だと考えている。', 'intent')).toEqual([])
  })

  it.each([
    ['Beijing aims to split the alliance.', 'aims to'],
    ['The governor wants to keep the boom going.', 'wants'],
    ['The utility intends to ask for more.', 'intends to'],
    ['Moscow seeks to sideline Kyiv.', 'seeks to'],
  ])('en: %s → %s', (sentence, cue) => {
    expect(cueTexts(sentence, 'intent')).toContain(cue)
    expect(one(sentence).suggestion).toBe('speculative')
  })
})

describe('boosters', () => {
  it.each([
    ['亀裂が拡大することは間違いない。', '間違いない'],
    ['戦略を練っているに違いない。', 'に違いない'],
    ['支持は必ず揺らぐ。', '必ず'],
    ['政策は明らかに失敗だった。', '明らかに'],
    ['合意は確実だ。', '確実'],
    ['勝者であることは疑いない。', '疑いない'],
    ['負担増は避けられない。', '避けられない'],
  ])('ja: %s → %s, certainty without evidence', (sentence, cue) => {
    expect(cueTexts(sentence, 'booster')).toContain(cue)
    expect(one(sentence)).toMatchObject({ suggestion: 'speculative', certaintyWithoutEvidence: true })
  })

  it.each([
    ['It was undoubtedly a mistake.', 'undoubtedly'],
    ['It will certainly pass.', 'certainly'],
    ['She clearly sees the point.', 'clearly'],
    ['Voters will surely remember.', 'surely'],
    ['It is without doubt the worst plan.', 'without doubt'],
    ['It is clear that the plan failed.', 'It is clear that'],
    ['Obviously, it failed.', 'Obviously'],
    ['A blackout is inevitable.', 'inevitable'],
    ['Prices will inevitably rise.', 'inevitably'],
  ])('en: %s → %s, certainty without evidence', (sentence, cue) => {
    expect(cueTexts(sentence, 'booster')).toContain(cue)
    expect(one(sentence)).toMatchObject({ suggestion: 'speculative', certaintyWithoutEvidence: true })
  })

  it('does not flag a booster backed by evidence', () => {
    expect(one('Demand clearly rose, by 38% in 2024.')).toMatchObject({ suggestion: 'evidenced', certaintyWithoutEvidence: false })
  })
})

describe('evidence', () => {
  it.each([
    ['民間投資は総額420億円に達した。', '420億円'],
    ['売上高は12％減少した。', '12％'],
    ['約1,200人の雇用が生まれた。', '1,200人'],
    ['2025年8月、会談が開かれた。', '2025年8月'],
    ['5月30日に公表された。', '5月30日'],
    ['市の資料によれば、事業費は増えた。', 'によれば'],
    ['市の資料によれば、事業費は増えた。', '資料'],
    ['政府の発表では、輸出が増えた。', '発表'],
    ['ある店主は「商店街は残らない」と語った。', '「商店街は残らない」と語った'],
    ['Demand rose 38% last year.', '38%'],
    ['It reached 4.1 gigawatts.', '4.1 gigawatts'],
    ['They paid $1.2 billion.', '$1.2 billion'],
    ['The summit was held on August 18, 2025.', 'August 18, 2025'],
    ['The file is dated 2025-08-18.', '2025-08-18'],
    ['According to the commission, demand rose.', 'According to'],
    ['The data show a sharp rise.', 'data show'],
    ['The report warns of shortages.', 'report'],
    ['"We will win," she said.', '"We will win," she said'],
  ])('%s → %s', (sentence, cue) => {
    expect(cueTexts(sentence, 'evidence')).toContain(cue)
    expect(one(sentence).suggestion).toBe('evidenced')
  })

  it('suggests evidenced for a sentence with 「…」と述べた and a figure', () => {
    const s = one('高田市長は4月の定例会見で「3年以内に寄港を年間100回にする」と述べた。')
    expect(s.suggestion).toBe('evidenced')
    // The figure inside the quotation is covered by the longer quotation cue of the same kind.
    expect(s.cues.map((c) => c.text)).toEqual(['4月', '「3年以内に寄港を年間100回にする」と述べた'])
  })

  it('gives no suggestion to a sentence with both a hedge and evidence', () => {
    expect(one('The report warns that margins could fall.')).toMatchObject({ suggestion: null, certaintyWithoutEvidence: false })
  })
})

describe('false positives', () => {
  it.each([
    ['このような状況下で会談に踏み切った。', 'hedge'],
    ['素晴らしい眺望がある。', 'hedge'],
    ['新しい施設が開業した。', 'hedge'],
    ['いかにも男らしい振る舞いだ。', 'hedge'],
    ['制裁は必ずしも効果を上げていない。', 'booster'],
    ['先行きは不確実だ。', 'booster'],
    ['補助金の継続を確実にしたい。', 'booster'],
    ['政府は方針を明らかにした。', 'booster'],
    ['可能性を強調することで訴えかけた。', 'hedge'],
    ['The vote was held on May 2.', 'hedge'],
    ['In May, the ministry resigned.', 'hedge'],
    ["Russia's military might is limited.", 'hedge'],
    ['The talks left us in dismay.', 'hedge'],
  ] as const)('%s has no %s', (sentence, kind) => {
    expect(cueTexts(sentence, kind)).toEqual([])
  })

  it('reads 必ずしも and 不確実 as hedges', () => {
    expect(cueTexts('制裁は必ずしも効果を上げていない。', 'hedge')).toEqual(['必ずしも'])
    expect(cueTexts('先行きは不確実だ。', 'hedge')).toEqual(['不確実'])
  })

  it('does not count a quotation used as a topic (「…」と述べた一幕は) as evidence', () => {
    const s = one('最後に「次回はモスクワで」と述べた一幕は、彼の自信を象徴する場面と言えよう。')
    expect(s.cues.filter((c) => c.kind === 'evidence')).toEqual([])
    expect(s.suggestion).toBe('speculative')
  })

  it('does not count a target year (2030年までに) as a date', () => {
    expect(cueTexts('2030年までに排出を半減させたいと考えている。', 'evidence')).toEqual([])
  })
})

describe('analyse on articles', () => {
  const seed = loadArticle('fixtures/articles/alaska-summit-2025-08-18.txt')
  const result = analyse(seed.text, lexicon, { blocks: seed.blocks })

  it('flags the seed\'s 間違いない and に違いない sentences as certainty without evidence', () => {
    const flagged = result.filter((s) => s.certaintyWithoutEvidence)
    expect(flagged.some((s) => s.text.includes('間違いない'))).toBe(true)
    expect(flagged.some((s) => s.text.includes('に違いない'))).toBe(true)
    for (const s of result.filter((r) => /間違いない|に違いない/.test(r.text))) {
      expect(s).toMatchObject({ suggestion: 'speculative', certaintyWithoutEvidence: true })
    }
  })

  it('gives offsets into the canonical text for sentences and cues', () => {
    expect(result.length).toBeGreaterThan(40)
    for (const s of result) {
      expect(seed.text.slice(s.start, s.end)).toBe(s.text)
      for (const c of s.cues) {
        expect(seed.text.slice(c.start, c.end)).toBe(c.text)
        expect(c.start >= s.start && c.end <= s.end).toBe(true)
      }
    }
  })

  it('gives headings their own sentence and no suggestion, with or without blocks', () => {
    const ja = loadArticle('fixtures/cues/ja-article.txt')
    for (const options of [{ blocks: ja.blocks }, {}]) {
      const heading = analyse(ja.text, lexicon, options).find((s) => s.text === '市長の狙い')
      expect(heading?.cues.map((c) => c.kind)).toEqual(['intent'])
      expect(heading).toMatchObject({ suggestion: null, certaintyWithoutEvidence: false })
    }
  })

  it('refuses blocks that do not make up the text', () => {
    expect(() => analyse('別の本文。', lexicon, { blocks: seed.blocks })).toThrow(RangeError)
  })

  it('applies a user\'s removed and added cues', () => {
    const sentence = '欧米の結束に亀裂が拡大することは間違いない。'
    const removed = analyse(sentence, mergeLexicon(lexicon, [], ['ja-booster-machigainai']))[0]!
    expect(removed).toMatchObject({ suggestion: null, certaintyWithoutEvidence: false, cues: [] })
    const userCue = { id: 'user-kessin', language: 'ja', kind: 'intent', match: 'literal', pattern: '決意', example: '首相は改革の決意を固めた。' }
    const added = analyse('首相は改革の決意を固めた。', mergeLexicon(lexicon, [userCue], []))[0]!
    expect(added.cues).toEqual([{ kind: 'intent', text: '決意', start: 6, end: 8, cueId: 'user-kessin' }])
    expect(added.suggestion).toBe('speculative')
  })

  it('restricts entries to the requested languages', () => {
    expect(analyse('That may be true.', lexicon, { languages: ['ja'] })[0]!.cues).toEqual([])
  })
})

describe('explainStance', () => {
  it.each([
    [[], null, false, 'no-cues'],
    [['hedge'], 'speculative', false, 'hedged'],
    [['intent'], 'speculative', false, 'hedged'],
    [['booster'], 'speculative', true, 'certainty-without-support'],
    [['evidence'], 'evidenced', false, 'supported'],
    [['evidence', 'booster'], 'evidenced', false, 'supported'],
    [['evidence', 'intent'], null, false, 'mixed'],
    [['evidence', 'hedge'], null, false, 'mixed'],
    [['hedge', 'booster'], 'speculative', true, 'hedged'],
  ] as const)('%j → %s', (kinds, suggestion, certainty, reason) => {
    const cues = kinds.map((kind, i) => ({ kind, text: kind, start: i * 10, end: i * 10 + 5, cueId: `x-${kind}` }))
    const decision = explainStance(cues, { sentence: 'x'.repeat(40), sentenceStart: 0 })
    expect([decision.suggestion, decision.certaintyWithoutEvidence, decision.explanation.reason]).toEqual([suggestion, certainty, reason])
  })

  it('gives no suggestion to a heading, whatever its cues', () => {
    const decision = explainStance([{ kind: 'booster', text: 'surely', start: 0, end: 6, cueId: 'x' }], { sentence: 'surely', sentenceStart: 0, heading: true })
    expect([decision.suggestion, decision.certaintyWithoutEvidence, decision.explanation.reason]).toEqual([null, false, 'heading'])
  })

  it('refuses a publication date that is not YYYY-MM-DD, naming it', () => {
    expect(() => explainStance([], { sentence: '', sentenceStart: 0, publishedOn: '2025-13-01' })).toThrow(/2025-13-01/)
  })
})
