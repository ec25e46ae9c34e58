/**
 * Claim operations: every change to a stored claim as the small, named edit
 * it is (set the stance, add a counterpoint, edit the note …), never as a
 * whole new claim. Storage applies an operation to the claim as it is stored
 * *now*, inside its write transaction, so two windows (or, later, two
 * analysts through the team server) editing different fields or different
 * list items of one claim both keep their edit; undo applies the inverse of
 * the one operation it undoes and leaves everything else alone.
 *
 * Each operation carries a client-chosen id (a UUID): storage records the ids
 * it applied and skips one it has seen, so sending an operation twice is
 * harmless. Pure: no storage, no clock, no randomness (the caller passes ids
 * and times). docs/operations.md describes the model.
 */
import type { Claim, ClaimTarget, Counterpoint, EvidenceItem, Stance } from './model'

/** What every operation carries: its own id, the claim it changes, and when it was made. */
export interface OperationMeta {
  /** Client-chosen unique id (UUID); applying an id already applied does nothing. */
  id: string
  setId: string
  claimId: string
  /** ISO time the operation was made; becomes the claim's `modified`. */
  at: string
}

/** Where a claim is anchored: its target, and whether it is an orphan. */
export interface Placement {
  target: ClaimTarget
  orphan: boolean
}

/**
 * The body of an operation. An added item's `index` is where it goes, or null
 * for "at the end" (what adding from the form does: two windows appending at
 * once both end up last, in the order they were applied); a removed item's
 * `index` is where it stood (null: it was added at the end), so undoing the
 * removal puts it back there.
 */
export type OperationBody =
  | { kind: 'createClaim'; claim: Claim }
  | { kind: 'deleteClaim'; claim: Claim }
  | { kind: 'setStance'; from: Stance; to: Stance }
  | { kind: 'setNote'; from: string; to: string }
  | { kind: 'setPlacement'; from: Placement; to: Placement }
  | { kind: 'setTags'; from: string[]; to: string[] }
  | { kind: 'addEvidence'; item: EvidenceItem; index: number | null }
  | { kind: 'updateEvidence'; from: EvidenceItem; to: EvidenceItem }
  | { kind: 'removeEvidence'; item: EvidenceItem; index: number | null }
  | { kind: 'addCounterpoint'; item: Counterpoint; index: number | null }
  | { kind: 'updateCounterpoint'; from: Counterpoint; to: Counterpoint }
  | { kind: 'removeCounterpoint'; item: Counterpoint; index: number | null }

/** One change to one claim. */
export type ClaimOperation = OperationMeta & OperationBody

export type OperationKind = OperationBody['kind']

/** Ids and time for operations being made: `newId` is called once per operation. */
export interface OperationSource {
  newId(): string
  at: string
}

function placementOf(claim: Claim): Placement {
  return { target: claim.target, orphan: claim.orphan === true }
}

function samePlacement(a: Placement, b: Placement): boolean {
  return (
    a.orphan === b.orphan &&
    a.target.position.start === b.target.position.start &&
    a.target.position.end === b.target.position.end &&
    a.target.quote.exact === b.target.quote.exact &&
    a.target.quote.prefix === b.target.quote.prefix &&
    a.target.quote.suffix === b.target.quote.suffix
  )
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** The list ops between two versions of a claim's evidence or counterpoints: removals, additions, then updates. */
function listOps<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  kinds: { add: 'addEvidence' | 'addCounterpoint'; update: 'updateEvidence' | 'updateCounterpoint'; remove: 'removeEvidence' | 'removeCounterpoint' },
): OperationBody[] {
  const out: OperationBody[] = []
  const afterIds = new Set(after.map((i) => i.id))
  const beforeById = new Map(before.map((i) => [i.id, i]))
  // Removed from the end first, so each recorded index is right when undone in reverse.
  for (let i = before.length - 1; i >= 0; i--) {
    const item = before[i]!
    if (!afterIds.has(item.id)) out.push({ kind: kinds.remove, item, index: i } as unknown as OperationBody)
  }
  // New items after the last kept one are appended, not put at a position.
  let tail = after.length
  while (tail > 0 && !beforeById.has(after[tail - 1]!.id)) tail--
  after.forEach((item, index) => {
    const old = beforeById.get(item.id)
    if (!old) out.push({ kind: kinds.add, item, index: index >= tail ? null : index } as unknown as OperationBody)
    else if (!sameJson(old, item)) out.push({ kind: kinds.update, from: old, to: item } as unknown as OperationBody)
  })
  return out
}

