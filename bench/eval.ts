/**
 * `npm run eval`: measures the claim finder against the gold set in
 * fixtures/cues/gold.json and writes eval-results.json. Prints precision and
 * recall per language and class; exits 1 when speculative recall < 0.9 or
 * precision < 0.8 for a language (the targets of issue 7).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { parseArticleFile } from '../shared/article/import'
import { canonicalText } from '../shared/article/model'
import { alignGold, analyse, defaultLexicon, scoreAligned, type AlignedSentence, type EvaluationScores, type GoldSentence } from '../shared/cues'

const ROOT = join(import.meta.dirname, '..')
const TARGETS = { speculativeRecall: 0.9, speculativePrecision: 0.8 }

interface GoldFile {
  articles: { file: string; language: string; sentences: GoldSentence[] }[]
}

/** Align every gold article with the analyser's output, grouped by language. */
export function evaluateGold(goldPath = join(ROOT, 'fixtures/cues/gold.json')): Map<string, { files: string[]; aligned: AlignedSentence[] }> {
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as GoldFile
  const lexicon = defaultLexicon()
  const byLanguage = new Map<string, { files: string[]; aligned: AlignedSentence[] }>()
  for (const article of gold.articles) {
    const path = join(ROOT, article.file)
    const parsed = parseArticleFile({ name: basename(path), bytes: readFileSync(path) }, () => {
      throw new Error('HTML articles are not part of the gold set')
    })
    const text = canonicalText(parsed.blocks)
    const aligned = alignGold(text, article.sentences, analyse(text, lexicon, { blocks: parsed.blocks }))
    const group = byLanguage.get(article.language) ?? { files: [], aligned: [] }
    group.files.push(article.file)
    group.aligned.push(...aligned)
    byLanguage.set(article.language, group)
  }
  return byLanguage
}

const pct = (x: number | null): string => (x === null ? '  n/a' : x.toFixed(3))

function main(): number {
  const results: Record<string, EvaluationScores & { files: string[]; errors: { text: string; gold: string; predicted: string }[] }> = {}
  let ok = true
  for (const [language, { files, aligned }] of evaluateGold()) {
    const scores = scoreAligned(aligned)
    const errors = aligned.filter((a) => a.gold !== a.predicted).map(({ text, gold, predicted }) => ({ text, gold, predicted }))
    results[language] = { files, ...scores, errors }
    console.log(`\n${language}: ${scores.sentences} sentences (${files.join(', ')}); accuracy ${pct(scores.accuracy)}, splitter agreement ${pct(scores.boundaryAgreement)}`)
    console.log('  class         precision  recall   tp  fp  fn')
    for (const [label, c] of Object.entries(scores.classes)) {
      console.log(`  ${label.padEnd(12)}  ${pct(c.precision)}      ${pct(c.recall)}  ${String(c.truePositives).padStart(3)} ${String(c.falsePositives).padStart(3)} ${String(c.falseNegatives).padStart(3)}`)
    }
    for (const e of errors) console.log(`  ✗ gold ${e.gold}, got ${e.predicted}: ${e.text}`)
    const spec = scores.classes.speculative
    if ((spec.recall ?? 0) < TARGETS.speculativeRecall || (spec.precision ?? 0) < TARGETS.speculativePrecision) ok = false
  }
  writeFileSync(join(ROOT, 'eval-results.json'), JSON.stringify({ targets: TARGETS, languages: results }, null, 2) + '\n')
  console.log(`\nWrote eval-results.json. Targets (speculative recall >= ${TARGETS.speculativeRecall}, precision >= ${TARGETS.speculativePrecision}): ${ok ? 'met' : 'NOT met'}.`)
  return ok ? 0 : 1
}

if (process.argv[1] && import.meta.filename === process.argv[1]) process.exitCode = main()
