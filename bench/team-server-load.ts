/**
 * The team server under load, on a real PostgreSQL 15 server (a throwaway
 * cluster): N concurrent clients each create a set, push C claims and then
 * edit each one (If-Match), against a `critique serve` process. Part-way
 * through, that process is killed with SIGKILL and a new one started on the
 * same port; clients retry until every write is acknowledged. Afterwards the
 * database is read directly to count lost acknowledged writes and duplicate
 * claims.
 *
 * Run alone: `npx tsx bench/team-server-load.ts [--smoke]`, or as the
 * `team-server` suite of `npm run bench`.
 */
import { randomUUID } from 'node:crypto'
import { openPostgres } from '../server/db/database'
import { migrate } from '../server/db/migrations'
import { addUser } from '../server/store/users'
import { freshDatabase } from '../server/testing/database-per-file'
import { claimAnnotation, MEDIA_TYPE, setBody } from '../server/testing/fixtures'
import { spawnServer, stopServer, type ServerProcess } from '../server/testing/live-server'
import { freePort, startPgCluster } from '../server/testing/pg-cluster'
import { medianFigure, p95, type Figure } from './figures'

/** What one run measured. */
export interface TeamServerLoad {
  figures: Figure[]
  details: {
    clients: number
    claimsPerClient: number
    writes: number
    wallMs: number
    killedAfterWrites: number
    recoveryMs: number
    retries: number
    lostWrites: number
    duplicateClaims: number
    unfinishedClients: number
    p50Ms: number
    p95Ms: number
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Run the load. `clients` × `claims` creates plus as many edits; the server is
 * killed once `killAt` (0..1) of the writes are acknowledged.
 */
export async function measureTeamServerLoad(clients: number, claims: number, killAt = 0.4, log: (line: string) => void = console.log): Promise<TeamServerLoad> {
  const cluster = await startPgCluster()
  let server: ServerProcess | null = null
  // Interrupted (Ctrl-C, a timeout's SIGTERM): remove the cluster rather than leave a postgres running.
  const onSignal = (signal: NodeJS.Signals) => {
    server?.child.kill('SIGKILL')
    cluster.stop()
    process.exit(signal === 'SIGINT' ? 130 : 143)
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  try {
    const url = await freshDatabase(cluster.url, 'bench')
    const db = await openPostgres(url)
    await migrate(db)
    const tokens: string[] = []
    for (let i = 0; i < clients; i++) tokens.push((await addUser(db, `Analyst ${i}`, 'bench')).token)
    const port = await freePort()
    server = await spawnServer(port, ['--database-url', url])
    const base = server.url

    const expected = clients * claims * 2
    let acknowledged = 0
    let retries = 0
    let killedAt = -1
    let killStarted = 0
    let recoveryMs = 0
    let restarting: Promise<void> | null = null
    const latencies: number[] = []
    const ackedNote = new Map<string, string>() // claim id -> the last note a 2xx confirmed
    const deadline = Date.now() + 300_000

    const maybeKill = () => {
      if (killedAt >= 0 || acknowledged < expected * killAt || server === null) return
      killedAt = acknowledged
      killStarted = performance.now()
      log(`  SIGKILL the server after ${acknowledged} acknowledged writes; starting a new one on port ${port}`)
      const victim = server
      restarting = (async () => {
        await stopServer(victim, true)
        server = await spawnServer(port, ['--database-url', url])
        recoveryMs = performance.now() - killStarted
      })()
    }

    /** Send until a final answer; `accept` decides whether a non-2xx means "already done". */
    const send = async (init: { method: string; path: string; token: string; body: unknown; headers?: Record<string, string> }, accept: (status: number, body: unknown) => boolean): Promise<boolean> => {
      for (let attempt = 0; Date.now() < deadline; attempt++) {
        const started = performance.now()
        try {
          const res = await fetch(`${base}${init.path}`, {
            method: init.method,
            headers: { Authorization: `Bearer ${init.token}`, 'Content-Type': MEDIA_TYPE, ...init.headers },
            body: JSON.stringify(init.body),
          })
          const text = await res.text()
          if (res.status >= 200 && res.status < 300) {
            latencies.push(performance.now() - started)
            acknowledged++
            maybeKill()
            return true
          }
          if (res.status < 500 && accept(res.status, text === '' ? null : JSON.parse(text))) {
            acknowledged++
            return true
          }
          if (res.status < 500) throw new Error(`${init.method} ${init.path}: ${res.status} ${text.slice(0, 200)}`)
        } catch (error) {
          if (error instanceof Error && /: \d{3} /.test(error.message)) throw error
        }
        retries++
        await sleep(Math.min(50 * 2 ** attempt, 500))
      }
      return false
    }

    const client = async (i: number): Promise<boolean> => {
      const token = tokens[i]!
      const setId = `set-${i}`
      if (!(await send({ method: 'PUT', path: `/sets/${setId}/`, token, body: setBody(`Load ${i}`) }, () => false))) return false
      acknowledged-- // the set itself is not one of the counted claim writes
      const ids = Array.from({ length: claims }, () => randomUUID())
      const etags = new Map<string, string>()
      for (const id of ids) {
        const note = `claim ${id} as pushed`
        const ok = await send({ method: 'POST', path: `/sets/${setId}/`, token, body: claimAnnotation(id, note) }, () => false)
        if (!ok) return false
        ackedNote.set(id, note)
      }
      // Read back the ETags the way a client that lost its answers would.
      for (const id of ids) {
        for (;;) {
          try {
            const res = await fetch(`${base}/sets/${setId}/${id}`, { headers: { Authorization: `Bearer ${token}` } })
            await res.text()
            if (res.ok) {
              etags.set(id, res.headers.get('etag')!)
              break
            }
          } catch {
            // the server is restarting
          }
          retries++
          await sleep(100)
          if (Date.now() > deadline) return false
        }
      }
      for (const id of ids) {
        const note = `claim ${id} edited`
        const ok = await send(
          { method: 'PUT', path: `/sets/${setId}/${id}`, token, body: claimAnnotation(id, note), headers: { 'If-Match': etags.get(id)! } },
          // A retried edit whose first attempt did commit finds its own version there: that is success.
          (status, body) => status === 412 && ((body as { current?: { body?: { value?: string }[] } }).current?.body?.[1]?.value ?? '') === note,
        )
        if (!ok) return false
        ackedNote.set(id, note)
      }
      return true
    }

    const started = performance.now()
    const finished = await Promise.all(Array.from({ length: clients }, (_, i) => client(i)))
    const wallMs = performance.now() - started
    if (restarting !== null) await restarting

    const rows = await db.query<{ canonical: string; note: string; n: string }>(
      `SELECT document->>'canonical' AS canonical, document->'body'->1->>'value' AS note, count(*) OVER (PARTITION BY document->>'canonical') AS n FROM annotations`,
    )
    const stored = new Map(rows.map((r) => [r.canonical.replace('urn:uuid:', ''), r.note]))
    let lostWrites = 0
    for (const [id, note] of ackedNote) if (stored.get(id) !== note) lostWrites++
    const duplicateClaims = rows.filter((r) => Number(r.n) > 1).length + Math.max(0, rows.length - clients * claims)
    const unfinishedClients = finished.filter((ok) => !ok).length
    await db.close()

    const writes = latencies.length
    const figures: Figure[] = [
      { name: 'team-server-writes-per-s', value: (acknowledged / wallMs) * 1000, unit: 'writes/s', target: null },
      { ...medianFigure('team-server-write-latency-ms', latencies, 'ms', null), name: 'team-server-write-p50-ms' },
      { name: 'team-server-write-p95-ms', value: p95(latencies), unit: 'ms', target: '< 100' },
      { name: 'team-server-kill-lost-acked-writes', value: lostWrites, unit: 'writes', target: '<= 0' },
      { name: 'team-server-kill-duplicate-claims', value: duplicateClaims, unit: 'claims', target: '<= 0' },
      { name: 'team-server-kill-unfinished-clients', value: unfinishedClients, unit: 'clients', target: '<= 0' },
      // From the SIGKILL until the new process listens (its start-up is most of it).
      { name: 'team-server-kill-recovery-ms', value: recoveryMs, unit: 'ms', target: null },
    ]
    return {
      figures,
      details: {
        clients,
        claimsPerClient: claims,
        writes,
        wallMs,
        killedAfterWrites: killedAt,
        recoveryMs,
        retries,
        lostWrites,
        duplicateClaims,
        unfinishedClients,
        p50Ms: figures[1]!.value,
        p95Ms: figures[2]!.value,
      },
    }
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    if (server !== null) await stopServer(server)
    cluster.stop()
  }
}

if (process.argv[1]?.endsWith('team-server-load.ts')) {
  const smoke = process.argv.includes('--smoke')
  void measureTeamServerLoad(smoke ? 5 : 50, smoke ? 20 : 200).then((result) => console.log(JSON.stringify(result, null, 2)))
}
