/**
 * Annotation sets with many claims on the seed article, written as W3C
 * JSON-LD files and imported through the claims panel's "Import annotations…"
 * button, as an analyst who received a colleague's set would. Tagging fifty
 * claims by hand in a test would take minutes and test nothing more.
 */
import { expect, type Page } from '@playwright/test'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe } from '../../shared/anchoring'
import type { AnnotationSet, Claim, Stance } from '../../shared/claims/model'
import { exportSet } from '../../shared/w3c'
import { seedArticle } from '../../fixtures/w3c/seed-claims'
import { claimsPanel } from './app'

/**
 * The seed's clauses (text between Japanese commas and full stops) of at least
 * eight characters, in document order and not overlapping: enough distinct
 * places for fifty claims.
 */
function seedClauses(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = []
  const pattern = /[^、。\n「」]{8,}/g
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) out.push({ start: m.index, end: m.index + m[0].length })
  return out
}

/**
 * Write a W3C JSON-LD file holding one set of `count` claims on the seed
 * article; `stanceOf(i)` gives the i-th claim's stance. Returns the file path.
 *
 * @throws RangeError when the seed has fewer than `count` clauses.
 */
export function writeSeedSet(name: string, analyst: string, count: number, stanceOf: (i: number) => Stance): string {
  const article = seedArticle()
  const clauses = seedClauses(article.text)
  if (clauses.length < count) throw new RangeError(`the seed has ${clauses.length} clauses, fewer than ${count}`)
  const setId = `0000000${name.length}-1111-4222-8333-${String(count).padStart(12, '0')}`
  const set: AnnotationSet = { id: setId, documentId: article.id, analyst, label: `${analyst} (${count})`, created: '2025-08-22T08:05:00.000Z', origin: 'local' }
  const claims: Claim[] = clauses.slice(0, count).map((range, i) => ({
    id: `${setId.slice(0, 24)}${String(i).padStart(12, '0')}`,
    setId,
    documentId: article.id,
    stance: stanceOf(i),
    target: describe(article.text, range.start, range.end),
    note: '',
    evidence: [],
    counterpoints: [],
    tags: [],
    created: '2025-08-22T08:10:00.000Z',
    modified: '2025-08-22T08:10:00.000Z',
    author: analyst,
  }))
  const file = join(mkdtempSync(join(tmpdir(), 'cw-set-')), `${name}.jsonld`)
  writeFileSync(file, JSON.stringify(exportSet(article, set, claims), null, 2))
  return file
}

/** Import `file` through the claims panel and close the result dialog; the imported set becomes the active one. */
export async function importSetFile(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await claimsPanel(page).getByRole('button', { name: 'Import annotations…' }).click()
  await (await chooser).setFiles(file)
  const result = page.getByRole('dialog', { name: 'Import result' })
  await result.getByRole('button', { name: 'Done' }).click()
  await expect(result).toBeHidden()
}
