/**
 * Requests and documents the server tests share: a fetch wrapper that sends
 * the bearer token, and an app-shaped claim annotation on the seed article.
 */
import { randomUUID } from 'node:crypto'

export const MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'
/** An article's SHA-256 for tests (any 64 hex digits will do). */
export const ARTICLE_SHA = 'a'.repeat(63) + '1'
export const OTHER_ARTICLE_SHA = 'b'.repeat(63) + '2'

/** `fetch` with `Authorization: Bearer token` and, for bodies, the JSON-LD type. */
export function client(base: string, token: string | null) {
  return (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
    const headers: Record<string, string> = { ...(token === null ? {} : { Authorization: `Bearer ${token}` }), ...init.headers }
    let body: string | undefined
    if (init.body !== undefined) {
      body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body)
      headers['Content-Type'] ??= MEDIA_TYPE
    }
    return fetch(path.startsWith('http') ? path : `${base}${path}`, { method: init.method ?? 'GET', headers, body })
  }
}

/** A claim as the app exports it, as a standalone W3C annotation with its own `@context`. */
export function claimAnnotation(id = randomUUID(), note = 'A note', articleSha = ARTICLE_SHA): Record<string, unknown> {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `urn:uuid:${id}`,
    type: 'Annotation',
    motivation: 'assessing',
    creator: { type: 'Person', name: 'Aiko' },
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    body: [
      { type: 'TextualBody', purpose: 'classifying', value: 'evidenced', format: 'text/plain' },
      { type: 'TextualBody', purpose: 'commenting', value: note, format: 'text/plain' },
    ],
    target: {
      source: `urn:sha256:${articleSha}`,
      selector: [
        { type: 'TextQuoteSelector', exact: 'the quote', prefix: 'before ', suffix: ' after' },
        { type: 'TextPositionSelector', start: 7, end: 16 },
      ],
    },
  }
}

/** The body that creates (PUT) a shared set on `sha`. */
export function setBody(label = 'Shared set', sha = ARTICLE_SHA): Record<string, unknown> {
  return { type: ['BasicContainer', 'AnnotationCollection'], label, articleSource: `urn:sha256:${sha}` }
}
