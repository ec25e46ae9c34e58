/**
 * The W3C Web Annotation Protocol's fixed parts: media types, Link header
 * values, preference IRIs, and the error type every handler throws.
 */

/** The media type of every JSON-LD response. */
export const ANNO_MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'
/** Errors are plain JSON (they are not annotations). */
export const ERROR_MEDIA_TYPE = 'application/json; charset=utf-8'

export const LDP_CONTEXT = 'http://www.w3.org/ns/ldp.jsonld'

/** Link header of a container: its LDP type and the protocol's constraints. */
export const CONTAINER_LINK = [
  '<http://www.w3.org/ns/ldp#BasicContainer>; rel="type"',
  '<http://www.w3.org/TR/annotation-protocol/>; rel="http://www.w3.org/ns/ldp#constrainedBy"',
].join(', ')
/** Link header of an annotation (web-platform-tests compares it as this exact string). */
export const ANNOTATION_LINK = '<http://www.w3.org/ns/ldp#Resource>; rel="type"'
/** Link header of a page and of the server's other documents. */
export const PAGE_LINK = '<http://www.w3.org/ns/ldp#Resource>; rel="type"'

export const CONTAINER_ALLOW = 'GET, HEAD, OPTIONS, POST, PUT, DELETE'
export const ANNOTATION_ALLOW = 'GET, HEAD, OPTIONS, PUT, DELETE'
export const READ_ONLY_ALLOW = 'GET, HEAD, OPTIONS'

export const PREFER_CONTAINED_IRIS = 'http://www.w3.org/ns/oa#PreferContainedIRIs'
export const PREFER_CONTAINED_DESCRIPTIONS = 'http://www.w3.org/ns/oa#PreferContainedDescriptions'
export const PREFER_MINIMAL_CONTAINER = 'http://www.w3.org/ns/ldp#PreferMinimalContainer'

/** Headers a browser page on a configured origin may read from our responses. */
export const EXPOSED_HEADERS = 'ETag, Link, Location, Allow, Vary, Content-Location, Preference-Applied, Accept-Post'

/**
 * A request refused with an HTTP status; `code` is stable (clients switch on
 * it), `message` is for the person reading, `extra` is merged into the JSON body
 * (a 412 carries the current version there).
 */
export class HttpError extends Error {
  override name = 'HttpError'
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
  }
}

/** Ids the server accepts for containers and annotations (UUIDs and the like; nothing that needs escaping). */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/

/** The article a container belongs to: 64 lowercase hex digits. */
export const SHA256_PATTERN = /^[0-9a-f]{64}$/
