/**
 * Two analysts and a live team server (critique serve on a throwaway
 * PostgreSQL 15 cluster), in two browser profiles: Aiko tags a claim and
 * shares her set from Preferences ▸ Team; Ben connects, sees her set on the
 * same article and adds it to his sets; "Test connection" says exactly what
 * is wrong for a bad token, an unreachable server and a server that is not
 * one.
 */
import { expect, test, type Page } from '@playwright/test'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { startPgCluster, freePort, type PgCluster } from '../server/testing/pg-cluster'
import { answerAnalystPrompt, claimsPanel, launchApp, newProfile, SEED_SPECULATION, selectInReader, waitForReader } from './support/app'

const ROOT = join(__dirname, '..')
const CRITIQUE = join(ROOT, 'bin', 'critique.mjs')
let cluster: PgCluster
let server: ChildProcess
let serverUrl = ''
const tokens: Record<string, string> = {}

test.describe.configure({ mode: 'serial' })

test.beforeAll(async ({ baseURL }) => {
  test.setTimeout(180_000)
  cluster = await startPgCluster()
  const env = { ...process.env, DATABASE_URL: cluster.url }
  for (const name of ['Aiko', 'Ben']) {
    const added = spawnSync(process.execPath, [CRITIQUE, 'serve', 'user', 'add', name, '--team', 'blue'], { env, encoding: 'utf8' })
    if (added.status !== 0) throw new Error(added.stderr)
    tokens[name] = added.stdout.trim().split('\n').pop()!
  }
  const port = await freePort()
  server = spawn(process.execPath, [CRITIQUE, 'serve', '--port', String(port), '--cors-origin', new URL(baseURL!).origin], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  serverUrl = await new Promise<string>((resolve, reject) => {
    let out = ''
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /Protocol at (http:\/\/\S+)/.exec(out)
      if (m) resolve(m[1]!)
    })
    server.once('exit', () => reject(new Error(`critique serve exited: ${out}`)))
  })
})

test.afterAll(() => {
  server?.kill('SIGTERM')
  cluster?.stop()
})

async function openTeamPreferences(page: Page, url: string, token: string) {
  await page.getByRole('banner').getByRole('button', { name: 'Preferences' }).click()
  const team = page.getByRole('region', { name: 'Team' })
  await team.getByLabel('Server URL').fill(url)
  await team.getByLabel('Personal token').fill(token)
  await team.getByRole('button', { name: 'Test connection' }).click()
  return team
}

