/**
 * Where the app starts, from the opening read (state/opening.ts): the last
 * document in the reader (carrying the read, so the reader's first render
 * has the article, its sets and the active set's claims), the library when
 * there is no last document, or nothing yet on a first run, when the bundled
 * article is still to be imported.
 */
import type { Opening, ReaderOpening } from '../state/opening'

/** A route the app can start on; a reader route made at start-up carries the opening read of its document. */
export type StartRoute = { view: 'library' } | { view: 'reader'; documentId: string; opening?: ReaderOpening | null }

/**
 * The start route decided by `opening`'s read, or null while the read is not
 * in (or failed), or on a first run. Each reader route gets its own hand-over
 * (forReader); the claims in it are handed out once.
 */
export function routeOfOpening(opening: Opening | undefined): StartRoute | null {
  const read = opening?.current()
  if (!opening || !read?.seeded) return null
  const documentId = read.document?.article.id
  return documentId ? { view: 'reader', documentId, opening: opening.forReader(documentId) } : { view: 'library' }
}
