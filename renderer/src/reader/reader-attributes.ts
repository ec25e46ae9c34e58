/**
 * The DOM attributes of a read-only article view (the reader and Compare's
 * reader alike), so both present the same semantics to assistive technology.
 */
import type { Article } from '../../../shared/article/model'

/**
 * A read-only multi-line text box is what an article view is to assistive
 * technology: the caret moves and selects, typing is refused. `tabindex`
 * makes axe (and older screen readers) see the scrolling view as
 * keyboard-reachable. Spelling, autocorrection and page translation are off:
 * the text is evidence and must stay exactly as imported.
 */
export function readOnlyArticleAttributes(article: Pick<Article, 'language'>, label: string, className: string): Record<string, string> {
  return {
    class: className,
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-readonly': 'true',
    tabindex: '0',
    'aria-label': label,
    lang: article.language === 'und' ? '' : article.language,
    spellcheck: 'false',
    autocorrect: 'off',
    autocapitalize: 'off',
    translate: 'no',
  }
}
