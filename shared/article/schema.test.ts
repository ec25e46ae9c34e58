import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { TagParseRule } from 'prosemirror-model'
import { GROUP_MAX_BLOCKS, GROUP_MAX_CHARS, groupStarts } from './block-groups'
import { cleanMarks } from './block-tidy'
import type { ArticleBlock, BlockType, InlineMark } from './model'
import { canonicalText } from './model'
import { buildPositionIndex, offsetToPos } from './position-map'
import { articleSchema, blocksFromDoc, docFromBlocks } from './schema'

const sample: ArticleBlock[] = [
  { type: 'heading', level: 1, text: 'Alaska summit', marks: [] },
  {
    type: 'paragraph',
    level: 0,
    text: 'Putin said “next time in Moscow” — see the transcript.',
    marks: [
      { type: 'em', start: 11, end: 32 },
      { type: 'strong', start: 11, end: 15 },
      { type: 'link', start: 41, end: 53, href: 'https://example.org/transcript' },
    ],
  },
  { type: 'blockquote', level: 0, text: '引用文です。', marks: [{ type: 'code', start: 0, end: 2 }] },
  { type: 'list_item', level: 0, text: 'first', marks: [], ordered: true },
  { type: 'list_item', level: 0, text: 'bullet', marks: [], ordered: false },
  { type: 'code', level: 0, text: 'const x = 1\n\n  return x', marks: [] },
]

describe('docFromBlocks / blocksFromDoc', () => {
  it('makes one textblock per block, in order, with the right node types and attrs', () => {
    const doc = docFromBlocks(sample)
    expect(doc.childCount).toBe(1)
    const group = doc.child(0)
    expect(group.type.name).toBe('block_group')
    expect(group.childCount).toBe(sample.length)
    expect(group.child(0).type.name).toBe('heading')
    expect(group.child(0).attrs.level).toBe(1)
    expect(group.child(3).attrs.ordered).toBe(true)
    expect(group.child(5).type.name).toBe('code_block')
    group.forEach((node, _offset, i) => {
      expect(node.isTextblock).toBe(true)
      expect(node.textContent).toBe(sample[i]!.text)
    })
    doc.check()
  })

  it('puts block text where the position index says', () => {
    const doc = docFromBlocks(sample)
    const text = canonicalText(sample)
    const offset = text.indexOf('引用文')
    const pos = offsetToPos(buildPositionIndex(sample), offset)
    expect(doc.textBetween(pos, pos + 3)).toBe('引用文')
  })

  it('groups blocks as groupStarts says and counts the numbered blocks before each group', () => {
    const many: ArticleBlock[] = Array.from({ length: 100 }, (_, i) =>
      i % 10 === 0 ? { type: 'heading', level: 2, text: `Section ${i}`, marks: [] } : { type: 'paragraph', level: 0, text: `Paragraph ${i}.`, marks: [] },
    )
    many.splice(40, 0, { type: 'paragraph', level: 0, text: 'x'.repeat(GROUP_MAX_CHARS), marks: [] })
    const doc = docFromBlocks(many)
    doc.check()
    const starts = groupStarts(many.map((b) => b.text.length))
    expect(starts).toEqual([0, GROUP_MAX_BLOCKS, 41, 41 + GROUP_MAX_BLOCKS])
    expect(doc.childCount).toBe(starts.length)
    const numbered: number[] = []
    doc.forEach((group) => numbered.push(group.attrs.numbered as number))
    // Headings at 0, 10, 20, 30 come before the second and third group (the long block closes the
    // second); the fourth follows 41 + 32 blocks holding eight headings (the ninth, at 40, moved to 41).
    expect(numbered).toEqual([0, GROUP_MAX_BLOCKS - 4, 41 - 4, 41 + GROUP_MAX_BLOCKS - 8])
    expect(blocksFromDoc(doc)).toEqual(many)
  })

  it('round-trips blocks with marks', () => {
    expect(blocksFromDoc(docFromBlocks(sample))).toEqual(sample)
  })

  it('property: round-trips arbitrary clean blocks', () => {
    const types: BlockType[] = ['paragraph', 'heading', 'blockquote', 'list_item', 'code']
    const block = fc
      .record({
        type: fc.constantFrom(...types),
        level: fc.integer({ min: 1, max: 6 }),
        text: fc.string({ unit: fc.constantFrom('a', 'b', 'あ', '😀', ' '), minLength: 0, maxLength: 15 }),
        marks: fc.array(
          fc.record({
            type: fc.constantFrom<InlineMark['type']>('em', 'strong', 'code', 'link'),
            start: fc.nat(15),
            end: fc.nat(15),
            href: fc.constantFrom('https://a.example/', 'mailto:x@example.org'),
          }),
          { maxLength: 4 },
        ),
        ordered: fc.boolean(),
      })
      .map(({ type, level, text, marks, ordered }): ArticleBlock => {
        const b: ArticleBlock = {
          type,
          level: type === 'heading' ? level : 0,
          text,
          marks:
            type === 'code'
              ? []
              : cleanMarks(
                  // Links in ProseMirror exclude each other, so keep a single href per block.
                  marks.map((m) => (m.type === 'link' ? { ...m, href: 'https://a.example/' } : { type: m.type, start: m.start, end: m.end })),
                  text.length,
                ),
        }
        if (type === 'list_item') b.ordered = ordered
        return b
      })
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 5 }), (blocks) => {
        expect(blocksFromDoc(docFromBlocks(blocks))).toEqual(blocks)
      }),
    )
  })

  it('ignores marks on code blocks', () => {
    const doc = docFromBlocks([{ type: 'code', level: 0, text: 'x()', marks: [{ type: 'em', start: 0, end: 1 }] }])
    expect(blocksFromDoc(doc)[0]!.marks).toEqual([])
  })

  it('refuses an empty list, unknown types and bad heading levels', () => {
    expect(() => docFromBlocks([])).toThrow(RangeError)
    expect(() => docFromBlocks([{ type: 'table' as BlockType, level: 0, text: 'x', marks: [] }])).toThrow(RangeError)
    expect(() => docFromBlocks([{ type: 'heading', level: 7, text: 'x', marks: [] }])).toThrow(RangeError)
    expect(() => docFromBlocks([{ type: 'heading', level: 0, text: 'x', marks: [] }])).toThrow(RangeError)
  })
})

