/**
 * Inputs for tests of the comparison reports (here and in the CLI), built with
 * the one claim and set builder (claims/test-builders.ts). Not used by the app.
 */
import { compareSets } from './compare-sets'
import { buildConsensus, type Consensus } from './consensus'
import type { Comparison } from './model'
import { aClaim, aSetWithClaims } from '../claims/test-builders'

/** Markup that must never survive into a report: HTML, Markdown, a table pipe, a line break. */
export const HOSTILE_NOTE =
  '<script>alert(1)</script> **bold** | pipe `code` [link](javascript:alert(1)) &amp;\n# heading'

/**
 * A comparison (A: one speculative claim; B: the same span evidenced plus a
 * claim of its own) and a consensus deciding the conflict, where labels,
 * notes, quoted text and the reason all carry markup, for escaping tests.
 */
export function hostileReportInputs(): { text: string; comparison: Comparison; consensus: Consensus } {
  const text = `Plain start. <img src=x onerror=alert(1)> | cell ** ${'filler text. '.repeat(10)}`
  const a = aSetWithClaims({ text, id: 'A', spans: [], label: 'Alice | <b>team</b>', analyst: 'Alice *A*' })
  const b = aSetWithClaims({ text, id: 'B', spans: [], label: 'Bob', analyst: 'Bob' })
  a.claims = [aClaim({ text, setId: 'A', id: 'a1', start: 13, end: 50, stance: 'speculative', note: HOSTILE_NOTE })]
  b.claims = [
    aClaim({ text, setId: 'B', id: 'b1', start: 13, end: 50, stance: 'evidenced' }),
    aClaim({ text, setId: 'B', id: 'b2', start: 60, end: 80, stance: 'speculative', note: 'plain note' }),
  ]
  const comparison = compareSets(text, [a, b])
  const consensus = buildConsensus(
    comparison,
    [{ itemId: 'A:a1|B:b1', keep: 'A', reason: 'Because <script>x</script> | and\nmore' }],
    { setId: 'C', label: 'C', analyst: 'Judge', created: '2025-08-21T00:00:00.000Z' },
  )
  return { text, comparison, consensus }
}
