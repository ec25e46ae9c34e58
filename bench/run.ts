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
 *   ten analysts' sets compared, and the report of their consensus;
 * - the `critique` command's cold start (`--help` minus a bare `node -e 0`).
 * Writes bench-results.json ({name, value, unit, target, p95?} per figure).
 *
 * Flags: --runs N (default 5), --smoke (small data, one run, writes
 * test-results/bench-smoke.json instead; checks the machinery, not speed),
 * --no-build (reuse the build), --only SUITES (a comma-separated choice of
 * `side` (ours and the peer, 1 MB), `reader` (our reader on 2 MB: open,
 * scroll, create, heap), `shared` (the shared code), `cli` (the
 * command's cold start) and `team-server` (50 clients on a real PostgreSQL,
 * SIGKILL mid-load; bench/team-server-load.ts) and `html-import` (a 10 MB
 * HTML article through Open Article…: the longest main-thread task while it is
 * parsed and stored, and the import's time; bench/html-import.ts): runs only those and
 * writes test-results/bench-only-SUITES.json, never bench-results.json, so a
 * partial run cannot pass for a full one). The build goes to out/r-bench, or to the folder
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
import type { CreateTiming } from './app-interactions'
import { machineInfo, removeProfile } from './browser'
import { measureCliColdStart, type CliColdStart } from './cli-cold-start'
import { benchSet, generatedArticle, repeatedSeedArticle, ROOT, spreadClaims, utf8Bytes } from './data'
import { formatSamples, formatTable, median, medianFigure, meets, p95, ratioOfSimultaneous, type Figure, type Sample } from './figures'
import { PEER_LIBRARY_DIR, runPeerOnce, writePeerPage, type PeerRun } from './peer-harness'
import { measureShared, measureTeam, type SharedFigures, type TeamFigures } from './shared-figures'
import { loadavg } from 'node:os'
import { serveStatic } from './static-server'
import { measureTeamServerLoad, type TeamServerLoad } from './team-server-load'
import { runHtmlImportOnce, writeLargeHtml, type HtmlImportRun } from './html-import'

const args = process.argv.slice(2)
const smoke = args.includes('--smoke')
const runsArg = args.indexOf('--runs')
const RUNS = runsArg >= 0 ? Number(args[runsArg + 1]) : smoke ? 1 : 5
const CLAIMS = smoke ? 300 : 10_000
const GENERATED_BYTES = smoke ? 50_000 : 1_000_000
const SEED_BYTES = smoke ? 100_000 : 2 * 1024 * 1024
const EDITS = smoke ? 20 : 300
const CREATES_PER_RUN = 3
/** Typed into the claims panel's text filter: in most of the Japanese article's quotes. */
const FILTER_TEXT = 'の'
const TEAM_SETS = 10
const RENDERER_OUT = process.env.BENCH_OUT ?? 'out/r-bench'
const SUITES = ['side', 'reader', 'shared', 'cli', 'team-server', 'html-import'] as const
const HTML_IMPORT_BYTES = smoke ? 500_000 : 10 * 1024 * 1024
type Suite = (typeof SUITES)[number]
const onlyArg = args.indexOf('--only')
const only: Suite[] | null = onlyArg >= 0 ? (args[onlyArg + 1] ?? '').split(',').map((name) => name.trim() as Suite) : null
const unknownSuite = only?.find((name) => !SUITES.includes(name))
if (only && (only.length === 0 || unknownSuite !== undefined)) {
  console.error(`bench: --only takes a comma-separated list of ${SUITES.join(', ')}; got ${JSON.stringify(args[onlyArg + 1] ?? '')}`)
  process.exit(2)
}
const runs = (suite: Suite) => only === null || only.includes(suite)
const OUT_FILE = smoke
  ? join(ROOT, 'test-results/bench-smoke.json')
  : only
    ? join(ROOT, `test-results/bench-only-${only.join('-')}.json`)
    : join(ROOT, 'bench-results.json')
/** The 1-minute load average, printed beside each series: on a shared machine the figures move with it. */
const load = () => `load ${loadavg()[0]!.toFixed(1)}`

const log = (line = '') => console.log(line)
const problems: string[] = []
const check = (ok: boolean, message: string) => {
  if (!ok) problems.push(message)
}

function build(): void {
  log(`Building the renderer into ${RENDERER_OUT} …`)
  const result = spawnSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.mts', '--logLevel', 'warn'], {
    cwd: ROOT,
    env: { ...process.env, RENDERER_OUT },
    stdio: 'inherit',
  })
  if (result.status !== 0) throw new Error('the renderer build failed')
}

