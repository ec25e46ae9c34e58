/**
 * Runtime checks for every payload that crosses the bridge. IPC carries
 * structured clones from another process; types say nothing about them, so each
 * side parses what it receives with these before touching it.
 */
import * as v from 'valibot'
import { MAX_BACKUP_BYTES } from '../backup/limits'
import { BridgePayloadError } from '../errors'
import { isSafeExternalUrl } from '../claims/model'
import { LOCALES } from '../i18n/catalog'
import { MENU_COMMANDS, type FileKind, type MenuCommand, type MenuState, type PickedFile, type SaveRequest, type SaveResult, type TeamHttpRequest, type TeamHttpResponse } from './contract'
import { isServerUrl } from '../team/client'

const MEGABYTE = 1024 * 1024

/**
 * Largest file accepted per purpose: articles 20 MB, annotation files 50 MB,
 * backups 200 MB (the backup format's own limit, MAX_BACKUP_BYTES, so a
 * backup the app wrote can always be restored). Each host checks the size of
 * the file picked for a purpose before reading it.
 */
export const MAX_PICKED_FILE_BYTES: Readonly<Record<FileKind, number>> = {
  article: 20 * MEGABYTE,
  annotations: 50 * MEGABYTE,
  backup: MAX_BACKUP_BYTES,
}

/** Largest file the bridge carries: the largest of the per-purpose limits. */
export const MAX_BRIDGE_FILE_BYTES = Math.max(...Object.values(MAX_PICKED_FILE_BYTES))

const baseName = v.pipe(
  v.string(),
  v.minLength(1, 'file name is empty'),
  v.maxLength(255, 'file name is longer than 255 characters'),
  v.check((s) => !/[\\/\0]/.test(s), 'file name must not contain a path'),
)

export const PickedFileSchema = v.strictObject({
  name: baseName,
  bytes: v.pipe(
    v.instance(Uint8Array),
    v.check((b) => b.byteLength <= MAX_BRIDGE_FILE_BYTES, 'file is larger than 200 MB'),
  ),
})

export const FileKindSchema = v.picklist(['article', 'annotations', 'backup'])

export const SaveRequestSchema = v.strictObject({
  suggestedName: baseName,
  mimeType: v.pipe(v.string(), v.regex(/^[a-z]+\/[a-z0-9.+-]+(;\s*charset=[a-z0-9-]+)?$/i, 'not a MIME type')),
  data: v.union([v.string(), v.instance(Uint8Array)]),
})

export const SaveResultSchema = v.variant('status', [
  v.strictObject({ status: v.literal('saved'), name: v.string() }),
  v.strictObject({ status: v.literal('cancelled') }),
])

export const PrintRequestSchema = v.strictObject({
  html: v.pipe(v.string(), v.maxLength(64 * 1024 * 1024, 'report is larger than 64 MB')),
  suggestedName: baseName,
})

export const ExternalUrlSchema = v.pipe(
  v.string(),
  v.maxLength(2048, 'URL is longer than 2048 characters'),
  v.check((s) => isSafeExternalUrl(s) && !/\s/.test(s), 'only http, https and plain mailto links open'),
)

export const MenuCommandSchema = v.picklist(MENU_COMMANDS)

export const MenuStateSchema = v.strictObject({
  documentOpen: v.boolean(),
  locale: v.picklist(LOCALES),
  recent: v.pipe(v.array(v.pipe(v.string(), v.maxLength(255))), v.maxLength(20)),
})

/** Request headers a team-server request may carry (the protocol's; nothing that changes the connection). */
export const TEAM_REQUEST_HEADERS = ['authorization', 'accept', 'content-type', 'if-match', 'if-none-match', 'prefer', 'slug'] as const
/** Response headers the team client reads. */
export const TEAM_RESPONSE_HEADERS = ['etag', 'location', 'content-type', 'content-location', 'link', 'allow'] as const
/** Largest team-server request body (the server's own default limit) and answer carried. */
export const MAX_TEAM_REQUEST_BYTES = MEGABYTE
export const MAX_TEAM_RESPONSE_BYTES = 64 * MEGABYTE

const headerValue = v.pipe(v.string(), v.maxLength(8192), v.check((s) => !/[\r\n\0]/.test(s), 'header values must be one line'))

/** A request to the team server: under the configured server's URL, protocol headers only, a bounded body. */
export const TeamHttpRequestSchema = v.pipe(
  v.strictObject({
    server: v.pipe(v.string(), v.maxLength(2048), v.check(isServerUrl, 'the team server must be an http or https URL without query or credentials')),
    url: v.pipe(v.string(), v.maxLength(4096)),
    method: v.picklist(['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'DELETE']),
    headers: v.pipe(
      v.record(v.string(), headerValue),
      v.check((h) => Object.keys(h).every((k) => (TEAM_REQUEST_HEADERS as readonly string[]).includes(k.toLowerCase())), `only these headers: ${TEAM_REQUEST_HEADERS.join(', ')}`),
    ),
    body: v.optional(v.pipe(v.string(), v.maxLength(MAX_TEAM_REQUEST_BYTES, 'request body over 1 MB'))),
  }),
  v.check((r) => r.url.startsWith(`${r.server.trim().replace(/\/+$/, '')}/`) && !/[\s#]/.test(r.url), 'the URL is not on the configured team server'),
)

/** The host's answer: status, the headers the client reads, the body text. */
export const TeamHttpResponseSchema = v.strictObject({
  status: v.pipe(v.number(), v.integer(), v.minValue(100), v.maxValue(599)),
  headers: v.record(v.picklist(TEAM_RESPONSE_HEADERS), headerValue),
  body: v.pipe(v.string(), v.maxLength(MAX_TEAM_RESPONSE_BYTES)),
})

/**
 * Parse `value` with `schema` or throw {@link BridgePayloadError} naming the
 * channel and the first problem found.
 */
export function parsePayload<S extends v.GenericSchema>(channel: string, schema: S, value: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, value)
  if (result.success) return result.output
  const issue = result.issues[0]
  const path = issue.path?.map((p) => String(p.key)).join('.')
  throw new BridgePayloadError(channel, path ? `${path}: ${issue.message}` : issue.message)
}

// Compile-time proof that whatever a schema lets through satisfies the contract.
type Same<A, B> = [A] extends [B] ? true : false
const agree: [
  Same<v.InferOutput<typeof PickedFileSchema>, PickedFile>,
  Same<v.InferOutput<typeof FileKindSchema>, FileKind>,
  Same<v.InferOutput<typeof SaveRequestSchema>, SaveRequest>,
  Same<v.InferOutput<typeof SaveResultSchema>, SaveResult>,
  Same<v.InferOutput<typeof MenuCommandSchema>, MenuCommand>,
  Same<v.InferOutput<typeof MenuStateSchema>, MenuState>,
  Same<v.InferOutput<typeof TeamHttpRequestSchema>, TeamHttpRequest>,
  Same<v.InferOutput<typeof TeamHttpResponseSchema>, TeamHttpResponse>,
] = [true, true, true, true, true, true, true, true]
void agree
