/**
 * Importing an article through the worker into real IndexedDB: the stored
 * document is what the worker parsed; a refusal from the worker is the file's
 * ImportRefusedError; a cancel at any point (while parsing, or once the parse
 * is done and the store begins) stores nothing.
 */
import { describe, expect, it } from 'vitest'
import sampleHtml from '../../../fixtures/articles/sample-article.html?raw'
import { parseArticleFile } from '../../../shared/article/import'
import { parseHtmlArticle } from '../../../shared/article/import-html'
import { canonicalText } from '../../../shared/article/model'
import { ImportRefusedError } from '../../../shared/errors'
import { sha256Hex } from '../../../shared/text/sha256'
import type { WorkbenchDb } from '../storage/database'
import { getArticle } from '../storage/documents-repo'
import { freshDb } from '../test-support/fresh-db'
import { importArticle, type ImportArticleOptions } from './import-article'
import { isCancellation } from './import-progress'

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) })

async function stored(db: WorkbenchDb): Promise<[number, number]> {
  return [await db.documents.count(), await db.bodies.count()]
}

type Phase = Parameters<NonNullable<ImportArticleOptions['onProgress']>>[0]['phase']

/** Import `text` and abort as soon as `phase` is reported; resolves with what the import rejected with. */
async function cancelAt(db: WorkbenchDb, phase: Phase, text: string): Promise<unknown> {
  const controller = new AbortController()
  const phases: Phase[] = []
  const error = await importArticle(db, file('big.html', text), {
    signal: controller.signal,
    onProgress: (p) => {
      phases.push(p.phase)
      if (p.phase === phase) controller.abort()
    },
  }).then(
    () => null,
    (e: unknown) => e,
  )
  expect(phases).toContain(phase)
  return error
}

const bigHtml = `<title>Big</title>${'<p>A paragraph of the long article, with <em>marks</em> and <a href="https://example.org/">a link</a>.</p>'.repeat(20_000)}`

describe('importArticle', () => {
  it('stores what the worker parsed: the same article parseArticleFile gives on the page', async () => {
    const db = await freshDb('import')
    const phases = new Set<string>()
    const result = await importArticle(db, file('sample-article.html', sampleHtml), { onProgress: (p) => phases.add(p.phase) })
    expect(result.status).toBe('added')
    const article = await getArticle(db, result.document.id)
    const expected = parseArticleFile(file('sample-article.html', sampleHtml), parseHtmlArticle)
    expect(article?.blocks).toEqual(expected.blocks)
    expect(article?.title).toBe('A Quiet Case for Public Libraries')
    // The worker hashes with WebCrypto; the identity must be the one the rest of the app computes.
    expect(result.document.sha256).toBe(sha256Hex(canonicalText(expected.blocks)))
    const odd = await importArticle(db, file('odd.html', '<p>lone \ud800 surrogate, 欧米 and e\u0301</p>'))
    expect(odd.document.sha256).toBe(sha256Hex((await getArticle(db, odd.document.id))!.text))
    expect([...phases]).toEqual(expect.arrayContaining(['reading', 'storing']))
  })

  it('rejects a refused file with its ImportRefusedError, naming the file, and stores nothing', async () => {
    const db = await freshDb('import')
    const error = await importArticle(db, file('empty.html', '   \n')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImportRefusedError)
    expect((error as ImportRefusedError).code).toBe('empty')
    expect((error as ImportRefusedError).fileName).toBe('empty.html')
    expect((error as ImportRefusedError).userMessage).toContain('"empty.html"')
    const noText = await importArticle(db, file('scripts.html', '<script>alert(1)</script>')).catch((e: unknown) => e)
    expect((noText as ImportRefusedError).code).toBe('no-text')
    expect(await stored(db)).toEqual([0, 0])
  })

  it('cancelled while the worker parses: rejects as a cancellation and stores nothing', async () => {
    const db = await freshDb('import')
    const error = await cancelAt(db, 'tokenize', bigHtml)
    expect(isCancellation(error)).toBe(true)
    expect(await stored(db)).toEqual([0, 0])
  })

  it('cancelled once the parse is done, as the store begins: stores nothing', async () => {
    const db = await freshDb('import')
    const error = await cancelAt(db, 'storing', bigHtml)
    expect(isCancellation(error)).toBe(true)
    expect(await stored(db)).toEqual([0, 0])
    // The same file imports normally afterwards.
    expect((await importArticle(db, file('big.html', bigHtml))).status).toBe('added')
    expect(await stored(db)).toEqual([1, 1])
  })

  it('an aborted signal inside the store rolls back both writes', async () => {
    const db = await freshDb('import')
    const controller = new AbortController()
    // Abort between the document's write and the body's: the transaction must undo the first.
    const hook = () => controller.abort()
    db.bodies.hook('creating', hook)
    const error = await importArticle(db, file('sample-article.html', sampleHtml), { signal: controller.signal }).catch((e: unknown) => e)
    db.bodies.hook('creating').unsubscribe(hook)
    expect(isCancellation(error)).toBe(true)
    expect(await stored(db)).toEqual([0, 0])
  })
})
