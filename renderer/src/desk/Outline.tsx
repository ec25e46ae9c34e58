/**
 * The outline: the article's headings as a navigation landmark; choosing one
 * scrolls the reader to it.
 */
import { useTranslation } from 'react-i18next'
import type { Article } from '../../../shared/article/model'
import { blockOffsets } from '../../../shared/article/model'
import { opensWithTitle } from './article-title'

export interface OutlineEntry {
  title: string
  level: number
  offset: number
}

/** Headings of an article with their offsets in the canonical text; a first heading that is the title is not listed. */
export function outlineOf(article: Pick<Article, 'blocks' | 'title'>): OutlineEntry[] {
  const offsets = blockOffsets(article.blocks)
  const entries: OutlineEntry[] = []
  const skipFirst = opensWithTitle(article)
  article.blocks.forEach((block, i) => {
    if (block.type === 'heading' && !(i === 0 && skipFirst)) entries.push({ title: block.text, level: block.level, offset: offsets[i]! })
  })
  return entries
}

export function Outline({ entries, onJump }: { entries: readonly OutlineEntry[]; onJump(offset: number): void }) {
  const { t } = useTranslation()
  if (entries.length === 0) return null
  return (
    <nav className="outline" aria-label={t('reader.outline')}>
      <h2 className="panel-title">{t('reader.outline')}</h2>
      <ol>
        {entries.map((entry) => (
          <li key={entry.offset} className={`outline-level-${entry.level}`}>
            <button type="button" className="outline-link" onClick={() => onJump(entry.offset)}>
              {entry.title}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  )
}
