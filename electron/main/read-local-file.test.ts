import { execFileSync } from 'node:child_process'
import { closeSync, constants, mkdtempSync, openSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { readLocalFile, type LocalFilePurpose } from './read-local-file'
import { refusalOf } from '../../shared/testing-refusal'

const ARTICLES: LocalFilePurpose = { maxBytes: 1024 * 1024, label: 'articles' }

let folder: string
let fifo: string
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'critique-read-'))
  fifo = join(folder, 'pipe.txt')
  execFileSync('mkfifo', [fifo])
})
afterEach(() => {
  // Should a read have blocked on the FIFO (the bug), a writer opening it lets
  // that read finish, so the test fails instead of hanging the worker.
  try {
    closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK))
  } catch {
    // ENXIO: nobody is waiting to read, which is the expected case.
  }
})
afterAll(() => rmSync(folder, { recursive: true, force: true }))


describe('readLocalFile', () => {
  it('refuses a FIFO without opening it (opening one for reading waits for a writer)', { timeout: 5_000 }, async () => {
    const error = await refusalOf(readLocalFile(fifo, ARTICLES))
    expect(error.code).toBe('not-a-file')
    expect(error.fileName).toBe('pipe.txt')
    expect(error.userMessage).toContain('“pipe.txt” is not a regular file')
  })

  it('refuses a symbolic link to a FIFO, naming the link', { timeout: 5_000 }, async () => {
    const link = join(folder, 'innocent.md')
    symlinkSync(fifo, link)
    const error = await refusalOf(readLocalFile(link, ARTICLES))
    expect(error.code).toBe('not-a-file')
    expect(error.fileName).toBe('innocent.md')
  })

  it('refuses a character device', { timeout: 5_000 }, async () => {
    expect((await refusalOf(readLocalFile('/dev/zero', ARTICLES))).code).toBe('not-a-file')
  })

  it('reads a regular file through a symbolic link, under the link’s name', async () => {
    const real = join(folder, 'real.txt')
    writeFileSync(real, '米露首脳会談')
    const link = join(folder, '記事.txt')
    symlinkSync(real, link)
    const file = await readLocalFile(link, ARTICLES)
    expect(file.name).toBe('記事.txt')
    expect(file.bytes.constructor).toBe(Uint8Array)
    expect(new TextDecoder().decode(file.bytes)).toBe('米露首脳会談')
  })

  it('refuses a file over the purpose’s limit before reading it, naming limit and kind', async () => {
    const path = join(folder, 'huge.txt')
    writeFileSync(path, '')
    truncateSync(path, ARTICLES.maxBytes + 1)
    const error = await refusalOf(readLocalFile(path, ARTICLES))
    expect(error.code).toBe('file-too-large')
    expect(error.userMessage).toBe('“huge.txt” is too large: articles are limited to 1 MB.')
    expect((await readLocalFile(path, { maxBytes: 2 * ARTICLES.maxBytes, label: 'backups' })).bytes.byteLength).toBe(ARTICLES.maxBytes + 1)
  })

  it('refuses folders, missing files and dangling links as such', async () => {
    expect((await refusalOf(readLocalFile(folder, ARTICLES))).code).toBe('not-a-file')
    expect((await refusalOf(readLocalFile(join(folder, 'missing.txt'), ARTICLES))).code).toBe('file-unreadable')
    const dangling = join(folder, 'dangling.txt')
    symlinkSync(join(folder, 'gone.txt'), dangling)
    expect((await refusalOf(readLocalFile(dangling, ARTICLES))).code).toBe('file-unreadable')
  })

  it('gives up on a read that never returns (a stalled network mount), naming the file', async () => {
    const path = join(folder, 'remote.txt')
    writeFileSync(path, 'text')
    const stalled = () => new Promise<never>(() => undefined)
    const error = await refusalOf(readLocalFile(path, { ...ARTICLES, timeoutMs: 50 }, stalled))
    expect(error.code).toBe('file-timeout')
    expect(error.fileName).toBe('remote.txt')
  })
})
