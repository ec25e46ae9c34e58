import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { ANNOTATION_MUSTS, COLLECTION_MUSTS } from '../../shared/w3c'
import { main } from '../main'

const root = fileURLToPath(new URL('../../', import.meta.url))
const outDir = mkdtempSync(join(tmpdir(), 'critique-validate-'))
afterAll(() => rmSync(outDir, { recursive: true, force: true }))

async function validate(file: string) {
  let stdout = ''
  let stderr = ''
  const code = await main(['validate', file], { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd: root, env: {} })
  return { code, stdout, stderr }
}

describe('critique validate', () => {
  it('passes the seed set and says what it checked', async () => {
    const { code, stdout } = await validate('fixtures/w3c/seed-set.jsonld')
    expect(code).toBe(0)
    const checks = COLLECTION_MUSTS.length + 4 * (ANNOTATION_MUSTS.length + 1)
    expect(stdout).toBe(
      'seed-set.jsonld: an AnnotationCollection, 4 annotations checked\n' +
        `  collection: ${COLLECTION_MUSTS.length} MUST assertions (collections/collectionMusts.test)\n` +
        `  each annotation: ${ANNOTATION_MUSTS.length} MUST assertions (annotations/annotationMusts.test) and the app's well-formed quote check\n` +
        `  ${checks} checks run, 0 failed\n` +
        'OK: valid W3C Web Annotation JSON\n',
    )
  })

  it('lists each failure and exits 1', async () => {
    const file = join(outDir, 'bad.jsonld')
    writeFileSync(file, JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', id: 'x y', created: 'soon', target: 'http://example.org/' }))
    const { code, stdout } = await validate(file)
    expect(code).toBe(1)
    expect(stdout).toContain('FAIL annotation 3.1-annotationIdValidated:')
    expect(stdout).toContain('FAIL annotation 3.3.1-annotationCreatedValidated:')
    expect(stdout).toContain(`  ${ANNOTATION_MUSTS.length + 1} checks run, 2 failed\n`)
    expect(stdout.trimEnd().split('\n').pop()).toBe('INVALID: fails the W3C Web Annotation MUST assertions')
  })

  it('points Hypothesis JSON to import, and refuses non-JSON', async () => {
    const h = await validate('fixtures/w3c/hypothesis-seed.json')
    expect(h.code).toBe(1)
    expect(h.stderr).toMatch(/is Hypothesis API JSON, not W3C/)
    const file = join(outDir, 'x.json')
    writeFileSync(file, 'nope')
    const n = await validate(file)
    expect(n.code).toBe(1)
    expect(n.stderr).toMatch(/^critique validate: "x.json" is not valid JSON/)
  })
})
