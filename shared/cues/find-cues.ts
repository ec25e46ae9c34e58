/**
 * Finding a lexicon's cues in one stretch of text (a sentence).
 */
import { cueRegExp } from './lexicon'
import type { FoundCue, Lexicon } from './model'

/**
 * Every cue of `lexicon` in `text`, with offsets shifted by `offset` (the
 * position of `text` in the analysed document), in text order. Patterns see
 * only `text`, so look-behinds never reach into a neighbouring sentence.
 *
 * Where two matches of the same kind overlap (だろう inside と言ってよいだろう's
 * neighbour, two date patterns), only the longer is kept, the earlier on a
 * tie; matches of different kinds are all kept.
 *
 * @throws InvalidCueError when an entry's pattern does not compile.
 */
export function findCues(text: string, lexicon: Lexicon, offset = 0): FoundCue[] {
  const found: FoundCue[] = []
  for (const entry of lexicon) {
    const regex = cueRegExp(entry)
    regex.lastIndex = 0
    for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
      if (m[0].length === 0) {
        // A user regex that can match empty text would loop forever without this.
        regex.lastIndex++
        continue
      }
      found.push({
        kind: entry.kind,
        text: m[0],
        start: offset + m.index,
        end: offset + m.index + m[0].length,
        cueId: entry.id,
        ...(entry.signal ? { signal: entry.signal } : {}),
      })
    }
    regex.lastIndex = 0
  }
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start))
  const kept: FoundCue[] = []
  for (const cue of found) {
    const clash = kept.find((k) => k.kind === cue.kind && k.start < cue.end && cue.start < k.end)
    if (!clash) {
      kept.push(cue)
    } else if (cue.end - cue.start > clash.end - clash.start) {
      kept[kept.indexOf(clash)] = cue
    }
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end)
}