test('Aiko shares her set; Ben sees it on the same article and adds it to his sets', async ({ baseURL }) => {
  const aiko = await launchApp(baseURL!, newProfile())
  const ben = await launchApp(baseURL!, newProfile())
  try {
    await waitForReader(aiko.page)
    await selectInReader(aiko.page, SEED_SPECULATION)
    await aiko.page.keyboard.press('s')
    await answerAnalystPrompt(aiko.page, 'Aiko')
    await expect(claimsPanel(aiko.page).getByRole('list', { name: 'Claims in document order' }).getByRole('listitem')).toHaveCount(1)
    const aikoSetLabel = (await claimsPanel(aiko.page).locator('#set-select option:checked').textContent())!.trim()

    const team = await openTeamPreferences(aiko.page, serverUrl, tokens.Aiko!)
    await expect(team.getByRole('status')).toHaveText('Connected as Aiko (team blue).')
    await expect(team.getByText('No colleague has shared a set on this article yet.')).toBeVisible()
    await team.getByRole('button', { name: 'Share the active set' }).click()
    await expect(aiko.page.getByText(/^Shared “.+” with 1 claim\.$/)).toBeVisible()
    await aiko.page.screenshot({ path: 'test-results/team-prefs-en.png', fullPage: false })

    await waitForReader(ben.page)
    const benTeam = await openTeamPreferences(ben.page, serverUrl, tokens.Ben!)
    await expect(benTeam.getByRole('status')).toHaveText('Connected as Ben (team blue).')
    const line = benTeam.getByRole('listitem').filter({ hasText: 'by Aiko (1 claim)' })
    await expect(line).toBeVisible()
    await line.getByRole('button', { name: 'Add to my sets' }).click()
    await expect(ben.page.getByText(/^Added “.+” by Aiko to this article’s sets\.$/)).toBeVisible()
    await ben.page.getByRole('button', { name: '← Back to the article' }).click()
    await waitForReader(ben.page)
    const options = await claimsPanel(ben.page).locator('#set-select option').allTextContents()
    expect(options.some((o) => o.includes(aikoSetLabel.split(' ')[0]!))).toBe(true)

    // Aiko's set is followed: shown with her name, read-only, and kept current.
    const benClaims = claimsPanel(ben.page).getByRole('list', { name: 'Claims in document order' }).getByRole('listitem')
    const followedOption = claimsPanel(ben.page).locator('#set-select option', { hasText: '(team, read-only)' })
    await expect(followedOption).toHaveCount(1)
    await expect(followedOption).toContainText('Aiko')
    await expect(benClaims).toHaveCount(1)
    await selectInReader(ben.page, '北極圏')
    await ben.page.keyboard.press('e')
    await expect(ben.page.getByText(/is Aiko’s set, followed from the team server: it is read-only here and only Aiko can change it\./)).toBeVisible()
    await expect(benClaims).toHaveCount(1)
    await ben.page.screenshot({ path: 'test-results/team-followed-en.png', fullPage: false })

    // Aiko tags a second claim and shares again; Ben's copy follows without a reload.
    await aiko.page.getByRole('button', { name: '← Back to the article' }).click()
    await waitForReader(aiko.page)
    await selectInReader(aiko.page, '北極圏')
    await aiko.page.keyboard.press('e')
    await expect(claimsPanel(aiko.page).getByRole('list', { name: 'Claims in document order' }).getByRole('listitem')).toHaveCount(2)
    const again = await openTeamPreferences(aiko.page, serverUrl, tokens.Aiko!)
    await expect(again.getByRole('status')).toHaveText('Connected as Aiko (team blue).')
    await again.getByRole('button', { name: 'Share the active set' }).click()
    await expect(aiko.page.getByText(/^Shared “.+” with 2 claims\.$/)).toBeVisible()
    // Ben comes back to his window (the 30 s timer would do the same, later).
    await ben.page.evaluate(() => window.dispatchEvent(new Event('focus')))
    await expect(benClaims).toHaveCount(2)
    await expect(benClaims.filter({ hasText: '北極圏' })).toHaveCount(1)

    // Adding the same set again brings the followed copy up to date; no second copy.
    const benAgain = await openTeamPreferences(ben.page, serverUrl, tokens.Ben!)
    await benAgain.getByRole('listitem').filter({ hasText: 'by Aiko (2 claims)' }).getByRole('button', { name: 'Add to my sets' }).click()
    await expect(ben.page.getByText(/^“.+” by Aiko is already among this article’s sets; it was brought up to date\.$/)).toBeVisible()
    await ben.page.getByRole('button', { name: '← Back to the article' }).click()
    await waitForReader(ben.page)
    await expect(claimsPanel(ben.page).locator('#set-select option')).toHaveCount(1)
    await expect(benClaims).toHaveCount(2)

    // The same section in Japanese.
    await ben.page.getByRole('banner').getByRole('button', { name: 'Preferences' }).click()
    await ben.page.getByRole('combobox', { name: 'Language' }).selectOption('ja')
    const ja = ben.page.getByRole('region', { name: 'チーム' })
    await ja.getByRole('button', { name: '接続をテスト' }).click()
    await expect(ja.getByRole('status')).toHaveText('Ben（チーム blue）として接続しました。')
    await ja.scrollIntoViewIfNeeded()
    await ben.page.screenshot({ path: 'test-results/team-prefs-ja.png', fullPage: false })
    // The desk refuses in Japanese too.
    await ben.page.getByRole('button', { name: '← 記事に戻る' }).click()
    await waitForReader(ben.page)
    await selectInReader(ben.page, 'アラスカ', 0, '主張にタグを付ける')
    await ben.page.keyboard.press('s')
    await expect(ben.page.getByText(/はチームサーバーから追従している Aiko のセットです。ここでは読み取り専用で/)).toBeVisible()
    await expect(ben.page.locator('#set-select option')).toHaveText([/（チーム・読み取り専用）$/])
    await ben.page.screenshot({ path: 'test-results/team-followed-ja.png', fullPage: false })
  } finally {
    await aiko.context.close()
    await ben.context.close()
  }
})

