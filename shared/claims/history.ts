/**
 * Undo and redo of claim edits as a pure, immutable history. Every change to
 * stored claims is an op; an op's inverse is again an op, so undoing is just
 * applying `invert(op)` to storage, and redoing is applying `op` again.
 */
import type { Claim } from './model'

/**
 * One change to stored claims: `put` writes `after` (creating it when
 * `before` is null, else replacing `before`, same id); `delete` removes `before`.
 */
export type ClaimOp =
  | { kind: 'put'; before: Claim | null; after: Claim }
  | { kind: 'delete'; before: Claim }

/** Ops that can be undone (`past`, oldest first) and redone (`future`, next first). */
export interface ClaimHistory {
  readonly past: readonly ClaimOp[]
  readonly future: readonly ClaimOp[]
  /** Most ops kept in `past`; the oldest are dropped beyond it. */
  readonly limit: number
}

/** What undo or redo yields: the new history, the op concerned, and the op to apply to storage. */
export interface HistoryStep {
  history: ClaimHistory
  /** The recorded op being undone or redone. */
  op: ClaimOp
  /** Apply this to storage: `invert(op)` for undo, `op` itself for redo. */
  apply: ClaimOp
}

/** How many ops a history keeps unless told otherwise. */
export const DEFAULT_HISTORY_LIMIT = 500

/**
 * An empty history keeping at most `limit` undo steps.
 * @throws RangeError when `limit` is not a positive integer.
 */
export function createHistory(limit: number = DEFAULT_HISTORY_LIMIT): ClaimHistory {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`createHistory: limit must be a positive integer, got ${limit}`)
  return { past: [], future: [], limit }
}

/** The op that undoes `op`. `invert(invert(op))` equals `op`. Never throws. */
export function invert(op: ClaimOp): ClaimOp {
  if (op.kind === 'delete') return { kind: 'put', before: null, after: op.before }
  if (op.before === null) return { kind: 'delete', before: op.after }
  return { kind: 'put', before: op.after, after: op.before }
}

/**
 * Record an op just applied: it becomes the next undo step, the redo steps
 * are dropped, and the oldest step goes once there are more than `limit`.
 * @throws RangeError for a `put` whose `before` and `after` have different ids.
 */
export function push(history: ClaimHistory, op: ClaimOp): ClaimHistory {
  if (op.kind === 'put' && op.before !== null && op.before.id !== op.after.id) {
    throw new RangeError(`push: a put must keep the claim id, got ${op.before.id} -> ${op.after.id}`)
  }
  const past = [...history.past, op]
  return { past: past.length > history.limit ? past.slice(past.length - history.limit) : past, future: [], limit: history.limit }
}

/** The step that undoes the latest op, or null when there is nothing to undo. Never throws. */
export function undo(history: ClaimHistory): HistoryStep | null {
  const op = history.past[history.past.length - 1]
  if (op === undefined) return null
  return {
    history: { past: history.past.slice(0, -1), future: [op, ...history.future], limit: history.limit },
    op,
    apply: invert(op),
  }
}

/** The step that redoes the latest undone op, or null when there is nothing to redo. Never throws. */
export function redo(history: ClaimHistory): HistoryStep | null {
  const op = history.future[0]
  if (op === undefined) return null
  return {
    history: { past: [...history.past, op], future: history.future.slice(1), limit: history.limit },
    op,
    apply: op,
  }
}

/** True when {@link undo} would return a step. */
export function canUndo(history: ClaimHistory): boolean {
  return history.past.length > 0
}

/** True when {@link redo} would return a step. */
export function canRedo(history: ClaimHistory): boolean {
  return history.future.length > 0
}

/**
 * Apply an op to an in-memory list of claims (what storage does with it):
 * `put` replaces the claim with the same id or appends it; `delete` removes
 * the claim with `before`'s id, if present. Returns a new array. Never throws.
 */
export function applyOp(claims: readonly Claim[], op: ClaimOp): Claim[] {
  if (op.kind === 'delete') return claims.filter((c) => c.id !== op.before.id)
  const at = claims.findIndex((c) => c.id === op.after.id)
  return at === -1 ? [...claims, op.after] : claims.map((c, i) => (i === at ? op.after : c))
}
