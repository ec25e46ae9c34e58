/**
 * An article whose text opens with its own title (a Markdown `# Title` under
 * a front-matter title, a plain-text first line that is a heading) would show
 * the title twice and list it in the outline. The text keeps that heading
 * (claims and offsets never move); the desk shows it once.
 */
import type { Article } from '../../../shared/article/model'

const same = (a: string, b: string) => a.normalize('NFC').replace(/\s+/g, ' ').trim() === b.normalize('NFC').replace(/\s+/g, ' ').trim()

/** Whether the article's first block is a heading that says its title. Never throws. */
export function opensWithTitle(article: Pick<Article, 'blocks' | 'title'>): boolean {
  const first = article.blocks[0]
  return first !== undefined && first.type === 'heading' && same(first.text, article.title)
}
