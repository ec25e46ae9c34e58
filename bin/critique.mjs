#!/usr/bin/env node
// The `critique` command: runs the bundled CLI (out/cli/critique.mjs, built by
// scripts/build-cli.mjs at install and build time). In a checkout where a
// source file changed since the bundle was built, it rebuilds first (esbuild,
// a few hundred milliseconds), so the command never runs stale code.
import { CLI_BUNDLE, buildCli, cliBundleIsStale } from '../scripts/build-cli.mjs'
import { pathToFileURL } from 'node:url'
import { existsSync } from 'node:fs'

if (cliBundleIsStale()) {
  try {
    await buildCli()
  } catch (error) {
    // Without esbuild (dev dependencies not installed) an existing bundle still runs.
    if (!existsSync(CLI_BUNDLE)) {
      process.stderr.write(`critique: the CLI is not built and building it failed (${error instanceof Error ? error.message : String(error)}). Run \`npm ci\`.\n`)
      process.exit(1)
    }
  }
}
const { main } = await import(pathToFileURL(CLI_BUNDLE).href)
process.exitCode = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  env: process.env,
})
