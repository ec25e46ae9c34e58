/**
 * Two leftovers of the team workspace, driven as analysts do against live
 * team servers on a throwaway PostgreSQL 15 cluster (docs/team.md):
 * - Aiko renames her shared set: the label goes to the server by itself and
 *   Ben's set list shows the new name after his refresh;
 * - Ben points Preferences ▸ Team at another server: Aiko's set, followed
 *   from the old one, stays (Compare still has it) but is marked "from …,
 *   not refreshed" in the set list and the team line, until he removes it;
 *   a server that serves the same set (the team moved its server onto the
 *   same database) takes it over instead of adding a second copy.
 */
import { expect, test, type Locator, type Page } from '@playwright/test'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { freshDatabase } from '../server/testing/database-per-file'
import { startPgCluster, freePort, type PgCluster } from '../server/testing/pg-cluster'
import { answerAnalystPrompt, claimsPanel, launchApp, newProfile, SEED_SPECULATION, selectInReader, waitForReader } from './support/app'

const CRITIQUE = join(__dirname, '..', 'bin', 'critique.mjs')
let cluster: PgCluster
const servers: ChildProcess[] = []

test.describe.configure({ mode: 'serial' })

/** Add a user to the database at `databaseUrl`; resolves with the token printed once. */
function addUser(databaseUrl: string, name: string): string {
  const added = spawnSync(process.execPath, [CRITIQUE, 'serve', 'user', 'add', name, '--team', 'blue'], { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: 'utf8' })
  if (added.status !== 0) throw new Error(added.stderr)
  return added.stdout.trim().split('\n').pop()!
}

/** Start `critique serve` on the database at `databaseUrl`; resolves with its URL. */
async function serve(databaseUrl: string, origin: string): Promise<string> {
  const port = await freePort()
  const server = spawn(process.execPath, [CRITIQUE, 'serve', '--port', String(port), '--cors-origin', origin], { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ['ignore', 'pipe', 'pipe'] })
  servers.push(server)
  return new Promise<string>((resolve, reject) => {
    let out = ''
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /Protocol at (http:\/\/\S+)/.exec(out)
      if (m) resolve(m[1]!)
    })
    server.once('exit', () => reject(new Error(`critique serve exited: ${out}`)))
  })
}

let teamDb = ''
let otherDb = ''
const tokens: Record<string, string> = {}

test.beforeAll(async () => {
  test.setTimeout(180_000)
  cluster = await startPgCluster()
  teamDb = await freshDatabase(cluster.url, 'team')
  otherDb = await freshDatabase(cluster.url, 'other')
  for (const name of ['Aiko', 'Ben']) tokens[name] = addUser(teamDb, name)
  tokens.BenElsewhere = addUser(otherDb, 'Ben')
})

test.afterAll(() => {
  for (const server of servers) server.kill('SIGTERM')
  cluster?.stop()
})

/** Preferences ▸ Team: connect to `url` with `token`, then `inTeam` (e.g. share), then back to the article. */
async function connect(page: Page, url: string, token: string, expected: string, inTeam?: (team: Locator) => Promise<void>) {
  await page.getByRole('banner').getByRole('button', { name: 'Preferences' }).click()
  const team = page.getByRole('region', { name: 'Team' })
  await team.getByLabel('Server URL').fill(url)
  await team.getByLabel('Personal token').fill(token)
  await team.getByRole('button', { name: 'Test connection' }).click()
  await expect(team.getByRole('status')).toHaveText(expected)
  await inTeam?.(team)
  await page.getByRole('button', { name: '← Back to the article' }).click()
  await waitForReader(page)
}

/** The window gets the focus back (the 30 s timer would do the same, later). */
const focusWindow = (page: Page) => page.evaluate(() => window.dispatchEvent(new Event('focus')))

