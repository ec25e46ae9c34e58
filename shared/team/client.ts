/**
 * The client side of the team server (docs/team.md): test a connection,
 * share a set, read colleagues' sets, write one claim conditionally. Pure
 * TypeScript over an injected `fetch`, so the CLI (Node), the Electron main
 * process and the browser host all use this one implementation.
 *
 * Failures are values, not exceptions: every call resolves to a result whose
 * `problem` says what went wrong in words a person can act on.
 */
import type { W3cAnnotation, W3cAnnotationCollection } from '../w3c/vocabulary'
import { EXPORT_CONTEXT } from '../w3c/vocabulary'

/** The part of the Fetch API the client uses (global `fetch` satisfies it). */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string},
) => Promise<{ status: number; headers: { get(name: string): string | null }; text(): Promise<string> }>

/** What the server says about itself at `/` (server/http/app.ts). */
export const TEAM_SERVICE_TYPE = 'CritiqueWorkbenchAnnotationServer'
const MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'

/** Why a call failed. */
export type TeamProblemKind = 'unreachable' | 'not-a-server' | 'bad-token' | 'not-found' | 'forbidden' | 'conflict' | 'stale' | 'refused' | 'server-error'

/** A failed call: its kind, the HTTP status (0 when nothing answered) and a message for people. */
export interface TeamProblem {
  kind: TeamProblemKind
  status: number
  message: string
  /** On `stale` and `conflict`: the version on the server and its ETag. */
  current?: Record<string, unknown>
  currentEtag?: string
  /** Set when nothing was asked of the server (status 0): what is missing from the local library. */
  missing?: 'set' | 'article'
}

export type TeamResult<T> = { ok: true; value: T } | { ok: false; problem: TeamProblem }

/** Who a token belongs to. */
export interface TeamUser {
  name: string
  team: string
}

/** A shared set as listed on an article. */
export interface TeamSetSummary {
  /** The container IRI (ends in '/'). */
  iri: string
  /** The set id (last path segment): the app's set id for sets the app shared. */
  setId: string
  label: string
  owner: string
  created: string
  modified: string
  total: number
}

/** A stored annotation and its ETag. */
export interface TeamAnnotation {
  annotation: Record<string, unknown>
  etag: string
}

/** Whether `url` is an http or https URL with a host and no query, fragment or credentials (shared/ has no URL class). */
export function isServerUrl(url: string): boolean {
  return /^https?:\/\/[A-Za-z0-9.[\]:-]+(\/[A-Za-z0-9._~%/-]*)?$/.test(url.trim())
}

function kindOf(status: number): TeamProblemKind {
  if (status === 401) return 'bad-token'
  if (status === 403) return 'forbidden'
  if (status === 404) return 'not-found'
  if (status === 409) return 'conflict'
  if (status === 412) return 'stale'
  if (status >= 500) return 'server-error'
  return 'refused'
}

/** The client for one server URL and one personal token. */
export class TeamClient {
  readonly baseUrl: string
  constructor(
    baseUrl: string,
    private readonly token: string,
    private readonly fetchFn: FetchLike,
  ) {
    if (!isServerUrl(baseUrl)) throw new RangeError(`TeamClient: not an http(s) server URL: ${JSON.stringify(baseUrl)}`)
    this.baseUrl = baseUrl.trim().replace(/\/+$/, '')
  }

