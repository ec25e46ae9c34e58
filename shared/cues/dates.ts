/**
 * Reading the dates the claim finder finds (2025年8月, 3月末までに,
 * "of 2035", "September 2027") well enough to tell whether they lie before or
 * after the article's own date: a date after it is a prediction, not evidence.
 */

/** A calendar date, as precise as the text gives it. */
export interface PartialDate {
  year: number
  month: number | null
  day: number | null
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
const MONTH_ABBREVIATIONS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** Full-width digits to ASCII (２０２５ → 2025). */
function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
}

/**
 * The article's date from a "YYYY-MM-DD" string.
 *
 * @throws RangeError when `iso` is not a valid YYYY-MM-DD date.
 */
export function parsePublicationDate(iso: string): PartialDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  const month = m ? Number(m[2]) : 0
  const day = m ? Number(m[3]) : 0
  if (!m || month < 1 || month > 12 || day < 1 || day > 31) throw new RangeError(`publishedOn must be a YYYY-MM-DD date, got "${iso}"`)
  return { year: Number(m[1]), month, day }
}

/**
 * Year offset implied by the words just before a date in Japanese
 * (昨年3月 is last year's March, 来年4月 next year's April).
 */
function japaneseYearShift(before: string): number | null {
  const m = /(一昨年|昨年|去年|前年|来年|再来年|今年|本年)(?:の)?(?:度)?$/.exec(before)
  if (!m) return null
  return { 一昨年: -2, 昨年: -1, 去年: -1, 前年: -1, 来年: 1, 再来年: 2, 今年: 0, 本年: 0 }[m[1]!] ?? null
}

/**
 * The date `cueText` names, reading a year it leaves out from `before` (the
 * sentence text before the cue: 昨年, "last", "next") or else from the
 * article's year. Null when the text names no year, month or day that can be
 * placed (a bare weekday, a date without an article date to anchor it).
 */
export function readDate(cueText: string, before: string, published: PartialDate | null): PartialDate | null {
  const text = asciiDigits(cueText)
  let year: number | null = null
  let month: number | null = null
  let day: number | null = null
  const ja = /(?:(\d{4})年)?(?:度)?(?:(\d{1,2})月)?(?:(\d{1,2})日)?/.exec(text.replace(/^[^\d]*/, ''))
  if (/[年月日]/.test(text) && ja) {
    year = ja[1] ? Number(ja[1]) : null
    month = ja[2] ? Number(ja[2]) : null
    day = ja[3] ? Number(ja[3]) : null
    if (year === null && published) year = published.year + (japaneseYearShift(before) ?? 0)
  } else {
    const y = /\b((?:19|20)\d{2})\b/.exec(text)
    year = y ? Number(y[1]) : null
    const lower = text.toLowerCase()
    const monthIndex = MONTHS.findIndex((name) => new RegExp(`\\b${name}\\b`).test(lower))
    const abbreviated = monthIndex >= 0 ? monthIndex : MONTH_ABBREVIATIONS.findIndex((name) => new RegExp(`\\b${name}\\b`).test(lower))
    month = abbreviated >= 0 ? abbreviated + 1 : null
    const d = /\b(\d{1,2})(?:st|nd|rd|th)?\b(?!\d)/.exec(text.replace(/\b(?:19|20)\d{2}\b/, ''))
    day = month !== null && d ? Number(d[1]) : null
    if (year === null && month !== null && published) {
      const shift = /\blast\s+$/i.test(before) ? -1 : /\bnext\s+$/i.test(before) ? 1 : 0
      year = published.year + shift
    }
  }
  if (year === null) return null
  return { year, month, day }
}

/**
 * Whether `date` lies after `published`, at the precision `date` gives:
 * "2025" is not after 2025-05-14, "June 2025" is, "May 2025" is not.
 */
export function isAfter(date: PartialDate, published: PartialDate): boolean {
  if (date.year !== published.year) return date.year > published.year
  if (date.month === null || published.month === null) return false
  if (date.month !== published.month) return date.month > published.month
  if (date.day === null || published.day === null) return false
  return date.day > published.day
}

/** Whether `date` lies strictly before `published`, at the precision `date` gives. */
export function isBefore(date: PartialDate, published: PartialDate): boolean {
  if (date.year !== published.year) return date.year < published.year
  if (date.month === null || published.month === null) return false
  if (date.month !== published.month) return date.month < published.month
  if (date.day === null || published.day === null) return false
  return date.day < published.day
}
