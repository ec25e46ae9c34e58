/**
 * The validator in a real browser: the generated suite code and the JSON
 * modules load through Vite, and nothing needs `eval` (the page below runs
 * the validator with a CSP that forbids it).
 */
import { describe, expect, it } from 'vitest'
import seedSet from '../../fixtures/w3c/seed-set.jsonld?raw'
import { parseAnnotationFile, validateW3cDocument } from '.'

describe('W3C validation in the browser', () => {
  it('validates and imports the seed set', () => {
    const report = validateW3cDocument(JSON.parse(seedSet))
    expect(report.failures).toEqual([])
    expect(report.annotations).toBe(4)
    expect(parseAnnotationFile(seedSet, 'seed-set.jsonld').items).toHaveLength(4)
  })

  it('runs under a CSP without unsafe-eval', async () => {
    const { js } = await import('./generated/suite-validators.js?raw').then((m: { default: string }) => ({ js: m.default }))
    const frame = document.createElement('iframe')
    const source = URL.createObjectURL(new Blob([js], { type: 'text/javascript' }))
    frame.srcdoc = `<meta http-equiv="Content-Security-Policy" content="script-src blob: 'unsafe-inline'">
      <script type="module">
        import { suiteValidators } from '${source}';
        let evalBlocked = false;
        try { new Function('return 1')() } catch { evalBlocked = true }
        const ok = suiteValidators['annotations/3.1-annotationIdValidated.json'].validate({ id: 'urn:uuid:x' });
        const bad = suiteValidators['annotations/3.1-annotationIdValidated.json'].validate({ id: 'not a uri' });
        parent.postMessage({ evalBlocked, ok, bad }, '*');
      </script>`
    const result = new Promise<{ evalBlocked: boolean; ok: boolean; bad: boolean }>((resolve) => {
      window.addEventListener('message', (e: MessageEvent) => resolve(e.data as { evalBlocked: boolean; ok: boolean; bad: boolean }), { once: true })
    })
    document.body.append(frame)
    expect(await result).toEqual({ evalBlocked: true, ok: true, bad: false })
    frame.remove()
    URL.revokeObjectURL(source)
  })
})
