/**
 * Two `critique serve` processes on one PostgreSQL database: what one writes
 * the other serves at once, and a stale write through either is refused,
 * because all state is in the database. Also: the embedded default (PGlite in
 * --data DIR) starts from the command line with the same migrations.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { freshDatabase } from './testing/database-per-file'
import { claimAnnotation, client, setBody } from './testing/fixtures'
import { REPO_ROOT, spawnServer, stopServer, type ServerProcess } from './testing/live-server'
import { freePort } from './testing/pg-cluster'

const running: ServerProcess[] = []
const folders: string[] = []
afterAll(async () => {
  await Promise.all(running.map((s) => stopServer(s)))
  for (const f of folders) rmSync(f, { recursive: true, force: true })
})

function addUser(args: string[]): string {
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'critique.mjs'), 'serve', 'user', 'add', ...args], { encoding: 'utf8' })
  expect(result.status, result.stderr).toBe(0)
  expect(result.stdout).toMatch(/shown only now/)
  return result.stdout.trim().split('\n').pop()!
}

describe('several server processes on one PostgreSQL database', () => {
  it('serve the same data and share ETags; a stale write through the other process is 412', async () => {
    const url = await freshDatabase(inject('pgUrl'), 'two')
    const token = addUser(['Aiko', '--team', 'blue', '--database-url', url])
    const [a, b] = await Promise.all([spawnServer(await freePort(), ['--database-url', url]), spawnServer(await freePort(), [], { DATABASE_URL: url })])
    running.push(a!, b!)
    const viaA = client(a!.url, token)
    const viaB = client(b!.url, token)
    expect((await viaA('/sets/team/', { method: 'PUT', body: setBody() })).status).toBe(201)
    const id = crypto.randomUUID()
    const created = await viaA('/sets/team/', { method: 'POST', body: claimAnnotation(id, 'written through A') })
    expect(created.status).toBe(201)
    const read = await viaB(`/sets/team/${id}`)
    expect(read.status).toBe(200)
    expect(read.headers.get('etag')).toBe(created.headers.get('etag'))
    const etag = read.headers.get('etag')!
    const [editA, editB] = await Promise.all([
      viaA(`/sets/team/${id}`, { method: 'PUT', headers: { 'If-Match': etag }, body: claimAnnotation(id, 'edit through A') }),
      viaB(`/sets/team/${id}`, { method: 'PUT', headers: { 'If-Match': etag }, body: claimAnnotation(id, 'edit through B') }),
    ])
    expect([editA.status, editB.status].sort()).toEqual([200, 412])
    const winner = editA.status === 200 ? 'edit through A' : 'edit through B'
    for (const via of [viaA, viaB]) {
      const now = (await (await via(`/sets/team/${id}`)).json()) as { body: { value: string }[] }
      expect(now.body[1]!.value).toBe(winner)
    }
    expect(a!.output() + b!.output()).not.toContain(token)
  })

  it('the embedded default: critique serve --data DIR (PGlite) takes users and annotations', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'critique-pglite-'))
    folders.push(dir)
    const token = addUser(['Aiko', '--team', 'blue', '--data', dir])
    const server = await spawnServer(await freePort(), ['--data', dir], { DATABASE_URL: '' }, 120_000)
    running.push(server)
    expect(server.output()).toContain(`embedded PostgreSQL (PGlite) in ${dir}`)
    const api = client(server.url, token)
    expect((await api('/sets/local/', { method: 'PUT', body: setBody() })).status).toBe(201)
    expect((await api('/sets/local/', { method: 'POST', body: claimAnnotation() })).status).toBe(201)
    expect(((await (await api('/sets/local/')).json()) as { total: number }).total).toBe(1)
  }, 240_000)
})
