/**
 * How any part of the app shows a short notice at the foot of the window
 * (app/notices.tsx draws them): its kind, its message in the user's language,
 * and at most one action, a button that runs it and closes the notice.
 */

/** A button on a notice: its label and what it does. */
export interface NoticeAction {
  label: string
  run(): void
}

/** Show a notice; info fades after a few seconds, errors stay until dismissed. */
export type Notify = (kind: 'info' | 'error', message: string, action?: NoticeAction) => void
