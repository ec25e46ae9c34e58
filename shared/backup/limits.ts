/** Largest backup file the app reads (and so the largest it may write): checked before parsing. */
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024
