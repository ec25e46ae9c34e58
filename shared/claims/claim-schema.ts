/**
 * Valibot schemas of a claim and its parts, for every boundary that reads
 * claims it did not make (backup files, claim operations from another
 * window or, later, the team server). Links are limited to http, https and
 * mailto (or empty), as {@link isSafeExternalUrl} requires.
 */
import * as v from 'valibot'

const Offset = v.pipe(v.number(), v.integer(), v.minValue(0))

export const UrlSchema = v.pipe(
  v.string(),
  v.check((s) => s === '' || /^(https?:\/\/|mailto:)\S+$/i.test(s), 'only http, https and mailto links are kept'),
)

export const StanceSchema = v.picklist(['evidenced', 'speculative'])

export const TargetSchema = v.object({
  position: v.object({ type: v.literal('TextPositionSelector'), start: Offset, end: Offset }),
  quote: v.object({ type: v.literal('TextQuoteSelector'), exact: v.string(), prefix: v.string(), suffix: v.string() }),
})

export const EvidenceItemSchema = v.object({ id: v.pipe(v.string(), v.minLength(1)), citation: v.string(), url: UrlSchema })

export const CounterpointSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  text: v.string(),
  strength: v.picklist(['weak', 'moderate', 'strong']),
  source: v.nullable(v.object({ citation: v.string(), url: UrlSchema })),
})

export const ClaimSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  setId: v.string(),
  documentId: v.string(),
  stance: StanceSchema,
  target: TargetSchema,
  note: v.string(),
  evidence: v.array(EvidenceItemSchema),
  counterpoints: v.array(CounterpointSchema),
  tags: v.array(v.string()),
  created: v.string(),
  modified: v.string(),
  author: v.string(),
  orphan: v.optional(v.boolean()),
})
