/**
 * Reading one W3C annotation's bodies into the parts of a claim: stance
 * labels, note, evidence, counterpoints and tags (docs/w3c-mapping.md says
 * which body purpose becomes which). Shapes the app does not use (Choice,
 * Set, ...) are skipped with a warning, never silently.
 */
import { isSafeExternalUrl, STRENGTHS, type Strength } from '../claims/model'
import type { ImportedCounterpoint, ImportedEvidence } from './imported'
import { uuidFromUrn } from './imported'

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The string values of a JSON-LD property that may be one value or an array. */
export function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

/** The parts of a claim found in one annotation's bodies. */
export interface BodyParts {
  stanceLabels: string[]
  notes: string[]
  evidence: ImportedEvidence[]
  counterpoints: ImportedCounterpoint[]
  tags: string[]
  warnings: string[]
}

const NOTE_PURPOSES = new Set(['commenting', 'describing', 'questioning', 'editing', 'assessing', 'highlighting', 'moderating'])
const LINK_PURPOSES = new Set(['linking', 'identifying', 'bookmarking'])
const KNOWN_PURPOSES = new Set([...NOTE_PURPOSES, ...LINK_PURPOSES, 'classifying', 'tagging', 'replying'])
const GROUP_TYPES = new Set(['Choice', 'Set', 'List', 'Composite', 'Independents'])

/**
 * A URL the app keeps (http, https, mailto) is returned as `url`; any other
 * is moved into the citation text, so nothing is lost and nothing unsafe is
 * ever offered as a link.
 */
function splitUrl(citation: string, candidate: string, where: string, warnings: string[]): { citation: string; url: string } {
  const url = candidate.trim()
  if (url === '') return { citation, url: '' }
  if (isSafeExternalUrl(url)) return { citation, url }
  warnings.push(`${where}: link "${url}" is not http, https or mailto; kept as text in the citation.`)
  return { citation: citation === '' ? url : `${citation} (${url})`, url: '' }
}

function resourceUrl(body: Json): string {
  if (typeof body.source === 'string') return body.source
  if (isObject(body.source) && typeof body.source.id === 'string') return body.source.id
  return typeof body.id === 'string' ? body.id : ''
}

function strengthOf(value: unknown, where: string, warnings: string[]): Strength {
  if (value === undefined) return 'moderate'
  const word = typeof value === 'string' ? value.trim().toLowerCase() : ''
  if ((STRENGTHS as readonly string[]).includes(word)) return word as Strength
  warnings.push(`${where}: unknown counterpoint strength ${JSON.stringify(value)}; read as "moderate".`)
  return 'moderate'
}

function purposeOf(body: Json, motivation: string | undefined, textual: boolean): string | undefined {
  const own = stringsOf(body.purpose)
  if (own.length > 0) return own.find((p) => KNOWN_PURPOSES.has(p))
  if (motivation !== undefined && KNOWN_PURPOSES.has(motivation) && motivation !== 'assessing') return motivation
  return textual ? 'commenting' : 'linking'
}

/**
 * Read `bodies` (the annotation's `body`, as an array) into {@link BodyParts}.
 * `where` names the item in warnings (e.g. `items[3]`). Never throws.
 */
export function readBodies(bodies: readonly unknown[], motivation: string | undefined, where: string): BodyParts {
  const parts: BodyParts = { stanceLabels: [], notes: [], evidence: [], counterpoints: [], tags: [], warnings: [] }
  const { warnings } = parts
  bodies.forEach((body, j) => {
    const at = `${where} body ${j}`
    if (typeof body === 'string') {
      parts.evidence.push({ id: null, ...splitUrl('', body, at, warnings) })
      return
    }
    if (!isObject(body)) {
      warnings.push(`${at}: not an object or URI; skipped.`)
      return
    }
    const types = stringsOf(body.type)
    const group = types.find((t) => GROUP_TYPES.has(t))
    if (group !== undefined) {
      warnings.push(`${at}: a ${group} of bodies is not used by the app; skipped.`)
      return
    }
    const value = typeof body.value === 'string' ? body.value : undefined
    const purpose = purposeOf(body, motivation, value !== undefined)
    const id = uuidFromUrn(body.partId) ?? uuidFromUrn(body.id)
    if (purpose === undefined) {
      warnings.push(`${at}: purpose ${stringsOf(body.purpose).join(', ')} is not used by the app; skipped.`)
    } else if (purpose === 'classifying' || purpose === 'tagging') {
      if (value === undefined) warnings.push(`${at}: a ${purpose} body without a text value; skipped.`)
      else (purpose === 'classifying' ? parts.stanceLabels : parts.tags).push(value)
    } else if (purpose === 'replying') {
      if (value === undefined) {
        warnings.push(`${at}: a reply without a text value; skipped.`)
        return
      }
      const citation = typeof body.sourceCitation === 'string' ? body.sourceCitation : ''
      const url = typeof body.sourceUrl === 'string' ? body.sourceUrl : ''
      const source = citation === '' && url === '' ? null : splitUrl(citation, url, at, warnings)
      parts.counterpoints.push({ id, text: value, strength: strengthOf(body.strength, at, warnings), source })
    } else if (NOTE_PURPOSES.has(purpose) && value !== undefined) {
      parts.notes.push(value)
    } else if (value !== undefined) {
      const url = typeof body.evidenceUrl === 'string' ? body.evidenceUrl : ''
      parts.evidence.push({ id, ...splitUrl(value, url, at, warnings) })
    } else {
      const url = resourceUrl(body)
      if (url === '') warnings.push(`${at}: a resource body without a URI; skipped.`)
      else parts.evidence.push({ id, ...splitUrl('', url, at, warnings) })
    }
  })
  return parts
}
