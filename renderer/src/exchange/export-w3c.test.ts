import { describe, expect, it } from 'vitest'
import { CritiqueError } from '../../../shared/errors'
import { SEED_SET, seedArticle, seedClaims } from '../../../fixtures/w3c/seed-claims'
import seedSetJson from '../../../fixtures/w3c/seed-set.jsonld?raw'
import { exportFileName, w3cExportRequest, W3C_MIME_TYPE } from './export-w3c'

const article = seedArticle()

describe('exportFileName', () => {
  it('names the file after the label', () => {
    expect(exportFileName('Seed review')).toBe('Seed review.jsonld')
    expect(exportFileName('田中の読み')).toBe('田中の読み.jsonld')
  })

  it('replaces characters file systems refuse and drops leading dots', () => {
    expect(exportFileName('a/b\\c:d*e?f"g<h>i|j')).toBe('a-b-c-d-e-f-g-h-i-j.jsonld')
    expect(exportFileName('..hidden\tname\n')).toBe('hidden name.jsonld')
  })

  it('falls back for an empty label and cuts long ones on a code point', () => {
    expect(exportFileName('  ')).toBe('annotations.jsonld')
    expect(exportFileName('...')).toBe('annotations.jsonld')
    const long = exportFileName('𠮷'.repeat(100))
    expect(Array.from(long.replace(/\.jsonld$/, ''))).toHaveLength(80)
    expect(long.startsWith('𠮷')).toBe(true)
  })
})

describe('w3cExportRequest', () => {
  it('is the golden export of the seed set, as JSON-LD', () => {
    const request = w3cExportRequest(article, SEED_SET, seedClaims(article.text))
    expect(request.suggestedName).toBe('Seed review.jsonld')
    expect(request.mimeType).toBe(W3C_MIME_TYPE)
    expect(request.data).toBe(seedSetJson)
  })

  it('refuses to save an export that fails the W3C suite', () => {
    const claims = seedClaims(article.text)
    claims[0] = { ...claims[0]!, created: 'yesterday' }
    let error: unknown = null
    try {
      w3cExportRequest(article, SEED_SET, claims)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(CritiqueError)
    expect((error as CritiqueError).code).toBe('export-invalid')
    expect((error as CritiqueError).userMessage).toContain('Seed review')
  })
})
