/**
 * Checking a claim operation that came from outside this window (another
 * window's journal, a sync server): its shape with valibot, then that it is
 * about one claim (ids agree inside it). Operations made here by
 * operations.ts pass by construction.
 */
import * as v from 'valibot'
import { ClaimSchema, CounterpointSchema, EvidenceItemSchema, StanceSchema, TargetSchema } from './claim-schema'
import type { ClaimOperation } from './operations'

const Id = v.pipe(v.string(), v.minLength(1))
const Index = v.pipe(v.number(), v.integer(), v.minValue(0))
const Placement = v.object({ target: TargetSchema, orphan: v.boolean() })
const Meta = { id: Id, setId: Id, claimId: Id, at: v.pipe(v.string(), v.isoTimestamp()) }

const OperationSchema = v.variant('kind', [
  v.object({ ...Meta, kind: v.literal('createClaim'), claim: ClaimSchema }),
  v.object({ ...Meta, kind: v.literal('deleteClaim'), claim: ClaimSchema }),
  v.object({ ...Meta, kind: v.literal('setStance'), from: StanceSchema, to: StanceSchema }),
  v.object({ ...Meta, kind: v.literal('setNote'), from: v.string(), to: v.string() }),
  v.object({ ...Meta, kind: v.literal('setPlacement'), from: Placement, to: Placement }),
  v.object({ ...Meta, kind: v.literal('setTags'), from: v.array(v.string()), to: v.array(v.string()) }),
  v.object({ ...Meta, kind: v.literal('addEvidence'), item: EvidenceItemSchema, index: v.nullable(Index) }),
  v.object({ ...Meta, kind: v.literal('updateEvidence'), from: EvidenceItemSchema, to: EvidenceItemSchema }),
  v.object({ ...Meta, kind: v.literal('removeEvidence'), item: EvidenceItemSchema, index: v.nullable(Index) }),
  v.object({ ...Meta, kind: v.literal('addCounterpoint'), item: CounterpointSchema, index: v.nullable(Index) }),
  v.object({ ...Meta, kind: v.literal('updateCounterpoint'), from: CounterpointSchema, to: CounterpointSchema }),
  v.object({ ...Meta, kind: v.literal('removeCounterpoint'), item: CounterpointSchema, index: v.nullable(Index) }),
])

/** A checked operation, or what is wrong with it (in English, for logs and the sync server's replies). */
export type ParsedOperation = { ok: true; op: ClaimOperation } | { ok: false; problem: string }

/**
 * Check `value` as a claim operation. Expected failures (wrong shape, a
 * claim or item whose ids disagree with the operation) return `ok: false`
 * naming the first problem; never throws.
 */
export function parseOperation(value: unknown): ParsedOperation {
  const result = v.safeParse(OperationSchema, value)
  if (!result.success) {
    const issue = result.issues[0]
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? ''
    return { ok: false, problem: `${path ? `${path}: ` : ''}${issue.message}` }
  }
  const op = result.output as ClaimOperation
  if ((op.kind === 'createClaim' || op.kind === 'deleteClaim') && (op.claim.id !== op.claimId || op.claim.setId !== op.setId)) {
    return { ok: false, problem: `claim: its id or set (${op.claim.setId}/${op.claim.id}) is not the operation's (${op.setId}/${op.claimId})` }
  }
  if ((op.kind === 'updateEvidence' || op.kind === 'updateCounterpoint') && op.from.id !== op.to.id) {
    return { ok: false, problem: `to.id: an update must keep the item's id (${op.from.id} -> ${op.to.id})` }
  }
  return { ok: true, op }
}
