/**
 * `critique`: the command line over the same shared/ code the app runs.
 * Each subcommand lives in `commands/<name>.ts`. scripts/build-cli.mjs bundles
 * this file and everything it imports into out/cli/critique.mjs, which
 * bin/critique.mjs runs. Keep start-up cheap: a package that is slow to load
 * and needed by one command only (playwright-core) is imported inside it.
 */
import { CritiqueError } from '../shared/errors'
import { run as runCompare } from './commands/compare'
import { run as runCues } from './commands/cues'
import { run as runImport } from './commands/import'
import { run as runReport } from './commands/report'
import { run as runServe } from './commands/serve'
import { runPull, runPush } from './commands/team'
import { run as runValidate } from './commands/validate'
import { UsageError, type CliCommand, type CliIo } from './io'

const COMMANDS: Record<string, { usage: string; run: CliCommand }> = {
  import: {
    usage: 'critique import ARTICLE ANNOTATIONS [--out SET.jsonld] [--json]',
    run: runImport,
  },
  validate: { usage: 'critique validate FILE', run: runValidate },
  report: {
    usage: 'critique report ARTICLE SET.jsonld --format md|html|pdf|csv [--out FILE] [--generated ISO-TIME] [--time-zone ZONE] [--bom] [--chromium PATH]',
    run: runReport,
  },
  compare: {
    usage: 'critique compare ARTICLE A.jsonld B.jsonld [more sets...] [--min-overlap X] [--json]',
    run: runCompare,
  },
  cues: { usage: 'critique cues ARTICLE [--json]', run: runCues },
  serve: {
    usage:
      'critique serve [--port 8787] [--host 127.0.0.1] [--data DIR | --database-url URL] [--cors-origin ORIGIN,...] [--public-url URL] [--page-size N] [--max-body BYTES]\n' +
      '  critique serve user add NAME --team TEAM [--data DIR | --database-url URL]\n  critique serve user list [--data DIR | --database-url URL]',
    run: runServe,
  },
  push: { usage: 'critique push ARTICLE SET.jsonld --server URL --token TOKEN (or CRITIQUE_TOKEN)', run: runPush },
  pull: { usage: 'critique pull ARTICLE --server URL --token TOKEN (or CRITIQUE_TOKEN) [--out DIR]', run: runPull },
}

function usage(): string {
  return ['Usage:', ...Object.values(COMMANDS).map((c) => `  ${c.usage}`)].join('\n') + '\n'
}

/** Run the CLI with `argv` (without node and script); returns the process exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h') {
    io.stdout(usage())
    return name ? 0 : 2
  }
  const command = COMMANDS[name]
  if (!command) {
    io.stderr(`critique: unknown command "${name}"\n${usage()}`)
    return 2
  }
  try {
    return await command.run(rest, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`critique ${name}: ${error.message}\nUsage: ${command.usage}\n`)
      return 2
    }
    if (error instanceof CritiqueError) {
      io.stderr(`critique ${name}: ${error.userMessage}\n`)
      return 1
    }
    throw error
  }
}
