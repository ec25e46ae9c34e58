/**
 * The small, fast-changing layer over the claims: the selected claim's outline
 * and the brief flash after jumping to a claim. Kept apart from the claims
 * layer so selecting a claim never touches the large DecorationSet.
 */
import { Plugin, PluginKey, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import type { ClaimTarget } from '../../../shared/claims/model'
import { offsetToPos, type PositionIndex } from '../../../shared/article/position-map'

interface FocusState {
  selected: { id: string; target: ClaimTarget } | null
  flash: boolean
  decorations: DecorationSet
}

type FocusMeta = { selected: { id: string; target: ClaimTarget } | null; flash: boolean }

const focusKey = new PluginKey<FocusState>('claim-focus')

/** Mark `selected` as the focused claim; `flash` plays the arrival animation. */
export function focusClaim(tr: Transaction, selected: FocusMeta['selected'], flash = false): Transaction {
  return tr.setMeta(focusKey, { selected, flash } satisfies FocusMeta)
}

export function focusPlugin(index: PositionIndex): Plugin<FocusState> {
  return new Plugin<FocusState>({
    key: focusKey,
    state: {
      init: () => ({ selected: null, flash: false, decorations: DecorationSet.empty }),
      apply(tr, value) {
        const meta = tr.getMeta(focusKey) as FocusMeta | undefined
        if (!meta) return value
        if (!meta.selected) return { selected: null, flash: false, decorations: DecorationSet.empty }
        // The same steady focus again (the desk catching up with a claim the reader
        // focused itself): keeping the set means no redraw, which would put the
        // view's selection back over one the user is making at that moment.
        const was = value.selected
        if (!meta.flash && !value.flash && was && was.id === meta.selected.id &&
            was.target.position.start === meta.selected.target.position.start && was.target.position.end === meta.selected.target.position.end) return value
        const from = offsetToPos(index, meta.selected.target.position.start)
        const to = offsetToPos(index, meta.selected.target.position.end)
        const cls = meta.flash ? 'claim-focus claim-focus--flash' : 'claim-focus'
        // A fresh key per flash restarts the CSS animation.
        const deco = Decoration.inline(from, to, { class: cls, 'data-focus': meta.flash ? String(Date.now()) : 'steady' })
        return { selected: meta.selected, flash: meta.flash, decorations: DecorationSet.create(tr.doc, [deco]) }
      },
    },
    props: { decorations: (state) => focusKey.getState(state)?.decorations },
  })
}
