import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { CATALOGS } from '../../../shared/i18n/catalog'
import type { TeamProblem } from '../../../shared/team/client'
import { teamProblemText } from './problem-text'

function tIn(lng: 'en' | 'ja') {
  const i18n = i18next.createInstance()
  void i18n.init({
    resources: { en: { translation: CATALOGS.en }, ja: { translation: CATALOGS.ja } },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    initAsync: false,
  })
  return i18n.t.bind(i18n)
}

const URL = 'https://team.example'
const missingSet: TeamProblem = { kind: 'not-found', status: 0, missing: 'set', message: 'The set to share is no longer in the library.' }
const missingArticle: TeamProblem = { kind: 'not-found', status: 0, missing: 'article', message: 'The article is no longer in the library.' }
const goneOnServer: TeamProblem = { kind: 'not-found', status: 404, message: 'No container sets/x/.' }

describe('teamProblemText', () => {
  it('says a set or article missing from this library in Japanese, with no English inside', () => {
    const t = tIn('ja')
    for (const problem of [missingSet, missingArticle]) {
      const text = teamProblemText(t, problem, URL)
      expect(text).not.toMatch(/[A-Za-z]{3,}/)
      expect(text).toContain('ライブラリ')
    }
    expect(teamProblemText(t, missingSet, URL)).toContain('セット')
    expect(teamProblemText(t, missingArticle, URL)).toContain('記事')
  })

  it('tells a set missing here from a set gone from the server', () => {
    const t = tIn('en')
    expect(teamProblemText(t, missingSet, URL)).toMatch(/no longer in this library/)
    expect(teamProblemText(t, missingArticle, URL)).toMatch(/open article is no longer in this library/)
    expect(teamProblemText(t, goneOnServer, URL)).toMatch(/team server no longer has this set/)
  })
})
