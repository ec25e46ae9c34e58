/**
 * Fuzzing the importers: whatever the input, parseAnnotationFile returns a
 * ParsedAnnotations or throws an ImportRefusedError (never `unreadable`,
 * which would mean an unexpected exception inside a reader), and
 * anchorImported never throws on what it returns.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ROOT, seedArticle } from '../../fixtures/w3c/seed-claims'
import { ImportRefusedError } from '../errors'
import { anchorImported, parseAnnotationFile, type ParsedAnnotations } from '.'

const article = seedArticle()

function check(text: string): void {
  let parsed: ParsedAnnotations
  try {
    parsed = parseAnnotationFile(text, 'fuzz.json')
  } catch (error) {
    expect(error).toBeInstanceOf(ImportRefusedError)
    expect((error as ImportRefusedError).code).not.toBe('unreadable')
    expect((error as ImportRefusedError).userMessage).toMatch(/^"fuzz.json"/)
    return
  }
  expect(['w3c', 'hypothesis']).toContain(parsed.format)
  for (const item of parsed.items) {
    expect(item.selectors.quote !== undefined || item.selectors.position !== undefined).toBe(true)
    expect(['evidenced', 'speculative']).toContain(item.stance)
  }
  const { summary } = anchorImported(article.text, parsed.items)
  expect(summary.anchored + summary.orphans.length).toBe(parsed.items.length)
}

// Values built from the words the readers look for, so the fuzz gets past the first checks.
const word = fc.constantFrom(
  'http://www.w3.org/ns/anno.jsonld', 'Annotation', 'AnnotationPage', 'AnnotationCollection', 'TextualBody', 'SpecificResource',
  'TextQuoteSelector', 'TextPositionSelector', 'RangeSelector', 'Choice', 'classifying', 'commenting', 'replying', 'linking',
  'tagging', 'evidenced', 'Speculative', 'urn:uuid:3f2b8c1e-9d4a-4e6b-8f7c-1a2b3c4d5e6f', 'http://example.org/a',
  'javascript:alert(1)', 'acct:x@y', '2025-01-01T00:00:00Z', 'プーチン', '',
)
const key = fc.constantFrom(
  '@context', 'id', 'type', 'body', 'bodyValue', 'target', 'source', 'selector', 'exact', 'prefix', 'suffix', 'start', 'end',
  'purpose', 'value', 'motivation', 'creator', 'name', 'items', 'first', 'total', 'label', 'rows', 'user', 'tags', 'text',
  'references', 'user_info', 'display_name', 'strength', 'evidenceUrl', 'sourceUrl', 'partId', 'created', 'next',
)
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('array'), tie('object')),
  leaf: fc.oneof(word, fc.integer({ min: -5, max: 3000 }), fc.boolean(), fc.constant(null), fc.string({ maxLength: 8 })),
  array: fc.array(tie('tree'), { maxLength: 4 }),
  object: fc.dictionary(key, tie('tree'), { maxKeys: 6 }),
}))

/** Replace the value at a random path of `doc` by `value`. */
function mutate(doc: unknown, picks: number[], value: unknown): unknown {
  if (picks.length === 0 || typeof doc !== 'object' || doc === null) return value
  const [pick, ...rest] = picks
  if (Array.isArray(doc)) {
    if (doc.length === 0) return value
    const i = pick! % doc.length
    return doc.map((v, j) => (j === i ? mutate(v, rest, value) : v))
  }
  const keys = Object.keys(doc)
  if (keys.length === 0) return value
  const k = keys[pick! % keys.length]!
  return { ...doc, [k]: mutate((doc as Record<string, unknown>)[k], rest, value) }
}

const fixtures = ['fixtures/w3c/seed-set.jsonld', 'fixtures/w3c/hypothesis-seed.json'].map(
  (p) => JSON.parse(readFileSync(join(ROOT, p), 'utf8')) as unknown,
)

describe('importers under fuzzing', () => {
  it('survive arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), check), { numRuns: 500 })
  })

  it('survive arbitrary JSON', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => check(JSON.stringify(v))), { numRuns: 500 })
  })

  it('survive annotation-like JSON', () => {
    fc.assert(fc.property(tree, (v) => check(JSON.stringify(v))), { numRuns: 1000 })
  })

  it('survive mutated fixtures', () => {
    fc.assert(
      fc.property(fc.constantFrom(...fixtures), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), fc.oneof(tree, fc.jsonValue({ maxDepth: 3 })), (doc, picks, value) =>
        check(JSON.stringify(mutate(doc, picks, value))),
      ),
      { numRuns: 1000 },
    )
  })

  it('survive truncated fixtures', () => {
    const texts = fixtures.map((f) => JSON.stringify(f))
    fc.assert(fc.property(fc.constantFrom(...texts), fc.nat(), (text, cut) => check(text.slice(0, cut % text.length))), { numRuns: 300 })
  })
})
