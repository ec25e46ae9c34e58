/**
 * The shell's way to the team server (docs/team.md): main sends the request
 * the page asked for, after the bridge validated it (`TeamHttpRequestSchema`:
 * the URL lies under the configured server, only the protocol's headers, a
 * bounded body). The page's CSP keeps `connect-src 'self'`, so this channel is
 * the renderer's only route to the server. Redirects are not followed (a token
 * must never travel to another host), and the answer is bounded in time and size.
 */
import type { TeamHttpRequest, TeamHttpResponse } from '../../shared/bridge/contract'
import { MAX_TEAM_RESPONSE_BYTES, TEAM_RESPONSE_HEADERS } from '../../shared/bridge/validators'
import { CritiqueError } from '../../shared/errors'

/** How long one request may take before it is abandoned. */
export const TEAM_FETCH_TIMEOUT_MS = 30_000

/** The team server could not be reached, or answered in a way the shell will not pass on. */
export class TeamFetchError extends CritiqueError {}

/**
 * Send `request` with `fetchFn` (global `fetch` in the app) and return the
 * status, the headers the team client reads, and the body text.
 *
 * @throws TeamFetchError `team-unreachable` (network failure or timeout, with
 *   the cause), `team-refused` (a 3xx, not followed; or an answer over the size limit).
 */
export async function teamFetch(request: TeamHttpRequest, fetchFn: typeof fetch = fetch): Promise<TeamHttpResponse> {
  let res: Response
  try {
    res = await fetchFn(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      redirect: 'manual',
      signal: AbortSignal.timeout(TEAM_FETCH_TIMEOUT_MS),
    })
  } catch (error) {
    const cause = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)
    throw new TeamFetchError('team-unreachable', `The team server at ${request.server} could not be reached (${cause}).`, { cause: error })
  }
  if (res.status >= 300 && res.status < 400) {
    await res.body?.cancel()
    throw new TeamFetchError('team-refused', `The team server at ${request.server} answered with a redirect (${res.status}); it was not followed.`)
  }
  const declared = Number(res.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > MAX_TEAM_RESPONSE_BYTES) {
    await res.body?.cancel()
    throw new TeamFetchError('team-refused', `The team server's answer is larger than ${MAX_TEAM_RESPONSE_BYTES / (1024 * 1024)} MB; refused.`)
  }
  const body = await res.text()
  if (body.length > MAX_TEAM_RESPONSE_BYTES) throw new TeamFetchError('team-refused', `The team server's answer is larger than ${MAX_TEAM_RESPONSE_BYTES / (1024 * 1024)} MB; refused.`)
  const headers: TeamHttpResponse['headers'] = {}
  for (const name of TEAM_RESPONSE_HEADERS) {
    const value = res.headers.get(name)
    if (value !== null) headers[name] = value
  }
  return { status: res.status, headers, body }
}
