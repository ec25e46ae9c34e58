/**
 * The HTML report's stylesheet, inlined into every report so the file stands
 * alone (no external requests) and prints the same in a browser, in Electron's
 * printToPDF and in the CLI's headless Chromium.
 *
 * Stance is marked by text and line style (solid vs dashed), never by colour
 * alone, so a greyscale print or a colour-blind reader loses nothing. Labels
 * are set in sans, the article's words in serif; printed pages are numbered
 * "n / N" in the bottom margin (CSS page-margin boxes, which Chromium prints).
 */

/** CSS of the HTML report. Plain constant; contains no user text. */
export const REPORT_CSS = `
@page { size: A4; margin: 16mm 17mm 18mm; @bottom-center { content: counter(page) " / " counter(pages); font: 8.5pt "Noto Sans CJK JP", sans-serif; color: #666; } }
:root { color-scheme: light; --sans: "Noto Sans CJK JP", "Noto Sans", sans-serif; --rule: #c9c6bd; --soft: #55595f; }
html { font-family: "Noto Serif CJK JP", "Noto Sans CJK JP", serif; font-size: 11pt; line-height: 1.65; color: #1a1a1a; background: #fff; }
body { max-width: 46rem; margin: 2.5rem auto 3rem; padding: 0 1.25rem; }
header { border-bottom: 2px solid #1a1a1a; padding-bottom: 1rem; }
h1 { font-size: 1.65rem; line-height: 1.3; margin: 0 0 0.9rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 0.8rem; padding-bottom: 0.2rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.05rem; margin: 1.6rem 0 0.6rem; }
h4 { font-size: 0.95rem; margin: 0 0 0.45rem; }
h5 { font: 600 0.72rem/1.4 var(--sans); letter-spacing: 0.06em; text-transform: uppercase; color: var(--soft); margin: 0.7rem 0 0.2rem; }
h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
.meta { display: grid; grid-template-columns: max-content 1fr; align-items: baseline; gap: 0.1rem 1.25rem; margin: 0; font-size: 0.92rem; }
.meta dt { font: 600 0.8rem/1.75 var(--sans); color: var(--soft); }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.hash { font-family: ui-monospace, "Noto Sans Mono CJK JP", monospace; font-size: 0.8em; color: var(--soft); }
.counts { list-style: none; padding: 0; margin: 0; columns: 2; column-gap: 2rem; font-size: 0.95rem; }
.counts li { display: flex; justify-content: space-between; gap: 1rem; padding: 0.1rem 0; border-bottom: 1px dotted var(--rule); break-inside: avoid; }
.counts li span:last-child { font-variant-numeric: tabular-nums; font-weight: 600; }
.chart figure { margin: 0; break-inside: avoid; page-break-inside: avoid; }
.stance-chart { max-width: 100%; height: auto; }
.stance-chart text { font-family: var(--sans); font-size: 12px; fill: #1a1a1a; }
.empty, .none { font-style: italic; color: var(--soft); }
:lang(ja), :lang(zh), :lang(ko) { font-style: normal !important; }
.print-instructions { font: 0.95rem/1.5 var(--sans); background: #fff6d6; border: 1px solid #d8c27a; border-radius: 0.3rem; padding: 0.6rem 0.8rem; margin: 0 0 1.2rem; }
.claim p { margin: 0.3rem 0; }
.claim { border-left: 4px solid #3b5b7e; padding: 0.4rem 0 0.4rem 1rem; margin: 0.6rem 0 1.4rem; break-inside: avoid; page-break-inside: avoid; }
.claim-speculative { border-left-style: dashed; border-left-color: #7a5217; }
.claim h3, .claim h4 { font-family: var(--sans); font-size: 0.9rem; }
.badge { display: inline-block; font: 700 0.75rem/1.5 var(--sans); padding: 0 0.45rem; border: 2px solid currentColor; border-radius: 0.25rem; margin: 0 0.3rem; vertical-align: 0.05em; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.badge-evidenced { color: #1d2f44; }
.badge-speculative { color: #5a3b12; border-style: dashed; }
.paragraph { font-weight: normal; color: var(--soft); }
blockquote { margin: 0.3rem 0 0.6rem; padding: 0.45rem 0.8rem; background: #f4f3ee; border-left: 2px solid #8a877f; font-size: 1.03rem; }
blockquote p { margin: 0; }
.user-text { white-space: pre-wrap; overflow-wrap: anywhere; }
.note strong { font: 600 0.8rem var(--sans); color: var(--soft); }
.claim ul { margin: 0.15rem 0; padding-left: 1.2rem; }
.claim li { margin: 0.15rem 0; }
.strength { font: 600 0.8rem var(--sans); }
.source { display: block; color: var(--soft); font-size: 0.92rem; }
a { color: #1d3f8a; overflow-wrap: anywhere; }
.not-linked { color: var(--soft); }
@media print {
  body { max-width: none; margin: 0; padding: 0; }
  .print-instructions { display: none; }
  a { color: inherit; }
}
`.trim()
