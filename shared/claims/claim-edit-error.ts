import { CritiqueError } from '../errors'

/** Why an edit of a claim was refused. */
export type ClaimEditErrorCode = 'unsafe-url' | 'empty-selection'

/**
 * An edit of a claim was refused because of what the user entered (an unsafe
 * link, a selection with no text). Nothing was changed; `userMessage` says
 * what to do instead.
 */
export class ClaimEditError extends CritiqueError {
  declare readonly code: ClaimEditErrorCode
  constructor(code: ClaimEditErrorCode, userMessage: string) {
    super(code, userMessage)
  }
}
