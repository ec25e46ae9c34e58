import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { validateW3cDocument } from '../../shared/w3c'
import { main } from '../main'

const root = fileURLToPath(new URL('../../', import.meta.url))
const ARTICLE = 'fixtures/articles/alaska-summit-2025-08-18.txt'
const HYPOTHESIS = 'fixtures/w3c/hypothesis-seed.json'
const SEED_SET = 'fixtures/w3c/seed-set.jsonld'
const outDir = mkdtempSync(join(tmpdir(), 'critique-import-'))
afterAll(() => rmSync(outDir, { recursive: true, force: true }))

async function critique(...args: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd: root, env: {} })
  return { code, stdout, stderr }
}

describe('critique import', () => {
  it('prints the anchoring summary of Hypothesis JSON as one JSON object', async () => {
    const { code, stdout, stderr } = await critique('import', ARTICLE, HYPOTHESIS, '--json')
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toEqual({
      total: 4,
      anchored: 3,
      byPosition: 0,
      byQuote: 2,
      fuzzy: 1,
      orphans: [{ id: 'hYp3Pq4dEe6aBcDeFgHiJk', quote: '日銀は政策金利を据え置き、円安の進行を注視する姿勢を示した', position: { start: 1880, end: 1913 } }],
      positionUnit: 'code-units',
      positionsAssumed: 0,
      otherUnit: 0,
      uncheckedPositions: 0,
    })
    expect(Object.keys(JSON.parse(stdout))).toEqual(['total', 'anchored', 'byPosition', 'byQuote', 'fuzzy', 'orphans', 'positionUnit', 'positionsAssumed', 'otherUnit', 'uncheckedPositions'])
    expect(stdout.trim().split('\n')).toHaveLength(1)
    expect(stderr).toBe('warning: rows[4]: a reply to another annotation; skipped.\n')
  })

  it('writes the re-anchored set as a valid W3C collection, the same on every run', async () => {
    const out = join(outDir, 'hyp.jsonld')
    const { code, stdout } = await critique('import', ARTICLE, HYPOTHESIS, '--out', out)
    expect(code).toBe(0)
    expect(stdout).toContain('4 claims: 3 anchored (0 by position, 2 by quote, 1 fuzzy), 1 orphaned')
    expect(stdout).toContain('orphan hYp3Pq4dEe6aBcDeFgHiJk: "日銀は政策金利を据え置き、円安の進行を注視する姿勢を示した"')
    expect(stdout).toContain(`wrote ${out}: 4 claims as a W3C AnnotationCollection (1 orphans kept with their quote only)`)
    const written = readFileSync(out, 'utf8')
    const doc = JSON.parse(written) as { label: string; creator: { name: string }; first: { items: { target: { selector: { type: string }[] } }[] } }
    expect(validateW3cDocument(doc).failures).toEqual([])
    expect([doc.label, doc.creator.name]).toEqual(['hypothesis-seed', 'Hana Sato'])
    expect(doc.first.items.map((a) => a.target.selector.length).sort()).toEqual([1, 2, 2, 2])

    // Re-importing the written set anchors the placed claims by position; the orphan stays one.
    const again = await critique('import', ARTICLE, out, '--json')
    expect(JSON.parse(again.stdout)).toMatchObject({ total: 4, anchored: 3, byPosition: 3, orphans: [{ quote: '日銀は政策金利を据え置き、円安の進行を注視する姿勢を示した' }] })
  })

  it('round-trips the app\'s own export byte for byte', async () => {
    const out = join(outDir, 'seed.jsonld')
    expect((await critique('import', ARTICLE, SEED_SET, '--out', out)).code).toBe(0)
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(root, SEED_SET), 'utf8'))
  })

  it('refuses HTML articles and bad annotation files with a clear message and exit code 1', async () => {
    const html = join(outDir, 'page.html')
    writeFileSync(html, '<!doctype html><p>hi</p>')
    const h = await critique('import', html, SEED_SET)
    expect(h.code).toBe(1)
    expect(h.stderr).toMatch(/"page.html" is HTML; the command line reads .txt and .md articles/)
    const bad = join(outDir, 'bad.json')
    writeFileSync(bad, '{"rows": [42]}')
    const b = await critique('import', ARTICLE, bad)
    expect(b.code).toBe(1)
    expect(b.stderr).toBe('critique import: "bad.json": rows[0] is not an annotation object.\n')
    writeFileSync(bad, new Uint8Array([0x7b, 0xff, 0x7d]))
    expect((await critique('import', ARTICLE, bad)).stderr).toMatch(/"bad.json" is not UTF-8/)
  })

  it('needs exactly two files', async () => {
    const { code, stderr } = await critique('import', ARTICLE)
    expect(code).toBe(2)
    expect(stderr).toMatch(/Usage: critique import ARTICLE ANNOTATIONS/)
  })
})