/**
 * The operations that turn `before` into `after` (two versions of one claim,
 * as made by the pure edits of claim-edits.ts), one per field or list item
 * changed; empty when nothing an operation carries changed.
 * @throws RangeError when the two are not the same claim (id or set differ).
 */
export function operationsBetween(before: Claim, after: Claim, source: OperationSource): ClaimOperation[] {
  if (before.id !== after.id || before.setId !== after.setId) {
    throw new RangeError(`operationsBetween: not the same claim (${before.setId}/${before.id} -> ${after.setId}/${after.id})`)
  }
  const bodies: OperationBody[] = []
  if (before.stance !== after.stance) bodies.push({ kind: 'setStance', from: before.stance, to: after.stance })
  if (before.note !== after.note) bodies.push({ kind: 'setNote', from: before.note, to: after.note })
  const [from, to] = [placementOf(before), placementOf(after)]
  if (!samePlacement(from, to)) bodies.push({ kind: 'setPlacement', from, to })
  if (!sameJson(before.tags, after.tags)) bodies.push({ kind: 'setTags', from: before.tags, to: after.tags })
  bodies.push(...listOps(before.evidence, after.evidence, { add: 'addEvidence', update: 'updateEvidence', remove: 'removeEvidence' }))
  bodies.push(...listOps(before.counterpoints, after.counterpoints, { add: 'addCounterpoint', update: 'updateCounterpoint', remove: 'removeCounterpoint' }))
  return bodies.map((body) => ({ id: source.newId(), setId: after.setId, claimId: after.id, at: source.at, ...body }))
}

/** The operation creating `claim`. */
export function createOperation(claim: Claim, source: OperationSource): ClaimOperation {
  return { id: source.newId(), setId: claim.setId, claimId: claim.id, at: source.at, kind: 'createClaim', claim }
}

/** The operation deleting `claim` (kept whole, so undo can bring it back). */
export function deleteOperation(claim: Claim, source: OperationSource): ClaimOperation {
  return { id: source.newId(), setId: claim.setId, claimId: claim.id, at: source.at, kind: 'deleteClaim', claim }
}

/**
 * The operation that undoes `op`, with its own new id and time: add and
 * remove swap (a removal remembers where the item stood), an update or a
 * field change swaps `from` and `to`, create and delete swap. Never throws.
 */
export function invertOperation(op: ClaimOperation, source: OperationSource): ClaimOperation {
  const meta: OperationMeta = { id: source.newId(), setId: op.setId, claimId: op.claimId, at: source.at }
  switch (op.kind) {
    case 'createClaim':
      return { ...meta, kind: 'deleteClaim', claim: op.claim }
    case 'deleteClaim':
      return { ...meta, kind: 'createClaim', claim: op.claim }
    case 'setStance':
    case 'setNote':
    case 'setPlacement':
    case 'setTags':
    case 'updateEvidence':
    case 'updateCounterpoint':
      return { ...meta, kind: op.kind, from: op.to, to: op.from } as ClaimOperation
    case 'addEvidence':
      return { ...meta, kind: 'removeEvidence', item: op.item, index: op.index }
    case 'removeEvidence':
      return { ...meta, kind: 'addEvidence', item: op.item, index: op.index }
    case 'addCounterpoint':
      return { ...meta, kind: 'removeCounterpoint', item: op.item, index: op.index }
    case 'removeCounterpoint':
      return { ...meta, kind: 'addCounterpoint', item: op.item, index: op.index }
  }
}

