/**
 * "Rename set…" beside the set switcher: relabels the active set of the
 * analyst's own (a colleague's followed set is read-only and offers nothing).
 * A shared set's new label goes to the team server with its next sync
 * (team/shared-sync.ts), and colleagues following it see the new name after
 * their next refresh (docs/team.md).
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AnnotationSet } from '../../../shared/claims/model'
import { errorText } from '../i18n/error-message'
import { relabelSet } from '../storage/claims-repo'
import type { WorkbenchDb } from '../storage/database'
import type { Notify } from '../ui/notify'
import { PromptDialog } from '../ui/PromptDialog'

/** The button and its dialog for `set` (nothing for no set or a followed one). Failures are notified, never thrown. */
export function RenameSetButton({ db, set, notify }: { db: WorkbenchDb; set: AnnotationSet | null; notify: Notify }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  if (set === null || set.followed !== undefined) return null
  return (
    <>
      <button type="button" className="button-quiet rename-set" onClick={() => setOpen(true)} aria-label={t('claims.renameSetNamed', { label: set.label })}>
        {t('claims.renameSet')}
      </button>
      {open && (
        <PromptDialog
          title={t('claims.renameSetTitle')}
          label={t('claims.renameSetLabel')}
          initial={set.label}
          submitLabel={t('claims.renameSetSubmit')}
          {...(set.shared === undefined ? {} : { hint: t('claims.renameSetSharedHint') })}
          onCancel={() => setOpen(false)}
          onSubmit={(label) => {
            setOpen(false)
            if (label === set.label) return
            relabelSet(db, set.id, label)
              .then((done) => done === null && notify('error', t('claims.renameSetGone', { label: set.label })))
              .catch((e: unknown) => notify('error', errorText(e)))
          }}
        />
      )}
    </>
  )
}
