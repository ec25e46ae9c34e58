/**
 * Two analysts and a live team server (critique serve on a throwaway
 * PostgreSQL 15 cluster), in two browser profiles: Aiko shares a set from
 * Preferences ▸ Team; Ben sees it appear in his set list on the same article
 * (read-only, with her name) without importing anything, and his Compare
 * follows her edits, made online or offline; a conflicting edit shows both
 * versions; the status lines say what went wrong in the user's language;
 * "Test connection" says exactly what is wrong for a bad token, an
 * unreachable server and a server that is not one.
 */
import { expect, test, type Locator, type Page } from '@playwright/test'
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

/**
 * Aiko tags the seed's speculative sentence S (naming herself at the prompt),
 * shares her set from Preferences ▸ Team and is back on the article with the
 * sync line saying Synced. Returns her claims list, her set id and that line.
 */
async function tagAndShareAsAiko(page: Page): Promise<{ claims: Locator; setId: string; sync: Locator }> {
  await waitForReader(page)
  await selectInReader(page, SEED_SPECULATION)
  await page.keyboard.press('s')
  await answerAnalystPrompt(page, 'Aiko')
  const claims = claimsPanel(page).getByRole('list', { name: 'Claims in document order' }).getByRole('listitem')
  await expect(claims).toHaveCount(1)
  const setId = (await claimsPanel(page).locator('#set-select').inputValue()).trim()
  const team = await openTeamPreferences(page, serverUrl, tokens.Aiko!)
  await expect(team.getByRole('status')).toHaveText('Connected as Aiko (team blue).')
  await team.getByRole('button', { name: 'Share the active set' }).click()
  await expect(page.getByText(/^Shared “.+” with 1 claim\.$/)).toBeVisible()
  await page.getByRole('button', { name: '← Back to the article' }).click()
  await waitForReader(page)
  const sync = page.getByRole('region', { name: 'Team sync' }).getByRole('status')
  await expect(sync).toHaveText('Synced')
  return { claims, setId, sync }
}

function figure(page: Page, label: string): Locator {
  return page.getByRole('complementary', { name: 'Figures' }).locator('.cmp-figure').filter({ has: page.locator('dt', { hasText: label }) }).locator('.cmp-figure-value')
}

/** The window gets the focus back (the 30 s timer would do the same, later). */
const focusWindow = (page: Page) => page.evaluate(() => window.dispatchEvent(new Event('focus')))

