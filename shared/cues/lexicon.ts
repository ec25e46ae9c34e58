/**
 * The cue lexicon as data: validation of entries (the bundled
 * `lexicon.json` and cues users add), compilation of patterns to regular
 * expressions, and merging a user's additions and removals into a base.
 */
import * as v from 'valibot'
import { CritiqueError } from '../errors'
import bundled from './lexicon.json'
import { CUE_KINDS, CUE_LANGUAGES, CUE_SIGNALS, type CueEntry, type Lexicon } from './model'

/** A cue entry that cannot be used: bad shape, a pattern that does not compile, or one that matches nothing useful. */
export class InvalidCueError extends CritiqueError {
  /** Id of the offending entry, when it has one. */
  readonly cueId: string | undefined
  constructor(userMessage: string, cueId?: string, options?: { cause?: unknown }) {
    super('invalid-cue', userMessage, options)
    this.cueId = cueId
  }
}

/** Longest pattern accepted; keeps user regexes small. */
export const MAX_PATTERN_LENGTH = 1000

const CueEntrySchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, 'id must be 1-80 lower-case letters, digits, ".", "_" or "-"')),
  language: v.picklist(CUE_LANGUAGES, 'language must be "ja" or "en"'),
  kind: v.picklist(CUE_KINDS, 'kind must be hedge, intent, booster or evidence'),
  match: v.picklist(['literal', 'regex'], 'match must be "literal" or "regex"'),
  pattern: v.pipe(v.string(), v.minLength(1, 'pattern is empty'), v.maxLength(MAX_PATTERN_LENGTH, 'pattern is too long')),
  signal: v.optional(v.picklist(CUE_SIGNALS, `signal must be one of ${CUE_SIGNALS.join(', ')}`)),
  caseSensitive: v.optional(v.boolean()),
  example: v.pipe(v.string(), v.minLength(1, 'example is empty')),
  note: v.optional(v.string()),
})

const LexiconFileSchema = v.object({
  version: v.literal(1),
  entries: v.array(v.unknown()),
})

const compiled = new WeakMap<CueEntry, RegExp>()

function escapeRegExp(text: string): string {
  // Only syntax characters: with the u flag, needless escapes such as \- are errors.
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * The global regular expression for `entry` (cached per entry object).
 * Literals get word boundaries at ASCII letters and digits, so "may" never
 * matches inside "dismay".
 *
 * @throws InvalidCueError when a regex pattern does not compile.
 */
export function cueRegExp(entry: CueEntry): RegExp {
  const cached = compiled.get(entry)
  if (cached) return cached
  let source = entry.pattern
  if (entry.match === 'literal') {
    source = escapeRegExp(entry.pattern)
    if (/^[A-Za-z0-9]/.test(entry.pattern)) source = `(?<![A-Za-z0-9])${source}`
    if (/[A-Za-z0-9]$/.test(entry.pattern)) source = `${source}(?![A-Za-z0-9])`
  }
  let regex: RegExp
  try {
    regex = new RegExp(source, entry.caseSensitive ? 'gu' : 'giu')
  } catch (cause) {
    throw new InvalidCueError(`The cue "${entry.id}" has a pattern that is not a valid regular expression: ${(cause as Error).message}`, entry.id, { cause })
  }
  compiled.set(entry, regex)
  return regex
}

/**
 * Check one entry from outside the type system (a file, a user's form) and
 * return it typed. Besides the shape, the pattern must compile, must not
 * match the empty string, and must match the entry's own example.
 *
 * @throws InvalidCueError naming the entry and the problem.
 */
export function parseCueEntry(data: unknown): CueEntry {
  const result = v.safeParse(CueEntrySchema, data)
  if (!result.success) {
    const id = typeof (data as { id?: unknown } | null)?.id === 'string' ? (data as { id: string }).id : undefined
    const issue = result.issues[0]
    const where = issue?.path?.map((p) => String(p.key)).join('.')
    throw new InvalidCueError(`The cue ${id ? `"${id}"` : 'entry'} is not valid: ${where ? `${where}: ` : ''}${issue?.message ?? 'bad shape'}.`, id)
  }
  const entry: CueEntry = result.output
  const regex = cueRegExp(entry)
  if (new RegExp(regex.source, regex.flags.replace('g', '')).test('')) {
    throw new InvalidCueError(`The cue "${entry.id}" matches empty text; give it a pattern that matches at least one character.`, entry.id)
  }
  regex.lastIndex = 0
  const matchesExample = regex.test(entry.example)
  regex.lastIndex = 0
  if (!matchesExample) {
    throw new InvalidCueError(`The cue "${entry.id}" does not match its own example sentence.`, entry.id)
  }
  return entry
}

/**
 * Check a whole lexicon file (`{ version: 1, entries: [...] }`): every entry
 * as in {@link parseCueEntry}, and ids unique.
 *
 * @throws InvalidCueError on the first bad entry or a repeated id.
 */
export function parseLexicon(data: unknown): CueEntry[] {
  const file = v.safeParse(LexiconFileSchema, data)
  if (!file.success) throw new InvalidCueError('The cue lexicon is not valid: it needs "version": 1 and an "entries" array.')
  const entries = file.output.entries.map(parseCueEntry)
  const seen = new Set<string>()
  for (const entry of entries) {
    if (seen.has(entry.id)) throw new InvalidCueError(`The cue lexicon has two entries with the id "${entry.id}".`, entry.id)
    seen.add(entry.id)
  }
  return entries
}

let defaultEntries: Lexicon | undefined

/**
 * The bundled lexicon (`shared/cues/lexicon.json`), validated once and
 * frozen. Throws InvalidCueError only if the bundled file is broken, which the
 * unit tests rule out.
 */
export function defaultLexicon(): Lexicon {
  defaultEntries ??= Object.freeze(parseLexicon(bundled).map((e) => Object.freeze(e)))
  return defaultEntries
}

/**
 * A user's lexicon: `base` without the entries whose ids are in
 * `userRemovedIds`, with `userAdded` appended. An added entry with the id of
 * a base entry replaces it (a user's edit of a built-in cue); a removed id
 * wins over an added entry with that id. Ids in `userRemovedIds` that no
 * entry has are ignored, since the base may have changed since they were
 * stored. Does not modify its arguments.
 *
 * @throws InvalidCueError when an added entry is not valid (see
 *   {@link parseCueEntry}) or two added entries share an id.
 */
export function mergeLexicon(base: Lexicon, userAdded: readonly unknown[], userRemovedIds: readonly string[]): CueEntry[] {
  const added = userAdded.map(parseCueEntry)
  const addedIds = new Set<string>()
  for (const entry of added) {
    if (addedIds.has(entry.id)) throw new InvalidCueError(`Two of your cues have the id "${entry.id}".`, entry.id)
    addedIds.add(entry.id)
  }
  const removed = new Set(userRemovedIds)
  return [...base.filter((e) => !removed.has(e.id) && !addedIds.has(e.id)), ...added.filter((e) => !removed.has(e.id))]
}
