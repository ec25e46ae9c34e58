/**
 * `critique push ARTICLE SET --server URL --token T`: share a set on the team
 * server (created, or brought up to date: the file wins, claim by claim).
 * `critique pull ARTICLE --server URL --token T [--out DIR]`: write every set
 * the team shares on that article as a W3C collection file the app imports.
 *
 * The token may also come from CRITIQUE_TOKEN, so it need not appear in the
 * shell history; it is never printed.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { resolve, join } from 'node:path'
import { CritiqueError } from '../../shared/errors'
import { isServerUrl, TeamClient, type TeamProblem } from '../../shared/team/client'
import { exportSet, validateW3cDocument } from '../../shared/w3c'
import { loadAnnotationSet, loadArticle } from '../load-inputs'
import { UsageError, parseArgs, type CliIo } from '../io'

/** A team-server call failed; the message is the server's, or says it could not be reached. */
export class TeamCommandError extends CritiqueError {}

function connect(options: Record<string, string | boolean>, io: CliIo): TeamClient {
  const server = options.server
  const token = typeof options.token === 'string' ? options.token : io.env.CRITIQUE_TOKEN
  if (typeof server !== 'string') throw new UsageError('needs --server URL')
  if (!isServerUrl(server)) throw new UsageError(`--server must be an http:// or https:// URL, got ${server}`)
  if (token === undefined || token === '') throw new UsageError('needs --token TOKEN (or CRITIQUE_TOKEN in the environment)')
  return new TeamClient(server, token, (url, init) => fetch(url, init))
}

function fail(action: string, problem: TeamProblem): never {
  throw new TeamCommandError(`team-${problem.kind}`, `${action}: ${problem.message}`)
}

/** `critique push`. */
export async function runPush(args: string[], io: CliIo): Promise<number> {
  const { positionals, options } = parseArgs(args, ['server', 'token'], [])
  if (positionals.length !== 2) throw new UsageError('expected ARTICLE and SET')
  const team = connect(options, io)
  const article = await loadArticle(io.cwd, positionals[0]!)
  const now = new Date().toISOString()
  const { set, claims, fileName } = await loadAnnotationSet(io.cwd, positionals[1]!, article, now, io)
  const me = await team.testConnection()
  if (!me.ok) fail(`Could not connect to ${team.baseUrl}`, me.problem)
  const collection = exportSet(article, set, claims)
  const shared = await team.putSet(set.id, set.label, article.sha256, set.created)
  if (!shared.ok) fail(`Could not share "${set.label}"`, shared.problem)
  let created = 0
  let updated = 0
  for (const annotation of collection.first.items) {
    const put = await team.putAnnotation(set.id, annotation, null)
    if (!put.ok) fail(`Claim ${annotation.id} of "${fileName}" was refused`, put.problem)
    if (put.value.created) created++
    else updated++
  }
  io.stdout(
    `${shared.value.created ? 'Shared' : 'Updated'} "${set.label}" as ${me.value.name} (team ${me.value.team}) on ${team.baseUrl}/sets/${set.id}/: ` +
      `${created} claims added, ${updated} already there or updated.\n`,
  )
  return 0
}

function fileSafe(text: string): string {
  return text.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'set'
}

/** `critique pull`. */
export async function runPull(args: string[], io: CliIo): Promise<number> {
  const { positionals, options } = parseArgs(args, ['server', 'token', 'out'], [])
  if (positionals.length !== 1) throw new UsageError('expected ARTICLE')
  const team = connect(options, io)
  const article = await loadArticle(io.cwd, positionals[0]!)
  const outDir = resolve(io.cwd, typeof options.out === 'string' ? options.out : '.')
  const sets = await team.listSets(article.sha256)
  if (!sets.ok) fail(`Could not list the team's sets on ${team.baseUrl}`, sets.problem)
  if (sets.value.length === 0) {
    io.stdout(`No shared sets on this article (urn:sha256:${article.sha256}) that your team can see.\n`)
    return 0
  }
  await mkdir(outDir, { recursive: true })
  for (const summary of sets.value) {
    const fetched = await team.fetchSet(summary)
    if (!fetched.ok) fail(`Could not read "${summary.label}"`, fetched.problem)
    const report = validateW3cDocument(fetched.value)
    if (!report.ok) {
      const f = report.failures[0]!
      throw new TeamCommandError('team-not-w3c', `"${summary.label}" from the server fails W3C assertion ${f.assertion} (${f.subject}); not written.`)
    }
    const path = join(outDir, `${fileSafe(summary.owner)}-${fileSafe(summary.label)}-${fileSafe(summary.setId).slice(0, 8)}.jsonld`)
    await writeFile(path, `${JSON.stringify(fetched.value, null, 2)}\n`)
    io.stdout(`wrote ${path}: "${summary.label}" by ${summary.owner}, ${fetched.value.total} claims\n`)
  }
  return 0
}
