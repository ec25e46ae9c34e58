/**
 * `critique`: the command line over the same shared/ code the app runs.
 * Each subcommand lives in `commands/<name>.ts` and is loaded only when used.
 */
import { CritiqueError } from '../shared/errors'
import { UsageError, type CliCommand, type CliIo } from './io'

const COMMANDS: Record<string, { usage: string; load: () => Promise<{ run: CliCommand }> }> = {
  import: {
    usage: 'critique import ARTICLE ANNOTATIONS [--out SET.jsonld] [--json]',
    load: () => import('./commands/import'),
  },
  validate: { usage: 'critique validate FILE', load: () => import('./commands/validate') },
  report: {
    usage: 'critique report ARTICLE SET.jsonld --format md|html|pdf|csv [--out FILE] [--generated ISO-TIME] [--bom] [--chromium PATH]',
    load: () => import('./commands/report'),
  },
  compare: {
    usage: 'critique compare ARTICLE A.jsonld B.jsonld [more sets...] [--min-overlap X] [--json]',
    load: () => import('./commands/compare'),
  },
  cues: { usage: 'critique cues ARTICLE [--json]', load: () => import('./commands/cues') },
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
    const { run } = await command.load()
    return await run(rest, io)
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
