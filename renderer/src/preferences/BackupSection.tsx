/**
 * "Back up everything" writes one JSON file; "Restore from backup…" reads one
 * (up to the backup format's 200 MB, not the annotation files' 50 MB),
 * validates all of it (duplicate ids included) before asking, asks before
 * replacing, and replaces in one transaction. Every refusal names the picked
 * file, in the UI language.
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_BACKUP_BYTES, parseBackup, type BackupFile } from '../../../shared/backup/backup-format'
import type { HostBridge } from '../../../shared/bridge/contract'
import { ImportRefusedError } from '../../../shared/errors'
import { errorMessage } from '../i18n/error-message'
import { decodeUtf8Strict } from '../../../shared/text/utf8'
import type { WorkbenchDb } from '../storage/database'
import { readBackup, restoreBackup } from '../storage/backup-repo'
import { ConfirmDialog } from '../ui/ConfirmDialog'

export function BackupSection({ db, host, notify }: { db: WorkbenchDb; host: HostBridge; notify(kind: 'info' | 'error', message: string): void }) {
  const { t, i18n } = useTranslation()
  const [pending, setPending] = useState<{ name: string; backup: BackupFile } | null>(null)

  const backUp = async () => {
    try {
      const backup = await readBackup(db)
      const name = `critique-workbench-backup-${backup.createdAt.slice(0, 10)}.json`
      const data = JSON.stringify(backup)
      // A backup the app could not read back is not written: the limit is the restore's own.
      if (new Blob([data]).size > MAX_BACKUP_BYTES) {
        notify('error', t('prefs.backupTooLarge'))
        return
      }
      const result = await host.saveFile({ suggestedName: name, mimeType: 'application/json', data })
      if (result.status === 'saved') notify('info', t('prefs.backedUp', { name: result.name }))
    } catch (error) {
      notify('error', errorMessage(error, t, i18n.language))
    }
  }

  const pick = async () => {
    try {
      const file = await host.pickFile('backup')
      if (!file) return
      const text = decodeUtf8Strict(file.bytes)
      if (text === null) throw new ImportRefusedError('backup-not-utf8', `“${file.name}” cannot be restored: it is not UTF-8 text. Nothing was changed.`, { fileName: file.name })
      setPending({ name: file.name, backup: parseBackup(text, file.name) })
    } catch (error) {
      notify('error', errorMessage(error, t, i18n.language))
    }
  }

  const restore = async (name: string, backup: BackupFile) => {
    setPending(null)
    try {
      await restoreBackup(db, backup, name)
      notify('info', t('prefs.restored', { name, documents: backup.documents.length, sets: backup.sets.length, claims: backup.claims.length }))
    } catch (error) {
      notify('error', errorMessage(error, t, i18n.language))
    }
  }

  return (
    <section className="prefs-section" aria-labelledby="prefs-backup">
      <h2 id="prefs-backup">{t('prefs.backup')}</h2>
      <p className="field-hint">{t('prefs.backupHint')}</p>
      <div className="button-row">
        <button type="button" className="button-primary" onClick={() => void backUp()}>
          {t('prefs.backup')}
        </button>
        <button type="button" onClick={() => void pick()}>
          {t('prefs.restore')}
        </button>
      </div>
      {pending && (
        <ConfirmDialog
          title={t('prefs.restoreConfirmTitle')}
          message={t('prefs.restoreConfirm', {
            name: pending.name,
            documents: pending.backup.documents.length,
            sets: pending.backup.sets.length,
            claims: pending.backup.claims.length,
          })}
          confirmLabel={t('prefs.restoreConfirmButton')}
          danger
          onCancel={() => setPending(null)}
          onConfirm={() => void restore(pending.name, pending.backup)}
        />
      )}
    </section>
  )
}
