import { describe, expect, it } from 'vitest'
import { ImportRefusedError } from '../errors'
import { MAX_ANNOTATION_FILE_BYTES, parseAnnotationFile } from '.'

const CONTEXT = 'http://www.w3.org/ns/anno.jsonld'
const quote = { type: 'TextQuoteSelector', exact: '会談', prefix: '', suffix: '' }
const annotation = (extra: Record<string, unknown> = {}) => ({
  '@context': CONTEXT,
  id: 'http://example.org/anno1',
  type: 'Annotation',
  target: { source: 'http://example.org/page1', selector: quote },
  ...extra,
})
const hypothesisRow = (extra: Record<string, unknown> = {}) => ({
  id: 'abc123',
  user: 'acct:kenji@hypothes.is',
  uri: 'https://example.org/page',
  text: 'A note',
  tags: ['evidenced'],
  created: '2024-05-01T10:00:00.000000+00:00',
  updated: '2024-05-02T10:00:00.000000+00:00',
  target: [{ source: 'https://example.org/page', selector: [{ type: 'RangeSelector', startContainer: '/p[1]', startOffset: 0, endContainer: '/p[1]', endOffset: 2 }, { type: 'TextPositionSelector', start: 5, end: 7 }, quote] }],
  ...extra,
})

function refusal(text: string, fileName = 'f.json'): ImportRefusedError {
  try {
    parseAnnotationFile(text, fileName)
  } catch (error) {
    if (error instanceof ImportRefusedError) return error
    throw error
  }
  throw new Error('expected a refusal')
}

describe('parseAnnotationFile: W3C shapes', () => {
  it('accepts one annotation, an array, a page and a collection', () => {
    const one = parseAnnotationFile(JSON.stringify(annotation()), 'one.json')
    expect(one.format).toBe('w3c')
    expect(one.items.map((i) => i.selectors)).toEqual([{ quote: { exact: '会談', prefix: '', suffix: '' } }])
    expect(parseAnnotationFile(JSON.stringify([annotation(), annotation({ id: 'http://example.org/2' })]), 'a.json').items).toHaveLength(2)
    const page = { '@context': CONTEXT, type: 'AnnotationPage', items: [{ ...annotation(), '@context': undefined }] }
    expect(parseAnnotationFile(JSON.stringify(page), 'p.json').items).toHaveLength(1)
    const collection = { '@context': CONTEXT, id: 'urn:uuid:3F2B8C1E-9D4A-4E6B-8F7C-1A2B3C4D5E6F', type: 'AnnotationCollection', label: 'Mine', creator: 'acct:aiko@example.org', total: 1, first: { type: 'AnnotationPage', items: [annotation()] } }
    const parsed = parseAnnotationFile(JSON.stringify(collection), 'c.json')
    expect(parsed).toMatchObject({ label: 'Mine', analyst: 'aiko', setId: '3f2b8c1e-9d4a-4e6b-8f7c-1a2b3c4d5e6f', sourceUrn: null })
    expect(parsed.items[0]!.author).toBe('aiko')
  })

  it('reads foreign bodies by purpose and says what it skipped', () => {
    const parsed = parseAnnotationFile(
      JSON.stringify(
        annotation({
          id: 'urn:uuid:a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
          motivation: 'commenting',
          creator: { type: 'Person', name: 'Dana' },
          body: [
            'https://example.org/source',
            'urn:isbn:9780000000000',
            { type: 'TextualBody', value: 'First thought' },
            { type: 'TextualBody', purpose: 'tagging', value: 'Evidenced' },
            { type: 'TextualBody', purpose: 'tagging', value: 'policy' },
            { type: 'TextualBody', purpose: 'classifying', value: 'http://example.org/vocab/opinion' },
            { type: 'TextualBody', purpose: 'replying', value: 'But see', strength: 'huge' },
            { type: 'SpecificResource', purpose: 'linking', source: { id: 'https://example.org/report.pdf' } },
            { type: 'Choice', items: ['http://example.org/x', 'http://example.org/y'] },
          ],
        }),
      ),
      'foreign.json',
    )
    const [item] = parsed.items
    expect(item).toMatchObject({
      id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
      stance: 'evidenced',
      note: 'First thought',
      tags: ['http://example.org/vocab/opinion', 'policy'],
      author: 'Dana',
      counterpoints: [{ id: null, text: 'But see', strength: 'moderate', source: null }],
      evidence: [
        { id: null, citation: '', url: 'https://example.org/source' },
        { id: null, citation: 'urn:isbn:9780000000000', url: '' },
        { id: null, citation: '', url: 'https://example.org/report.pdf' },
      ],
    })
    expect(parsed.warnings).toEqual([
      'items[0] body 1: link "urn:isbn:9780000000000" is not http, https or mailto; kept as text in the citation.',
      'items[0] body 6: unknown counterpoint strength "huge"; read as "moderate".',
      'items[0] body 8: a Choice of bodies is not used by the app; skipped.',
    ])
  })

  it('reads no stance as speculative tagged "untagged", and both stances as speculative tagged "conflicting-stance"', () => {
    const none = parseAnnotationFile(JSON.stringify(annotation({ bodyValue: 'plain' })), 'n.json').items[0]!
    expect([none.stance, none.tags, none.note]).toEqual(['speculative', ['untagged'], 'plain'])
    const both = parseAnnotationFile(
      JSON.stringify(annotation({ body: [{ type: 'TextualBody', purpose: 'classifying', value: 'evidenced' }, { type: 'TextualBody', purpose: 'classifying', value: 'Speculative' }] })),
      'b.json',
    ).items[0]!
    expect([both.stance, both.tags]).toEqual(['speculative', ['conflicting-stance']])
  })

  it('skips annotations on a whole document, with a warning', () => {
    const parsed = parseAnnotationFile(JSON.stringify([annotation(), annotation({ id: 'http://example.org/2', target: 'http://example.org/page1' })]), 'w.json')
    expect(parsed.items).toHaveLength(1)
    expect(parsed.warnings).toEqual(['items[1]: targets a whole document, not a span of text; skipped.'])
  })
})

