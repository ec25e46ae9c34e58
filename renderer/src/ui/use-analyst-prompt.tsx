/**
 * "Who is reading?" as a promise: the dialog that state/ensure-set.ts asks
 * through. The component that calls the hook renders `dialog`.
 */
import { useCallback, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { PromptDialog } from './PromptDialog'

export interface AnalystPrompt {
  /** Open the dialog with `hint` under the field; resolves the name, or null when cancelled. */
  ask(hint: string): Promise<string | null>
  /** The open dialog, or null. */
  dialog: ReactNode
}

/** A prompt for the analyst's name. A second ask while one is open cancels the first (it resolves null). */
export function useAnalystPrompt(): AnalystPrompt {
  const { t } = useTranslation()
  const [open, setOpen] = useState<{ hint: string; answer(name: string | null): void } | null>(null)
  const ask = useCallback(
    (hint: string) =>
      new Promise<string | null>((resolve) => {
        setOpen((previous) => {
          previous?.answer(null)
          return { hint, answer: resolve }
        })
      }),
    [],
  )
  const close = (name: string | null) => {
    open?.answer(name)
    setOpen(null)
  }
  const dialog = open && (
    <PromptDialog title={t('reader.whoTitle')} label={t('reader.whoLabel')} hint={open.hint} submitLabel={t('reader.whoSubmit')} onCancel={() => close(null)} onSubmit={(name) => close(name)} />
  )
  return { ask, dialog }
}
