/**
 * Small builders of sets and claims for tests of comparison code (here and
 * in the CLI and UI). Not used by the app itself.
 */
import type { AnnotationSet, Claim, Stance } from '../claims/model'
import { compareSets } from './compare-sets'
import { buildConsensus, type Consensus } from './consensus'
import type { Comparison, SetWithClaims } from './model'

/** Document id used by {@link makeSet} unless told otherwise. */
export const TEST_DOCUMENT_ID = 'doc-1'

/** A claim `[start, end)` over `text` with the given stance; quote and context are cut from `text`. */
export function makeClaim(
  text: string,
  setId: string,
  id: string,
  start: number,
  end: number,
  stance: Stance,
  extra: Partial<Claim> = {},
): Claim {
  return {
    id,
    setId,
    documentId: TEST_DOCUMENT_ID,
    stance,
    target: {
      position: { type: 'TextPositionSelector', start, end },
      quote: {
        type: 'TextQuoteSelector',
        exact: text.slice(start, end),
        prefix: text.slice(Math.max(0, start - 32), start),
        suffix: text.slice(end, end + 32),
      },
    },
    note: '',
    evidence: [],
    counterpoints: [],
    tags: [],
    created: '2025-08-20T00:00:00.000Z',
    modified: '2025-08-20T00:00:00.000Z',
    author: setId,
    ...extra,
  }
}

/**
 * A set with id `id` whose claims are `[start, end, stance]` triples over
 * `text`, given ids `<id>-1`, `<id>-2`, … in the order listed.
 */
export function makeSet(
  text: string,
  id: string,
  spans: readonly (readonly [number, number, Stance])[],
  overrides: Partial<AnnotationSet> = {},
): SetWithClaims {
  const set: AnnotationSet = {
    id,
    documentId: TEST_DOCUMENT_ID,
    analyst: `Analyst ${id}`,
    label: id,
    created: '2025-08-20T00:00:00.000Z',
    origin: 'local',
    ...overrides,
  }
  return { set, claims: spans.map(([start, end, stance], i) => makeClaim(text, id, `${id}-${i + 1}`, start, end, stance)) }
}

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
  const a = makeSet(text, 'A', [], { label: 'Alice | <b>team</b>', analyst: 'Alice *A*' })
  const b = makeSet(text, 'B', [], { label: 'Bob', analyst: 'Bob' })
  a.claims = [makeClaim(text, 'A', 'a1', 13, 50, 'speculative', { note: HOSTILE_NOTE })]
  b.claims = [
    makeClaim(text, 'B', 'b1', 13, 50, 'evidenced'),
    makeClaim(text, 'B', 'b2', 60, 80, 'speculative', { note: 'plain note' }),
  ]
  const comparison = compareSets(text, [a, b])
  const consensus = buildConsensus(
    comparison,
    [{ itemId: 'A:a1|B:b1', keep: 'A', reason: 'Because <script>x</script> | and\nmore' }],
    { setId: 'C', label: 'C', analyst: 'Judge', created: '2025-08-21T00:00:00.000Z' },
  )
  return { text, comparison, consensus }
}
