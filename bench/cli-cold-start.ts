/**
 * The `critique` command's cold start: wall time of `node bin/critique.mjs
 * --help` (the bundled CLI, as `npx critique --help` runs it) minus that of a
 * bare `node -e 0`, so the figure is what the CLI adds to Node's own start.
 * Runs alternate between the two commands so neither meets a quieter machine.
 */
import { spawnSync } from 'node:child_process'
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { CLI_BUNDLE, buildCli, cliBundleIsStale } from '../scripts/build-cli.mjs'
import { ROOT } from './data'
import { median } from './figures'

export interface CliColdStart {
  /** median(--help) - median(node -e 0), ms. */
  ms: number
  helpMs: number[]
  bareMs: number[]
}

function timeNode(args: string[]): { ms: number; status: number | null; stdout: string } {
  const t0 = performance.now()
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' })
  return { ms: performance.now() - t0, status: result.status, stdout: result.stdout }
}

/**
 * Measure `runs` pairs after one warm-up pair (file cache). Builds the bundle
 * first when it is stale, so no run includes a rebuild.
 *
 * @throws Error when `--help` fails, prints no usage, or the bundle was rebuilt during the runs.
 */
export async function measureCliColdStart(runs: number): Promise<CliColdStart> {
  if (cliBundleIsStale()) await buildCli()
  const builtAt = statSync(CLI_BUNDLE).mtimeMs
  const help = [join(ROOT, 'bin/critique.mjs'), '--help']
  const bare = ['-e', '0']
  const helpMs: number[] = []
  const bareMs: number[] = []
  for (let i = -1; i < runs; i++) {
    const order = i % 2 === 0 ? [help, bare] : [bare, help]
    for (const args of order) {
      const run = timeNode(args)
      if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${run.status}`)
      if (args === help && !run.stdout.startsWith('Usage:')) throw new Error(`critique --help printed no usage: ${JSON.stringify(run.stdout.slice(0, 80))}`)
      if (i >= 0) (args === help ? helpMs : bareMs).push(run.ms)
    }
  }
  if (statSync(CLI_BUNDLE).mtimeMs !== builtAt) throw new Error('the CLI bundle was rebuilt while it was being timed')
  return { ms: median(helpMs) - median(bareMs), helpMs, bareMs }
}
