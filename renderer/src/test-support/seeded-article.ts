/**
 * The one stored article of the opening and session browser tests: a
 * one-paragraph note (document {@link TEST_DOCUMENT_ID}), stored with its sets
 * and claims and the prefs that make the app reopen it, as after a first run.
 */
import { finishArticle } from '../../../shared/article/import'
import type { AnnotationSet, Claim } from '../../../shared/claims/model'
import { TEST_DOCUMENT_ID } from '../../../shared/claims/test-builders'
import { addSetWithClaims } from '../storage/claims-repo'
import type { WorkbenchDb } from '../storage/database'
import { addDocument } from '../storage/documents-repo'
import { setPref } from '../storage/prefs-repo'

/** The note: "The council reportedly approved the budget." */
export const NOTE_ARTICLE = finishArticle(
  { title: 'Note', publishedOn: null, language: 'en', format: 'text', blocks: [{ type: 'paragraph', level: 0, text: 'The council reportedly approved the budget.', marks: [] }] },
  { id: TEST_DOCUMENT_ID, sourceName: 'note.txt', sourceBytes: 44, importedAt: '2025-08-19T09:00:00.000Z' },
)

/**
 * Store {@link NOTE_ARTICLE}, each of `sets` with its claims (in the order
 * given), and the prefs (`seeded`, `lastDocumentId`) that reopen the note.
 * Rejects as the storage calls do.
 */
export async function seedNote(db: WorkbenchDb, sets: readonly { set: AnnotationSet; claims: readonly Claim[] }[]): Promise<void> {
  const { blocks, text, id, sha256, sourceName, sourceBytes, importedAt, ...meta } = NOTE_ARTICLE
  await addDocument(db, { parsed: { ...meta, blocks }, text, sha256, sourceName, sourceBytes, id, importedAt })
  for (const { set, claims } of sets) await addSetWithClaims(db, set, claims)
  await Promise.all([setPref(db, 'seeded', true), setPref(db, 'lastDocumentId', NOTE_ARTICLE.id)])
}
