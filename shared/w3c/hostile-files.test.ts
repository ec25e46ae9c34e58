/**
 * Hostile annotation files: a 100 MB file and one nested 10,000 deep are
 * refused with a message naming the file, before any JSON parsing or walking
 * (so the refusal costs one pass over the text, not a parse of it).
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ImportRefusedError } from '../errors'
import { MAX_ANNOTATION_FILE_BYTES, parseAnnotationFile } from '.'

function refusal(text: string, fileName: string): ImportRefusedError {
  try {
    parseAnnotationFile(text, fileName)
  } catch (error) {
    if (error instanceof ImportRefusedError) return error
    throw error
  }
  throw new Error('expected a refusal')
}

const MB = 1024 * 1024

afterEach(() => {
  vi.restoreAllMocks()
})

describe('annotation files that are too big', () => {
  it('refuses a 100 MB array of annotations as too large, without parsing it', () => {
    const item = JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', target: 'urn:x', bodyValue: 'x'.repeat(1000) })
    const count = Math.ceil((100 * MB) / (item.length + 1))
    const text = `[${Array.from({ length: count }, () => item).join(',')}]`
    expect(text.length).toBeGreaterThanOrEqual(100 * MB)
    const parse = vi.spyOn(JSON, 'parse')
    const e = refusal(text, 'huge.jsonld')
    expect(e.code).toBe('too-large')
    expect(e.fileName).toBe('huge.jsonld')
    expect(e.userMessage).toBe(`"huge.jsonld" is larger than ${MAX_ANNOTATION_FILE_BYTES / MB} MB, the most an annotation file may be.`)
    expect(parse).not.toHaveBeenCalled()
  })

  it('refuses 100 MB of something that is not JSON as too large, not as broken JSON', () => {
    const parse = vi.spyOn(JSON, 'parse')
    expect(refusal('\u0000{'.repeat(50 * MB), 'noise.json').code).toBe('too-large')
    expect(parse).not.toHaveBeenCalled()
  })
})

describe('annotation files nested absurdly deep', () => {
  it.each([
    ['arrays', '['.repeat(10_000) + ']'.repeat(10_000)],
    ['objects', '{"a":'.repeat(10_000) + 'null' + '}'.repeat(10_000)],
    ['mixed', '[{"a":'.repeat(5_000) + '0' + '}]'.repeat(5_000)],
    ['unclosed', '['.repeat(10_000)],
  ])('refuses %s 10,000 deep with a message, before parsing', (_kind, text) => {
    const parse = vi.spyOn(JSON, 'parse')
    const e = refusal(text, 'deep.json')
    expect(e.code).toBe('too-deep')
    expect(e.userMessage).toMatch(/^"deep\.json" nests arrays and objects more than \d+ levels deep/)
    expect(parse).not.toHaveBeenCalled()
  })
})
