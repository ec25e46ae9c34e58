/**
 * Bench figures: medians, targets, the ratio guard and the printed table.
 * A figure is `{ name, value, unit, target }` as bench-results.json stores it;
 * `target` is a comparison such as "< 1000" or ">= 10", or null when the
 * figure is only context (e.g. the peer's own time).
 */

export interface Figure {
  name: string
  value: number
  unit: string
  target: string | null
  /** 95th percentile of the samples the median came from, when there are several. */
  p95?: number
}

/** One timed run, with when it was taken (ms since the epoch). */
export interface Sample {
  value: number
  at: number
}

/** Median of a non-empty list (mean of the middle two for even lengths). Throws RangeError on an empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values')
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/**
 * 95th percentile by nearest rank: the smallest sample with at least 95 % of
 * the samples at or below it (with fewer than 20 samples, the largest).
 * Throws RangeError on an empty list.
 */
export function p95(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('p95 of no values')
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.ceil(0.95 * sorted.length) - 1]!
}

/** A figure whose value is the median of `samples`, with their p95 beside it. */
export function medianFigure(name: string, samples: readonly number[], unit: string, target: string | null): Figure {
  return { name, value: median(samples), unit, target, p95: samples.length > 1 ? p95(samples) : undefined }
}

/** Whether `value` meets `target` ("< n", "<= n", "> n", ">= n"); null when there is no target. Throws RangeError on an unreadable target. */
export function meets(value: number, target: string | null): boolean | null {
  if (target === null) return null
  const m = /^(<=|>=|<|>)\s*(-?\d+(?:\.\d+)?)$/.exec(target.trim())
  if (!m) throw new RangeError(`unreadable target ${JSON.stringify(target)}`)
  const bound = Number(m[2])
  switch (m[1]) {
    case '<':
      return value < bound
    case '<=':
      return value <= bound
    case '>':
      return value > bound
    default:
      return value >= bound
  }
}

export type RatioVerdict = { ok: true; ratio: number; spanMs: number } | { ok: false; reason: string }

/**
 * The peer-over-ours ratio of medians, only when both series were taken in
 * this process, interleaved within `maxSpanMs` of each other: a ratio of runs
 * taken at different times (another load on the machine, another build) is
 * refused with the reason.
 */
export function ratioOfSimultaneous(ours: readonly Sample[], peer: readonly Sample[], sessionStart: number, maxSpanMs: number): RatioVerdict {
  if (ours.length === 0 || peer.length === 0) return { ok: false, reason: 'one of the two series has no runs' }
  const all = [...ours, ...peer]
  const first = Math.min(...all.map((s) => s.at))
  const last = Math.max(...all.map((s) => s.at))
  if (first < sessionStart) return { ok: false, reason: 'a run predates this bench session' }
  if (last - first > maxSpanMs) {
    return { ok: false, reason: `runs span ${Math.round((last - first) / 1000)} s, more than the ${Math.round(maxSpanMs / 1000)} s allowed` }
  }
  const oursMedian = median(ours.map((s) => s.value))
  if (!(oursMedian > 0)) return { ok: false, reason: 'our median is not positive' }
  return { ok: true, ratio: median(peer.map((s) => s.value)) / oursMedian, spanMs: last - first }
}

const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2))

/** The figures as an aligned text table with a met/NOT MET column. */
export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => {
    const ok = meets(f.value, f.target)
    return [f.name, `${fmt(f.value)} ${f.unit}`, f.p95 === undefined ? '' : fmt(f.p95), f.target ?? '', ok === null ? '' : ok ? 'met' : 'NOT MET']
  })
  const head = ['figure', 'median', 'p95', 'target', '']
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}

/** `samples` formatted for the log, e.g. "[812, 790, 801]". */
export function formatSamples(samples: readonly number[]): string {
  return `[${samples.map(fmt).join(', ')}]`
}
