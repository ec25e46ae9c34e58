import { describe, it, expect } from 'vitest'
import MarkdownIt from 'markdown-it'
import { FIGURE_DEFINITIONS } from './definitions'
import { escapeMarkdownInline, renderComparisonMarkdown } from './report-md'
import { hostileReportInputs } from './test-support'

describe('escapeMarkdownInline', () => {
  it('backslash-escapes inline syntax and flattens line breaks', () => {
    expect(escapeMarkdownInline('a|b *c* <d> [e] `f` &g; # h\ni\\')).toBe(
      'a\\|b \\*c\\* \\<d\\> \\[e\\] \\`f\\` \\&g; \\# h i\\\\',
    )
    expect(escapeMarkdownInline('米露首脳会談')).toBe('米露首脳会談')
  })
})

describe('renderComparisonMarkdown', () => {
  const md = new MarkdownIt({ html: true })
  const { comparison, consensus } = hostileReportInputs()
  const markdown = renderComparisonMarkdown(comparison, { consensus, title: 'Alaska <summit>' })
  const html = md.render(markdown)

  it('lets no user-provided markup through, even with raw HTML enabled', () => {
    expect(html).not.toMatch(/<script|<img|<b>|<em>bold|<code>code|<a |<h1>heading/i)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('&amp;amp;')
    expect(html).toContain('<h1>Alaska &lt;summit&gt;</h1>')
  })

  it('keeps every table row as wide as its header despite `|` in the data', () => {
    const tokens = md.parse(markdown, {})
    let header = 0
    let cells = 0
    let tables = 0
    for (const token of tokens) {
      if (token.type === 'table_open') tables++
      if (token.type === 'tr_open') cells = 0
      if (token.type === 'th_open' || token.type === 'td_open') cells++
      if (token.type === 'tr_close') {
        if (header === 0) header = cells
        expect(cells).toBe(header)
      }
      if (token.type === 'table_close') header = 0
    }
    expect(tables).toBe(4) // sets, figures, confusion, adjudication
  })

  it('prints figures with their definitions, the confusion matrix and the disagreements', () => {
    expect(markdown).toContain(`| Aligned pairs | 1 | ${escapeMarkdownInline(FIGURE_DEFINITIONS.aligned)} |`)
    // One pair, A speculative / B evidenced: p_o = 0, p_e = 0, κ = 0.
    expect(markdown).toContain("| Cohen's κ (stance) | 0.000 |")
    expect(markdown).toContain("| Krippendorff's α (nominal) | 0.000 (1 unit, 2 sets) |")
    expect(markdown).toContain('| **speculative** | 1 | 0 | 0 |')
    expect(markdown).toContain('| **none** | 0 | 1 | 0 |')
    expect(markdown).toContain('## Disagreements (2)')
    expect(markdown).toContain('1. **Stance conflict** (characters 13–50)')
    expect(markdown).toContain('   - **A** (Alice \\| \\<b\\>team\\</b\\>): *speculative* — “')
    expect(markdown).toContain('   - **B** (Bob): *evidenced* — “')
    expect(markdown).toContain('2. **Only in B** (characters 60–80)')
  })

  it('lists adjudication decisions with their reasons', () => {
    expect(markdown).toContain('## Adjudication (1 decision)')
    expect(markdown).toContain('1 disagreement was left undecided')
    expect(markdown).toContain('| kept A | Because \\<script\\>x\\</script\\> \\| and more |')
    expect(renderComparisonMarkdown(comparison)).not.toContain('## Adjudication')
  })

  it('is deterministic and ends with a single newline', () => {
    expect(renderComparisonMarkdown(comparison, { consensus })).toBe(renderComparisonMarkdown(comparison, { consensus }))
    expect(markdown.endsWith('|\n')).toBe(true)
  })
})
