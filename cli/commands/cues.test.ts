import { describe, it, expect } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { main } from '../main'
import type { CliIo } from '../io'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const SEED = 'fixtures/articles/alaska-summit-2025-08-18.txt'

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const io: CliIo = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), cwd: ROOT, env: {} }
  const code = await main(argv, io)
  return { code, out, err }
}

interface JsonSentence {
  start: number
  end: number
  text: string
  suggestion: string | null
  certaintyWithoutEvidence: boolean
  cues: { kind: string; text: string; start: number; end: number }[]
  explanation: {
    reason: string
    summary: string
    cues: { rule: string; kind: string; role: string; counted: boolean; note: string | null; text: string; start: number; end: number }[]
  }
}

describe('critique cues', () => {
  it('prints JSON with exactly the documented keys and offsets into the canonical text', async () => {
    const { code, out, err } = await cli('cues', SEED, '--json')
    expect(err).toBe('')
    expect(code).toBe(0)
    const rows = JSON.parse(out) as JsonSentence[]
    // The canonical text starts after the stripped "date 2025-08-18" token.
    expect(rows[0]).toMatchObject({ start: 0, text: '2025年8月、アラスカで開催された米露首脳会談が世界の注目を集めた。', suggestion: 'evidenced' })
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(['start', 'end', 'text', 'suggestion', 'certaintyWithoutEvidence', 'cues', 'explanation'])
      expect(row.explanation.cues.map((c) => c.text)).toEqual(row.cues.map((c) => c.text))
      expect(row.end - row.start).toBe(row.text.length)
      for (const cue of row.cues) {
        expect(Object.keys(cue)).toEqual(['kind', 'text', 'start', 'end'])
        expect(row.text.slice(cue.start - row.start, cue.end - row.start)).toBe(cue.text)
      }
    }
    const certain = rows.filter((r) => r.certaintyWithoutEvidence).map((r) => r.text)
    expect(certain.some((t) => t.includes('間違いない'))).toBe(true)
    expect(certain.some((t) => t.includes('に違いない'))).toBe(true)
  })

  it('keeps offsets across blocks: the second block starts two characters after the first ends', async () => {
    const rows = JSON.parse((await cli('cues', SEED, '--json')).out) as JsonSentence[]
    expect(rows[1]!.start).toBe(rows[0]!.end + 2)
  })

  it('prints a readable listing with suggestions, cues and a tally', async () => {
    const { code, out } = await cli('cues', 'fixtures/cues/en-article.txt')
    expect(code).toBe(0)
    expect(out).toMatch(/^\[\d+-\d+\] speculative: Governor Ellen Marsh wants to keep the boom going\.$/m)
    expect(out).toMatch(/^ {4}intent "wants" \[\d+-\d+\] \(en-intent-wants\) → Attributed intent$/m)
    expect(out).toMatch(/\[certainty without evidence\]: If nothing changes/)
    expect(out).toMatch(/^26 sentences: \d+ speculative, \d+ evidenced, \d+ without suggestion, \d+ certainty without evidence$/m)
  })

  it('says, per sentence, which cues fired, what each counted as and why the stance won', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cues-'))
    writeFileSync(join(dir, 'a.txt'), 'date 2025-05-14 It seems the grid of 2035 will surely look nothing like the grid of 2020.\n\nTurnout rose 12% in 2024.\n')
    let out = ''
    expect(await main(['cues', 'a.txt'], { stdout: (t) => void (out += t), stderr: () => {}, cwd: dir, env: {} })).toBe(0)
    expect(out).toContain(`evidence "of 2035" [18-25] (en-evidence-date) → Prediction: later than the article's date`)
    expect(out).toContain(`evidence "of 2020" [65-72] (en-evidence-date) → Figure or date: a detail of a prediction or hearsay, not support, not counted`)
    expect(out).toMatch(/why: Speculative: .* A booster never cancels a hedge\./)
    expect(out).toContain('evidence "12%" [88-91] (en-evidence-figure) → Figure or date')
    expect(out).toContain('why: Evidenced: the sentence carries its support and does not speculate.')

    let json = ''
    await main(['cues', 'a.txt', '--json'], { stdout: (t) => void (json += t), stderr: () => {}, cwd: dir, env: {} })
    const [grid] = JSON.parse(json) as JsonSentence[]
    expect(grid!.explanation.reason).toBe('hedged')
    expect(grid!.explanation.cues.find((c) => c.text === 'of 2035')).toMatchObject({ rule: 'en-evidence-date', role: 'prediction', counted: true, note: 'after-publication' })
  })

  it('reads a plain text file given relative to the working directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cues-'))
    writeFileSync(join(dir, 'a.txt'), 'date 2024-01-02 Prices may rise.\n\nThey rose 5% in 2023.\n')
    let out = ''
    const code = await main(['cues', 'a.txt', '--json'], { stdout: (t) => void (out += t), stderr: () => {}, cwd: dir, env: {} })
    expect(code).toBe(0)
    expect((JSON.parse(out) as JsonSentence[]).map((r) => [r.start, r.end, r.suggestion])).toEqual([
      [0, 16, 'speculative'],
      [18, 39, 'evidenced'],
    ])
  })

  it('fails with exit code 1 and a message for a missing file', async () => {
    const { code, err } = await cli('cues', 'no-such-file.txt')
    expect(code).toBe(1)
    expect(err).toMatch(/^critique cues: Cannot read "no-such-file.txt"/)
  })

  it('fails with exit code 2 on bad usage', async () => {
    expect((await cli('cues')).code).toBe(2)
    expect((await cli('cues', SEED, '--yaml')).code).toBe(2)
    expect((await cli('cues', SEED, SEED)).err).toMatch(/exactly one ARTICLE/)
  })
})
