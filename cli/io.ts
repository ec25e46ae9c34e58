/**
 * What a CLI command may touch besides the file system: its output streams,
 * working directory and environment. Passed in, so tests capture output
 * without spawning processes.
 */
export interface CliIo {
  stdout(text: string): void
  stderr(text: string): void
  cwd: string
  env: Record<string, string | undefined>
}

/** A subcommand: takes its own arguments (after the name) and returns the exit code. */
export type CliCommand = (args: string[], io: CliIo) => Promise<number>

/** Thrown for bad command-line usage; printed with the usage line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/**
 * Split argv into positionals and `--flag value` / `--flag` options.
 * `valued` names the flags that take a value; any other `--x` is boolean.
 * Throws {@link UsageError} on an unknown flag or a missing value.
 */
export function parseArgs(
  args: string[],
  valued: readonly string[],
  booleans: readonly string[],
): { positionals: string[]; options: Record<string, string | boolean> } {
  const positionals: string[] = []
  const options: Record<string, string | boolean> = {}
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (!arg.startsWith('--')) {
      positionals.push(arg)
      continue
    }
    const [flag, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined]
    if (valued.includes(flag)) {
      const value = inline ?? args[++i]
      if (value === undefined) throw new UsageError(`--${flag} needs a value`)
      options[flag] = value
    } else if (booleans.includes(flag)) {
      options[flag] = true
    } else {
      throw new UsageError(`unknown option --${flag}`)
    }
  }
  return { positionals, options }
}
