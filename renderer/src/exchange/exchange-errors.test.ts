import { describe, expect, it } from 'vitest'
import { CritiqueError, ImportRefusedError, StorageError } from '../../../shared/errors'
import { MAX_ANNOTATION_FILE_BYTES } from '../../../shared/w3c'
import { exchangeErrorMessage } from './exchange-errors'

const notW3c = new ImportRefusedError('not-w3c', '"notes.jsonld": items[0] fails W3C Web Annotation assertion 2.1.1: target missing', { fileName: 'notes.jsonld' })

describe('exchangeErrorMessage', () => {
  it('shows the importer’s own message in English', () => {
    expect(exchangeErrorMessage(notW3c, 'en')).toBe(notW3c.userMessage)
    expect(exchangeErrorMessage(new Error('boom'), 'en')).toBe('boom')
  })

  it('translates a refusal by its code in Japanese, keeping the specifics where they matter', () => {
    expect(exchangeErrorMessage(notW3c, 'ja')).toBe(
      '「notes.jsonld」は W3C Web Annotation の仕様を満たしていません。（詳細：items[0] fails W3C Web Annotation assertion 2.1.1: target missing）',
    )
    const empty = new ImportRefusedError('empty', '“a.json” holds no annotations to import.', { fileName: 'a.json' })
    expect(exchangeErrorMessage(empty, 'ja')).toBe('「a.json」には取り込める注釈がありません。')
    const large = new ImportRefusedError('too-large', 'x', { fileName: 'big.json' })
    expect(exchangeErrorMessage(large, 'ja')).toBe(`「big.json」は大きすぎます。注釈ファイルは ${MAX_ANNOTATION_FILE_BYTES / 1024 / 1024} MB までです。`)
    expect(exchangeErrorMessage(new StorageError('import-not-stored', 'Nothing was imported'), 'ja')).toMatch(/^何も取り込みませんでした。/)
  })

  it('falls back to the original message for codes without a translation and for foreign errors', () => {
    expect(exchangeErrorMessage(new CritiqueError('something-new', 'Something new.'), 'ja')).toBe('Something new.')
    expect(exchangeErrorMessage('plain', 'ja')).toBe('plain')
  })
})
