/**
 * `npm run bench`: the reader's performance figures (docs/performance.md).
 *
 * Builds the renderer into out/r-bench, serves it and the peer's page on
 * 127.0.0.1, then measures in headless Chromium, each run in a fresh browser:
 * - side by side on the same ~1 MB generated text and 10,000 annotations:
 *   our reader (claims read from IndexedDB as the app does) and
 *   @recogito/text-annotator 4.1.1, runs interleaved, medians and the ratio;
 * - our reader on the 2 MB Japanese article with 10,000 claims: open,
 *   scrolling to the middle, creating a claim (painted, durable), heap;
 * - the shared code on 10,000 claims: re-anchor, compare, export, report;
 * - the `critique` command's cold start (`--help` minus a bare `node -e 0`).
 * Writes bench-results.json ({name, value, unit, target} per figure).
 *
 * Flags: --runs N (default 5), --smoke (small data, one run, writes
 * test-results/bench-smoke.json instead; checks the machinery, not speed),
 * --no-build (reuse the build). The build goes to out/r-bench, or to the folder
 * named by the BENCH_OUT environment variable (so parallel benches do not share
 * one). Exits 1 when a run fails or its data is
 * wrong (e.g. not every claim drawn), 0 otherwise, whether or not targets
 * are met (the table says which).
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { exportSet } from '../shared/w3c'
import { runAppOnce, seedAppProfile, type AppRun } from './app-harness'
import { machineInfo, removeProfile } from './browser'
import { measureCliColdStart } from './cli-cold-start'
import { benchSet, generatedArticle, repeatedSeedArticle, ROOT, spreadClaims, utf8Bytes } from './data'
import { formatSamples, formatTable, median, meets, ratioOfSimultaneous, type Figure, type Sample } from './figures'
import { PEER_LIBRARY_DIR, runPeerOnce, writePeerPage, type PeerRun } from './peer-harness'
import { measureShared } from './shared-figures'
import { serveStatic } from './static-server'

const args = process.argv.slice(2)
const smoke = args.includes('--smoke')
const runsArg = args.indexOf('--runs')
const RUNS = runsArg >= 0 ? Number(args[runsArg + 1]) : smoke ? 1 : 5
const CLAIMS = smoke ? 300 : 10_000
const GENERATED_BYTES = smoke ? 50_000 : 1_000_000
const SEED_BYTES = smoke ? 100_000 : 2 * 1024 * 1024
const EDITS = smoke ? 20 : 300
const CREATES_PER_RUN = 3
const RENDERER_OUT = process.env.BENCH_OUT ?? 'out/r-bench'
const OUT_FILE = smoke ? join(ROOT, 'test-results/bench-smoke.json') : join(ROOT, 'bench-results.json')

const log = (line = '') => console.log(line)
const problems: string[] = []
const check = (ok: boolean, message: string) => {
  if (!ok) problems.push(message)
}

function build(): void {
  log(`Building the renderer into ${RENDERER_OUT} …`)
  const result = spawnSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    env: { ...process.env, RENDERER_OUT },
    stdio: 'inherit',
  })
  if (result.status !== 0) throw new Error('the renderer build failed')
}

async function main(): Promise<number> {
  const sessionStart = Date.now()
  const machine = machineInfo()
  log(`Machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGb} GB, ${machine.chromium}, Node ${machine.node}`)
  log(`Mode: ${smoke ? 'smoke (small data)' : 'full'}, ${RUNS} run(s) per series, each in a fresh Chromium profile, headless`)
  if (!args.includes('--no-build')) build()

  const generated = generatedArticle(GENERATED_BYTES)
  const generatedSet = benchSet(generated.id, 'bench-set-generated')
  const generatedClaims = spreadClaims(generated, generatedSet, CLAIMS)
  const seed = repeatedSeedArticle(SEED_BYTES)
  const setA = benchSet(seed.id, 'bench-set-a', 'Analyst A')
  const claimsA = spreadClaims(seed, setA, CLAIMS)
  const setB = benchSet(seed.id, 'bench-set-b', 'Analyst B')
  const claimsB = spreadClaims(seed, setB, CLAIMS, 8)
  log(`Data: generated text ${utf8Bytes(generated.text)} bytes in ${generated.blocks.length} paragraphs; ` +
      `Japanese article ${utf8Bytes(seed.text)} bytes (${seed.text.length} chars) in ${seed.blocks.length} blocks; ${CLAIMS} claims per set`)

  const peerDir = join(ROOT, 'out/bench-peer')
  writePeerPage(peerDir, generated, exportSet(generated, generatedSet, generatedClaims).first.items)
  const server = await serveStatic({ '/': join(ROOT, RENDERER_OUT), '/peer': peerDir, '/peer/lib': PEER_LIBRARY_DIR })
  const profiles: string[] = []
  try {
    log('Seeding two profiles through the app …')
    const profileGenerated = await seedAppProfile(server.origin, generated, generatedSet, generatedClaims)
    profiles.push(profileGenerated)
    const profileSeed = await seedAppProfile(server.origin, seed, setA, claimsA)
    profiles.push(profileSeed)

    log(`\nSide by side: ${Math.round(utf8Bytes(generated.text) / 1e4) / 100} MB, ${CLAIMS} annotations`)
    const ours: Sample[] = []
    const peer: Sample[] = []
    const peerRuns: PeerRun[] = []
    for (let i = 0; i < RUNS; i++) {
      // Alternate who goes first so neither always meets a warmer machine.
      const order = i % 2 === 0 ? (['ours', 'peer'] as const) : (['peer', 'ours'] as const)
      for (const who of order) {
        if (who === 'ours') {
          const run = await runAppOnce(server.origin, profileGenerated)
          check(run.claims === CLAIMS, `our reader drew ${run.claims} claims, expected ${CLAIMS}`)
          ours.push({ value: run.openMs, at: Date.now() })
          log(`  run ${i + 1} ours: ${run.openMs.toFixed(0)} ms`)
        } else {
          const run = await runPeerOnce(`${server.origin}/peer/`)
          check(run.annotations === CLAIMS && run.notRevived === 0, `the peer holds ${run.annotations} annotations (${run.notRevived} not revived), expected ${CLAIMS}`)
          check(run.spans > 0, 'the peer painted no highlight')
          peer.push({ value: run.openMs, at: Date.now() })
          peerRuns.push(run)
          log(`  run ${i + 1} peer: ${run.openMs.toFixed(0)} ms (bulkAddAnnotations ${run.addMs.toFixed(0)} ms, ${run.spans} spans in view)`)
        }
      }
    }
    const verdict = ratioOfSimultaneous(ours, peer, sessionStart, 10 * 60_000)

    log(`\nOur reader on the Japanese article, ${CLAIMS} claims`)
    const seedRuns: AppRun[] = []
    for (let i = 0; i < RUNS; i++) {
      const run = await runAppOnce(server.origin, profileSeed, { scroll: true, creates: CREATES_PER_RUN, heap: true })
      check(run.claims === CLAIMS, `our reader drew ${run.claims} claims, expected ${CLAIMS}`)
      seedRuns.push(run)
      const creates = run.creates.map((c) => `${c.paintMs.toFixed(1)}/${c.durableMs.toFixed(1)}`).join(' ')
      log(`  run ${i + 1}: open ${run.openMs.toFixed(0)} ms, scroll frame ${run.scroll!.frameMs.toFixed(1)} ms (raw ${run.scroll!.rawMs.toFixed(1)}), ` +
          `create paint/durable ${creates} ms, heap ${run.heapMb!.toFixed(1)} MiB`)
    }

    log('\nShared code on the Japanese article')
    const shared = measureShared(seed, setA, claimsA, setB, claimsB, RUNS, EDITS)
    const r = shared.reanchor
    const share = (n: number) => `${((100 * n) / r.total).toFixed(1)}%`
    log(`  re-anchor ${r.total} quotes after ${r.edits} edits: exact ${share(r.byPosition + r.byQuote)} (position ${r.byPosition}, quote ${r.byQuote}), ` +
        `fuzzy ${share(r.fuzzy)}, orphaned ${share(r.orphans)}`)
    log(`  W3C export ${(shared.exportBytes / 1e6).toFixed(1)} MB, Markdown report ${(shared.reportBytes / 1e6).toFixed(1)} MB`)

    log('\nThe command line')
    const cli = await measureCliColdStart(smoke ? 3 : Math.max(RUNS, 11))
    log(`  critique --help ${formatSamples(cli.helpMs)} ms; node -e 0 ${formatSamples(cli.bareMs)} ms`)

    const creates = seedRuns.flatMap((run) => run.creates)
    const figures: Figure[] = [
      { name: 'open-1mb-10k-ms', value: median(ours.map((s) => s.value)), unit: 'ms', target: null },
      { name: 'peer-open-1mb-10k-ms', value: median(peer.map((s) => s.value)), unit: 'ms', target: null },
    ]
    if (verdict.ok) figures.push({ name: 'open-ratio-peer-over-ours', value: verdict.ratio, unit: 'x', target: '>= 10' })
    figures.push(
      { name: 'open-2mb-10k-ms', value: median(seedRuns.map((run) => run.openMs)), unit: 'ms', target: '< 1000' },
      { name: 'create-claim-paint-ms', value: median(creates.map((c) => c.paintMs)), unit: 'ms', target: '< 16' },
      { name: 'create-claim-durable-ms', value: median(creates.map((c) => c.durableMs)), unit: 'ms', target: '< 50' },
      { name: 'scroll-frame-ms', value: median(seedRuns.map((run) => run.scroll!.frameMs)), unit: 'ms', target: '< 16' },
      { name: 'reanchor-10k-ms', value: shared.reanchorMs, unit: 'ms', target: '< 500' },
      { name: 'compare-10k-ms', value: shared.compareMs, unit: 'ms', target: '< 100' },
      { name: 'export-w3c-10k-ms', value: shared.exportMs, unit: 'ms', target: '< 500' },
      { name: 'report-md-10k-ms', value: shared.reportMs, unit: 'ms', target: '< 500' },
      { name: 'heap-mb', value: median(seedRuns.map((run) => run.heapMb!)), unit: 'MiB', target: '< 300' },
      { name: 'cli-cold-start-ms', value: cli.ms, unit: 'ms', target: '< 200' },
    )

    log('\nSamples (ms):')
    log(`  ours 1 MB ${formatSamples(ours.map((s) => s.value))}; peer ${formatSamples(peer.map((s) => s.value))}`)
    log(`  ours 2 MB ${formatSamples(seedRuns.map((run) => run.openMs))}`)
    log(`  create paint ${formatSamples(creates.map((c) => c.paintMs))} (raw, with vsync wait, ${formatSamples(creates.map((c) => c.paintRawMs))})`)
    log(`  create durable ${formatSamples(creates.map((c) => c.durableMs))}`)
    log(`\n${formatTable(figures)}`)
    if (verdict.ok) log(`\nThe peer took ${verdict.ratio.toFixed(1)}x as long as our reader (runs interleaved within ${Math.round(verdict.spanMs / 1000)} s).`)
    else log(`\nRefusing to report a ratio: ${verdict.reason}.`)
    const missed = figures.filter((f) => meets(f.value, f.target) === false).map((f) => f.name)
    log(missed.length ? `Targets not met: ${missed.join(', ')}.` : 'All targets met.')

    mkdirSync(join(OUT_FILE, '..'), { recursive: true })
    writeFileSync(
      OUT_FILE,
      `${JSON.stringify(
        {
          generatedAt: new Date().toISOString(),
          mode: smoke ? 'smoke' : 'full',
          runs: RUNS,
          machine,
          session: { startedAt: new Date(sessionStart).toISOString(), finishedAt: new Date().toISOString() },
          figures: figures.map((f) => ({ ...f, value: Math.round(f.value * 100) / 100 })),
          details: {
            ratio: verdict.ok ? { spanMs: verdict.spanMs } : { refused: verdict.reason },
            samples: {
              oursOpen1mb: ours.map((s) => s.value),
              peerOpen1mb: peer.map((s) => s.value),
              peerBulkAdd: peerRuns.map((run) => run.addMs),
              oursOpen2mb: seedRuns.map((run) => run.openMs),
              createPaint: creates.map((c) => c.paintMs),
              createPaintRaw: creates.map((c) => c.paintRawMs),
              createDurable: creates.map((c) => c.durableMs),
              scrollFrame: seedRuns.map((run) => run.scroll!.frameMs),
              scrollFrameRaw: seedRuns.map((run) => run.scroll!.rawMs),
              heapMb: seedRuns.map((run) => run.heapMb!),
              cliHelp: cli.helpMs,
              nodeBare: cli.bareMs,
            },
            reanchor: shared.reanchor,
          },
        },
        null,
        2,
      )}\n`,
    )
    log(`Wrote ${OUT_FILE.slice(ROOT.length + 1)} in ${Math.round((Date.now() - sessionStart) / 1000)} s.`)
  } finally {
    await server.close()
    for (const p of profiles) removeProfile(p)
  }
  if (problems.length) {
    for (const p of new Set(problems)) console.error(`bench: ${p}`)
    return 1
  }
  return 0
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
