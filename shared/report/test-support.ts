/**
 * A bare claim for report tests: quote cut from `text`, no context, empty
 * note, lists and timestamps, in set 's' of document 'd'. Not used by the app.
 */
import type { Claim, Stance } from '../claims/model'

export function bareClaim(text: string, id: string, stance: Stance, start: number, end: number, extra: Partial<Claim> = {}): Claim {
  return {
    id,
    setId: 's',
    documentId: 'd',
    stance,
    target: {
      position: { type: 'TextPositionSelector', start, end },
      quote: { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: '', suffix: '' },
    },
    note: '',
    evidence: [],
    counterpoints: [],
    tags: [],
    created: '',
    modified: '',
    author: '',
    ...extra,
  }
}
