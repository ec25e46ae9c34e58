/**
 * The last step of every importer: bring blocks to the shape the article model
 * promises, whatever parser made them, and keep inline marks pointing at the
 * same characters while the text is edited.
 *
 * Rules (applied per block, in this order):
 * 1. Text is NFC (each run between mark boundaries is normalised on its own, so
 *    marks never land inside a composed character).
 * 2. Outside code blocks a line break is a soft break: every run of whitespace
 *    that contains a line feed becomes one space, as in Markdown and HTML. So
 *    `\n` occurs in canonical text only inside code blocks and in separators.
 * 3. Leading and trailing whitespace is trimmed; a code block keeps the
 *    indentation of its first line and loses only leading blank lines and
 *    trailing whitespace.
 * 4. Blocks left empty are dropped; marks are clipped to the text, empty marks
 *    dropped, overlapping or touching marks of the same kind merged, and links
 *    with an unsafe href lose the link (the text stays).
 */

import { isSafeExternalUrl } from '../claims/model'
import type { ArticleBlock, InlineMark } from './model'

interface Edit {
  from: number
  to: number
  insert: string
}

/**
 * Apply the tidy rules above to each block and drop blocks that end up empty.
 * Pure; never throws. Idempotent: tidying tidy blocks changes nothing.
 */
export function tidyBlocks(blocks: readonly ArticleBlock[]): ArticleBlock[] {
  const out: ArticleBlock[] = []
  for (const block of blocks) {
    const tidy = tidyBlock(block)
    if (tidy) out.push(tidy)
  }
  return out
}

/** Tidy one block (see module rules); `null` when nothing but whitespace remains. */
export function tidyBlock(block: ArticleBlock): ArticleBlock | null {
  let text = block.text
  let marks = block.marks.map((m) => ({ ...m }))
  ;({ text, marks } = applyEdits(text, marks, nfcEdits(text, marks)))
  if (block.type === 'code') {
    ;({ text, marks } = applyEdits(text, marks, codeTrimEdits(text)))
  } else {
    ;({ text, marks } = applyEdits(text, marks, regexEdits(text, /\s*\n\s*/g, ' ')))
    ;({ text, marks } = applyEdits(text, marks, regexEdits(text, /^\s+|\s+$/g, '')))
  }
  if (text.length === 0) return null
  const tidy: ArticleBlock = {
    type: block.type,
    level: block.type === 'heading' ? Math.min(6, Math.max(1, Math.trunc(block.level) || 1)) : 0,
    text,
    marks: cleanMarks(marks, text.length),
  }
  if (block.type === 'list_item') tidy.ordered = block.ordered === true
  return tidy
}

/**
 * Sort, clip, merge and sanity-check inline marks over a text of `length`
 * code units (rule 4 of the module comment). Pure; never throws.
 */
export function cleanMarks(marks: readonly InlineMark[], length: number): InlineMark[] {
  const kept: InlineMark[] = []
  for (const mark of marks) {
    const start = Math.max(0, Math.min(length, mark.start))
    const end = Math.max(0, Math.min(length, mark.end))
    if (end <= start) continue
    if (mark.type === 'link') {
      const href = mark.href?.trim() ?? ''
      if (!isSafeExternalUrl(href)) continue
      kept.push({ type: 'link', start, end, href })
    } else {
      kept.push({ type: mark.type, start, end })
    }
  }
  kept.sort(byPosition)
  const merged: InlineMark[] = []
  for (const mark of kept) {
    const same = merged.find((m) => m.type === mark.type && m.href === mark.href && m.end >= mark.start)
    if (same) same.end = Math.max(same.end, mark.end)
    else merged.push(mark)
  }
  // Merging can lengthen a mark, so sort again for a canonical order.
  return merged.sort(byPosition)
}

function byPosition(a: InlineMark, b: InlineMark): number {
  return a.start - b.start || b.end - a.end || a.type.localeCompare(b.type) || (a.href ?? '').localeCompare(b.href ?? '')
}

function nfcEdits(text: string, marks: readonly InlineMark[]): Edit[] {
  if (text.normalize('NFC') === text) return []
  // Normalise between mark boundaries, but never cut before a combining character
  // (it may compose with what precedes it): such cuts move back to a safe place.
  const cuts = [...new Set([0, text.length, ...marks.flatMap((m) => [m.start, m.end])])]
    .filter((c) => c >= 0 && c <= text.length)
    .map((c) => {
      while (c > 0 && c < text.length && COMBINING.test(text[c]!)) c--
      return c
    })
  const sorted = [...new Set(cuts)].sort((a, b) => a - b)
  const edits: Edit[] = []
  let result = ''
  for (let i = 0; i + 1 < sorted.length; i++) {
    const from = sorted[i]!
    const to = sorted[i + 1]!
    const piece = text.slice(from, to)
    const nfc = piece.normalize('NFC')
    result += nfc
    if (nfc !== piece) edits.push({ from, to, insert: nfc })
  }
  // Exotic compositions across a cut: normalise the whole text; marks inside are dropped.
  if (result.normalize('NFC') !== result) return [{ from: 0, to: text.length, insert: text.normalize('NFC') }]
  return edits
}

/** Characters that can compose with the character before them under NFC. */
const COMBINING = /[\p{M}\u1160-\u11ff]/u

function regexEdits(text: string, pattern: RegExp, insert: string): Edit[] {
  const edits: Edit[] = []
  for (const match of text.matchAll(pattern)) {
    if (match[0] !== insert) edits.push({ from: match.index, to: match.index + match[0].length, insert })
  }
  return edits
}

function codeTrimEdits(text: string): Edit[] {
  if (text.trim().length === 0) return text.length > 0 ? [{ from: 0, to: text.length, insert: '' }] : []
  const edits: Edit[] = []
  const leadingBlankLines = /^(?:[^\S\n]*\n)+/.exec(text)
  if (leadingBlankLines) edits.push({ from: 0, to: leadingBlankLines[0].length, insert: '' })
  const trailing = /\s+$/.exec(text)
  if (trailing && trailing.index >= (leadingBlankLines?.[0].length ?? 0)) {
    edits.push({ from: trailing.index, to: text.length, insert: '' })
  }
  return edits
}

/** Apply sorted, non-overlapping edits and carry mark offsets across them. */
function applyEdits(text: string, marks: InlineMark[], edits: readonly Edit[]): { text: string; marks: InlineMark[] } {
  if (edits.length === 0) return { text, marks }
  let out = ''
  let at = 0
  for (const edit of edits) {
    out += text.slice(at, edit.from) + edit.insert
    at = edit.to
  }
  out += text.slice(at)
  // A mark start inside an edited range moves to the range's end, a mark end to its start,
  // so a mark never grows over inserted whitespace.
  const map = (pos: number, side: 'start' | 'end'): number => {
    let delta = 0
    for (const edit of edits) {
      if (pos <= edit.from) break
      if (pos < edit.to) {
        const newFrom = edit.from + delta
        return side === 'start' ? newFrom + edit.insert.length : newFrom
      }
      delta += edit.insert.length - (edit.to - edit.from)
    }
    return pos + delta
  }
  return { text: out, marks: marks.map((m) => ({ ...m, start: map(m.start, 'start'), end: map(m.end, 'end') })) }
}
