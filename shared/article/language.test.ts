import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { countScripts, detectLanguage } from './language'

describe('detectLanguage', () => {
  it('detects the Japanese seed article', () => {
    const seed = readFileSync(fileURLToPath(new URL('../../fixtures/articles/alaska-summit-2025-08-18.txt', import.meta.url)), 'utf8')
    expect(detectLanguage(seed)).toBe('ja')
  })

  it('detects Japanese with some Latin words in it', () => {
    expect(detectLanguage('ロシア経済は、EUによる厳しい制裁に直面してきた。Trump氏の発言も注目された。')).toBe('ja')
  })

  it('detects English, including accented Latin', () => {
    expect(detectLanguage('Europe’s night trains are back, and the café car is open.')).toBe('en')
  })

  it('does not take Chinese (kanji without kana) for Japanese', () => {
    expect(detectLanguage('这次会谈是在美俄关系紧张的背景下进行的重要对话')).toBe('und')
  })

  it('says und for text without letters, and for other scripts', () => {
    expect(detectLanguage('')).toBe('und')
    expect(detectLanguage('2025-08-18 !!! 123')).toBe('und')
    expect(detectLanguage('Москва и Вашингтон провели переговоры')).toBe('und')
  })

  it('counts letters by script', () => {
    expect(countScripts('かカ漢a1!')).toEqual({ kana: 2, kanji: 1, latin: 1, letters: 4 })
  })
})
