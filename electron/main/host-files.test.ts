import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { refusalOf } from '../../shared/testing-refusal'

const dialog = { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() }
vi.mock('electron', () => ({ dialog }))

const { MAX_FILE_BYTES, openFilters, pickFile, readPickedFile, saveFile, saveFilters } = await import('./host-files')

let folder: string
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'critique-files-'))
})
afterAll(() => {
  rmSync(folder, { recursive: true, force: true })
})
beforeEach(() => {
  dialog.showOpenDialog.mockReset()
  dialog.showSaveDialog.mockReset()
})


describe('readPickedFile', () => {
  it('returns the base name and the exact bytes as a plain Uint8Array', async () => {
    const path = join(folder, '記事.txt')
    writeFileSync(path, 'アラスカ')
    const file = await readPickedFile(path, 'article')
    expect(file.name).toBe('記事.txt')
    expect(file.bytes.constructor).toBe(Uint8Array)
    expect(new TextDecoder().decode(file.bytes)).toBe('アラスカ')
  })

  it('refuses a file over the kind limit, naming it', async () => {
    const path = join(folder, 'huge.txt')
    writeFileSync(path, '')
    truncateSync(path, MAX_FILE_BYTES.article + 1)
    const error = await refusalOf(readPickedFile(path, 'article'))
    expect(error.code).toBe('file-too-large')
    expect(error.fileName).toBe('huge.txt')
    expect(error.userMessage).toContain('20 MB')
    // The same size is fine for annotation files, whose limit is larger.
    expect((await readPickedFile(path, 'annotations')).bytes.byteLength).toBe(MAX_FILE_BYTES.article + 1)
  })

  it('refuses folders and missing files', async () => {
    expect((await refusalOf(readPickedFile(folder, 'article'))).code).toBe('not-a-file')
    expect((await refusalOf(readPickedFile(join(folder, 'missing.txt'), 'article'))).code).toBe('file-unreadable')
  })
})

describe('saveFilters', () => {
  it('offers the suggested extension first, then all files', () => {
    expect(saveFilters('report.md', 'text/markdown; charset=utf-8')).toEqual([
      { name: 'MARKDOWN (*.md)', extensions: ['md'] },
      { name: 'All Files', extensions: ['*'] },
    ])
    expect(saveFilters('README', 'text/plain')).toEqual([{ name: 'All Files', extensions: ['*'] }])
  })
})

describe('dialogs', () => {
  it('pickFile filters by kind and reads the chosen file; null when cancelled', async () => {
    const path = join(folder, 'set.jsonld')
    writeFileSync(path, '{}')
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path] })
    expect(await pickFile('annotations', null)).toEqual({ name: 'set.jsonld', bytes: new Uint8Array([123, 125]) })
    expect(dialog.showOpenDialog.mock.calls[0]?.[0]).toMatchObject({ title: 'Import Annotations', filters: openFilters('annotations', 'en') })

    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] })
    expect(await pickFile('article', null)).toBeNull()
  })

  it('saveFile writes text as UTF-8 and bytes as they are; cancelled writes nothing', async () => {
    const textPath = join(folder, 'chosen.md')
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: textPath })
    const result = await saveFile({ suggestedName: 'r.md', mimeType: 'text/markdown', data: '# 主張' }, null, '/docs')
    expect(result).toEqual({ status: 'saved', name: 'chosen.md' })
    expect(readFileSync(textPath, 'utf8')).toBe('# 主張')
    expect(dialog.showSaveDialog.mock.calls[0]?.[0]).toMatchObject({ defaultPath: join('/docs', 'r.md') })

    const bytesPath = join(folder, 'chosen.bin')
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: bytesPath })
    await saveFile({ suggestedName: 'r.bin', mimeType: 'application/octet-stream', data: new Uint8Array([0, 255]) }, null, '/docs')
    expect([...readFileSync(bytesPath)]).toEqual([0, 255])

    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' })
    expect(await saveFile({ suggestedName: 'x.md', mimeType: 'text/markdown', data: 'x' }, null, '/docs')).toEqual({
      status: 'cancelled',
    })
  })
})

describe('dialogs in Japanese', () => {
  it('names the filters in the UI language', () => {
    expect(openFilters('article', 'ja')[0]?.name).toBe('記事')
    expect(openFilters('annotations', 'ja').at(-1)?.name).toBe('すべてのファイル')
  })
})
