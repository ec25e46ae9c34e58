import { describe, expect, it } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand, MenuState } from '../../shared/bridge/contract'
import { COMMANDS } from '../../renderer/src/commands/command-list'
import { electronAccelerator } from '../../renderer/src/commands/keymap'
import { MAX_RECENT_ITEMS, buildMenuTemplate, type MenuOptions } from './menu'

const LINUX: MenuOptions = { platform: 'linux', isDev: false, appName: 'Critique Workbench' }
const CLOSED: MenuState = { documentOpen: false, recent: [], locale: 'en' }
const OPEN: MenuState = { documentOpen: true, recent: ['アラスカ会談の評価', 'Tom & Jerry'], locale: 'en' }

function build(state: MenuState, options: MenuOptions = LINUX): { menu: MenuItemConstructorOptions[]; sent: MenuCommand[] } {
  const sent: MenuCommand[] = []
  return { menu: buildMenuTemplate(state, (command) => sent.push(command), options), sent }
}

function submenuOf(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  if (item === undefined || !Array.isArray(item.submenu)) throw new Error(`no submenu on ${item?.label}`)
  return item.submenu
}

/** Follow labels down the menu, e.g. ['&File', 'Export', 'Critique Report as PDF…']. */
function find(menu: MenuItemConstructorOptions[], path: string[]): MenuItemConstructorOptions {
  let items = menu
  let found: MenuItemConstructorOptions | undefined
  for (const label of path) {
    found = items.find((item) => item.label === label)
    if (found === undefined) throw new Error(`no item ${label} in ${items.map((i) => i.label ?? i.role).join(', ')}`)
    if (Array.isArray(found.submenu)) items = found.submenu
  }
  if (found === undefined) throw new Error('empty path')
  return found
}

function click(item: MenuItemConstructorOptions): void {
  const handler = item.click as unknown as (() => void) | undefined
  if (handler === undefined) throw new Error(`${item.label} has no click`)
  handler()
}

