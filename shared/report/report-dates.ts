/**
 * Dates and times as a report's reader reads them: in the report's language
 * and the analyst's time zone ("August 21, 2025 at 06:00 PM GMT+9",
 * 「2025年8月21日 18:00 JST」). The ISO value stays in the file beside it (HTML
 * `<time datetime>`, Markdown in brackets) and is all that CSV prints, so
 * machines read what they always read. The time zone is passed in, never read
 * from the machine here, so a report stays a pure function of its inputs.
 */

/** The time zone of a report when none is given: UTC, so output never depends on the machine. */
export const DEFAULT_REPORT_TIME_ZONE = 'UTC'

/**
 * Check that `timeZone` is an IANA time zone (or "UTC") that Intl knows, and
 * return it. Throws RangeError naming the bad value otherwise.
 */
export function checkTimeZone(timeZone: unknown): string {
  if (typeof timeZone !== 'string' || timeZone === '') throw new RangeError(`timeZone must be an IANA time zone name, got ${JSON.stringify(timeZone)}`)
  try {
    new Intl.DateTimeFormat('en', { timeZone })
  } catch {
    throw new RangeError(`timeZone must be an IANA time zone name, got ${JSON.stringify(timeZone)}`)
  }
  return timeZone
}

/**
 * An ISO 8601 date or date-time as a long date and, when the value has a time,
 * the time and the zone's short name, in `language` (a BCP 47 tag) and
 * `timeZone`. A date-only value is a calendar day and is not shifted. Throws
 * RangeError when `iso` does not parse or `timeZone` is unknown.
 */
export function formatReportInstant(iso: string, language: string, timeZone: string): string {
  const dayOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (dayOnly) return formatReportDay(iso, language)
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) throw new RangeError(`not an ISO 8601 time: ${JSON.stringify(iso)}`)
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone: checkTimeZone(timeZone),
  }).format(date)
}

/**
 * A calendar day (YYYY-MM-DD) in long form in `language`: "August 18, 2025",
 * 「2025年8月18日」. Returns `day` unchanged when it is not a valid YYYY-MM-DD.
 */
export function formatReportDay(day: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!match) return day
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) return day
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(date)
}
