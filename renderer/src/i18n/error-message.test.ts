/**
 * Errors in the user's language: every error code has its message in English
 * and Japanese, and the one translation function picks it by code.
 */
import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { ERROR_CODES } from '../../../shared/error-codes'
import { CATALOGS, LOCALES, messageAt } from '../../../shared/i18n/catalog'
import { CritiqueError, ImportRefusedError, StorageError } from '../../../shared/errors'
import { errorMessage } from './error-message'

async function instance(lng: 'en' | 'ja') {
  const i = i18next.createInstance()
  await i.init({ lng, resources: { en: { translation: CATALOGS.en }, ja: { translation: CATALOGS.ja } }, interpolation: { escapeValue: false } })
  return i
}

const variables = (message: string) => [...message.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()

describe('error codes', () => {
  it('has a message for every code in English and Japanese, with the same placeholders', () => {
    for (const code of ERROR_CODES) {
      const en = messageAt(CATALOGS.en, `errors.${code}`)
      const ja = messageAt(CATALOGS.ja, `errors.${code}`)
      expect(en, `errors.${code} in English`).toBeTruthy()
      expect(ja, `errors.${code} in Japanese`).toBeTruthy()
      expect(variables(ja!), code).toEqual(variables(en!))
      expect(ja, `errors.${code} is translated`).not.toBe(en)
    }
  })

  it('has no message for a code that does not exist', () => {
    for (const locale of LOCALES) expect(Object.keys(CATALOGS[locale].errors as object).sort()).toEqual([...ERROR_CODES].sort())
  })
})

describe('errorMessage', () => {
  const binary = new ImportRefusedError('binary', '"x.bin" is not a text file (it contains binary data).', { fileName: 'x.bin' })
  const notW3c = new ImportRefusedError('not-w3c', '"notes.jsonld": items[0] fails W3C Web Annotation assertion 2.1.1: target missing', { fileName: 'notes.jsonld' })

  it('keeps the thrower’s own English message, with all its specifics', async () => {
    const en = await instance('en')
    expect(errorMessage(binary, en.t, 'en')).toBe('"x.bin" is not a text file (it contains binary data).')
    expect(errorMessage(new Error('plain'), en.t, 'en')).toBe('plain')
  })

  it('speaks Japanese by the error’s code, naming the file, with the English specifics where they matter', async () => {
    const ja = await instance('ja')
    expect(errorMessage(binary, ja.t, 'ja')).toBe('「x.bin」はテキストファイルではありません（バイナリデータを含みます）。')
    expect(errorMessage(new StorageError('storage-quota', 'Not saved'), ja.t, 'ja')).toContain('保存できません')
    expect(errorMessage(notW3c, ja.t, 'ja')).toBe('「notes.jsonld」は W3C Web Annotation の仕様を満たしていません。（詳細：items[0] fails W3C Web Annotation assertion 2.1.1: target missing）')
    expect(errorMessage(new StorageError('import-not-stored', 'Nothing was imported'), ja.t, 'ja')).toMatch(/^何も取り込みませんでした。/)
    expect(errorMessage(new CritiqueError('compare-too-few-sets', 'Choose two.'), ja.t, 'ja')).toBe('比較する注釈セットを 2 つ以上選んでください。')
  })

  it('never shows a bare English message in Japanese, even for an error that is not ours', async () => {
    const ja = await instance('ja')
    expect(errorMessage(new Error('boom'), ja.t, 'ja')).toBe('予期しないエラーが起きました（詳細：boom）')
    expect(errorMessage('plain', ja.t, 'ja')).toBe('予期しないエラーが起きました（詳細：plain）')
  })
})
