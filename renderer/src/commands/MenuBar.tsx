/**
 * The in-app menu bar the browser host shows in place of a native menu: File,
 * Edit, View, Help with the same commands and shortcuts. Keyboard: arrows move
 * between menus and items, Enter/Space runs, Escape closes (menubar pattern).
 */
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { COMMANDS, type CommandId } from './command-list'
import { isMacPlatform, keyLabel } from './keymap'

const MENUS = ['file', 'edit', 'view', 'help'] as const

export function MenuBar({ isEnabled, onRun }: { isEnabled(id: CommandId): boolean; onRun(id: CommandId): void }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState<number | null>(null)
  const bar = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (open === null) return
    const close = (e: MouseEvent) => {
      if (!bar.current?.contains(e.target as Node)) setOpen(null)
    }
    window.addEventListener('mousedown', close)
    return () => window.removeEventListener('mousedown', close)
  }, [open])

  useEffect(() => {
    if (open === null) return
    bar.current?.querySelector<HTMLElement>(`#menu-${MENUS[open]} [role='menuitem']:not(:disabled)`)?.focus()
  }, [open])

  const items = (menu: (typeof MENUS)[number]) => COMMANDS.filter((c) => c.menu === menu)

  const onMenuKey = (e: React.KeyboardEvent, index: number) => {
    const menuItems = Array.from(bar.current?.querySelectorAll<HTMLElement>(`#menu-${MENUS[index]} [role='menuitem']:not(:disabled)`) ?? [])
    const at = menuItems.indexOf(document.activeElement as HTMLElement)
    if (e.key === 'ArrowDown') menuItems[(at + 1) % menuItems.length]?.focus()
    else if (e.key === 'ArrowUp') menuItems[(at - 1 + menuItems.length) % menuItems.length]?.focus()
    else if (e.key === 'ArrowRight') setOpen((index + 1) % MENUS.length)
    else if (e.key === 'ArrowLeft') setOpen((index - 1 + MENUS.length) % MENUS.length)
    else if (e.key === 'Escape') {
      setOpen(null)
      bar.current?.querySelectorAll<HTMLElement>('.menubar-button')[index]?.focus()
    } else return
    e.preventDefault()
    e.stopPropagation()
  }

  return (
    <div className="menubar" role="menubar" aria-label={t('app.workbenchNav')} ref={bar}>
      {MENUS.map((menu, index) => (
        <div key={menu} className="menubar-item">
          <button
            type="button"
            role="menuitem"
            className="menubar-button"
            aria-haspopup="menu"
            aria-expanded={open === index}
            onClick={() => setOpen(open === index ? null : index)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') {
                e.preventDefault()
                setOpen(index)
              } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                e.preventDefault()
                const buttons = bar.current?.querySelectorAll<HTMLElement>('.menubar-button')
                buttons?.[(index + (e.key === 'ArrowRight' ? 1 : MENUS.length - 1)) % MENUS.length]?.focus()
              }
            }}
          >
            {t(`menu.${menu}`)}
          </button>
          {open === index && (
            <ul id={`menu-${menu}`} role="menu" aria-label={t(`menu.${menu}`)} className="menu-popup" onKeyDown={(e) => onMenuKey(e, index)}>
              {items(menu).map((c) => (
                <li key={c.id} role="none">
                  {c.groupStart && <div role="separator" />}
                  <button
                    type="button"
                    role="menuitem"
                    disabled={!isEnabled(c.id)}
                    onClick={() => {
                      setOpen(null)
                      onRun(c.id)
                    }}
                  >
                    <span>{t(c.labelKey)}</span>
                    {c.keys[0] && <span className="menu-shortcut">{keyLabel(c.keys[0], isMacPlatform())}</span>}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </div>
  )
}
