/**
 * Undo and redo of claim edits as a pure, immutable history of operation
 * groups (operations.ts). A group is what one user action did (editing a
 * counterpoint may be one operation, deleting a claim another); undoing it
 * applies the inverses of its operations, newest first, each with a new id,
 * to the claims as they are stored then, so an edit made meanwhile in another
 * window (another field, another list item) is left alone.
 */
import { invertOperation, type ClaimOperation, type OperationSource } from './operations'

/** Operation groups that can be undone (`past`, oldest first) and redone (`future`, next first). */
export interface ClaimHistory {
  readonly past: readonly (readonly ClaimOperation[])[]
  readonly future: readonly (readonly ClaimOperation[])[]
  /** Most groups kept in `past`; the oldest are dropped beyond it. */
  readonly limit: number
}

/** What undo or redo yields: the new history and the operations to apply to storage. */
export interface HistoryStep {
  history: ClaimHistory
  /** Apply these, in order: the inverses for undo, fresh copies of the group for redo. */
  apply: ClaimOperation[]
}

/** How many groups a history keeps unless told otherwise. */
export const DEFAULT_HISTORY_LIMIT = 500

/**
 * An empty history keeping at most `limit` undo steps.
 * @throws RangeError when `limit` is not a positive integer.
 */
export function createHistory(limit: number = DEFAULT_HISTORY_LIMIT): ClaimHistory {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`createHistory: limit must be a positive integer, got ${limit}`)
  return { past: [], future: [], limit }
}

/** True when `group` only sets the note of the claim that the latest group only set the note of: one typing run. */
function continuesTyping(last: readonly ClaimOperation[] | undefined, group: readonly ClaimOperation[]): boolean {
  const [a] = last ?? []
  const [b] = group
  return last?.length === 1 && group.length === 1 && a!.kind === 'setNote' && b!.kind === 'setNote' && a!.claimId === b!.claimId && a!.setId === b!.setId
}

/**
 * Record a group just applied: it becomes the next undo step and the redo
 * steps are dropped; the oldest step goes once there are more than `limit`.
 * With `mergeTyping`, a note edit following a note edit of the same claim
 * joins it (one undo step for one run of typing, saved in several writes).
 * An empty group changes nothing.
 * @throws RangeError when the group's operations are about different claims.
 */
export function push(history: ClaimHistory, group: readonly ClaimOperation[], options: { mergeTyping?: boolean } = {}): ClaimHistory {
  if (group.length === 0) return history
  const first = group[0]!
  if (group.some((op) => op.claimId !== first.claimId || op.setId !== first.setId)) {
    throw new RangeError(`push: a group must change one claim, got ${group.map((op) => op.claimId).join(', ')}`)
  }
  const last = history.past[history.past.length - 1]
  if (options.mergeTyping && continuesTyping(last, group)) {
    const a = last![0] as Extract<ClaimOperation, { kind: 'setNote' }>
    const b = group[0] as Extract<ClaimOperation, { kind: 'setNote' }>
    const merged: ClaimOperation = { ...b, from: a.from }
    return { past: [...history.past.slice(0, -1), [merged]], future: [], limit: history.limit }
  }
  const past = [...history.past, group]
  return { past: past.length > history.limit ? past.slice(past.length - history.limit) : past, future: [], limit: history.limit }
}

/** The step that undoes the latest group, or null when there is nothing to undo. Never throws. */
export function undo(history: ClaimHistory, source: OperationSource): HistoryStep | null {
  const group = history.past[history.past.length - 1]
  if (group === undefined) return null
  return {
    history: { past: history.past.slice(0, -1), future: [group, ...history.future], limit: history.limit },
    apply: [...group].reverse().map((op) => invertOperation(op, source)),
  }
}

/**
 * The step that redoes the latest undone group, or null when there is nothing
 * to redo. The operations get new ids (storage skips ids it already applied). Never throws.
 */
export function redo(history: ClaimHistory, source: OperationSource): HistoryStep | null {
  const group = history.future[0]
  if (group === undefined) return null
  return {
    history: { past: [...history.past, group], future: history.future.slice(1), limit: history.limit },
    apply: group.map((op) => ({ ...op, id: source.newId(), at: source.at })),
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
