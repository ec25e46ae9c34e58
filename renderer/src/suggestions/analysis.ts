/**
 * Running the claim finder for the reader: once per article and lexicon
 * (memoised), in a Web Worker so that a long article never blocks the page.
 * Where no worker can be started (a test environment, a locked-down host), the
 * analysis runs on the main thread when the browser is idle, after first paint.
 *
 * Measured on the seed op-ed repeated 270 times (about 2 MB of UTF-8, 13,000
 * sentences, 6,200 suggestions): 260-330 ms in Node, 360-510 ms on Chromium's
 * main thread (suggestions.browser.test.ts prints it) — too long to block the
 * reader while it opens, unnoticeable in a worker.
 */
import type { ArticleBlock } from '../../../shared/article/model'
import { analyse, InvalidCueError, type Lexicon, type SentenceSuggestion } from '../../../shared/cues'
import type { AnalyseRequest, AnalyseResponse } from './analysis-protocol'

/** What the analysis needs of an article. */
export interface AnalysableArticle {
  id: string
  text: string
  blocks: readonly Pick<ArticleBlock, 'type' | 'text'>[]
  /** The article's own date (YYYY-MM-DD): dates after it are predictions, not evidence. */
  publishedOn?: string | null
}

/** How many analyses are kept: the open article under a few lexicons (editing cues, then undoing). */
const CACHE_SIZE = 4

const cache = new Map<string, Promise<SentenceSuggestion[]>>()

/**
 * A string that changes whenever the lexicon's effect could: every entry's
 * id, kind, match, pattern and case flag, in order.
 */
export function lexiconFingerprint(lexicon: Lexicon): string {
  return JSON.stringify(lexicon.map((e) => [e.id, e.language, e.kind, e.match, e.pattern, e.caseSensitive ?? false]))
}

type Runner = (request: Omit<AnalyseRequest, 'id'>) => Promise<SentenceSuggestion[]>

let worker: Worker | null | undefined
let nextId = 1
const waiting = new Map<number, { resolve(s: SentenceSuggestion[]): void; reject(e: unknown): void }>()

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null
  try {
    const w = new Worker(new URL('./analyse.worker.ts', import.meta.url), { type: 'module', name: 'claim-finder' })
    w.onmessage = (event: MessageEvent<AnalyseResponse>) => {
      const response = event.data
      const entry = waiting.get(response.id)
      if (!entry) return
      waiting.delete(response.id)
      if (response.ok) entry.resolve(response.suggestions)
      else entry.reject(new InvalidCueError(response.message, response.cueId))
    }
    w.onerror = (event) => {
      // The worker could not load or crashed: finish what it owed on the main thread, and stay there.
      event.preventDefault()
      worker = null
      w.terminate()
      for (const [id, entry] of waiting) {
        waiting.delete(id)
        entry.reject(new WorkerUnavailable())
      }
    }
    return w
  } catch {
    return null
  }
}

class WorkerUnavailable extends Error {}

const inWorker: Runner = (request) => {
  worker ??= startWorker()
  const w = worker
  if (!w) return onMainThread(request)
  const id = nextId++
  return new Promise<SentenceSuggestion[]>((resolve, reject) => {
    waiting.set(id, { resolve, reject })
    w.postMessage({ id, ...request } satisfies AnalyseRequest)
  }).catch((error: unknown) => (error instanceof WorkerUnavailable ? onMainThread(request) : Promise.reject(error)))
}

function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 500 })
    else setTimeout(resolve, 0)
  })
}

const onMainThread: Runner = async ({ text, blocks, lexicon, publishedOn }) => {
  await whenIdle()
  return analyse(text, lexicon, { blocks, publishedOn }).filter((s) => s.suggestion !== null)
}

/**
 * The sentences of `article` that `lexicon` suggests a stance for, in
 * document order (see `analyse` in shared/cues; sentences without a
 * suggestion are left out). The same article and an equal lexicon give the
 * same promise, so re-rendering never re-analyses.
 *
 * Rejects with InvalidCueError when a lexicon entry does not compile (the
 * failed result is not kept, so a corrected lexicon is analysed afresh).
 */
export function analyseArticle(article: AnalysableArticle, lexicon: Lexicon, run: Runner = inWorker): Promise<SentenceSuggestion[]> {
  const key = `${article.id}\u0000${lexiconFingerprint(lexicon)}`
  const hit = cache.get(key)
  if (hit) {
    // Most recently used last, so the oldest is evicted first.
    cache.delete(key)
    cache.set(key, hit)
    return hit
  }
  const result = run({
    text: article.text,
    blocks: article.blocks.map(({ type, text }) => ({ type, text })),
    lexicon: [...lexicon],
    publishedOn: article.publishedOn ?? null,
  })
  cache.set(key, result)
  result.catch(() => {
    if (cache.get(key) === result) cache.delete(key)
  })
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!)
  return result
}
