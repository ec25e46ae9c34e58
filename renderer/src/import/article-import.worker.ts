/**
 * The article import worker: decodes, checks and parses an article file off
 * the page's thread (a 10 MB HTML file takes seconds), then computes its
 * canonical text and hash, so the page only stores the result. HTML is parsed
 * with parse5 (shared/article/import-html.ts), since a worker has no
 * DOMParser. Protocol and progress rate: article-import-protocol.ts.
 *
 * The page ends an import by terminating this worker; nothing here stores or
 * fetches anything.
 */
import { parseArticleFile } from '../../../shared/article/import'
import { importHtml } from '../../../shared/article/import-html'
import { canonicalText } from '../../../shared/article/model'
import { ImportRefusedError, userMessageOf } from '../../../shared/errors'
import { packArticle, transferablesOf } from './packed-article'
import { PROGRESS_INTERVAL_MS, type ImportPhase, type ImportRequest, type WorkerMessage } from './article-import-protocol'

interface WorkerScope {
  onmessage: ((event: MessageEvent<ImportRequest>) => Promise<void>) | null
  postMessage(message: WorkerMessage, transfer?: Transferable[]): void
}

const scope = self as unknown as WorkerScope

scope.onmessage = async (event) => {
  const { id, name, bytes } = event.data
  const post = (message: WorkerMessage) => scope.postMessage(message)
  let lastPost = -Infinity
  let lastPhase: ImportPhase | null = null
  // Within a phase, at most one message per interval; the (four) phase changes go at once.
  const progress = (phase: ImportPhase, fraction: number | null) => {
    const now = performance.now()
    if (now - lastPost < PROGRESS_INTERVAL_MS && phase === lastPhase) return
    lastPost = now
    lastPhase = phase
    post({ id, kind: 'progress', phase, fraction })
  }
  try {
    progress('reading', null)
    const parsed = parseArticleFile({ name, bytes }, (html) => {
      const result = importHtml(html, { onProgress: (p) => progress(p.phase, p.total > 0 ? p.done / p.total : null) })
      progress('finishing', null)
      return result
    })
    progress('finishing', null)
    const text = canonicalText(parsed.blocks)
    const article = packArticle(parsed, text)
    scope.postMessage({ id, kind: 'parsed', article, sha256: await sha256OfText(text) }, transferablesOf(article))
  } catch (error) {
    if (error instanceof ImportRefusedError) {
      post({ id, kind: 'refused', code: error.code, message: error.userMessage, fileName: error.fileName })
    } else {
      post({ id, kind: 'failed', message: userMessageOf(error) })
    }
  }
}

/**
 * The same digest as shared/text/sha256.ts `sha256Hex` (SHA-256 of the UTF-8
 * text, lone surrogates as U+FFFD), from WebCrypto: the pure-TS hash takes
 * seconds on a 10 MB article, and a worker may wait for an asynchronous one.
 */
async function sha256OfText(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('')
}