test('Aiko shares a set; Ben sees it appear on the same article, read-only, Compare follows her edits live, and his shared set reaches her', async ({ baseURL }) => {
  test.setTimeout(150_000)
  const aiko = await launchApp(baseURL!, newProfile())
  const ben = await launchApp(baseURL!, newProfile())
  try {
    // Ben connects and tags his own reading first: a team server with nothing on this article yet.
    await waitForReader(ben.page)
    const benTeam = await openTeamPreferences(ben.page, serverUrl, tokens.Ben!)
    await expect(benTeam.getByRole('status')).toHaveText('Connected as Ben (team blue).')
    await ben.page.getByRole('button', { name: '← Back to the article' }).click()
    await waitForReader(ben.page)
    const benLine = ben.page.getByRole('region', { name: 'Colleagues’ sets' }).getByRole('status')
    await expect(benLine).toHaveText('No colleague has shared a set on this article yet.')
    await selectInReader(ben.page, SEED_SPECULATION)
    await ben.page.keyboard.press('e')
    await answerAnalystPrompt(ben.page, 'Ben')
    const benClaims = claimsPanel(ben.page).getByRole('list', { name: 'Claims in document order' }).getByRole('listitem')
    await expect(benClaims).toHaveCount(1)
    const benSet = ben.page.locator('#set-select')
    const benSetId = await benSet.inputValue()

    // Aiko tags the same sentence Speculative and shares her set.
    const { claims: aikoClaims, sync: aikoSync } = await tagAndShareAsAiko(aiko.page)

    // Ben imports nothing: her set appears in his set list, with her name, read-only; his own stays active.
    await focusWindow(ben.page)
    const followedOption = benSet.locator('option', { hasText: '(team, read-only)' })
    await expect(followedOption).toHaveCount(1)
    await expect(followedOption).toContainText('Aiko')
    await expect(benLine).toHaveText('1 colleague’s set on this article, up to date')
    await expect(benSet).toHaveValue(benSetId)
    await ben.page.screenshot({ path: 'test-results/team-set-list-en.png' })

    // Her set, chosen: her claim shows; tagging into it is not offered, and the toolbar says why.
    await benSet.selectOption({ label: (await followedOption.textContent())! })
    await expect(benClaims).toHaveCount(1)
    await selectInReader(ben.page, 'アラスカ')
    const toolbar = ben.page.getByRole('toolbar', { name: 'Tag claim' })
    await expect(toolbar.getByRole('button', { name: /Evidenced/ })).toBeDisabled()
    await expect(toolbar.getByRole('button', { name: /Speculative/ })).toBeDisabled()
    await expect(toolbar).toContainText(/is Aiko’s set \(read-only\)\. Choose or make a set of your own to tag\./)
    await ben.page.screenshot({ path: 'test-results/team-read-only-toolbar-en.png' })
    await ben.page.keyboard.press('e')
    await ben.page.keyboard.press('s')
    await expect(benClaims).toHaveCount(1)
    // Her claim opens read-only: the reason is said, and nothing offers a change.
    await benClaims.first().click()
    const detail = ben.page.getByRole('region', { name: 'Claim' })
    await expect(detail.getByRole('note')).toContainText('is Aiko’s set, followed from the team server: it is read-only here and only Aiko can change it.')
    await expect(detail.getByRole('radio', { name: 'Evidenced' })).toBeDisabled()
    await expect(detail.getByLabel('Note (your rationale)')).not.toBeEditable()
    await expect(detail.getByRole('button', { name: 'Delete claim' })).toHaveCount(0)
    await expect(detail.getByRole('button', { name: /^Add / })).toHaveCount(0)
    await ben.page.screenshot({ path: 'test-results/team-read-only-claim-en.png' })
    await benSet.selectOption(benSetId)

    // Compare: Ben's Evidenced against Aiko's Speculative on the same sentence.
    await claimsPanel(ben.page).getByRole('button', { name: 'Compare sets…' }).click()
    const choose = ben.page.getByRole('dialog', { name: 'Compare annotation sets' })
    await expect(choose.getByRole('checkbox')).toHaveCount(2)
    await choose.getByRole('button', { name: 'Compare' }).click()
    await expect(figure(ben.page, 'Aligned pairs')).toHaveText('1')
    await expect(figure(ben.page, 'Observed agreement')).toHaveText('0.000')
    const outcomes = ben.page.getByRole('complementary', { name: 'Outcomes' })
    await expect(outcomes.getByRole('region', { name: /^Stance conflicts \d+$/ }).locator('.cmp-item')).toHaveCount(1)

    // Aiko changes her mind (Evidenced): the edit goes out by itself, and Ben's Compare follows.
    await aikoClaims.first().click()
    await aiko.page.getByRole('region', { name: 'Claim' }).getByRole('radio', { name: 'Evidenced' }).check()
    await expect(aiko.page.locator('.save-status')).toHaveText('Saved')
    await expect(aikoSync).toHaveText('Synced')
    await expect
      .poll(async () => {
        await focusWindow(ben.page)
        return figure(ben.page, 'Observed agreement').textContent()
      })
      .toBe('1.000')
    await expect(outcomes.getByRole('region', { name: /^Agree \d+$/ }).locator('.cmp-item')).toHaveCount(1)
    await ben.page.screenshot({ path: 'test-results/team-compare-live-en.png' })
    await ben.page.getByRole('button', { name: '← Back to reading' }).click()
    await waitForReader(ben.page)

    // Aiko offline: her note waits as pending, Ben's copy keeps the last one; back online, it goes out and reaches Ben.
    const note = aiko.page.getByRole('region', { name: 'Claim' }).getByLabel('Note (your rationale)')
    await aiko.context.setOffline(true)
    await aikoClaims.first().click()
    await note.fill('Written on the train.')
    await expect(aiko.page.locator('.save-status')).toHaveText('Saved')
    await expect(aikoSync).toHaveText('Offline · 1 pending')
    await benSet.selectOption({ label: (await followedOption.textContent())! })
    await focusWindow(ben.page)
    await expect(benClaims.first()).not.toContainText('Written on the train.')
    await aiko.context.setOffline(false)
    await expect(aikoSync).toHaveText('Synced')
    await expect
      .poll(async () => {
        await focusWindow(ben.page)
        return benClaims.first().textContent()
      })
      .toContain('Written on the train.')

    // Both share and both edit: Ben shares his set too; it appears in Aiko's list, and his edit reaches her.
    await benSet.selectOption(benSetId)
    const benPrefs = await openTeamPreferences(ben.page, serverUrl, tokens.Ben!)
    await expect(benPrefs.getByRole('status')).toHaveText('Connected as Ben (team blue).')
    await benPrefs.getByRole('button', { name: 'Share the active set' }).click()
    await expect(ben.page.getByText(/^Shared “.+” with 1 claim\.$/)).toBeVisible()
    await ben.page.getByRole('button', { name: '← Back to the article' }).click()
    await waitForReader(ben.page)
    await benClaims.first().click()
    await ben.page.getByRole('region', { name: 'Claim' }).getByLabel('Note (your rationale)').fill('Ben: the sources back it.')
    await expect(ben.page.locator('.save-status')).toHaveText('Saved')
    await expect(ben.page.getByRole('region', { name: 'Team sync' }).getByRole('status')).toHaveText('Synced')
    const aikoSet = aiko.page.locator('#set-select')
    const aikoSetId = await aikoSet.inputValue()
    const bensOption = aikoSet.locator('option', { hasText: '(team, read-only)' })
    await expect
      .poll(async () => {
        await focusWindow(aiko.page)
        return bensOption.count()
      })
      .toBe(1)
    await expect(bensOption).toContainText('Ben')
    await aikoSet.selectOption({ label: (await bensOption.textContent())! })
    // His set may have been discovered before his note went out ("Synced" can show for the
    // moment between the note's save and the desk's new list): her next refresh brings it.
    await expect
      .poll(async () => {
        await focusWindow(aiko.page)
        return aikoClaims.first().textContent()
      })
      .toContain('Ben: the sources back it.')
    await aikoSet.selectOption(aikoSetId)
    await benSet.selectOption({ label: (await followedOption.textContent())! })
    await expect(benClaims.first()).toContainText('Written on the train.')

    // Ben offline: the line says the server cannot be reached, and her set keeps what it held.
    await ben.context.setOffline(true)
    await focusWindow(ben.page)
    await expect(benLine).toHaveText(`Colleagues’ sets not refreshed: The server at ${serverUrl} cannot be reached: check the URL and that it is running. They show what they held.`)
    await expect(benClaims.first()).toContainText('Written on the train.')
    await ben.page.screenshot({ path: 'test-results/team-status-unreachable-en.png' })
    await ben.context.setOffline(false)
    await focusWindow(ben.page)
    await expect(benLine).toHaveText('1 colleague’s set on this article, up to date')

    // The same in Japanese: the set list and the status line.
    await ben.page.getByRole('banner').getByRole('button', { name: 'Preferences' }).click()
    await ben.page.getByRole('combobox', { name: 'Language' }).selectOption('ja')
    await ben.page.getByRole('button', { name: '← 記事に戻る' }).click()
    await waitForReader(ben.page)
    const jaLine = ben.page.getByRole('region', { name: '同僚のセット' }).getByRole('status')
    await expect(jaLine).toHaveText('この記事の同僚のセット 1 件（最新）')
    await expect(benSet.locator('option', { hasText: '（チーム・読み取り専用）' })).toContainText('Aiko')
    await selectInReader(ben.page, 'アラスカ', 0, '主張にタグを付ける')
    await expect(ben.page.getByRole('toolbar', { name: '主張にタグを付ける' })).toContainText('は Aiko のセットです（読み取り専用）')
    await ben.page.screenshot({ path: 'test-results/team-set-list-ja.png' })

    // A token that no longer works (revoked): said in his language, not swallowed.
    await ben.page.getByRole('banner').getByRole('button', { name: '設定' }).click()
    const ja = ben.page.getByRole('region', { name: 'チーム' })
    await ja.getByLabel('個人トークン').fill('cwt_revoked-token')
    await ja.getByRole('button', { name: '接続をテスト' }).click()
    await expect(ja.getByRole('status')).toHaveText('サーバーがトークンを受け付けませんでした。未登録、入力ミス、または無効にされたトークンです。')
    await ben.page.getByRole('button', { name: '← 記事に戻る' }).click()
    await waitForReader(ben.page)
    await expect(jaLine).toHaveText('同僚のセットを更新できませんでした：サーバーがトークンを受け付けませんでした。未登録、入力ミス、または無効にされたトークンです。 前回の内容を表示しています。')
    await ben.page.screenshot({ path: 'test-results/team-status-token-ja.png' })

    // Aiko deletes her set on the server: it leaves Ben's list, and the line says so.
    await ben.page.getByRole('banner').getByRole('button', { name: '設定' }).click()
    await ja.getByLabel('個人トークン').fill(tokens.Ben!)
    await ja.getByRole('button', { name: '接続をテスト' }).click()
    await expect(ja.getByRole('status')).toHaveText('Ben（チーム blue）として接続しました。')
    await ben.page.getByRole('button', { name: '← 記事に戻る' }).click()
    await waitForReader(ben.page)
    const deleted = await fetch(`${serverUrl}/sets/${aikoSetId}/`, { method: 'DELETE', headers: { Authorization: `Bearer ${tokens.Aiko!}` } })
    expect(deleted.status).toBe(204)
    await focusWindow(ben.page)
    await expect(ben.page.getByRole('region', { name: '同僚のセット' })).toContainText(/Aiko の「.+」はチームサーバーから削除されたため、この記事のセットから外しました。/)
    await expect(benSet.locator('option')).toHaveCount(1)
    await expect(benSet).toHaveValue(benSetId)
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
    const { claims: aikoClaims, setId, sync } = await tagAndShareAsAiko(aiko.page)

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
    // Preferences lists the team's sets on the article; the set list shows them without any action.
    await expect(benTeam.getByRole('listitem').filter({ hasText: 'by Aiko (1 claim)' })).toBeVisible()
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

    // Her laptop changes the claim while nothing is pending here (she has left the note field): taken in, no conflict.
    await note.blur()
    await changeOnServer(setId, 'Second edit, made offline.', 'Changed from her laptop.')
    await aiko.page.evaluate(() => window.dispatchEvent(new Event('focus')))
    await expect(aikoClaims.first()).toContainText('Changed from her laptop.')
    await expect(sync).toHaveText('Synced')
    await expect(aiko.page.getByRole('group', { name: /^Conflict on “/ })).toHaveCount(0)

    // Both devices change it while this one is offline: back online, her edit meets a 412 and she sees both versions.
    await aiko.context.setOffline(true)
    await editNote('Aiko’s final word.')
    await expect(sync).toHaveText('Offline · 1 pending')
    await changeOnServer(setId, 'Changed from her laptop.', 'Changed again on the laptop.')
    await aiko.context.setOffline(false)
    await expect(sync).toHaveText('Conflict on 1 claim: choose a version')
    const conflict = aiko.page.getByRole('group', { name: /^Conflict on “/ })
    await expect(conflict).toContainText('Aiko’s final word.')
    await expect(conflict).toContainText('Changed again on the laptop.')
    expect(await noteOnServer(setId)).toContain('Changed again on the laptop.')
    await aiko.page.screenshot({ path: 'test-results/team-sync-conflict-en.png' })
    await conflict.getByRole('button', { name: 'Keep mine' }).click()
    await expect(sync).toHaveText('Synced')
    await expect.poll(() => noteOnServer(setId)).toContain('Aiko’s final word.')
    expect(await noteOnServer(setId)).not.toContain('Changed again on the laptop.')

    // Again, and this time she takes the server's version: her claim becomes it.
    await aiko.context.setOffline(true)
    await editNote('Not so sure any more.')
    await changeOnServer(setId, 'Aiko’s final word.', 'The laptop was right.')
    await aiko.context.setOffline(false)
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

    // Her set deleted on the server (by hand, with her token): the line says so in her language, not in the server's English.
    const deleted = await fetch(`${serverUrl}/sets/${setId}/`, { method: 'DELETE', headers: { Authorization: `Bearer ${tokens.Aiko!}` } })
    expect(deleted.status).toBe(204)
    await aiko.page.evaluate(() => window.dispatchEvent(new Event('focus')))
    await expect(aiko.page.getByRole('region', { name: 'チーム同期' }).getByRole('status')).toHaveText(
      'チームサーバーと同期できませんでした：チームサーバーにこのセットがありません（サーバー側で削除されたか、このトークンでは読めません）。 しばらくして再試行します。',
    )
    await aiko.page.screenshot({ path: 'test-results/team-sync-gone-ja.png' })
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
