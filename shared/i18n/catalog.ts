/**
 * The UI's message catalogs: data (locales/*.json), one per language, with the
 * same keys in each. Both the renderer (through i18next) and Electron's main
 * process (the native menu) read them, so every label exists once per language.
 */
import en from './locales/en.json'
import ja from './locales/ja.json'

export const LOCALES = ['en', 'ja'] as const
export type Locale = (typeof LOCALES)[number]

/** A catalog: nested objects of strings; `{{name}}` marks an interpolated value. */
export type Catalog = { [key: string]: string | Catalog }

export const CATALOGS: Readonly<Record<Locale, Catalog>> = { en, ja }

/** The UI language for a list of preferred languages (e.g. navigator.languages): the first we have, else English. */
export function resolveLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split(/[-_]/)[0]
    if ((LOCALES as readonly string[]).includes(primary ?? '')) return primary as Locale
  }
  return 'en'
}

/** A key without its plural suffix (`claims.count_one` -> `claims.count`). */
export function baseKey(key: string): string {
  return key.replace(/_(zero|one|two|few|many|other)$/, '')
}

/** Every key of a catalog as a dotted path, sorted. */
export function catalogKeys(catalog: Catalog, prefix = ''): string[] {
  const keys: string[] = []
  for (const [k, v] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${k}` : k
    if (typeof v === 'string') keys.push(path)
    else keys.push(...catalogKeys(v, path))
  }
  return keys.sort()
}

/** The message at a dotted key, or null. */
export function messageAt(catalog: Catalog, key: string): string | null {
  let node: string | Catalog | undefined = catalog
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return null
    node = node[part]
  }
  return typeof node === 'string' ? node : null
}

/**
 * Look a message up and fill in `{{name}}` values. Throws RangeError for an
 * unknown key: a missing message is a bug, not something to show as a key.
 */
export function translate(locale: Locale, key: string, values: Record<string, string | number> = {}): string {
  const catalog = CATALOGS[locale]
  // Plurals follow i18next's convention: key_one, key_other (…), chosen by Intl.PluralRules.
  const plural = typeof values.count === 'number' ? `${key}_${new Intl.PluralRules(locale).select(values.count)}` : null
  const message = (plural && messageAt(catalog, plural)) ?? messageAt(catalog, `${key}_other`) ?? messageAt(catalog, key)
  if (message === null) throw new RangeError(`No message "${key}" in the ${locale} catalog`)
  return message.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole))
}

/** Names interpolated in a message, sorted (to check translations use the same ones). */
export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort()
}
