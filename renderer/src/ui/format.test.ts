import { describe, expect, it } from 'vitest'
import { formatDay, formatInstant } from './format'

describe('formatDay and formatInstant', () => {
  it('format in the locale asked for each time, though their formatters are made once per locale', () => {
    expect(formatDay('2025-08-18', 'en')).toBe('August 18, 2025')
    expect(formatDay('2025-08-18', 'ja')).toBe('2025年8月18日')
    expect(formatDay('2025-08-18', 'en')).toBe('August 18, 2025')
    expect(formatInstant('2025-08-18T09:30:00.000Z', 'ja')).toMatch(/^2025\/08\/18 \d{1,2}:30$/)
    expect(formatInstant('2025-08-18T09:30:00.000Z', 'en')).toMatch(/^Aug 18, 2025, \d{1,2}:30\s?[AP]M$/)
  })

  it('keep what does not parse as it is', () => {
    expect(formatDay('18 August', 'en')).toBe('18 August')
    expect(formatInstant('not a time', 'en')).toBe('not a time')
  })
})
