/**
 * The article the workbench ships with, imported on first run through the same
 * path as any user file (so it is hashed, parsed and stored identically).
 */
import seedText from '../../../fixtures/articles/alaska-summit-2025-08-18.txt?raw'
import type { PickedFile } from '../../../shared/bridge/contract'

export const BUNDLED_ARTICLE_NAME = 'alaska-summit-2025-08-18.txt'

/** The bundled article as if the user had picked the file. */
export function bundledArticleFile(): PickedFile {
  return { name: BUNDLED_ARTICLE_NAME, bytes: new TextEncoder().encode(seedText) }
}