  private async request(
    method: string,
    pathOrUrl: string,
    options: { body?: unknown; headers?: Record<string, string>; auth?: boolean } = {},
  ): Promise<TeamResult<{ status: number; json: unknown; etag: string | null; location: string | null }>> {
    const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${this.baseUrl}${pathOrUrl}`
    if (!url.startsWith(`${this.baseUrl}/`)) {
      // Links come from the server's answers; never follow one to another host with the token.
      return { ok: false, problem: { kind: 'refused', status: 0, message: `The server pointed to ${url}, outside ${this.baseUrl}; not followed.` } }
    }
    const headers: Record<string, string> = { Accept: MEDIA_TYPE, ...options.headers }
    if (options.auth !== false) headers.Authorization = `Bearer ${this.token}`
    let body: string | undefined
    if (options.body !== undefined) {
      body = JSON.stringify(options.body)
      headers['Content-Type'] = MEDIA_TYPE
    }
    let res: Awaited<ReturnType<FetchLike>>
    try {
      res = await this.fetchFn(url, { method, headers, ...(body === undefined ? {} : { body }) })
    } catch (error) {
      const detail = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)
      return { ok: false, problem: { kind: 'unreachable', status: 0, message: `The server at ${this.baseUrl} could not be reached (${detail}).` } }
    }
    const text = await res.text().catch(() => '')
    let json: unknown = null
    try {
      json = text === '' ? null : JSON.parse(text)
    } catch {
      json = null
    }
    // 304 answers a conditional GET (If-None-Match): what the caller holds is current.
    if ((res.status >= 200 && res.status < 300) || res.status === 304) return { ok: true, value: { status: res.status, json, etag: res.headers.get('etag'), location: res.headers.get('location') } }
    const err = (typeof json === 'object' && json !== null ? json : {}) as { error?: string; message?: string; current?: Record<string, unknown>; currentEtag?: string }
    if (typeof err.error !== 'string') {
      return { ok: false, problem: { kind: 'not-a-server', status: res.status, message: `${this.baseUrl} answered ${res.status} without the team server's error format; is this URL a Critique Workbench team server?` } }
    }
    return {
      ok: false,
      problem: {
        kind: kindOf(res.status),
        status: res.status,
        message: err.message ?? `The server answered ${res.status}.`,
        ...(err.current === undefined ? {} : { current: err.current }),
        ...(err.currentEtag === undefined ? {} : { currentEtag: err.currentEtag }),
      },
    }
  }

  /**
   * Check the URL and the token: `unreachable` when nothing answers,
   * `not-a-server` when something answers that is not a team server,
   * `bad-token` when the server refuses the token.
   */
  async testConnection(): Promise<TeamResult<TeamUser>> {
    const root = await this.request('GET', '/', { auth: false })
    if (!root.ok) return root.problem.kind === 'unreachable' ? root : { ok: false, problem: { ...root.problem, kind: 'not-a-server', message: `${this.baseUrl} is not a Critique Workbench Web Annotation server (it answered ${root.problem.status}).` } }
    const type = (root.value.json as { type?: unknown } | null)?.type
    if (type !== TEAM_SERVICE_TYPE) {
      return { ok: false, problem: { kind: 'not-a-server', status: root.value.status, message: `${this.baseUrl} answers, but it is not a Critique Workbench Web Annotation server.` } }
    }
    return this.whoAmI()
  }

  /** Whose token this is (`GET /me`): `bad-token` when the server refuses it, `unreachable` when nothing answers. */
  async whoAmI(): Promise<TeamResult<TeamUser>> {
    const me = await this.request('GET', '/me')
    if (!me.ok) return me
    const user = me.value.json as { name?: unknown; team?: unknown } | null
    if (typeof user?.name !== 'string' || typeof user.team !== 'string') return { ok: false, problem: { kind: 'not-a-server', status: 200, message: 'The server answered /me without a name and team.' } }
    return { ok: true, value: { name: user.name, team: user.team } }
  }

  /** The sets the caller's team shares on the article with this SHA-256. */
  async listSets(articleSha256: string): Promise<TeamResult<TeamSetSummary[]>> {
    const res = await this.request('GET', `/articles/${articleSha256}/`)
    if (!res.ok) return res
    const items = ((res.value.json as { items?: unknown }).items ?? []) as Record<string, unknown>[]
    return {
      ok: true,
      value: items.map((c) => {
        const iri = String(c.id)
        return {
          iri,
          setId: iri.replace(/\/$/, '').split('/').pop() ?? '',
          label: String(c.label),
          owner: String((c.creator as { name?: unknown } | undefined)?.name ?? ''),
          created: String(c.created),
          modified: String(c.modified),
          total: Number(c.total),
        }
      }),
    }
  }

  /** Create (or relabel) the container for one of the caller's sets. */
  async putSet(setId: string, label: string, articleSha256: string, created: string): Promise<TeamResult<{ created: boolean }>> {
    const res = await this.request('PUT', `/sets/${encodeURIComponent(setId)}/`, { body: { label, articleSource: `urn:sha256:${articleSha256}`, created } })
    return res.ok ? { ok: true, value: { created: res.value.status === 201 } } : res
  }

  /**
   * Write one claim annotation (`id` = `urn:uuid:<claim id>`). With `ifMatch`
   * the write happens only over that version (`stale` with the current one
   * otherwise); without, it creates the claim or replaces it.
   */
  async putAnnotation(setId: string, annotation: W3cAnnotation | Record<string, unknown>, ifMatch: string | null): Promise<TeamResult<TeamAnnotation & { created: boolean }>> {
    const id = String(annotation.id).replace(/^urn:uuid:/, '')
    const body = { '@context': EXPORT_CONTEXT, ...annotation }
    const res = await this.request('PUT', `/sets/${encodeURIComponent(setId)}/${encodeURIComponent(id)}`, { body, headers: ifMatch === null ? {} : { 'If-Match': ifMatch } })
    if (!res.ok) return res
    return { ok: true, value: { annotation: res.value.json as Record<string, unknown>, etag: res.value.etag ?? '', created: res.value.status === 201 } }
  }

  /** One claim annotation as stored, with its ETag (`not-found` when the server has none under that id). */
  async getAnnotation(setId: string, claimId: string): Promise<TeamResult<TeamAnnotation>> {
    const res = await this.request('GET', `/sets/${encodeURIComponent(setId)}/${encodeURIComponent(claimId)}`)
    if (!res.ok) return res
    if (typeof res.value.json !== 'object' || res.value.json === null || res.value.etag === null) {
      return { ok: false, problem: { kind: 'not-a-server', status: res.value.status, message: `The server answered ${res.value.status} for a claim without a JSON document and an ETag.` } }
    }
    return { ok: true, value: { annotation: res.value.json as Record<string, unknown>, etag: res.value.etag } }
  }

  /** Delete one claim annotation (only over version `ifMatch` when given). */
  async deleteAnnotation(setId: string, claimId: string, ifMatch: string | null): Promise<TeamResult<null>> {
    const res = await this.request('DELETE', `/sets/${encodeURIComponent(setId)}/${encodeURIComponent(claimId)}`, { headers: ifMatch === null ? {} : { 'If-Match': ifMatch } })
    return res.ok ? { ok: true, value: null } : res
  }

  /**
   * A whole set as one W3C AnnotationCollection with every page's items
   * embedded in `first`, the shape the app exports and imports. Each item's
   * id is its canonical `urn:uuid:` (the claim id) where it has one.
   */
  async fetchSet(summary: Pick<TeamSetSummary, 'iri' | 'setId'>): Promise<TeamResult<W3cAnnotationCollection>> {
    const fetched = await this.fetchSetIfChanged(summary, null)
    if (!fetched.ok) return fetched
    return { ok: true, value: fetched.value!.collection }
  }

  /**
   * The set as {@link fetchSet} gives it, with its container's ETag, or null
   * when its container still has ETag `etag` (sent as If-None-Match; a server
   * that answers 200 anyway is compared by ETag, so no page is read then).
   */
  async fetchSetIfChanged(summary: Pick<TeamSetSummary, 'iri' | 'setId'>, etag: string | null): Promise<TeamResult<{ collection: W3cAnnotationCollection; etag: string | null } | null>> {
    const head = await this.request('GET', summary.iri, {
      headers: { Prefer: 'return=representation;include="http://www.w3.org/ns/ldp#PreferMinimalContainer"', ...(etag === null ? {} : { 'If-None-Match': etag }) },
    })
    if (!head.ok) return head
    if (etag !== null && (head.value.status === 304 || head.value.etag === etag)) return { ok: true, value: null }
    const collection = await this.readPages(summary, head.value.json as Record<string, unknown>)
    return collection.ok ? { ok: true, value: { collection: collection.value, etag: head.value.etag } } : collection
  }

  private async readPages(summary: Pick<TeamSetSummary, 'iri' | 'setId'>, container: Record<string, unknown>): Promise<TeamResult<W3cAnnotationCollection>> {
    const items: Record<string, unknown>[] = []
    let next: unknown = container.first
    for (let pages = 0; typeof next === 'string' && pages < 10_000; pages++) {
      const page = await this.request('GET', next)
      if (!page.ok) return page
      const json = page.value.json as { items?: unknown[]; next?: unknown }
      for (const item of json.items ?? []) if (typeof item === 'object' && item !== null) items.push(item as Record<string, unknown>)
      next = json.next
    }
    const annotations = items.map((item) => {
      const { '@context': _context, ...rest } = item
      const canonical = typeof rest.canonical === 'string' && rest.canonical.startsWith('urn:uuid:') ? rest.canonical : null
      return { ...rest, id: canonical ?? String(rest.id) } as unknown as W3cAnnotation
    })
    const setIdIsUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(summary.setId)
    return {
      ok: true,
      value: {
          '@context': EXPORT_CONTEXT,
          id: setIdIsUuid ? `urn:uuid:${summary.setId}` : summary.iri,
          type: 'AnnotationCollection',
          label: String(container.label),
          creator: { type: 'Person', name: String((container.creator as { name?: unknown } | undefined)?.name ?? '') },
          created: String(container.created),
          total: annotations.length,
        first: { type: 'AnnotationPage', startIndex: 0, items: annotations },
      },
    }
  }
}