/** Aiko's own shared annotation on the server, read and changed behind her back (as a second device of hers would). */
async function changeOnServer(setId: string, from: string, to: string): Promise<void> {
  const auth = { Authorization: `Bearer ${tokens.Aiko!}`, Accept: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' }
  const container = (await (await fetch(`${serverUrl}/sets/${setId}/`, { headers: auth })).json()) as { first: { items: { id: string }[] } }
  const iri = container.first.items[0]!.id
  const got = await fetch(iri, { headers: auth })
  const text = await got.text()
  expect(text).toContain(from)
  const put = await fetch(iri, { method: 'PUT', headers: { ...auth, 'Content-Type': auth.Accept, 'If-Match': got.headers.get('etag')! }, body: text.replaceAll(from, to) })
  expect(put.status).toBe(200)
}

async function noteOnServer(setId: string): Promise<string> {
  const res = await fetch(`${serverUrl}/sets/${setId}/`, { headers: { Authorization: `Bearer ${tokens.Aiko!}`, Accept: 'application/ld+json' } })
  return res.text()
}

test('A shared set’s edits go out by themselves, wait while offline, and a conflict shows both versions', async ({ baseURL }) => {
  const aiko = await launchApp(baseURL!, newProfile())
  const ben = await launchApp(baseURL!, newProfile())
  try {
    await waitForReader(aiko.page)
    await selectInReader(aiko.page, SEED_SPECULATION)
    await aiko.page.keyboard.press('s')
    await answerAnalystPrompt(aiko.page, 'Aiko')
    const aikoClaims = claimsPanel(aiko.page).getByRole('list', { name: 'Claims in document order' }).getByRole('listitem')
    await expect(aikoClaims).toHaveCount(1)
    const setId = (await claimsPanel(aiko.page).locator('#set-select').inputValue()).trim()
    const team = await openTeamPreferences(aiko.page, serverUrl, tokens.Aiko!)
    await expect(team.getByRole('status')).toHaveText('Connected as Aiko (team blue).')
    await team.getByRole('button', { name: 'Share the active set' }).click()
    await expect(aiko.page.getByText(/^Shared “.+” with 1 claim\.$/)).toBeVisible()
    await aiko.page.getByRole('button', { name: '← Back to the article' }).click()
    await waitForReader(aiko.page)
    const sync = aiko.page.getByRole('region', { name: 'Team sync' }).getByRole('status')
    await expect(sync).toHaveText('Synced')

    // An edit goes out by itself; Ben, following the set, sees it.
    const note = aiko.page.getByRole('region', { name: 'Claim' }).getByLabel('Note (your rationale)')
    const editNote = async (text: string) => {
      await aikoClaims.first().click()
      await note.fill(text)
      await expect(aiko.page.locator('.save-status')).toHaveText('Saved')
    }
    await editNote('First edit, online.')
    await expect(sync).toHaveText('Synced')
    await expect.poll(() => noteOnServer(setId)).toContain('First edit, online.')
    await waitForReader(ben.page)
    const benTeam = await openTeamPreferences(ben.page, serverUrl, tokens.Ben!)
    await benTeam.getByRole('listitem').filter({ hasText: 'by Aiko (1 claim)' }).getByRole('button', { name: 'Add to my sets' }).click()
    await ben.page.getByRole('button', { name: '← Back to the article' }).click()
    await waitForReader(ben.page)
    const benClaims = claimsPanel(ben.page).getByRole('list', { name: 'Claims in document order' }).getByRole('listitem')
    await expect(benClaims.first()).toContainText('First edit, online.')

    // Offline: the edit is counted as pending, and goes out when she is back.
    await aiko.context.setOffline(true)
    await editNote('Second edit, made offline.')
    await expect(sync).toHaveText('Offline · 1 pending')
    await aiko.page.screenshot({ path: 'test-results/team-sync-offline-en.png' })
    expect(await noteOnServer(setId)).not.toContain('Second edit, made offline.')
    await aiko.context.setOffline(false)
    await expect(sync).toHaveText('Synced')
    await ben.page.evaluate(() => window.dispatchEvent(new Event('focus')))
    await expect(benClaims.first()).toContainText('Second edit, made offline.')

    // Changed on the server behind her back: her next edit meets a 412, and she sees both versions.
    await changeOnServer(setId, 'Second edit, made offline.', 'Changed from her laptop.')
    await editNote('Aiko’s final word.')
    await expect(sync).toHaveText('Conflict on 1 claim: choose a version')
    const conflict = aiko.page.getByRole('group', { name: /^Conflict on “/ })
    await expect(conflict).toContainText('Aiko’s final word.')
    await expect(conflict).toContainText('Changed from her laptop.')
    expect(await noteOnServer(setId)).toContain('Changed from her laptop.')
    await aiko.page.screenshot({ path: 'test-results/team-sync-conflict-en.png' })
    await conflict.getByRole('button', { name: 'Keep mine' }).click()
    await expect(sync).toHaveText('Synced')
    await expect.poll(() => noteOnServer(setId)).toContain('Aiko’s final word.')
    expect(await noteOnServer(setId)).not.toContain('Changed from her laptop.')

    // Again, and this time she takes the server's version: her claim becomes it.
    await changeOnServer(setId, 'Aiko’s final word.', 'The laptop was right.')
    await editNote('Not so sure any more.')
    await expect(sync).toHaveText('Conflict on 1 claim: choose a version')
    await conflict.getByRole('button', { name: 'Take the server’s' }).click()
    await expect(sync).toHaveText('Synced')
    await expect(aikoClaims.first()).toContainText('The laptop was right.')
    expect(await noteOnServer(setId)).toContain('The laptop was right.')

    // The line in Japanese.
    await aiko.page.getByRole('banner').getByRole('button', { name: 'Preferences' }).click()
    await aiko.page.getByRole('combobox', { name: 'Language' }).selectOption('ja')
    await aiko.page.getByRole('button', { name: '← 記事に戻る' }).click()
    await waitForReader(aiko.page)
    await expect(aiko.page.getByRole('region', { name: 'チーム同期' }).getByRole('status')).toHaveText('同期済み')
    await aiko.page.screenshot({ path: 'test-results/team-sync-ja.png' })
  } finally {
    await aiko.context.close()
    await ben.context.close()
  }
})

test('Test connection says exactly what is wrong', async ({ baseURL }) => {
  const app = await launchApp(baseURL!, newProfile())
  try {
    await waitForReader(app.page)
    const team = await openTeamPreferences(app.page, serverUrl, 'cwt_not-a-real-token')
    await expect(team.getByRole('status')).toHaveText('The server refused the token: it is unknown, mistyped or revoked.')
    const nowhere = `http://127.0.0.1:${await freePort()}`
    await team.getByLabel('Server URL').fill(nowhere)
    await team.getByRole('button', { name: 'Test connection' }).click()
    await expect(team.getByRole('status')).toHaveText(`The server at ${nowhere} cannot be reached: check the URL and that it is running.`)
    await team.getByLabel('Server URL').fill(baseURL!)
    await team.getByRole('button', { name: 'Test connection' }).click()
    await expect(team.getByRole('status')).toHaveText(`${baseURL} answers, but it is not a Critique Workbench Web Annotation server.`)
  } finally {
    await app.context.close()
  }
})