/** Medians of the create's milestones: key task, transaction created, reads, writes, commit, "Saved". */
function writeBreakdown(creates: readonly CreateTiming[]): string {
  const at = (pick: (c: CreateTiming) => number | null) => {
    const values = creates.map(pick).filter((v): v is number => v !== null)
    return values.length ? median(values).toFixed(1) : '–'
  }
  return [
    `key task ${at((c) => c.keyTaskMs)}`,
    `transaction created ${at((c) => c.write.txCreatedMs)}`,
    `reads done ${at((c) => c.write.readsDoneMs)}`,
    `writes issued ${at((c) => c.write.writesIssuedMs)}`,
    `writes done ${at((c) => c.write.writesDoneMs)}`,
    `committed ${at((c) => c.write.completeMs)}`,
    `"Saved" ${at((c) => c.durableMs)}`,
    `request hops ${at((c) => c.write.hops)}`,
  ].join(', ')
}

async function main(): Promise<number> {
  const sessionStart = Date.now()
  const machine = machineInfo()
  log(`Machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGb} GB, ${machine.chromium}, Node ${machine.node}, ${load()}`)
  log(`Mode: ${smoke ? 'smoke (small data)' : 'full'}, ${RUNS} run(s) per series, each in a fresh Chromium profile, headless` +
      (only ? `; only ${only.join(', ')}` : ''))
  const browserSuites = runs('side') || runs('reader') || runs('html-import')
  if (browserSuites && !args.includes('--no-build')) build()

  const generated = generatedArticle(GENERATED_BYTES)
  const generatedSet = benchSet(generated.id, 'bench-set-generated')
  const generatedClaims = spreadClaims(generated, generatedSet, CLAIMS)
  const seed = repeatedSeedArticle(SEED_BYTES)
  // Ten analysts' readings of the Japanese article; A and B are the pair of the two-set figures.
  const team = Array.from({ length: TEAM_SETS }, (_, i) => {
    const set = benchSet(seed.id, i === 0 ? 'bench-set-a' : i === 1 ? 'bench-set-b' : `bench-set-${i + 1}`, `Analyst ${String.fromCharCode(65 + i)}`)
    return { set, claims: spreadClaims(seed, set, CLAIMS, 7 + i) }
  })
  const { set: setA, claims: claimsA } = team[0]!
  const { set: setB, claims: claimsB } = team[1]!
  log(`Data: generated text ${utf8Bytes(generated.text)} bytes in ${generated.blocks.length} paragraphs; ` +
      `Japanese article ${utf8Bytes(seed.text)} bytes (${seed.text.length} chars) in ${seed.blocks.length} blocks; ${CLAIMS} claims per set`)

  const peerDir = join(ROOT, 'out/bench-peer')
  if (runs('side')) writePeerPage(peerDir, generated, exportSet(generated, generatedSet, generatedClaims).first.items)
  const server = browserSuites ? await serveStatic({ '/': join(ROOT, RENDERER_OUT), '/peer': peerDir, '/peer/lib': PEER_LIBRARY_DIR }) : null
  const profiles: string[] = []
  const figures: Figure[] = []
  const samples: Record<string, unknown> = {}
  let ratioDetail: Record<string, unknown> = {}
  let shared: SharedFigures | null = null
  let teamFigures: TeamFigures | null = null
  let cli: CliColdStart | null = null
  let teamServer: TeamServerLoad | null = null
  try {
    if (runs('side')) {
      log('Seeding the profile through the app …')
      const profileGenerated = await seedAppProfile(server!.origin, generated, generatedSet, generatedClaims)
      profiles.push(profileGenerated)
      log(`\nSide by side: ${Math.round(utf8Bytes(generated.text) / 1e4) / 100} MB, ${CLAIMS} annotations`)
      const ours: Sample[] = []
      const peer: Sample[] = []
      const peerRuns: PeerRun[] = []
      for (let i = 0; i < RUNS; i++) {
        // Alternate who goes first so neither always meets a warmer machine.
        const order = i % 2 === 0 ? (['ours', 'peer'] as const) : (['peer', 'ours'] as const)
        for (const who of order) {
          if (who === 'ours') {
            const run = await runAppOnce(server!.origin, profileGenerated)
            check(run.claims === CLAIMS, `our reader drew ${run.claims} claims, expected ${CLAIMS}`)
            ours.push({ value: run.openMs, at: Date.now() })
            log(`  run ${i + 1} ours: ${run.openMs.toFixed(0)} ms (${load()})`)
          } else {
            const run = await runPeerOnce(`${server!.origin}/peer/`, generated.text)
            check(run.sameText, "the peer's container text is not the article's canonical text")
            check(run.annotations === CLAIMS && run.notRevived === 0, `the peer holds ${run.annotations} annotations (${run.notRevived} not revived), expected ${CLAIMS}`)
            check(run.spans > 0, 'the peer painted no highlight')
            peer.push({ value: run.openMs, at: Date.now() })
            peerRuns.push(run)
            log(`  run ${i + 1} peer: ${run.openMs.toFixed(0)} ms (script ${run.scriptMs.toFixed(0)}, annotations fetched ${run.fetchedMs.toFixed(0)}, ` +
                `bulkAddAnnotations ${run.addMs.toFixed(0)} ms, ${run.spans} spans in view; ${load()})`)
          }
        }
      }
      const verdict = ratioOfSimultaneous(ours, peer, sessionStart, 10 * 60_000)
      figures.push(
        medianFigure('open-1mb-10k-ms', ours.map((s) => s.value), 'ms', null),
        medianFigure('peer-open-1mb-10k-ms', peer.map((s) => s.value), 'ms', null),
      )
      if (verdict.ok) figures.push({ name: 'open-ratio-peer-over-ours', value: verdict.ratio, unit: 'x', target: '>= 10' })
      ratioDetail = verdict.ok ? { spanMs: verdict.spanMs } : { refused: verdict.reason }
      Object.assign(samples, {
        oursOpen1mb: ours.map((s) => s.value),
        peerOpen1mb: peer.map((s) => s.value),
        peerBulkAdd: peerRuns.map((run) => run.addMs),
        peerScript: peerRuns.map((run) => run.scriptMs),
        peerFetched: peerRuns.map((run) => run.fetchedMs),
      })
      log(`  samples: ours ${formatSamples(ours.map((s) => s.value))}; peer ${formatSamples(peer.map((s) => s.value))}`)
      if (verdict.ok) log(`  The peer took ${verdict.ratio.toFixed(1)}x as long as our reader (runs interleaved within ${Math.round(verdict.spanMs / 1000)} s).`)
      else log(`  Refusing to report a ratio: ${verdict.reason}.`)
    }

    if (runs('reader')) {
      log('Seeding the profile through the app …')
      const profileSeed = await seedAppProfile(server!.origin, seed, setA, claimsA)
      profiles.push(profileSeed)
      log(`\nOur reader on the Japanese article, ${CLAIMS} claims`)
      const seedRuns: AppRun[] = []
      for (let i = 0; i < RUNS; i++) {
        const run = await runAppOnce(server!.origin, profileSeed, { scroll: true, creates: CREATES_PER_RUN, heap: true, filterText: FILTER_TEXT })
        check(run.claims === CLAIMS, `our reader drew ${run.claims} claims, expected ${CLAIMS}`)
        seedRuns.push(run)
        const creates = run.creates.map((c) => `${c.paintMs.toFixed(1)}/${c.durableMs.toFixed(1)}`).join(' ')
        const scrolls = run.scrolls.map((s) => `${s.frameMs.toFixed(1)} (raw ${s.rawMs.toFixed(1)})`).join(', ')
        log(`  run ${i + 1}: open ${run.openMs.toFixed(0)} ms, scroll frames ${scrolls}, ` +
            `create paint/durable ${creates} ms, panel filters ${run.filters.map((f) => f.frameMs.toFixed(1)).join('/')} ms, heap ${run.heapMb!.toFixed(1)} MiB (${load()})`)
      }
      const creates = seedRuns.flatMap((run) => run.creates)
      const scrolls = seedRuns.flatMap((run) => run.scrolls)
      const paint = creates.map((c) => c.paintMs)
      const durable = creates.map((c) => c.durableMs)
      const scroll = scrolls.map((s) => s.frameMs)
      const filters = seedRuns.flatMap((run) => run.filters)
      const stanceFilter = filters.filter((f) => f.action.startsWith('stance:')).map((f) => f.frameMs)
      const textFilter = filters.filter((f) => f.action.startsWith('text:')).map((f) => f.frameMs)
      figures.push(
        medianFigure('open-2mb-10k-ms', seedRuns.map((run) => run.openMs), 'ms', '< 1000'),
        medianFigure('create-claim-paint-ms', paint, 'ms', '< 16'),
        { name: 'create-claim-paint-p95-ms', value: p95(paint), unit: 'ms', target: '< 33' },
        medianFigure('create-claim-durable-ms', durable, 'ms', '< 50'),
        { name: 'create-claim-durable-p95-ms', value: p95(durable), unit: 'ms', target: null },
        medianFigure('scroll-frame-ms', scroll, 'ms', '< 16'),
        { name: 'scroll-frame-p95-ms', value: p95(scroll), unit: 'ms', target: '< 33' },
        medianFigure('heap-mb', seedRuns.map((run) => run.heapMb!), 'MiB', '< 300'),
        medianFigure('filter-claims-stance-ms', stanceFilter, 'ms', '< 16'),
        { name: 'filter-claims-stance-p95-ms', value: p95(stanceFilter), unit: 'ms', target: null },
        medianFigure('filter-claims-text-ms', textFilter, 'ms', '< 16'),
        { name: 'filter-claims-text-p95-ms', value: p95(textFilter), unit: 'ms', target: null },
      )
      Object.assign(samples, {
        oursOpen2mb: seedRuns.map((run) => run.openMs),
        createPaint: paint,
        createPaintRaw: creates.map((c) => c.paintRawMs),
        createDurable: durable,
        createWrite: creates.map((c) => ({ keyTaskMs: c.keyTaskMs, ...c.write, durableMs: c.durableMs })),
        scrollFrame: scroll,
        scrollFrameRaw: scrolls.map((s) => s.rawMs),
        heapMb: seedRuns.map((run) => run.heapMb!),
        filters: filters.map((f) => ({ action: f.action, frameMs: f.frameMs, rawMs: f.rawMs })),
      })
      log(`  samples: open ${formatSamples(seedRuns.map((run) => run.openMs))}`)
      log(`  create paint ${formatSamples(paint)} (raw, with vsync wait, ${formatSamples(creates.map((c) => c.paintRawMs))})`)
      log(`  create durable ${formatSamples(durable)}`)
      log(`  durable, where the time went (medians, ms after the key; write-trace.ts): ${writeBreakdown(creates)}`)
      log(`  scroll frame ${formatSamples(scroll)}`)
      log(`  claims panel filter: stance ${formatSamples(stanceFilter)}, text ${formatSamples(textFilter)}`)
    }

    if (runs('shared')) {
      log(`\nShared code on the Japanese article (${load()})`)
      shared = measureShared(seed, setA, claimsA, setB, claimsB, RUNS, EDITS)
      const r = shared.reanchor
      const share = (n: number) => `${((100 * n) / r.total).toFixed(1)}%`
      log(`  re-anchor ${r.total} quotes after ${r.edits} edits: exact ${share(r.byPosition + r.byQuote)} (position ${r.byPosition}, quote ${r.byQuote}), ` +
          `fuzzy ${share(r.fuzzy)}, orphaned ${share(r.orphans)}`)
      log(`  W3C export ${(shared.exportBytes / 1e6).toFixed(1)} MB, Markdown report ${(shared.reportBytes / 1e6).toFixed(1)} MB`)
      log(`  ${TEAM_SETS} sets of ${CLAIMS} claims (${load()}) …`)
      teamFigures = measureTeam(seed, team, RUNS)
      log(`  α over ${teamFigures.alphaUnits} units: ${teamFigures.alpha?.toFixed(3) ?? 'undefined'}; consensus of ${teamFigures.consensusClaims} claims, ` +
          `report ${(teamFigures.reportBytes / 1e6).toFixed(1)} MB; compare ${formatSamples(teamFigures.compareSamples)}, report ${formatSamples(teamFigures.reportSamples)} (${load()})`)
      figures.push(
        medianFigure('reanchor-10k-ms', shared.reanchorSamples, 'ms', '< 500'),
        medianFigure('compare-10k-ms', shared.compareSamples, 'ms', '< 100'),
        medianFigure('compare-10-sets-10k-ms', teamFigures.compareSamples, 'ms', '< 300'),
        medianFigure('export-w3c-10k-ms', shared.exportSamples, 'ms', '< 500'),
        medianFigure('report-md-10k-ms', shared.reportSamples, 'ms', '< 500'),
        medianFigure('report-consensus-10-sets-ms', teamFigures.reportSamples, 'ms', '< 500'),
      )
    }

    if (runs('cli')) {
      log(`\nThe command line (${load()})`)
      cli = await measureCliColdStart(smoke ? 3 : Math.max(RUNS, 11))
      log(`  critique --help ${formatSamples(cli.helpMs)} ms; node -e 0 ${formatSamples(cli.bareMs)} ms`)
      figures.push({ name: 'cli-cold-start-ms', value: cli.ms, unit: 'ms', target: '< 200' })
      Object.assign(samples, { cliHelp: cli.helpMs, nodeBare: cli.bareMs })
    }

    if (runs('team-server')) {
      log(`\nThe team server on PostgreSQL 15: concurrent clients, SIGKILL mid-load (${load()})`)
      teamServer = await measureTeamServerLoad(smoke ? 5 : 50, smoke ? 20 : 200, 0.4, log)
      const d = teamServer.details
      log(`  ${d.clients} clients × ${d.claimsPerClient} claims pushed then edited: ${d.writes} writes in ${(d.wallMs / 1000).toFixed(1)} s, ` +
          `p50 ${d.p50Ms.toFixed(1)} ms, p95 ${d.p95Ms.toFixed(1)} ms; killed after ${d.killedAfterWrites} writes, back in ${Math.round(d.recoveryMs)} ms, ` +
          `${d.retries} retries; lost ${d.lostWrites}, duplicated ${d.duplicateClaims}, unfinished ${d.unfinishedClients}`)
      figures.push(...teamServer.figures)
    }

    if (runs('html-import')) {
      const html = writeLargeHtml(HTML_IMPORT_BYTES)
      try {
        log(`\nA ${(html.bytes / 1024 ** 2).toFixed(1)} MiB HTML article through Open Article… (${load()})`)
        const importRuns: HtmlImportRun[] = []
        for (let i = 0; i < RUNS; i++) {
          const run = await runHtmlImportOnce(server!.origin, html.path)
          importRuns.push(run)
          log(`  run ${i + 1}: longest task ${run.longestTaskMs.toFixed(0)} ms (${run.longTasks} tasks of 50 ms or more), ` +
              `import ${(run.importMs / 1000).toFixed(1)} s; then opening it: longest task ${run.openLongestTaskMs.toFixed(0)} ms (${load()})`)
        }
        figures.push(
          medianFigure('import-10mb-html-longest-task-ms', importRuns.map((r) => r.longestTaskMs), 'ms', '< 50'),
          medianFigure('import-10mb-html-ms', importRuns.map((r) => r.importMs), 'ms', null),
        )
        Object.assign(samples, {
          htmlImportLongestTask: importRuns.map((r) => r.longestTaskMs),
          htmlImportLongTasks: importRuns.map((r) => r.longTasks),
          htmlImport: importRuns.map((r) => r.importMs),
          htmlImportOpenLongestTask: importRuns.map((r) => r.openLongestTaskMs),
        })
      } finally {
        html.dispose()
      }
    }

    log(`\n${formatTable(figures)}`)
    const missed = figures.filter((f) => meets(f.value, f.target) === false).map((f) => f.name)
    log(missed.length ? `Targets not met: ${missed.join(', ')}.` : 'All targets met.')

    const round = (n: number) => Math.round(n * 100) / 100
    mkdirSync(join(OUT_FILE, '..'), { recursive: true })
    writeFileSync(
      OUT_FILE,
      `${JSON.stringify(
        {
          generatedAt: new Date().toISOString(),
          mode: smoke ? 'smoke' : 'full',
          suites: only ?? [...SUITES],
          runs: RUNS,
          machine,
          session: { startedAt: new Date(sessionStart).toISOString(), finishedAt: new Date().toISOString() },
          figures: figures.map((f) => ({ ...f, value: round(f.value), ...(f.p95 === undefined ? {} : { p95: round(f.p95) }) })),
          details: {
            ratio: ratioDetail,
            samples,
            reanchor: shared?.reanchor,
            teamServer: teamServer?.details,
            team: teamFigures && { sets: TEAM_SETS, alpha: teamFigures.alpha, alphaUnits: teamFigures.alphaUnits, consensusClaims: teamFigures.consensusClaims },
          },
        },
        null,
        2,
      )}\n`,
    )
    log(`Wrote ${OUT_FILE.slice(ROOT.length + 1)} in ${Math.round((Date.now() - sessionStart) / 1000)} s.`)
  } finally {
    await server?.close()
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
