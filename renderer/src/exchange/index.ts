/**
 * Annotation exchange in the app: W3C / Hypothesis import with its result and orphans, W3C export.
 * The importer (import-annotations, plan-import) and the exporter (export-w3c) carry the W3C
 * suite validators and are loaded on first use by use-annotation-exchange; they are not
 * re-exported here as values, since any static import would put them back in the main bundle.
 */
export { useAnnotationExchange, type AnnotationExchange, type ExchangeReaderCommands } from './use-annotation-exchange'
export { ExchangeActionsContext, ExchangeButtons, type ExchangeActions } from './ExchangeButtons'
export { OrphanList } from './OrphanList'
export { ImportResultDialog } from './ImportResultDialog'
export type { ImportOutcome, ImportOptions } from './import-annotations'
export type { ImportPlan, PlanContext } from './plan-import'
export { importReport, formatScore, type ImportReport, type FuzzyPlacement } from './import-report'
export { attachOrphan, splitOrphans } from './orphans'
