/**
 * Display formatting shared by the views: sizes, dates and language names,
 * through Intl so they follow the user's locale.
 */

// Intl formatters are costly to make (≈ 4-13 ms for the first DateTimeFormat of a
// locale here) and the article header formats its date on every desk render, for
// example each time a selection shows the tag toolbar: make each kind once per locale.
const dayFormats = new Map<string, Intl.DateTimeFormat>()
const instantFormats = new Map<string, Intl.DateTimeFormat>()

function cached(cache: Map<string, Intl.DateTimeFormat>, locale: string | undefined, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  const key = locale ?? ''
  let format = cache.get(key)
  if (!format) cache.set(key, (format = make()))
  return format
}

/** "7.2 KB", "2.1 MB". Throws RangeError on a negative or non-finite size. */
export function formatBytes(bytes: number, locale?: string): string {
  if (!Number.isFinite(bytes) || bytes < 0) throw new RangeError(`byte count must be >= 0, got ${bytes}`)
  const units = ['B', 'KB', 'MB', 'GB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value)} ${units[unit]}`
}

/** A calendar date (YYYY-MM-DD) in long form; the raw string if it does not parse. */
export function formatDay(day: string, locale?: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!match) return day
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return cached(dayFormats, locale, () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })).format(date)
}

/** An instant (ISO string) as date and time. */
export function formatInstant(iso: string, locale?: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return cached(instantFormats, locale, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(date)
}

/** "Japanese", "English" for a BCP 47 tag; "Unknown" for 'und'. */
export function languageName(tag: string, locale?: string): string {
  if (!tag || tag === 'und') return 'Unknown'
  try {
    return new Intl.DisplayNames(locale ? [locale] : undefined, { type: 'language' }).of(tag) ?? tag
  } catch {
    return tag
  }
}
