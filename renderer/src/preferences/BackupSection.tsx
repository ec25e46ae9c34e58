/**
 * "Back up everything" writes one JSON file; "Restore from backup…" reads one,
 * validates all of it, asks before replacing, and replaces in one transaction.
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { parseBackup, type BackupFile } from '../../../shared/backup/backup-format'
import type { HostBridge } from '../../../shared/bridge/contract'
import { userMessageOf } from '../../../shared/errors'
import { decodeUtf8Strict } from '../../../shared/text/utf8'
import type { WorkbenchDb } from '../storage/database'
import { readBackup, restoreBackup } from '../storage/backup-repo'
import { ConfirmDialog } from '../ui/ConfirmDialog'

export function BackupSection({ db, host, notify }: { db: WorkbenchDb; host: HostBridge; notify(kind: 'info' | 'error', message: string): void }) {
  const { t } = useTranslation()
  const [pending, setPending] = useState<{ name: string; backup: BackupFile } | null>(null)

  const backUp = async () => {
    try {
      const backup = await readBackup(db)
      const name = `critique-workbench-backup-${backup.createdAt.slice(0, 10)}.json`
      const result = await host.saveFile({ suggestedName: name, mimeType: 'application/json', data: JSON.stringify(backup) })
      if (result.status === 'saved') notify('info', t('prefs.backedUp', { name: result.name }))
    } catch (error) {
      notify('error', userMessageOf(error))
    }
  }

  const pick = async () => {
    try {
      const file = await host.pickFile('annotations')
      if (!file) return
      const text = decodeUtf8Strict(file.bytes)
      if (text === null) throw new Error(`“${file.name}” is not UTF-8 text. Nothing was changed.`)
      setPending({ name: file.name, backup: parseBackup(text, file.name) })
    } catch (error) {
      notify('error', userMessageOf(error))
    }
  }

  const restore = async (name: string, backup: BackupFile) => {
    setPending(null)
    try {
      await restoreBackup(db, backup)
      notify('info', t('prefs.restored', { name, documents: backup.documents.length, sets: backup.sets.length, claims: backup.claims.length }))
    } catch (error) {
      notify('error', userMessageOf(error))
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