test('a renamed shared set reaches the server, and a colleague’s set from a server no longer configured is kept, marked and removable', async ({ baseURL }) => {
  test.setTimeout(170_000)
  const origin = new URL(baseURL!).origin
  const serverA = await serve(teamDb, origin)
  const aiko = await launchApp(baseURL!, newProfile())
  const ben = await launchApp(baseURL!, newProfile())
  try {
    // Aiko tags, shares; Ben, on the same server, follows her set.
    await waitForReader(aiko.page)
    await selectInReader(aiko.page, SEED_SPECULATION)
    await aiko.page.keyboard.press('s')
    await answerAnalystPrompt(aiko.page, 'Aiko')
    await connect(aiko.page, serverA, tokens.Aiko!, 'Connected as Aiko (team blue).', async (team) => {
      await team.getByRole('button', { name: 'Share the active set' }).click()
      await expect(aiko.page.getByText(/^Shared “.+” with 1 claim\.$/)).toBeVisible()
    })
    const aikoSync = aiko.page.getByRole('region', { name: 'Team sync' }).getByRole('status')
    await expect(aikoSync).toHaveText('Synced')

    await waitForReader(ben.page)
    await selectInReader(ben.page, SEED_SPECULATION)
    await ben.page.keyboard.press('e')
    await answerAnalystPrompt(ben.page, 'Ben')
    await connect(ben.page, serverA, tokens.Ben!, 'Connected as Ben (team blue).')
    const benSet = ben.page.locator('#set-select')
    const followed = benSet.locator('option', { hasText: 'Aiko' })
    await expect(followed).toHaveText(/ \(team, read-only\)$/)

    // Aiko renames her set: one pending change, then Synced; Ben's list shows the new name after his refresh.
    await claimsPanel(aiko.page).getByRole('button', { name: /^Rename set “/ }).click()
    const rename = aiko.page.getByRole('dialog', { name: 'Rename annotation set' })
    await expect(rename).toContainText('This set is shared: the new label goes to the team server with its next sync')
    await rename.getByLabel('Label').fill('Aiko, second pass')
    await aiko.page.screenshot({ path: 'test-results/team-rename-dialog-en.png' })
    await rename.getByRole('button', { name: 'Rename' }).click()
    await expect(aiko.page.locator('#set-select option:checked')).toHaveText('Aiko, second pass')
    await expect(aikoSync).toHaveText('Synced')
    await focusWindow(ben.page)
    await expect(followed).toHaveText('Aiko, second pass (team, read-only)')

    // Ben moves to another team server (another database: Aiko's set is not there).
    const serverB = await serve(otherDb, origin)
    await connect(ben.page, serverB, tokens.BenElsewhere!, 'Connected as Ben (team blue).')
    const benLine = ben.page.getByRole('region', { name: 'Colleagues’ sets' })
    await expect(followed).toHaveText(`Aiko, second pass (team, from ${serverA}, not refreshed)`)
    await expect(benLine.getByRole('status')).toHaveText('No colleague has shared a set on this article yet.')
    await expect(benLine).toContainText(`“Aiko, second pass”, followed from ${serverA}, is not refreshed: that is no longer your team server.`)
    // Still in Compare: his claims and hers are compared as before.
    await claimsPanel(ben.page).getByRole('button', { name: 'Compare sets…' }).click()
    const choose = ben.page.getByRole('dialog', { name: 'Compare annotation sets' })
    await expect(choose.getByRole('checkbox')).toHaveCount(2)
    await expect(choose).toContainText('Aiko, second pass')
    await choose.getByRole('button', { name: 'Cancel' }).click()
    await ben.page.screenshot({ path: 'test-results/team-stale-server-en.png' })

    // The same in Japanese.
    await ben.page.getByRole('banner').getByRole('button', { name: 'Preferences' }).click()
    await ben.page.getByRole('combobox', { name: 'Language' }).selectOption('ja')
    await ben.page.getByRole('button', { name: '← 記事に戻る' }).click()
    await waitForReader(ben.page)
    await expect(followed).toHaveText(`Aiko, second pass（チーム・${serverA} から・更新されません）`)
    await expect(ben.page.getByRole('region', { name: '同僚のセット' })).toContainText(`${serverA} からフォローしている「Aiko, second pass」は更新されません`)
    await ben.page.screenshot({ path: 'test-results/team-stale-server-ja.png' })
    await ben.page.getByRole('banner').getByRole('button', { name: '環境設定' }).click()
    await ben.page.getByRole('combobox', { name: '表示言語' }).selectOption('en')
    await ben.page.getByRole('button', { name: '← Back to the article' }).click()
    await waitForReader(ben.page)

    // The team moved its server onto the same database: the set is taken over (one copy, current again), not added twice.
    const serverA2 = await serve(teamDb, origin)
    await connect(ben.page, serverA2, tokens.Ben!, 'Connected as Ben (team blue).')
    await expect(followed).toHaveText('Aiko, second pass (team, read-only)')
    await expect(benSet.locator('option')).toHaveCount(2)
    await expect(benLine.getByRole('status')).toHaveText('1 colleague’s set on this article, up to date')
    await expect(benLine).not.toContainText('not refreshed')

    // Back on the other server: he removes the stale set himself.
    await connect(ben.page, serverB, tokens.BenElsewhere!, 'Connected as Ben (team blue).')
    await expect(followed).toHaveText(`Aiko, second pass (team, from ${serverA2}, not refreshed)`)
    await benLine.getByRole('button', { name: 'Remove this set' }).click()
    await expect(followed).toHaveCount(0)
    await expect(benSet.locator('option')).toHaveCount(1)
    await expect(benLine).not.toContainText('not refreshed')

    // Renaming, in Japanese: the dialog says where a shared set's new label goes.
    await aiko.page.getByRole('banner').getByRole('button', { name: 'Preferences' }).click()
    await aiko.page.getByRole('combobox', { name: 'Language' }).selectOption('ja')
    await aiko.page.getByRole('button', { name: '← 記事に戻る' }).click()
    await waitForReader(aiko.page)
    await aiko.page.getByRole('button', { name: 'セット「Aiko, second pass」の名前を変更' }).click()
    const renameJa = aiko.page.getByRole('dialog', { name: '注釈セットの名前を変更' })
    await expect(renameJa).toContainText('このセットは共有されています。新しいラベルは次の同期でチームサーバーに送られ')
    await aiko.page.screenshot({ path: 'test-results/team-rename-dialog-ja.png' })
    await renameJa.getByRole('button', { name: 'キャンセル' }).click()
    await expect(aiko.page.getByRole('region', { name: 'チーム同期' }).getByRole('status')).toHaveText('同期済み')
  } finally {
    await aiko.context.close()
    await ben.context.close()
  }
})
