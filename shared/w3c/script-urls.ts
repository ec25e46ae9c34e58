/**
 * Finding script URLs (`javascript:`, `vbscript:`) in imported bodies. A file
 * that carries one is refused whole: it was made to attack whoever opens a
 * link in it, and nothing else in it can be trusted either.
 */

const SCRIPT_SCHEME = /^(?:java|vb)script:/i
// Link syntax inside free text: markdown `](...)`, autolinks `<...>`, HTML attributes.
const SCRIPT_LINK_IN_TEXT = /(?:\]\(\s*|<\s*|\b(?:href|src|action|formaction|xlink:href)\s*=\s*["']?\s*)(?:java|vb)script:/i

/** Keys whose values are prose, not URLs (a note may say "JavaScript: ..."). */
const TEXT_KEYS = new Set(['value', 'bodyValue', 'text', 'sourceCitation', 'label', 'name', 'nickname', 'exact', 'prefix', 'suffix'])

/**
 * True when `url`, read the way browsers read an href (leading spaces and
 * control characters dropped, tabs and newlines removed), has a script scheme.
 */
export function isScriptUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '')
  return SCRIPT_SCHEME.test(cleaned)
}

/** True when prose holds a script URL in link syntax (markdown, autolink or HTML attribute). */
export function hasScriptLink(text: string): boolean {
  return SCRIPT_LINK_IN_TEXT.test(text.replace(/[\t\n\r]/g, ''))
}

/**
 * The first script URL found anywhere in `value` (strings, arrays, objects),
 * or null. Strings under a prose key (see TEXT_KEYS) are searched for link
 * syntax; all other strings are judged as URLs. `key` is the property the
 * value sits under. The walk stops at `maxDepth` (inputs are depth-checked
 * before parsing, so this is a second guard, not the first). Never throws.
 */
export function findScriptUrl(value: unknown, key = '', maxDepth = 64): string | null {
  if (typeof value === 'string') {
    const hit = TEXT_KEYS.has(key) ? hasScriptLink(value) : isScriptUrl(value) || hasScriptLink(value)
    return hit ? value : null
  }
  if (maxDepth <= 0 || typeof value !== 'object' || value === null) return null
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((v) => [key, v]) : Object.entries(value)
  for (const [k, v] of entries) {
    const found = findScriptUrl(v, k, maxDepth - 1)
    if (found !== null) return found
  }
  return null
}