describe('parseAnnotationFile: Hypothesis JSON', () => {
  it('reads a search result: text as note, stance from tags in any case, other tags kept', () => {
    const rows = [
      hypothesisRow({ tags: ['EVIDENCED', 'energy'], user_info: { display_name: 'Kenji Mori' } }),
      hypothesisRow({ id: 'def456', tags: ['Speculative'], user_info: { display_name: null } }),
      hypothesisRow({ id: 'ghi789', tags: [] }),
    ]
    const parsed = parseAnnotationFile(JSON.stringify({ total: 5, rows }), 'h.json')
    expect(parsed.format).toBe('hypothesis')
    expect(parsed.items.map((i) => [i.id, i.stance, i.tags, i.author])).toEqual([
      ['abc123', 'evidenced', ['energy'], 'Kenji Mori'],
      ['def456', 'speculative', [], 'kenji'],
      ['ghi789', 'speculative', ['untagged'], 'kenji'],
    ])
    expect(parsed.items[0]).toMatchObject({
      note: 'A note',
      created: '2024-05-01T10:00:00.000000+00:00',
      modified: '2024-05-02T10:00:00.000000+00:00',
      selectors: { position: { start: 5, end: 7 }, quote: { exact: '会談', prefix: '', suffix: '' } },
    })
    expect(parsed.label).toBe('h')
    expect(parsed.warnings).toEqual([
      'The search result holds 3 of 5 annotations; only those were imported.',
      'The annotations are by several people (Kenji Mori, kenji); they were imported as one set.',
    ])
  })

  it('reads one annotation, and skips page notes and replies', () => {
    expect(parseAnnotationFile(JSON.stringify(hypothesisRow()), 'one.json').items).toHaveLength(1)
    const parsed = parseAnnotationFile(JSON.stringify({ total: 2, rows: [hypothesisRow({ target: [{ source: 'x' }] }), hypothesisRow({ references: ['abc123'] })] }), 'h.json')
    expect(parsed.items).toEqual([])
    expect(parsed.warnings).toEqual(['rows[0]: a page note, not on a span of text; skipped.', 'rows[1]: a reply to another annotation; skipped.'])
  })
})

