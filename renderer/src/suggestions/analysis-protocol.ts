/**
 * Messages between the page and the claim finder's worker
 * (`analyse.worker.ts`). Everything in them is structured-cloneable data.
 */
import type { ArticleBlock } from '../../../shared/article/model'
import type { CueEntry, SentenceSuggestion } from '../../../shared/cues/model'

/** Analyse `text` (made of `blocks`) with `lexicon`. */
export interface AnalyseRequest {
  id: number
  text: string
  blocks: Pick<ArticleBlock, 'type' | 'text'>[]
  lexicon: CueEntry[]
  /** The article's own date (YYYY-MM-DD), or null when it has none. */
  publishedOn: string | null
}

/** The suggested sentences of request `id`, or why it failed. */
export type AnalyseResponse =
  | { id: number; ok: true; suggestions: SentenceSuggestion[] }
  | { id: number; ok: false; message: string; cueId: string | undefined }
