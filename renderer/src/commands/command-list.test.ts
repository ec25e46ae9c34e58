import { describe, expect, it } from 'vitest'
import { CATALOGS, messageAt } from '../../../shared/i18n/catalog'
import { MENU_COMMANDS } from '../../../shared/bridge/contract'
import { COMMANDS, matchCommands } from './command-list'

describe('command list', () => {
  it('has a label in every language for every command', () => {
    for (const c of COMMANDS) {
      expect(messageAt(CATALOGS.en, c.labelKey), c.labelKey).not.toBeNull()
      expect(messageAt(CATALOGS.ja, c.labelKey), c.labelKey).not.toBeNull()
    }
  })

  it('offers every native menu command', () => {
    const ids = COMMANDS.map((c) => c.id)
    for (const m of MENU_COMMANDS) expect(ids).toContain(m)
  })

  it('matches every word of the query, in label or id', () => {
    const list = [
      { id: 'export-report-md', label: 'Export report as Markdown' },
      { id: 'export-report-csv', label: 'Export report as CSV' },
      { id: 'show-library', label: 'Go to library' },
    ]
    expect(matchCommands(list, 'export rep').map((c) => c.id)).toEqual(['export-report-md', 'export-report-csv'])
    expect(matchCommands(list, 'csv EXPORT').map((c) => c.id)).toEqual(['export-report-csv'])
    expect(matchCommands(list, '')).toHaveLength(3)
    expect(matchCommands(list, 'nothing')).toEqual([])
  })
})
