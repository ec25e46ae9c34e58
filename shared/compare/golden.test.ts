import { describe, it, expect } from 'vitest'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Claim } from '../claims/model'
import { toCliJson } from './cli-json'
import { compareSets } from './compare-sets'
import { buildConsensus, type AdjudicationDecision } from './consensus'
import type { SetWithClaims } from './model'
import { renderComparisonHtml } from './report-html'
import { renderComparisonMarkdown } from './report-md'

// Golden files: run with UPDATE_GOLDEN=1 to rewrite them after a deliberate
// change, then review the diff like any other change.
const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/compare/${name}`, import.meta.url))
const root = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url))

function expectGolden(name: string, actual: string): void {
  const path = fixture(name)
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
    if (process.env.UPDATE_GOLDEN !== '1') throw new Error(`golden file ${name} is missing; run with UPDATE_GOLDEN=1`)
    writeFileSync(path, actual)
  }
  expect(actual).toBe(readFileSync(path, 'utf8'))
}

const input = JSON.parse(readFileSync(fixture('alaska-two-analysts.sets.json'), 'utf8')) as {
  article: string
  sets: SetWithClaims[]
}
const text = readFileSync(root(input.article), 'utf8')

const DECISIONS: AdjudicationDecision[] = [
  { itemId: 'A:sato-02|B:tanaka-02', keep: 'A', reason: '発言は記録にあるが、「自信と戦略的意図」の読み取りは推測。' },
  { itemId: 'A:|B:tanaka-04', keep: 'B', reason: 'Verifiable against the press-conference transcript.' },
  { itemId: 'A:sato-04|B:', keep: 'neither', reason: 'Background, not a claim of the op-ed.' },
]

describe('golden comparison of two analysts on the Alaska op-ed', () => {
  it('has fixture quotes that match the article at their positions', () => {
    const anchored = input.sets.flatMap((s) => s.claims).filter((c: Claim) => !c.orphan)
    expect(anchored.length).toBeGreaterThan(0)
    for (const claim of anchored) {
      expect(text.slice(claim.target.position.start, claim.target.position.end)).toBe(claim.target.quote.exact)
    }
  })

  const comparison = compareSets(text, input.sets)
  const consensus = buildConsensus(comparison, DECISIONS, {
    setId: 'consensus',
    label: 'Consensus',
    analyst: 'Editor',
    created: '2025-08-21T12:00:00.000Z',
  })

  it('prints the expected CLI JSON', () => {
    expectGolden('alaska-two-analysts.cli.json', `${JSON.stringify(toCliJson(comparison), null, 2)}\n`)
  })

  it('renders the expected Markdown and HTML reports', () => {
    const options = { consensus, title: 'Alaska summit op-ed: Sato vs Tanaka' }
    expectGolden('alaska-two-analysts.report.md', renderComparisonMarkdown(comparison, options))
    expectGolden('alaska-two-analysts.report.html', renderComparisonHtml(comparison, { ...options, lang: 'ja' }))
  })

  it('builds the expected consensus', () => {
    expect(consensus.claims.map((c) => c.id)).toEqual([
      'consensus/A/sato-01',
      'consensus/A/sato-02',
      'consensus/B/tanaka-04',
      'consensus/A/sato-05',
      'consensus/A/sato-06',
    ])
    expect(consensus.undecided).toEqual(['A:sato-03|B:', 'A:|B:tanaka-03'])
  })
})