/** `items` with `item` inserted at `index` (clamped; null: at the end), unless an item with its id is there already. */
function inserted<T extends { id: string }>(items: readonly T[], item: T, index: number | null): T[] {
  if (items.some((i) => i.id === item.id)) return items as T[]
  const at = index === null ? items.length : Math.max(0, Math.min(index, items.length))
  return [...items.slice(0, at), item, ...items.slice(at)]
}

/**
 * The item as `current` has it with the fields `from → to` changed applied:
 * a field the operation did not change keeps the current value, so two
 * windows editing different fields of one counterpoint both keep theirs.
 */
function patched<T extends { id: string }>(items: readonly T[], from: T, to: T): T[] {
  const at = items.findIndex((i) => i.id === to.id)
  if (at === -1) return items as T[]
  const current = items[at]!
  const next = { ...current } as Record<string, unknown>
  for (const key of Object.keys(to) as (keyof T & string)[]) {
    if (!sameJson(from[key], to[key])) next[key] = to[key]
  }
  if (sameJson(next, current)) return items as T[]
  return items.map((item, i) => (i === at ? (next as T) : item))
}

function touched(claim: Claim, changes: Partial<Claim>, at: string): Claim {
  return { ...claim, ...changes, modified: at > claim.modified ? at : claim.modified }
}

/**
 * Apply `op` to the claim as stored now (`current`, null when not stored):
 * the new claim, null when it is deleted, or `current` itself when the
 * operation changes nothing (an item already added or already gone, a field
 * already at its value, a claim deleted meanwhile). A field change wins over
 * the current value (the later writer's choice); list changes touch only
 * their own item. Never throws on a concurrent change; validate untrusted
 * operations with {@link operationProblem} first.
 */
export function applyOperation(current: Claim | null, op: ClaimOperation): Claim | null {
  if (op.kind === 'createClaim') return current ?? op.claim
  if (current === null) return null
  if (op.kind === 'deleteClaim') return null
  const at = op.at
  switch (op.kind) {
    case 'setStance':
      return current.stance === op.to ? current : touched(current, { stance: op.to }, at)
    case 'setNote':
      return current.note === op.to ? current : touched(current, { note: op.to }, at)
    case 'setPlacement': {
      if (samePlacement(placementOf(current), op.to)) return current
      const { orphan: _orphan, ...rest } = current
      return touched(op.to.orphan ? { ...rest, orphan: true } : rest, { target: op.to.target }, at)
    }
    case 'setTags':
      return sameJson(current.tags, op.to) ? current : touched(current, { tags: op.to }, at)
    case 'addEvidence':
    case 'removeEvidence':
    case 'updateEvidence': {
      const evidence =
        op.kind === 'addEvidence'
          ? inserted(current.evidence, op.item, op.index)
          : op.kind === 'removeEvidence'
            ? current.evidence.filter((i) => i.id !== op.item.id)
            : patched(current.evidence, op.from, op.to)
      return evidence.length === current.evidence.length && evidence.every((e, i) => e === current.evidence[i]) ? current : touched(current, { evidence }, at)
    }
    case 'addCounterpoint':
    case 'removeCounterpoint':
    case 'updateCounterpoint': {
      const counterpoints =
        op.kind === 'addCounterpoint'
          ? inserted(current.counterpoints, op.item, op.index)
          : op.kind === 'removeCounterpoint'
            ? current.counterpoints.filter((i) => i.id !== op.item.id)
            : patched(current.counterpoints, op.from, op.to)
      return counterpoints.length === current.counterpoints.length && counterpoints.every((c, i) => c === current.counterpoints[i])
        ? current
        : touched(current, { counterpoints }, at)
    }
  }
}

/** Apply operations in order (see {@link applyOperation}). */
export function applyOperations(current: Claim | null, ops: readonly ClaimOperation[]): Claim | null {
  let claim = current
  for (const op of ops) claim = applyOperation(claim, op)
  return claim
}
