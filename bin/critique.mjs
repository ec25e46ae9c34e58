#!/usr/bin/env node
// The `critique` command: runs the TypeScript CLI (cli/main.ts) through tsx, so
// the CLI and the app execute the very same shared/ modules with no build step.
import { tsImport } from 'tsx/esm/api'

const { main } = await tsImport('../cli/main.ts', import.meta.url)
process.exitCode = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  env: process.env,
})
