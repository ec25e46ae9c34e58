/** W3C Web Annotation exchange: export sets, validate and import annotation files (docs/w3c-mapping.md). */
export { exportSet, claimToAnnotation, type AnnotationTargetContext } from './export-set'
export { parseAnnotationFile } from './parse-annotation-file'
export { isHypothesisAnnotation, isHypothesisExportFile, isHypothesisJson, isHypothesisRowArray, isHypothesisSearchResult } from './import-hypothesis'
export { anchorImported, statedPositionOnText, type ImportAnchoring, type ImportAnchoringOptions, type ImportAnchoringSummary, type OrphanReport } from './anchor-imported'
export { claimsFromImport, type ImportContext } from './claims-from-import'
export {
  validateW3cDocument,
  w3cDocumentKind,
  ANNOTATION_MUSTS,
  COLLECTION_MUSTS,
  type SuiteAssertion,
  type W3cAssertionFailure,
  type W3cDocumentKind,
  type W3cValidationReport,
  WELL_FORMED_QUOTE,
} from './suite-validator'
export { MAX_ANNOTATION_FILE_BYTES, MAX_JSON_DEPTH, parseJsonGuarded } from './json-guard'
export {
  CONFLICTING_STANCE_TAG,
  UNTAGGED_TAG,
  type ImportedCounterpoint,
  type ImportedEvidence,
  type ImportedItem,
  type ParsedAnnotations,
  type PositionUnit,
} from './imported'
export {
  CW_CONTEXT,
  CW_NAMESPACE,
  EXPORT_CONTEXT,
  W3C_ANNO_CONTEXT,
  type W3cAnnotation,
  type W3cAnnotationCollection,
  type W3cTextualBody,
} from './vocabulary'
