/** Claims: the model and pure operations on claims used by the renderer and importers. */
export * from './model'
export { ClaimEditError, type ClaimEditErrorCode } from './claim-edit-error'
export { newId, type RandomBytes } from './ids'
export { createClaim, trimSelection, type NewClaim } from './create-claim'
export {
  addCounterpoint,
  addEvidence,
  removeCounterpoint,
  removeEvidence,
  setNote,
  setStance,
  updateCounterpoint,
  updateEvidence,
  type CounterpointInput,
  type EvidenceInput,
} from './claim-edits'
export { claimsAt } from './claims-at'
export {
  canRedo,
  canUndo,
  createHistory,
  DEFAULT_HISTORY_LIMIT,
  push,
  redo,
  undo,
  type ClaimHistory,
  type HistoryStep,
} from './history'
export {
  applyOperation,
  applyOperations,
  createOperation,
  deleteOperation,
  invertOperation,
  operationsBetween,
  type ClaimOperation,
  type OperationBody,
  type OperationKind,
  type OperationMeta,
  type OperationSource,
  type Placement,
} from './operations'
export { parseOperation, type ParsedOperation } from './operation-schema'
