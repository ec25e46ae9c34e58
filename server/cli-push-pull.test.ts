/**
 * `critique push` and `critique pull` against a live server on real
 * PostgreSQL, run the way a user runs them (the CLI's main with arguments).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { main } from '../cli/main'
import { validateW3cDocument } from '../shared/w3c'
import { freshDatabase } from './testing/database-per-file'
import { REPO_ROOT, startTestServer, type TestServer } from './testing/live-server'
import { freePort } from './testing/pg-cluster'

const ARTICLE = 'fixtures/articles/alaska-summit-2025-08-18.txt'
const SEED_SET = 'fixtures/w3c/seed-set.jsonld'
let server: TestServer
const out = mkdtempSync(join(tmpdir(), 'critique-pull-'))

async function critique(...args: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd: REPO_ROOT, env: {} })
  return { code, stdout, stderr }
}

beforeAll(async () => {
  server = await startTestServer(await freshDatabase(inject('pgUrl'), 'cli'), { Aiko: 'blue', Ben: 'blue', Rival: 'red' })
})
afterAll(async () => {
  await server?.stop()
  rmSync(out, { recursive: true, force: true })
})

describe('critique push / pull', () => {
  it('A pushes a set; a colleague pulls it as a valid W3C file the app imports with the same claims', async () => {
    const seed = JSON.parse(readFileSync(join(REPO_ROOT, SEED_SET), 'utf8')) as { total: number; label: string }
    const push = await critique('push', ARTICLE, SEED_SET, '--server', server.url, '--token', server.tokens.Aiko!)
    expect(push.stderr).toBe('')
    expect(push.code).toBe(0)
    expect(push.stdout).toMatch(new RegExp(`Shared "${seed.label}" as Aiko \\(team blue\\) .*: ${seed.total} claims added, 0 already there`))
    const again = await critique('push', ARTICLE, SEED_SET, '--server', server.url, '--token', server.tokens.Aiko!)
    expect(again.stdout).toMatch(new RegExp(`Updated "${seed.label}" .*: 0 claims added, ${seed.total} already there or updated`))
    expect(await server.db.query('SELECT id FROM annotations')).toHaveLength(seed.total)

    const pull = await critique('pull', ARTICLE, '--server', server.url, '--token', server.tokens.Ben!, '--out', out)
    expect(pull.code).toBe(0)
    expect(pull.stdout).toMatch(new RegExp(`by Aiko, ${seed.total} claims`))
    const files = readdirSync(out)
    expect(files).toHaveLength(1)
    const pulled = JSON.parse(readFileSync(join(out, files[0]!), 'utf8')) as { id: string; first: { items: { id: string }[] } }
    expect(validateW3cDocument(pulled).failures).toEqual([])
    const original = JSON.parse(readFileSync(join(REPO_ROOT, SEED_SET), 'utf8')) as { id: string; first: { items: { id: string }[] } }
    expect(pulled.id).toBe(original.id)
    expect(pulled.first.items.map((i) => i.id).sort()).toEqual(original.first.items.map((i) => i.id).sort())
    const imported = await critique('import', ARTICLE, join(out, files[0]!), '--json')
    expect(JSON.parse(imported.stdout)).toMatchObject({ total: seed.total, orphans: [] })
  })

  it("another team sees nothing; a wrong token and an unreachable server say so and exit 1", async () => {
    const rival = await critique('pull', ARTICLE, '--server', server.url, '--token', server.tokens.Rival!, '--out', out)
    expect(rival.stdout).toMatch(/No shared sets on this article/)
    const bad = await critique('push', ARTICLE, SEED_SET, '--server', server.url, '--token', 'cwt_wrong')
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/Could not connect to .*: The token was not accepted/)
    const nowhere = await critique('pull', ARTICLE, '--server', `http://127.0.0.1:${await freePort()}`, '--token', server.tokens.Ben!)
    expect(nowhere.code).toBe(1)
    expect(nowhere.stderr).toMatch(/could not be reached/)
    const missing = await critique('pull', ARTICLE, '--server', server.url)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/needs --token TOKEN/)
  })

  it("a colleague cannot push into Aiko's set: 403 naming the owner, nothing changed", async () => {
    const before = await server.db.query('SELECT id, etag FROM annotations ORDER BY id')
    const ben = await critique('push', ARTICLE, SEED_SET, '--server', server.url, '--token', server.tokens.Ben!)
    expect(ben.code).toBe(1)
    expect(ben.stderr).toMatch(/belongs to Aiko; only they can change it/)
    expect(await server.db.query('SELECT id, etag FROM annotations ORDER BY id')).toEqual(before)
  })
})
