/**
 * The one text normalization every importer applies, once, to the decoded
 * source before parsing:
 *
 * 1. Line endings: CRLF and lone CR become LF, so offsets do not depend on the
 *    platform the file was written on.
 * 2. Unicode NFC, so that a visually identical quote typed on another machine
 *    (composed vs decomposed kana with dakuten, accented Latin) matches the
 *    stored text and hashes the same.
 *
 * Nothing else is changed here: no whitespace collapsing, no width folding
 * (full-width and half-width forms stay distinct), no quote normalisation.
 * Importers document their own block-level trimming on top of this.
 */

/**
 * Apply the import normalization (LF line endings, then NFC) to `text`.
 * Idempotent; never throws.
 */
export function normalizeImportedText(text: string): string {
  return text.replace(/\r\n?/g, '\n').normalize('NFC')
}

/** True when `text` is already in import-normal form (see {@link normalizeImportedText}). */
export function isImportNormalized(text: string): boolean {
  return !text.includes('\r') && text.normalize('NFC') === text
}
