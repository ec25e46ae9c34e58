/**
 * The bench's data, generated deterministically so every run (ours and the
 * peer's) measures the very same text and annotations:
 *
 * - {@link generatedArticle}: ~1 MB of English-like paragraphs from a seeded
 *   word list (the side-by-side suite's text);
 * - {@link repeatedSeedArticle}: the bundled Japanese op-ed repeated, headings
 *   included, to ~2 MB of UTF-8 (our own figures);
 * - {@link spreadClaims}: N claims spread evenly over a text, made by the app's
 *   own createClaim (so quote and position selectors are what the app stores);
 * - {@link editedCopy}: a copy of a text with a few hundred insertions and
 *   deletions, for re-anchoring.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { finishArticle, parseArticleFile } from '../shared/article/import'
import type { Article, ArticleBlock, ParsedArticle } from '../shared/article/model'
import { blockOffsets } from '../shared/article/model'
import { createClaim } from '../shared/claims/create-claim'
import type { AnnotationSet, Claim, Stance } from '../shared/claims/model'

export const ROOT = join(import.meta.dirname, '..')
export const SEED_ARTICLE = join(ROOT, 'fixtures/articles/alaska-summit-2025-08-18.txt')

/** A small seeded PRNG (mulberry32): the same seed gives the same sequence everywhere. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORDS = (
  'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were ' +
  'her she there been one all we their has would when if so no will more can about said them what out its into only some ' +
  'could time these two may first then do any like my now over such our man me even most made after also did many before ' +
  'must through back years where much your way well down should because each just those people how too little state good ' +
  'very make world still own see men work long get here between both life being under never day same another know while ' +
  'last might us great old year off come since against go came right used take three council river harbour ministry report ' +
  'evidence suggests officials analysts reportedly likely budget summit sanctions trade energy pipeline election turnout'
).split(' ')

function sentence(random: () => number): string {
  const n = 6 + Math.floor(random() * 18)
  const words: string[] = []
  for (let i = 0; i < n; i++) words.push(WORDS[Math.floor(random() * WORDS.length)]!)
  const first = words[0]!
  words[0] = first.charAt(0).toUpperCase() + first.slice(1)
  return `${words.join(' ')}.`
}

function paragraph(random: () => number, minChars: number): string {
  const parts: string[] = []
  let length = 0
  while (length < minChars) {
    const s = sentence(random)
    parts.push(s)
    length += s.length + 1
  }
  return parts.join(' ')
}

function storedArticle(parsed: ParsedArticle, sourceName: string, sourceBytes: number, id: string): Article {
  return finishArticle(parsed, { id, sourceName, sourceBytes, importedAt: '2025-09-01T00:00:00.000Z' })
}

/** ~`bytes` of generated English paragraphs (400-1200 characters each), as a stored article. */
export function generatedArticle(bytes: number, id = 'bench-generated-1mb'): Article {
  const random = prng(0x1b3)
  const blocks: ArticleBlock[] = []
  let total = 0
  while (total < bytes) {
    const text = paragraph(random, 400 + Math.floor(random() * 800))
    blocks.push({ type: 'paragraph', level: 0, text, marks: [] })
    total += text.length + 2
  }
  const parsed: ParsedArticle = { title: 'Generated bench text', publishedOn: '2025-09-01', language: 'en', blocks, format: 'text' }
  return storedArticle(parsed, 'bench-generated.txt', total, id)
}

/** The bundled Japanese article's blocks repeated until the canonical text reaches `bytes` of UTF-8. */
export function repeatedSeedArticle(bytes: number, id = 'bench-seed-2mb'): Article {
  const seed = parseArticleFile({ name: 'alaska-summit-2025-08-18.txt', bytes: readFileSync(SEED_ARTICLE) }, () => {
    throw new Error('the seed is plain text')
  })
  const blocks: ArticleBlock[] = []
  const encoder = new TextEncoder()
  let total = 0
  for (let copy = 1; total < bytes; copy++) {
    blocks.push({ type: 'heading', level: 2, text: `第${copy}部`, marks: [] })
    for (const block of seed.blocks) {
      blocks.push(block)
      total += encoder.encode(block.text).length + 2
    }
  }
  const parsed: ParsedArticle = { ...seed, title: `${seed.title} ×${Math.round(bytes / 1e6)} MB`, blocks }
  return storedArticle(parsed, 'alaska-summit-repeated.txt', total, id)
}

/** The block whose text contains canonical offset `at` (binary search over block starts). */
function blockAt(starts: readonly number[], at: number): number {
  let lo = 0
  let hi = starts.length - 2
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid]! <= at) lo = mid
    else hi = mid - 1
  }
  return lo
}

/**
 * `count` claims spread evenly over the article, each 8-48 characters inside
 * one block, alternating stance at random. Made with the app's createClaim, so
 * each carries position and quote (with context) selectors.
 */
export function spreadClaims(article: Article, set: AnnotationSet, count: number, seed = 7): Claim[] {
  const random = prng(seed)
  const starts = blockOffsets(article.blocks)
  const step = article.text.length / count
  const claims: Claim[] = []
  for (let i = 0; i < count; i++) {
    const wanted = Math.floor(i * step + random() * step * 0.5)
    const b = blockAt(starts, wanted)
    const blockStart = starts[b]!
    const blockEnd = blockStart + article.blocks[b]!.text.length
    const start = Math.min(Math.max(wanted, blockStart), Math.max(blockStart, blockEnd - 8))
    const end = Math.min(blockEnd, start + 8 + Math.floor(random() * 40))
    const stance: Stance = random() < 0.5 ? 'evidenced' : 'speculative'
    const minute = String(i % 60).padStart(2, '0')
    claims.push(
      createClaim({
        set,
        text: article.text,
        start,
        end,
        stance,
        author: set.analyst,
        now: `2025-09-01T10:${minute}:00.000Z`,
        id: `bench-claim-${set.id}-${i}`,
      }),
    )
  }
  return claims
}

/** An annotation set for the bench. */
export function benchSet(documentId: string, id: string, analyst = 'Bench Analyst'): AnnotationSet {
  return { id, documentId, analyst, label: `${analyst}'s reading`, created: '2025-09-01T09:00:00.000Z', origin: 'local' }
}

/**
 * `text` with `edits` insertions and deletions (half each) of 1-20
 * characters at random places, applied from the end so earlier offsets are
 * unaffected while applying.
 */
export function editedCopy(text: string, edits: number, seed = 11): string {
  const random = prng(seed)
  const places = Array.from({ length: edits }, () => Math.floor(random() * text.length)).sort((a, b) => b - a)
  let out = text
  for (const [i, at] of places.entries()) {
    const n = 1 + Math.floor(random() * 20)
    if (i % 2 === 0) out = `${out.slice(0, at)}${'挿入'.repeat(Math.ceil(n / 2)).slice(0, n)}${out.slice(at)}`
    else out = `${out.slice(0, at)}${out.slice(Math.min(out.length, at + n))}`
  }
  return out
}

/** UTF-8 size of a string in bytes. */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length
}