function allItems(menu: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return menu.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? allItems(item.submenu) : [])])
}

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Help on Linux and Windows', () => {
    expect(build(CLOSED).menu.map((item) => item.label)).toEqual(['&File', '&Edit', '&View', '&Help'])
    expect(build(CLOSED, { ...LINUX, platform: 'win32' }).menu.map((item) => item.label)).toEqual([
      '&File',
      '&Edit',
      '&View',
      '&Help',
    ])
  })

  it.each([
    [['&File', 'Open Article…'], 'CmdOrCtrl+O', 'open-article'],
    [['&File', 'Import Annotations…'], 'CmdOrCtrl+Shift+I', 'import-annotations'],
    [['&File', 'Preferences…'], 'CmdOrCtrl+,', 'preferences'],
    [['&Edit', 'Undo'], 'CmdOrCtrl+Z', 'undo'],
    [['&Edit', 'Redo'], 'CmdOrCtrl+Shift+Z', 'redo'],
    [['&View', 'Command Palette…'], 'CmdOrCtrl+K', 'command-palette'],
    [['&View', 'Library'], 'CmdOrCtrl+L', 'show-library'],
    [['&Help', 'Keyboard Shortcuts'], undefined, 'shortcuts'],
    [['&Edit', 'Find in Article…'], 'CmdOrCtrl+F', 'find-in-article'],
    [['&File', 'Print Article…'], 'CmdOrCtrl+P', 'print-article'],
  ] as const)('%j has accelerator %s and sends %s', (path, accelerator, command) => {
    const { menu, sent } = build(CLOSED)
    const item = find(menu, [...path])
    expect(item.accelerator).toBe(accelerator)
    click(item)
    expect(sent).toEqual([command])
  })

  it('enables every export only while a document is open, each sending its command', () => {
    const exportsClosed = submenuOf(find(build(CLOSED).menu, ['&File', 'Export'])).filter((i) => i.type !== 'separator')
    expect(exportsClosed.map((item) => item.enabled)).toEqual([false, false, false, false, false])

    const { menu, sent } = build(OPEN)
    const exportsOpen = submenuOf(find(menu, ['&File', 'Export'])).filter((i) => i.type !== 'separator')
    expect(exportsOpen.map((item) => item.label)).toEqual([
      'Critique Report as Markdown…',
      'Critique Report as HTML…',
      'Critique Report as PDF…',
      'Critique Report as CSV…',
      'Annotation Set as W3C JSON-LD…',
    ])
    expect(exportsOpen.map((item) => item.enabled)).toEqual([true, true, true, true, true])
    exportsOpen.forEach(click)
    expect(sent).toEqual(['export-report-md', 'export-report-html', 'export-report-pdf', 'export-report-csv', 'export-set-w3c'])
  })

  it('binds exactly the accelerators the command table gives the native menu, each to its command', () => {
    // The renderer leaves these keys to the menu under Electron (commands/keymap.ts hostKeys).
    const { menu, sent } = build(OPEN)
    const bound = new Map<string, MenuCommand>()
    for (const item of allItems(menu).filter((i) => typeof i.accelerator === 'string')) {
      click(item)
      bound.set(item.accelerator as string, sent[sent.length - 1]!)
    }
    const fromTable = new Map(COMMANDS.filter((c) => c.nativeMenu).map((c) => [electronAccelerator(c.keys[0]!), c.id]))
    expect(Object.fromEntries(bound)).toEqual(Object.fromEntries(fromTable))
  })

  it('offers Compare Sets and the Suggestions switch in View while a document is open', () => {
    const closed = build(CLOSED).menu
    expect(find(closed, ['&View', 'Compare Sets…']).enabled).toBe(false)
    expect(find(closed, ['&View', 'Suggestions']).enabled).toBe(false)
    const { menu, sent } = build(OPEN)
    const items = [find(menu, ['&View', 'Compare Sets…']), find(menu, ['&View', 'Suggestions'])]
    expect(items.map((item) => item.enabled)).toEqual([true, true])
    items.forEach(click)
    expect(sent).toEqual(['compare', 'toggle-suggestions'])
  })

  it('lists recent articles (ampersands escaped) and shows a disabled placeholder when there are none', () => {
    const empty = submenuOf(find(build(CLOSED).menu, ['&File', 'Recent']))
    expect(empty).toEqual([{ label: 'No Recent Articles', enabled: false }])

    const { menu, sent } = build(OPEN)
    const recent = submenuOf(find(menu, ['&File', 'Recent']))
    expect(recent.map((item) => item.label)).toEqual(['アラスカ会談の評価', 'Tom && Jerry'])
    recent.forEach(click)
    expect(sent).toEqual(['show-library', 'show-library'])
  })

  it('caps the recent list', () => {
    const many = Array.from({ length: MAX_RECENT_ITEMS + 5 }, (_, i) => `Article ${i}`)
    const recent = submenuOf(find(build({ documentOpen: false, recent: many, locale: 'en' }).menu, ['&File', 'Recent']))
    expect(recent).toHaveLength(MAX_RECENT_ITEMS)
    expect(recent[0]?.label).toBe('Article 0')
  })

  it('uses roles for clipboard, zoom, full screen and quit', () => {
    const roles = allItems(build(CLOSED).menu).map((item) => item.role).filter((role) => role !== undefined)
    for (const role of ['cut', 'copy', 'paste', 'selectAll', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'quit', 'about']) {
      expect(roles).toContain(role)
    }
  })

  it('offers reload and developer tools only in development', () => {
    const rolesIn = (options: MenuOptions): unknown[] => allItems(build(CLOSED, options).menu).map((item) => item.role)
    expect(rolesIn(LINUX)).not.toContain('reload')
    expect(rolesIn(LINUX)).not.toContain('toggleDevTools')
    expect(rolesIn({ ...LINUX, isDev: true })).toContain('reload')
    expect(rolesIn({ ...LINUX, isDev: true })).toContain('toggleDevTools')
  })

  it('on macOS puts Preferences and Quit in the application menu, not in File', () => {
    const mac = build(CLOSED, { ...LINUX, platform: 'darwin' })
    expect(mac.menu.map((item) => item.label)).toEqual(['Critique Workbench', '&File', '&Edit', '&View', '&Help'])
    const fileLabels = submenuOf(find(mac.menu, ['&File'])).map((item) => item.label ?? item.role)
    expect(fileLabels).not.toContain('Preferences…')
    expect(fileLabels).not.toContain('quit')
    const appRoles = submenuOf(mac.menu[0]).map((item) => item.role ?? item.label)
    expect(appRoles).toContain('quit')
    click(find(mac.menu, ['Critique Workbench', 'Preferences…']))
    expect(mac.sent).toEqual(['preferences'])
  })

  it('sends nothing while building', () => {
    expect(build(OPEN).sent).toEqual([])
  })
})

describe('menu language', () => {
  it('speaks Japanese when the renderer does, with mnemonics after the word', () => {
    const labels = buildMenuTemplate({ documentOpen: true, recent: [], locale: 'ja' }, () => undefined, { platform: 'linux', isDev: false, appName: 'Critique Workbench' }).map(
      (m) => m.label,
    )
    expect(labels).toEqual(['ファイル(&F)', '編集(&E)', '表示(&V)', 'ヘルプ(&H)'])
  })
})
