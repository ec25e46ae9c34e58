/**
 * The suggestions toolbar above the reader: the Suggestions switch, the
 * pending count, stepping, the keys, and the way into the lexicon. It also
 * hosts the dialogs the suggestions need (the lexicon, and the analyst's name
 * when a dismissal comes before any set exists).
 */
import { useState } from 'react'
import { PromptDialog } from '../ui/PromptDialog'
import { LexiconDialog } from './LexiconDialog'
import type { Suggestions } from './use-suggestions'

/** "21 pending", "Finding suggestions…" or why it failed. */
export function pendingLabel(s: Pick<Suggestions, 'analysis' | 'pending'>): string {
  if (s.analysis.status === 'running') return 'Finding suggestions…'
  if (s.analysis.status === 'error') return 'Suggestions unavailable'
  return `${s.pending.length} pending`
}

export function SuggestionsBar({ suggest }: { suggest: Suggestions }) {
  const [lexiconOpen, setLexiconOpen] = useState(false)
  const { visible, focused, pending } = suggest
  const at = focused ? pending.indexOf(focused) : -1
  return (
    <div className={`suggestions-bar ${visible ? 'is-on' : ''}`} role="toolbar" aria-label="Suggestions">
      <button
        type="button"
        className="suggestions-switch"
        aria-pressed={visible}
        onClick={() => suggest.setVisible(!visible)}
        title="Outline the sentences the claim finder thinks are claims"
      >
        <span className="suggestions-switch-track" aria-hidden="true">
          <span className="suggestions-switch-thumb" />
        </span>
        Suggestions
      </button>
      <span className="suggestions-count" title={suggest.analysis.status === 'error' ? suggest.analysis.message : undefined}>
        {pendingLabel(suggest)}
        {visible && at >= 0 && <span className="suggestions-position"> · {at + 1} of {pending.length}</span>}
      </span>
      {visible && (
        <>
          <span className="suggestions-nav">
            <button type="button" onClick={() => suggest.step(-1)} disabled={pending.length === 0} aria-keyshortcuts="P" title="Previous suggestion (P)">
              ‹ Prev
            </button>
            <button type="button" onClick={() => suggest.step(1)} disabled={pending.length === 0} aria-keyshortcuts="N" title="Next suggestion (N)">
              Next ›
            </button>
          </span>
          <span className="suggestions-keys" aria-label="Keys">
            <kbd>N</kbd>/<kbd>P</kbd> next/previous · <kbd>A</kbd> accept · <kbd>Shift</kbd>+<kbd>A</kbd> other stance · <kbd>D</kbd> dismiss
          </span>
        </>
      )}
      <span className="suggestions-tools">
        {visible && suggest.dismissedCount > 0 && (
          <button type="button" className="button-quiet" onClick={suggest.restoreDismissed} title="Show the suggestions you dismissed in this set again">
            Restore dismissed ({suggest.dismissedCount})
          </button>
        )}
        <button type="button" className="button-quiet" onClick={() => setLexiconOpen(true)} aria-haspopup="dialog">
          Lexicon…
        </button>
      </span>
      {lexiconOpen && <LexiconDialog suggest={suggest} onClose={() => setLexiconOpen(false)} />}
      {suggest.askingAnalyst && (
        <PromptDialog
          title="Who is reading?"
          label="Your name"
          hint="Dismissed suggestions are remembered in your annotation set, which is named after you."
          submitLabel="Start"
          onCancel={() => suggest.answerAnalyst(null)}
          onSubmit={(name) => suggest.answerAnalyst(name)}
        />
      )}
    </div>
  )
}
