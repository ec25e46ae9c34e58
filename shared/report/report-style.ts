/**
 * The HTML report's stylesheet, inlined into every report so the file stands
 * alone (no external requests) and prints the same in a browser, in Electron's
 * printToPDF and in the CLI's headless Chromium.
 *
 * Stance is marked by text and line style (solid vs dashed), never by colour
 * alone, so a greyscale print or a colour-blind reader loses nothing.
 */

/** CSS of the HTML report. Plain constant; contains no user text. */
export const REPORT_CSS = `
@page { size: A4; margin: 18mm 16mm 20mm; }
:root { color-scheme: light; }
html { font-family: "Noto Serif CJK JP", "Noto Sans CJK JP", serif; font-size: 11pt; line-height: 1.6; color: #1a1a1a; background: #fff; }
body { max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; line-height: 1.3; margin: 0 0 0.75rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.75rem; border-bottom: 1px solid #999; padding-bottom: 0.2rem; }
h3 { font-size: 1.1rem; margin: 1.75rem 0 0.5rem; }
h4 { font-size: 1rem; margin: 0 0 0.5rem; }
h5 { font-size: 0.95rem; margin: 0.75rem 0 0.25rem; }
h2, h3, h4, h5 { break-after: avoid; page-break-after: avoid; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; margin: 0; }
.meta dt { font-weight: bold; }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.hash { font-family: ui-monospace, "Noto Sans Mono CJK JP", monospace; font-size: 0.9em; }
.counts { list-style: none; padding: 0; margin: 0; }
.counts li { display: flex; justify-content: space-between; max-width: 24rem; border-bottom: 1px dotted #bbb; }
.chart figure { margin: 0; break-inside: avoid; page-break-inside: avoid; }
.stance-chart { max-width: 100%; height: auto; }
.stance-chart text { font-size: 13px; fill: #1a1a1a; }
.empty, .none { font-style: italic; color: #444; }
.claim p { margin: 0.3rem 0; }
.claim { border-left: 4px solid #3b5b7e; padding: 0.5rem 0 0.5rem 0.9rem; margin: 0 0 1.25rem; break-inside: avoid; page-break-inside: avoid; }
.claim-speculative { border-left-style: dashed; border-left-color: #7a5217; }
.badge { display: inline-block; font-size: 0.8rem; font-weight: bold; padding: 0 0.45rem; border: 2px solid currentColor; border-radius: 0.25rem; margin: 0 0.35rem; vertical-align: 0.1em; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.badge-evidenced { color: #1d2f44; }
.badge-speculative { color: #5a3b12; border-style: dashed; }
.paragraph { font-weight: normal; color: #444; }
blockquote { margin: 0.25rem 0 0.5rem; padding: 0.25rem 0.75rem; background: #f4f4f1; border-left: 2px solid #888; }
blockquote p { margin: 0; }
.user-text { white-space: pre-wrap; overflow-wrap: anywhere; }
.claim ul { margin: 0.2rem 0; padding-left: 1.25rem; }
.claim li { margin: 0.15rem 0; }
.strength { font-weight: bold; }
.source { display: block; color: #333; }
a { color: #1d3f8a; overflow-wrap: anywhere; }
.not-linked { color: #444; }
@media print {
  body { max-width: none; margin: 0; padding: 0; }
  a { color: inherit; }
}
`.trim()
