/**
 * `critique report ARTICLE SET.jsonld --format md|html|pdf|csv [--out FILE]
 * [--generated ISO-TIME] [--time-zone ZONE] [--bom] [--chromium PATH]`: import an annotation
 * set onto an article, exactly as the app does, and write its critique report.
 *
 * md, html and csv go to `--out` or stdout. pdf is the HTML report printed by
 * headless Chromium (playwright-core), so it needs `--out` and a Chromium:
 * `--chromium PATH`, else `$CHROMIUM_PATH`, else /usr/bin/chromium.
 *
 * The report's "generated" time is `--generated` or now, shown in
 * `--time-zone` (an IANA name such as Asia/Tokyo) or this machine's zone, with
 * the ISO value beside it. Claim ids the file
 * does not give as UUIDs are derived from the file's hash, so the same inputs
 * give the same report.
 */
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Article } from '../../shared/article/model'
import { CritiqueError } from '../../shared/errors'
import { certaintyWithoutEvidencePredicate, checkGeneratedAt, checkTimeZone, renderReportCsv, renderReportHtml, renderReportMarkdown, type ReportInput } from '../../shared/report'
import { UsageError, parseArgs, type CliCommand, type CliIo } from '../io'
import { loadAnnotationSet, loadArticle } from '../load-inputs'

const FORMATS = ['md', 'html', 'pdf', 'csv'] as const
type Format = (typeof FORMATS)[number]

/** Flags for a headless, offline Chromium that prints one page. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

async function loadSet(cwd: string, name: string, article: Article, generatedAt: string, io: CliIo): Promise<ReportInput> {
  const { set, claims } = await loadAnnotationSet(cwd, name, article, generatedAt, io)
  return { article, set, claims }
}

/** Path of the Chromium to print with: the option, then $CHROMIUM_PATH, then /usr/bin/chromium. */
export function chromiumPath(option: string | undefined, env: CliIo['env']): string {
  return option ?? env.CHROMIUM_PATH ?? '/usr/bin/chromium'
}

/**
 * Print `html` to PDF bytes with headless Chromium at `executablePath`, with
 * every network request refused. Throws CritiqueError (`no-chromium`) when
 * there is no such executable.
 */
export async function printPdf(html: string, executablePath: string): Promise<Uint8Array> {
  if (!existsSync(executablePath)) {
    throw new CritiqueError(
      'no-chromium',
      `PDF needs Chromium, and there is none at ${executablePath}. Install it (with Japanese fonts) with ` +
        '`apt-get install chromium fonts-noto-cjk`, or pass --chromium PATH or set CHROMIUM_PATH.',
    )
  }
  // Loaded on demand: playwright-core takes longer to load than the rest of the CLI together.
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  try {
    const page = await browser.newPage()
    await page.route('**/*', (route) => route.abort())
    await page.setContent(html, { waitUntil: 'load' })
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })
  } finally {
    await browser.close()
  }
}

export const run: CliCommand = async (args, io) => {
  const { positionals, options } = parseArgs(args, ['format', 'out', 'generated', 'time-zone', 'chromium'], ['bom'])
  if (positionals.length !== 2) throw new UsageError('expected an ARTICLE file and a SET file')
  const format = options.format as Format | undefined
  if (format === undefined || !FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`)
  const out = typeof options.out === 'string' ? options.out : undefined
  if (format === 'pdf' && out === undefined) throw new UsageError('--format pdf needs --out FILE')
  if (options.bom === true && format !== 'csv') throw new UsageError('--bom applies to --format csv only')
  const generatedAt = typeof options.generated === 'string' ? options.generated : new Date().toISOString()
  try {
    checkGeneratedAt(generatedAt)
  } catch {
    throw new UsageError(`--generated must be an ISO 8601 time, got "${generatedAt}"`)
  }
  const timeZone = typeof options['time-zone'] === 'string' ? options['time-zone'] : Intl.DateTimeFormat().resolvedOptions().timeZone
  try {
    checkTimeZone(timeZone)
  } catch {
    throw new UsageError(`--time-zone must be an IANA time zone such as Asia/Tokyo or UTC, got "${timeZone}"`)
  }

  const article = await loadArticle(io.cwd, positionals[0]!)
  const input = await loadSet(io.cwd, positionals[1]!, article, generatedAt, io)
  const reportOptions = { generatedAt, timeZone, isCertaintyWithoutEvidence: certaintyWithoutEvidencePredicate(article) }
  let output: string | Uint8Array
  if (format === 'md') output = renderReportMarkdown(input, reportOptions)
  else if (format === 'csv') output = renderReportCsv(input, { bom: options.bom === true })
  else {
    const html = renderReportHtml(input, reportOptions)
    output = format === 'html' ? html : await printPdf(html, chromiumPath(options.chromium as string | undefined, io.env))
  }

  if (out === undefined) {
    io.stdout(output as string)
  } else {
    await writeFile(resolve(io.cwd, out), output)
    const orphans = input.claims.filter((c) => c.orphan === true).length
    io.stderr(`wrote ${out}: ${input.claims.length} claims${orphans > 0 ? `, ${orphans} orphaned` : ''}\n`)
  }
  return 0
}
