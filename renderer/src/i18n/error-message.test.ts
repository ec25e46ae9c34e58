import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { CATALOGS } from '../../../shared/i18n/catalog'
import { ImportRefusedError, StorageError } from '../../../shared/errors'
import { localizedErrorMessage } from './error-message'

async function instance(lng: 'en' | 'ja') {
  const i = i18next.createInstance()
  await i.init({ lng, resources: { en: { translation: CATALOGS.en }, ja: { translation: CATALOGS.ja } }, interpolation: { escapeValue: false } })
  return i
}

describe('localizedErrorMessage', () => {
  const binary = new ImportRefusedError('binary', '"x.bin" is not a text file (it contains binary data).', { fileName: 'x.bin' })

  it('keeps the importer’s own English message, with all its specifics', async () => {
    const en = await instance('en')
    expect(localizedErrorMessage(binary, en.t, en)).toBe('"x.bin" is not a text file (it contains binary data).')
  })

  it('speaks Japanese by the error’s code, with the file name', async () => {
    const ja = await instance('ja')
    expect(localizedErrorMessage(binary, ja.t, ja)).toBe('「x.bin」はテキストファイルではありません（バイナリデータを含みます）。')
    expect(localizedErrorMessage(new StorageError('storage-quota', 'Not saved'), ja.t, ja)).toContain('保存できません')
  })

  it('falls back to the English text for codes the catalog does not know', async () => {
    const ja = await instance('ja')
    expect(localizedErrorMessage(new ImportRefusedError('odd', 'Odd file.'), ja.t, ja)).toBe('Odd file.')
    expect(localizedErrorMessage(new Error('plain'), ja.t, ja)).toBe('plain')
  })
})
