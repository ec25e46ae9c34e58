/**
 * Pure edits of a claim. Each returns a new claim (the input is never
 * mutated) with `modified` set to `now`; an edit that changes nothing returns
 * the claim itself, so callers can skip saving and recording an undo step.
 * Links are checked with {@link isSafeExternalUrl}; an empty link means none.
 */
import { ClaimEditError } from './claim-edit-error'
import { newId } from './ids'
import {
  isSafeExternalUrl,
  STANCES,
  STRENGTHS,
  type Claim,
  type Counterpoint,
  type EvidenceItem,
  type Source,
  type Stance,
  type Strength,
} from './model'

/** The editable fields of an evidence item. */
export interface EvidenceInput {
  citation: string
  url: string
}

/** The editable fields of a counterpoint. */
export interface CounterpointInput {
  text: string
  strength: Strength
  source: Source | null
}

/** The link trimmed, or a ClaimEditError when it is neither empty nor safe to open. */
function checkedUrl(url: string): string {
  const trimmed = url.trim()
  if (trimmed !== '' && !isSafeExternalUrl(trimmed)) {
    const shown = trimmed.length > 60 ? `${trimmed.slice(0, 57)}...` : trimmed
    throw new ClaimEditError(
      'unsafe-url',
      `"${shown}" is not a link the app can open. Use an address starting with http://, https:// or mailto:, or leave it empty.`,
    )
  }
  return trimmed
}

function checkedSource(source: Source | null): Source | null {
  return source === null ? null : { citation: source.citation, url: checkedUrl(source.url) }
}

function checkedStrength(strength: Strength): Strength {
  if (!STRENGTHS.includes(strength)) throw new RangeError(`unknown counterpoint strength ${JSON.stringify(strength)}`)
  return strength
}

function touched(claim: Claim, changes: Partial<Claim>, now: string): Claim {
  return { ...claim, ...changes, modified: now }
}

function indexOfId(items: readonly { id: string }[], id: string, what: string, claim: Claim): number {
  const index = items.findIndex((item) => item.id === id)
  if (index === -1) throw new RangeError(`${what}: no item with id ${JSON.stringify(id)} on claim ${claim.id}`)
  return index
}

/**
 * Set the claim's stance.
 * @throws RangeError for a stance other than 'evidenced' or 'speculative'.
 */
export function setStance(claim: Claim, stance: Stance, now: string): Claim {
  if (!STANCES.includes(stance)) throw new RangeError(`setStance: unknown stance ${JSON.stringify(stance)}`)
  return stance === claim.stance ? claim : touched(claim, { stance }, now)
}

/** Replace the claim's note. Never throws. */
export function setNote(claim: Claim, note: string, now: string): Claim {
  return note === claim.note ? claim : touched(claim, { note }, now)
}

/**
 * Append an evidence item (id: `id`, or a new UUID).
 * @throws ClaimEditError ('unsafe-url') when the link is not http, https or mailto.
 */
export function addEvidence(claim: Claim, input: EvidenceInput, now: string, id: string = newId()): Claim {
  const item: EvidenceItem = { id, citation: input.citation, url: checkedUrl(input.url) }
  return touched(claim, { evidence: [...claim.evidence, item] }, now)
}

/**
 * Change fields of the evidence item `id`.
 * @throws ClaimEditError ('unsafe-url') for an unsafe link; RangeError when no item has that id.
 */
export function updateEvidence(claim: Claim, id: string, patch: Partial<EvidenceInput>, now: string): Claim {
  const index = indexOfId(claim.evidence, id, 'updateEvidence', claim)
  const old = claim.evidence[index] as EvidenceItem
  const item: EvidenceItem = {
    id,
    citation: patch.citation ?? old.citation,
    url: patch.url === undefined ? old.url : checkedUrl(patch.url),
  }
  if (item.citation === old.citation && item.url === old.url) return claim
  return touched(claim, { evidence: claim.evidence.map((e, i) => (i === index ? item : e)) }, now)
}

/**
 * Remove the evidence item `id`.
 * @throws RangeError when no item has that id.
 */
export function removeEvidence(claim: Claim, id: string, now: string): Claim {
  indexOfId(claim.evidence, id, 'removeEvidence', claim)
  return touched(claim, { evidence: claim.evidence.filter((e) => e.id !== id) }, now)
}

/**
 * Append a counterpoint (id: `id`, or a new UUID).
 * @throws ClaimEditError ('unsafe-url') for an unsafe source link; RangeError for an unknown strength.
 */
export function addCounterpoint(claim: Claim, input: CounterpointInput, now: string, id: string = newId()): Claim {
  const item: Counterpoint = {
    id,
    text: input.text,
    strength: checkedStrength(input.strength),
    source: checkedSource(input.source),
  }
  return touched(claim, { counterpoints: [...claim.counterpoints, item] }, now)
}

/**
 * Change fields of the counterpoint `id`; `source: null` removes its source.
 * @throws ClaimEditError ('unsafe-url') for an unsafe source link; RangeError
 *   for an unknown strength or when no counterpoint has that id.
 */
export function updateCounterpoint(claim: Claim, id: string, patch: Partial<CounterpointInput>, now: string): Claim {
  const index = indexOfId(claim.counterpoints, id, 'updateCounterpoint', claim)
  const old = claim.counterpoints[index] as Counterpoint
  const item: Counterpoint = {
    id,
    text: patch.text ?? old.text,
    strength: patch.strength === undefined ? old.strength : checkedStrength(patch.strength),
    source: patch.source === undefined ? old.source : checkedSource(patch.source),
  }
  const sameSource =
    item.source === old.source ||
    (item.source !== null && old.source !== null && item.source.citation === old.source.citation && item.source.url === old.source.url)
  if (item.text === old.text && item.strength === old.strength && sameSource) return claim
  return touched(claim, { counterpoints: claim.counterpoints.map((c, i) => (i === index ? item : c)) }, now)
}

/**
 * Remove the counterpoint `id`.
 * @throws RangeError when no counterpoint has that id.
 */
export function removeCounterpoint(claim: Claim, id: string, now: string): Claim {
  indexOfId(claim.counterpoints, id, 'removeCounterpoint', claim)
  return touched(claim, { counterpoints: claim.counterpoints.filter((c) => c.id !== id) }, now)
}