describe('parseAnnotationFile refuses', () => {
  it('text that is not JSON', () => {
    const e = refusal('{"a": ', 'broken.json')
    expect(e.code).toBe('not-json')
    expect(e.userMessage).toMatch(/^"broken.json" is not valid JSON/)
  })

  it('JSON of neither format', () => {
    expect(refusal('42').code).toBe('wrong-shape')
    expect(refusal('{"hello": "world"}').userMessage).toMatch(/neither a W3C Web Annotation document .* nor Hypothesis/)
  })

  it('files over the size limit, before parsing', () => {
    expect(refusal(' '.repeat(MAX_ANNOTATION_FILE_BYTES + 1)).code).toBe('too-large')
    // Within the limit in UTF-16 units but over it in UTF-8 bytes.
    expect(refusal('é'.repeat(MAX_ANNOTATION_FILE_BYTES / 2 + 1)).code).toBe('too-large')
  })

  it('absurd nesting, without overflowing the stack', () => {
    expect(refusal('['.repeat(10_000) + ']'.repeat(10_000)).code).toBe('too-deep')
    expect(refusal('{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000)).code).toBe('too-deep')
    expect(refusal('['.repeat(65) + ']'.repeat(65)).code).toBe('too-deep')
    // Brackets inside strings do not count.
    expect(parseAnnotationFile(JSON.stringify(annotation({ bodyValue: '['.repeat(500) })), 'ok.json').items).toHaveLength(1)
  })

  it('a W3C document failing a MUST assertion, naming the item and the assertion', () => {
    const e = refusal(JSON.stringify([annotation(), annotation({ created: 'last Tuesday' })]), 'bad.json')
    expect(e.code).toBe('not-w3c')
    expect(e.itemIndex).toBe(1)
    expect(e.fileName).toBe('bad.json')
    expect(e.userMessage).toMatch(/^"bad.json": items\[1\] fails W3C Web Annotation assertion 3.3.1-annotationCreatedValidated/)
  })

  it('items whose selectors are all of unknown types', () => {
    const css = annotation({ target: { source: 'http://example.org/p', selector: [{ type: 'CssSelector', value: '#x' }, { type: 'XPathSelector', value: '/p' }] } })
    const e = refusal(JSON.stringify([annotation(), css]))
    expect([e.code, e.itemIndex]).toEqual(['unknown-selectors', 1])
    expect(e.userMessage).toMatch(/CssSelector, XPathSelector/)
    const rangeOnly = hypothesisRow({ target: [{ source: 'x', selector: [{ type: 'RangeSelector', startContainer: '/p', startOffset: 0, endContainer: '/p', endOffset: 1 }] }] })
    expect(refusal(JSON.stringify({ total: 1, rows: [rangeOnly] })).code).toBe('unknown-selectors')
  })

  it('malformed text selectors', () => {
    const bad = annotation({ target: { source: 'x:y', selector: { type: 'TextPositionSelector', start: 9, end: 3 } } })
    expect([refusal(JSON.stringify(bad)).code, refusal(JSON.stringify(bad)).itemIndex]).toEqual(['wrong-shape', 0])
  })

  it('javascript: URLs in bodies, but not the word in prose', () => {
    const evidence = { type: 'TextualBody', purpose: 'linking', value: 'see', evidenceUrl: ' JavaScript:alert(1)' }
    expect(refusal(JSON.stringify(annotation({ body: evidence }))).code).toBe('unsafe-url')
    expect(refusal(JSON.stringify(annotation({ body: 'javascript:alert(1)' }))).code).toBe('unsafe-url')
    expect(refusal(JSON.stringify(annotation({ body: { type: 'SpecificResource', purpose: 'linking', source: 'java\nscript:x()' } }))).code).toBe('unsafe-url')
    expect(refusal(JSON.stringify({ total: 1, rows: [hypothesisRow({ text: 'click [here](javascript:alert(1))' })] })).code).toBe('unsafe-url')
    const prose = annotation({ bodyValue: 'JavaScript: the language is not the point here.' })
    expect(parseAnnotationFile(JSON.stringify(prose), 'ok.json').items[0]!.note).toMatch(/^JavaScript:/)
  })

  it('a collection whose page is only referenced, since nothing is fetched', () => {
    const e = refusal(JSON.stringify({ '@context': CONTEXT, id: 'http://example.org/c', type: 'AnnotationCollection', total: 3, first: 'http://example.org/c/page1' }))
    expect(e.code).toBe('wrong-shape')
    expect(e.userMessage).toMatch(/by URI/)
  })
})
