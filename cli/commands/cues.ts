/**
 * `critique cues ARTICLE [--json]`: run the claim finder over an article file
 * and print each sentence with its suggestion, cues and offsets (UTF-16, into
 * the article's canonical text: blocks joined by "\n\n"), and why the stance
 * won: what each cue counted as (explainStance in shared/cues). The article's
 * own date (a plain text file's leading `date YYYY-MM-DD`) decides which dates
 * are predictions.
 */
import { canonicalText } from '../../shared/article/model'
import { analyse, defaultLexicon, describeExplanation, type SentenceSuggestion } from '../../shared/cues'
import { UsageError, parseArgs, type CliCommand } from '../io'
import { loadParsedArticle } from '../load-inputs'

/**
 * The `--json` output: one object per sentence, cues without their lexicon
 * ids, and `explanation`: the reason code and its words (English), and per
 * cue the rule (lexicon id) that fired, its role, whether it counted, and a
 * note code when its role or count was changed by the sentence around it.
 */
export function cuesJson(sentences: readonly SentenceSuggestion[]): string {
  const rows = sentences.map((s) => {
    const words = describeExplanation(s.explanation, 'en')
    return {
      start: s.start,
      end: s.end,
      text: s.text,
      suggestion: s.suggestion,
      certaintyWithoutEvidence: s.certaintyWithoutEvidence,
      cues: s.cues.map((c) => ({ kind: c.kind, text: c.text, start: c.start, end: c.end })),
      explanation: {
        reason: s.explanation.reason,
        summary: [words.summary, words.boosterNote].filter(Boolean).join(' '),
        cues: s.explanation.cues.map((c) => ({ rule: c.cueId, kind: c.kind, role: c.role, counted: c.counted, note: c.note, text: c.text, start: c.start, end: c.end })),
      },
    }
  })
  return JSON.stringify(rows, null, 2) + '\n'
}

/**
 * The human-readable listing: a line per sentence, an indented line per cue
 * (kind, text, offsets, rule id, then what it counted as), a "why" line for
 * each sentence with cues, then a tally.
 */
export function cuesListing(sentences: readonly SentenceSuggestion[]): string {
  const lines: string[] = []
  for (const s of sentences) {
    const flag = s.certaintyWithoutEvidence ? ' [certainty without evidence]' : ''
    lines.push(`[${s.start}-${s.end}] ${s.suggestion ?? '-'}${flag}: ${s.text}`)
    const words = describeExplanation(s.explanation, 'en')
    s.explanation.cues.forEach((c, i) => {
      const line = words.cues[i]!
      lines.push(`    ${c.kind} "${c.text}" [${c.start}-${c.end}] (${c.cueId}) → ${line.roleWords}${line.noteWords ? `: ${line.noteWords}` : ''}`)
    })
    if (s.explanation.cues.length) lines.push(`    why: ${[words.summary, words.boosterNote].filter(Boolean).join(' ')}`)
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
  const sentences = analyse(text, defaultLexicon(), { blocks: parsed.blocks, publishedOn: parsed.publishedOn })
  io.stdout(options.json ? cuesJson(sentences) : cuesListing(sentences))
  return 0
}
