import { describe, expect, it } from 'vitest'
import { BridgePayloadError } from '../errors'
import { ExternalUrlSchema, MenuCommandSchema, MenuStateSchema, PickedFileSchema, PrintRequestSchema, SaveRequestSchema, SaveResultSchema, parsePayload } from './validators'

const ok = <S extends Parameters<typeof parsePayload>[1]>(schema: S, value: unknown) => parsePayload('test', schema, value) as Record<string, unknown>
const bad = (schema: Parameters<typeof parsePayload>[1], value: unknown) => () => parsePayload('test', schema, value)

describe('bridge payload validators', () => {
  it('accepts a picked file and refuses paths, empty names and non-bytes', () => {
    expect(ok(PickedFileSchema, { name: 'a.txt', bytes: new Uint8Array([1, 2]) }).name).toBe('a.txt')
    expect(bad(PickedFileSchema, { name: '../etc/passwd', bytes: new Uint8Array() })).toThrow(/must not contain a path/)
    expect(bad(PickedFileSchema, { name: 'C:\\x.txt', bytes: new Uint8Array() })).toThrow(BridgePayloadError)
    expect(bad(PickedFileSchema, { name: '', bytes: new Uint8Array() })).toThrow(/empty/)
    expect(bad(PickedFileSchema, { name: 'a.txt', bytes: [1, 2] })).toThrow(/bytes/)
    expect(bad(PickedFileSchema, { name: 'a.txt', bytes: new Uint8Array(), extra: 1 })).toThrow(BridgePayloadError)
  })

  it('names the channel and the field in its message', () => {
    expect(() => parsePayload('host:save-file', SaveRequestSchema, { suggestedName: 'r.md', mimeType: 'nonsense', data: '' })).toThrow(
      /"host:save-file": mimeType: not a MIME type/,
    )
  })

  it('accepts save requests with text or bytes, and both save results', () => {
    expect(ok(SaveRequestSchema, { suggestedName: 'r.md', mimeType: 'text/markdown;charset=utf-8', data: '# r' }).data).toBe('# r')
    expect(ok(SaveRequestSchema, { suggestedName: 'r.pdf', mimeType: 'application/pdf', data: new Uint8Array([37]) }).mimeType).toBe('application/pdf')
    expect(parsePayload('test', SaveResultSchema, { status: 'cancelled' })).toEqual({ status: 'cancelled' })
    expect(bad(SaveResultSchema, { status: 'saved' })).toThrow(BridgePayloadError)
  })

  it('lets only http, https and mailto out as external links', () => {
    for (const url of ['https://example.org/a?b=c', 'http://example.org', 'mailto:someone@example.org']) expect(parsePayload('test', ExternalUrlSchema, url)).toBe(url)
    expect(parsePayload('test', ExternalUrlSchema, 'mailto:someone@example.org?subject=Hi')).toBe('mailto:someone@example.org?subject=Hi')
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'https://exa mple.org',
      'data:text/html,x',
      `https://${'a'.repeat(3000)}.org`,
      'mailto:someone@example.org?attach=/etc/passwd',
      'mailto:someone@example.org?body=x',
      'mailto:someone@example.org?subject=Hi&body=x',
    ]) {
      expect(bad(ExternalUrlSchema, url)).toThrow(BridgePayloadError)
    }
  })

  it('knows the menu commands and the menu state', () => {
    expect(parsePayload('test', MenuCommandSchema, 'export-report-pdf')).toBe('export-report-pdf')
    expect(bad(MenuCommandSchema, 'rm -rf')).toThrow(BridgePayloadError)
    expect(ok(MenuStateSchema, { documentOpen: true, recent: ['アラスカ'], locale: 'ja' }).locale).toBe('ja')
    expect(bad(MenuStateSchema, { documentOpen: true, recent: [], locale: 'fr' })).toThrow(BridgePayloadError)
    expect(bad(MenuStateSchema, { documentOpen: true, recent: Array(21).fill('x'), locale: 'en' })).toThrow(BridgePayloadError)
  })

  it('caps the size of a report sent for printing', () => {
    expect(ok(PrintRequestSchema, { html: '<p>x</p>', suggestedName: 'r.pdf' }).html).toBe('<p>x</p>')
    expect(bad(PrintRequestSchema, { html: 1, suggestedName: 'r.pdf' })).toThrow(BridgePayloadError)
  })
})