describe('articleSchema', () => {
  const linkRule = articleSchema.marks.link!.spec.parseDOM![0] as TagParseRule
  const fakeAnchor = (href: string | null) => ({ nodeName: 'A', parentNode: null, getAttribute: () => href }) as never

  it('keeps only http, https and mailto links when parsing', () => {
    expect(linkRule.getAttrs!(fakeAnchor(' https://example.org/a '))).toEqual({ href: 'https://example.org/a' })
    expect(linkRule.getAttrs!(fakeAnchor('mailto:ed@example.org'))).toEqual({ href: 'mailto:ed@example.org' })
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,x', 'vbscript:x', '/relative', '', null]) {
      expect(linkRule.getAttrs!(fakeAnchor(bad)), String(bad)).toBe(false)
    }
  })

  it('renders links with rel and never renders an unsafe href', () => {
    const toDOM = articleSchema.marks.link!.spec.toDOM!
    expect(toDOM(articleSchema.marks.link!.create({ href: 'https://x.example/' }), true)).toEqual([
      'a',
      { href: 'https://x.example/', rel: 'noopener noreferrer nofollow' },
      0,
    ])
    expect(toDOM(articleSchema.marks.link!.create({ href: 'javascript:alert(1)' }), true)).toEqual(['span', 0])
  })

  it('marks list items in an <ol> as ordered', () => {
    const rule = articleSchema.nodes.list_item!.spec.parseDOM![0] as TagParseRule
    const li = (parent: string, dataList: string | null = null) =>
      ({ nodeName: 'LI', parentNode: { nodeName: parent }, getAttribute: () => dataList }) as never
    expect(rule.getAttrs!(li('OL'))).toEqual({ ordered: true })
    expect(rule.getAttrs!(li('UL'))).toEqual({ ordered: false })
    expect(rule.getAttrs!(li('DIV', 'ordered'))).toEqual({ ordered: true })
  })

  it('has no inline node other than text', () => {
    const inline = Object.values(articleSchema.nodes).filter((t) => t.isInline)
    expect(inline.map((t) => t.name)).toEqual(['text'])
  })
})
