#!/usr/bin/env node
/**
 * Bundle the `critique` command line (cli/main.ts and everything it imports,
 * shared/ included) into one ES module, out/cli/critique.mjs, with esbuild.
 * Transpiling TypeScript on every start (tsx) cost 3-4 s; the bundle starts in
 * tens of milliseconds and needs no TypeScript tooling at run time.
 *
 * Runs from `npm install` / `npm ci` (the `prepare` script), from `npm run
 * build`, and from bin/critique.mjs when a source file is newer than the
 * bundle (so a developer never runs a stale CLI). Packages that load files
 * beside themselves at run time (PGlite's WASM, Playwright's browser
 * registry) or that are optional native add-ons stay external: they are
 * resolved from node_modules when the command that needs them runs.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
/** The bundle bin/critique.mjs runs. */
export const CLI_BUNDLE = join(ROOT, 'out', 'cli', 'critique.mjs')
/** Files the bundle was built from (repo-relative), for bin/critique.mjs's freshness check. */
export const CLI_INPUTS = join(ROOT, 'out', 'cli', 'inputs.json')

/** Resolved at run time from node_modules, never bundled (see the file comment). */
export const CLI_EXTERNAL = ['@electric-sql/pglite', '@electric-sql/pglite/*', 'pg', 'pg-native', 'pg-cloudflare', 'playwright-core', 'playwright']

/**
 * Build the bundle. Writes to a temporary name and renames, so a CLI started
 * during the build (parallel tests) never reads a half-written file.
 *
 * @returns the bundle's path.
 * @throws the esbuild error (with file and line) when cli/ does not compile.
 */
export async function buildCli() {
  const { build } = await import('esbuild')
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ['cli/main.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: CLI_EXTERNAL,
    // Bundled CommonJS packages call require() for Node built-ins; an ES module has none.
    banner: { js: "import { createRequire as __cliCreateRequire } from 'node:module'; const require = __cliCreateRequire(import.meta.url);" },
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    write: false,
    outfile: CLI_BUNDLE,
  })
  mkdirSync(dirname(CLI_BUNDLE), { recursive: true })
  const [output] = result.outputFiles
  const temporary = `${CLI_BUNDLE}.${process.pid}.tmp`
  writeFileSync(temporary, output.contents)
  renameSync(temporary, CLI_BUNDLE)
  // The lock file stands for every bundled package: an update changes it.
  const inputs = [...Object.keys(result.metafile.inputs).filter((path) => !path.startsWith('node_modules/')), 'package-lock.json']
  const inputsTemporary = `${CLI_INPUTS}.${process.pid}.tmp`
  writeFileSync(inputsTemporary, JSON.stringify(inputs))
  renameSync(inputsTemporary, CLI_INPUTS)
  return CLI_BUNDLE
}

/**
 * True when the bundle is missing or older than any file it was built from
 * (a missing input counts as changed: it was moved or deleted). The paths
 * default to the real bundle; tests pass their own.
 */
export function cliBundleIsStale(bundle = CLI_BUNDLE, inputsFile = CLI_INPUTS, root = ROOT) {
  let built
  let inputs
  try {
    built = statSync(bundle).mtimeMs
    inputs = JSON.parse(readFileSync(inputsFile, 'utf8'))
  } catch {
    return true
  }
  if (!Array.isArray(inputs)) return true
  for (const input of inputs) {
    const stat = statSync(join(root, String(input)), { throwIfNoEntry: false })
    if (stat === undefined || stat.mtimeMs > built) return true
  }
  return false
}

// Run directly (`node scripts/build-cli.mjs`): build and say where. No top-level
// await: the bench (run by tsx as CommonJS) imports this file.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildCli().then(
    (bundle) => console.log(`critique CLI bundled: ${relative(ROOT, bundle)}`),
    (error) => {
      // An install without dev dependencies (npm ci --omit=dev) has no esbuild:
      // that must not fail the install; bin/critique.mjs says what to do if run.
      if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes("'esbuild'")) {
        console.warn('build-cli: esbuild (a dev dependency) is not installed, so the critique CLI was not bundled; `npm ci` installs it.')
        return
      }
      console.error(`build-cli: ${error instanceof Error ? error.message : String(error)}`)
      process.exit(1)
    },
  )
}
