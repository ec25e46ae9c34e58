import { describe, it, expect } from 'vitest'
import { analyse } from './analyse'
import { defaultLexicon } from './lexicon'
import type { SentenceSuggestion } from './model'

// The five defects of issue 20, each on sentences from the issue itself or
// written for this file (never from the held-out set). Every test here failed
// before its fix.
const lexicon = defaultLexicon()

function one(text: string, publishedOn?: string): SentenceSuggestion {
  const result = analyse(text, lexicon, { publishedOn })
  expect(result).toHaveLength(1)
  return result[0]!
}

describe('1. future dates and deadlines are prediction cues, not evidence', () => {
  it('the issue\'s grid sentence: "of 2035" lies after the article\'s date, so it cannot cancel the hedge', () => {
    const s = one('It seems the grid of 2035 will surely look nothing like the grid of 2020.', '2025-05-14')
    expect(s.suggestion).toBe('speculative')
    expect(s.explanation.cues.find((c) => c.text === 'of 2035')?.role).toBe('prediction')
  })

  it.each([
    ['The new line should be running by 2030.', '2025-05-14'],
    ['Rates will stay high until 2027, economists at the bank expect.', '2025-05-14'],
    ['政府は2030年までに排出量を半減させる。', '2025-06-02'],
    ['ストライキは3月末までに終結する。', '2026-01-10'],
    ['来年には景気が持ち直す。', '2025-06-02'],
    ['今後、物価はさらに上がる。', '2025-06-02'],
    ['The stadium will open in September 2027.', '2025-05-14'],
  ])('%s → speculative (a prediction), not evidenced', (text, date) => {
    const s = one(text, date)
    expect(s.suggestion).toBe('speculative')
    expect(s.explanation.cues.some((c) => c.role === 'prediction')).toBe(true)
    expect(s.explanation.cues.some((c) => c.role === 'support' || c.role === 'detail')).toBe(false)
  })

  it('a date before the article\'s date stays evidence, even after "until"', () => {
    expect(one('The plant ran until 2019, according to the operator.', '2025-05-14').suggestion).toBe('evidenced')
    expect(one('市は2024年3月に計画を公表した。', '2025-06-02').suggestion).toBe('evidenced')
    expect(one('The ministry announced the cuts on March 3.', '2025-05-14').suggestion).toBe('evidenced')
  })
})

describe('2. vague attribution is a speculative cue that a date in the prediction cannot outweigh', () => {
  it.each([
    '専門家の間では、ストライキは3月末までに終結するとの見方が多い。',
    '一部では、2026年に増税が行われるとの声もある。',
    '値上げは4月にずれ込むと見られる。',
    'Experts say the strike will end in March.',
    'Some analysts believe rates will fall 2% this year.',
    'Many economists expect inflation to ease by 2026.',
  ])('%s → speculative', (text) => {
    const s = one(text, '2025-06-02')
    expect(s.suggestion).toBe('speculative')
  })

  it('names the vague attribution among the fired cues', () => {
    const s = one('専門家の間では、ストライキは3月末までに終結するとの見方が多い。', '2026-01-10')
    expect(s.explanation.cues.filter((c) => c.role === 'vague-attribution').map((c) => c.text)).toEqual(['専門家の間では', 'との見方が多い'])
  })
})

describe('3. a direct quotation attributed to a named speaker and an occasion is evidence', () => {
  it.each([
    '首相は先週の記者会見で『引き続き注視する』と述べるにとどめた。',
    '財務相は10日の閣議後会見で「為替の動向を緊張感を持って見ている」と語った。',
    '"We have no plans to raise fares," the mayor told the council on Monday.',
  ])('%s → evidenced', (text) => {
    const s = one(text, '2025-06-02')
    expect(s.suggestion).toBe('evidenced')
    expect(s.explanation.cues.some((c) => c.role === 'support')).toBe(true)
  })

  it('a hedge inside the attributed quotation is the speaker\'s, not the author\'s', () => {
    const s = one('社長は決算会見で「来期は減益になるかもしれない」と述べた。', '2025-06-02')
    expect(s.suggestion).toBe('evidenced')
    expect(s.explanation.cues.find((c) => c.text === 'かもしれない')?.role).toBe('quoted')
  })
})

describe('4. hedge plus booster stays speculative: a booster never cancels a hedge', () => {
  it.each([
    ['2030年には、再エネの比率は間違いなく5割を超えるだろう。', '2025-06-02'],
    ['The plan will undoubtedly cost more, and it may well cost 40% more by 2028.', '2025-05-14'],
    ['交渉は間違いなく難航するだろう。', '2025-06-02'],
  ])('%s → speculative, the hedge named as what decided it', (text, date) => {
    const s = one(text, date)
    expect(s.suggestion).toBe('speculative')
    expect(s.explanation.reason).toBe('hedged')
    expect(s.explanation.cues.some((c) => c.role === 'booster')).toBe(true)
  })
})

describe('5. rule ids carry their language', () => {
  it('English percentages fire the English figure rule, Japanese ones the Japanese rule', () => {
    expect(one('Turnout rose 12% in the city.').cues.map((c) => c.cueId)).toEqual(['en-evidence-figure'])
    expect(one('投票率は12％上昇した。').cues.map((c) => c.cueId)).toEqual(['ja-evidence-figure'])
  })

  it('no rule of one language fires on a sentence of the other', () => {
    const en = 'According to the 2024 report, demand rose 38% to 4.1 gigawatts, and it may rise further.'
    const ja = '市の資料によれば、総事業費は当初の650億円から780億円へと2割増えたとみられる。'
    expect(one(en).cues.every((c) => c.cueId.startsWith('en-'))).toBe(true)
    expect(one(ja).cues.every((c) => c.cueId.startsWith('ja-'))).toBe(true)
  })
})
