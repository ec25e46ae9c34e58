/**
 * `critique cues ARTICLE [--json]`: run the claim finder over an article file
 * and print each sentence with its suggestion, cues and offsets (UTF-16, into
 * the article's canonical text: blocks joined by "\n\n").
 */
import { canonicalText } from '../../shared/article/model'
import { analyse, defaultLexicon, type SentenceSuggestion } from '../../shared/cues'
import { UsageError, parseArgs, type CliCommand } from '../io'
import { loadParsedArticle } from '../load-inputs'

/** The `--json` output: one object per sentence, cues without their lexicon ids. */
export function cuesJson(sentences: readonly SentenceSuggestion[]): string {
  const rows = sentences.map((s) => ({
    start: s.start,
    end: s.end,
    text: s.text,
    suggestion: s.suggestion,
    certaintyWithoutEvidence: s.certaintyWithoutEvidence,
    cues: s.cues.map((c) => ({ kind: c.kind, text: c.text, start: c.start, end: c.end })),
  }))
  return JSON.stringify(rows, null, 2) + '\n'
}

/** The human-readable listing: a line per sentence, an indented line per cue, then a tally. */
export function cuesListing(sentences: readonly SentenceSuggestion[]): string {
  const lines: string[] = []
  for (const s of sentences) {
    const flag = s.certaintyWithoutEvidence ? ' [certainty without evidence]' : ''
    lines.push(`[${s.start}-${s.end}] ${s.suggestion ?? '-'}${flag}: ${s.text}`)
    for (const c of s.cues) lines.push(`    ${c.kind} "${c.text}" [${c.start}-${c.end}] (${c.cueId})`)
  }
  const count = (label: SentenceSuggestion['suggestion']): number => sentences.filter((s) => s.suggestion === label).length
  lines.push(
    `${sentences.length} sentences: ${count('speculative')} speculative, ${count('evidenced')} evidenced, ` +
      `${count(null)} without suggestion, ${sentences.filter((s) => s.certaintyWithoutEvidence).length} certainty without evidence`,
  )
  return lines.join('\n') + '\n'
}

export const run: CliCommand = async (args, io) => {
  const { positionals, options } = parseArgs(args, [], ['json'])
  if (positionals.length !== 1) throw new UsageError('expected exactly one ARTICLE file')
  const { parsed } = await loadParsedArticle(io.cwd, positionals[0]!)
  const text = canonicalText(parsed.blocks)
  const sentences = analyse(text, defaultLexicon(), { blocks: parsed.blocks })
  io.stdout(options.json ? cuesJson(sentences) : cuesListing(sentences))
  return 0
}
