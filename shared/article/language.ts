/**
 * A deliberately small language guess for imported articles: the app only
 * needs to know whether to treat text as Japanese (sentence splitting on 。,
 * no word spaces) or English, and to say "undetermined" otherwise.
 */

/** Only this many leading UTF-16 code units are inspected: enough for a stable share, cheap on 20 MB files. */
const SAMPLE_LENGTH = 100_000
/** Kana + kanji share of letters from which text counts as Japanese. */
const JAPANESE_SCRIPT_SHARE = 0.3
/** Kana share of kana + kanji below which the text is more likely Chinese. */
const MIN_KANA_SHARE = 0.05
/** Latin share of letters from which text counts as English. */
const LATIN_SHARE = 0.8

const KANA = /[\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f]/u
const KANJI = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u
const LATIN = /[A-Za-z\u00c0-\u024f]/u
const LETTER = /\p{L}/u

/** Letter counts by script, as used by {@link detectLanguage}. */
export interface ScriptCounts {
  kana: number
  kanji: number
  latin: number
  letters: number
}

/** Count letters by script in the first 100 000 code units of `text`. Never throws. */
export function countScripts(text: string): ScriptCounts {
  const counts: ScriptCounts = { kana: 0, kanji: 0, latin: 0, letters: 0 }
  for (const ch of text.slice(0, SAMPLE_LENGTH)) {
    if (KANA.test(ch)) counts.kana++
    else if (KANJI.test(ch)) counts.kanji++
    else if (LATIN.test(ch)) counts.latin++
    else if (!LETTER.test(ch)) continue
    counts.letters++
  }
  return counts
}

/**
 * Guess the primary language of `text` as a BCP 47 tag:
 * - `'ja'` when kana and kanji make up at least 30% of the letters and kana at
 *   least 5% of those (so that Chinese, which has no kana, is not taken for
 *   Japanese);
 * - `'en'` when at least 80% of the letters are Latin (A-Z and Latin-1/Extended
 *   letters; other Latin-script languages are not told apart);
 * - `'und'` otherwise, including text with no letters at all.
 * Only the first 100 000 code units are inspected. Never throws.
 */
export function detectLanguage(text: string): 'ja' | 'en' | 'und' {
  const { kana, kanji, latin, letters } = countScripts(text)
  if (letters === 0) return 'und'
  const japanese = kana + kanji
  if (japanese / letters >= JAPANESE_SCRIPT_SHARE && kana / japanese >= MIN_KANA_SHARE) return 'ja'
  if (latin / letters >= LATIN_SHARE) return 'en'
  return 'und'
}
