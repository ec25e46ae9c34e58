/**
 * Every error code the workbench throws, as one typed union. A CritiqueError
 * can only be made with one of these, and the catalog (shared/i18n/locales)
 * has a message for each under `errors.<code>` in every language; a test
 * (error-codes.test.ts) holds both to it.
 */
import type { TeamProblemKind } from './team/client'

/** A file or payload refused on import (articles, annotation sets, backups, files read by the host). */
export const IMPORT_ERROR_CODES = [
  'too-large',
  'empty',
  'not-utf8',
  'binary',
  'unsupported-format',
  'bad-front-matter',
  'no-text',
  'html-needs-app',
  'unreadable',
  'not-json',
  'too-deep',
  'not-w3c',
  'wrong-shape',
  'unknown-selectors',
  'unsafe-url',
  'no-article',
  'bad-backup',
  'backup-too-large',
  'backup-not-utf8',
  'backup-not-json',
  'backup-not-ours',
  'backup-newer',
  'backup-duplicate-ids',
  'file-timeout',
  'file-too-large',
  'file-unreadable',
  'not-a-file',
] as const

/** Stored data that could not be opened, read or written. */
export const STORAGE_ERROR_CODES = [
  'storage-unavailable',
  'storage-newer',
  'storage-blocked',
  'storage-upgrade-failed',
  'storage-open-failed',
  'storage-quota',
  'storage-closed',
  'storage-write-failed',
  'storage-read-failed',
  'import-not-stored',
  'import-quota',
  'import-write-failed',
  'restore-quota',
  'restore-failed',
] as const

const TEAM_PROBLEM_KINDS = ['unreachable', 'not-a-server', 'bad-token', 'not-found', 'forbidden', 'conflict', 'stale', 'refused', 'server-error'] as const satisfies readonly TeamProblemKind[]

/** Every code, for the catalog test and for narrowing unknown values. */
export const ERROR_CODES = [
  ...IMPORT_ERROR_CODES,
  ...STORAGE_ERROR_CODES,
  // Claim edits, comparison and consensus, the cue lexicon.
  'empty-selection',
  'compare-too-few-sets',
  'compare-different-documents',
  'compare-min-overlap',
  'compare-span-out-of-text',
  'consensus-unknown-item',
  'consensus-duplicate-decision',
  'consensus-impossible-keep',
  'invalid-cue',
  // The bridge and the shell.
  'bridge-payload',
  'untrusted-sender',
  // The command line: reports and the team server.
  'export-invalid',
  'no-chromium',
  'team-not-w3c',
  ...TEAM_PROBLEM_KINDS.map((kind) => `team-${kind}` as const),
] as const

export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number]
export type StorageErrorCode = (typeof STORAGE_ERROR_CODES)[number]
export type ErrorCode = (typeof ERROR_CODES)[number]

/** Whether `value` is one of {@link ERROR_CODES}. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value)
}
