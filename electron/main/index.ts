/**
 * Main process entry: wires the pieces together in the order Electron needs.
 * Before `ready`: userData override, sandbox for every renderer, the `app://`
 * scheme's privileges, the single-instance lock, the web-contents guard.
 * After: session lock-down, the bundle handler, IPC, menu, the window.
 */
import { BrowserWindow, Menu, app, dialog, ipcMain, session, shell } from 'electron'
import { join } from 'node:path'
import { CHANNELS, type MenuCommand, type MenuState } from '../../shared/bridge/contract'
import { resolveLocale, type Locale } from '../../shared/i18n/catalog'
import { APP_ENTRY_URL } from './app-scheme'
import { chooseDefaultFolder, userDataOverride } from './app-paths'
import { pickFile, saveFile } from './host-files'
import { registerHostIpc } from './ipc'
import { teamFetch } from './team-fetch'
import { buildMenuTemplate } from './menu'
import { devServerOrigin, isSafeExternalUrl } from './navigation-policy'
import { printToPdf } from './pdf-export'
import { registerAppSchemePrivileges, serveBundle } from './protocol'
import { lockDownSession } from './session-policy'
import { articlePathFromArgv, claimSingleInstance, sendArticleFile } from './single-instance'
import { isTrustedSender } from './trusted-sender'
import { guardWebContents } from './web-contents-guard'
import { createMainWindow } from './window'

const APP_TITLE = 'Critique Workbench'
// Built layout: out/main/index.js beside out/preload/index.js and out/renderer/.
const PRELOAD_PATH = join(__dirname, '../preload/index.js')
const BUNDLE_ROOT = join(__dirname, '../renderer')

const overriddenUserData = userDataOverride(app.commandLine.getSwitchValue('user-data-dir'))
if (overriddenUserData !== null) app.setPath('userData', overriddenUserData)

app.enableSandbox()
registerAppSchemePrivileges()

const devOrigin = devServerOrigin(app.isPackaged, process.env['ELECTRON_RENDERER_URL'])
let mainWindow: BrowserWindow | null = null
/** The system's UI language; English if Electron cannot tell yet (some platforms answer only after ready). */
function systemLocale(): Locale {
  try {
    return resolveLocale(app.getPreferredSystemLanguages())
  } catch {
    return 'en'
  }
}

// Until the renderer reports its language, follow the system's.
let menuState: MenuState = { documentOpen: false, recent: [], locale: systemLocale() }
// Paths asked for before the window exists (command line, macOS open-file before ready).
const pendingPaths: string[] = []

function showOpenError(message: string): void {
  console.error(`[open] ${message}`)
  if (app.isReady()) dialog.showErrorBox('Could not open the article', message)
}

function openPath(path: string): void {
  if (mainWindow === null || mainWindow.isDestroyed()) pendingPaths.push(path)
  else void sendArticleFile(mainWindow, path, showOpenError)
}

function sendMenuCommand(command: MenuCommand): void {
  if (mainWindow !== null && !mainWindow.isDestroyed()) mainWindow.webContents.send(CHANNELS.menuCommand, command)
}

function installMenu(): void {
  const template = buildMenuTemplate(menuState, sendMenuCommand, {
    platform: process.platform,
    isDev: !app.isPackaged,
    appName: APP_TITLE,
  })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}

function openMainWindow(): void {
  const window = createMainWindow({
    preloadPath: PRELOAD_PATH,
    boundsFile: join(app.getPath('userData'), 'window-state.json'),
    title: APP_TITLE,
  })
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null
  })
  mainWindow = window
  void window.loadURL(devOrigin === null ? APP_ENTRY_URL : (process.env['ELECTRON_RENDERER_URL'] ?? APP_ENTRY_URL))
  for (const path of pendingPaths.splice(0)) void sendArticleFile(window, path, showOpenError)
}

async function start(): Promise<void> {
  await app.whenReady()
  lockDownSession(session.defaultSession, { enforceCsp: devOrigin === null })
  serveBundle(session.defaultSession, BUNDLE_ROOT)
  registerHostIpc(
    ipcMain,
    {
      pickFile: (kind, sender) => pickFile(kind, BrowserWindow.fromWebContents(sender), menuState.locale),
      saveFile: (request, sender) =>
        saveFile(request, BrowserWindow.fromWebContents(sender), chooseDefaultFolder(app), menuState.locale),
      printToPdf: (request, sender) =>
        printToPdf(request, BrowserWindow.fromWebContents(sender), chooseDefaultFolder(app)),
      openExternal: async (url) => {
        if (!isSafeExternalUrl(url)) return false
        await shell.openExternal(url)
        return true
      },
      teamFetch: (request) => teamFetch(request),
      setMenuState: (state) => {
        menuState = state
        installMenu()
      },
    },
    (event) => isTrustedSender(event, devOrigin),
  )
  installMenu()
  const firstPath = articlePathFromArgv(process.argv, { defaultApp: process.defaultApp === true, cwd: process.cwd() })
  if (firstPath !== null) pendingPaths.push(firstPath)
  openMainWindow()
}

if (!claimSingleInstance(app, { getWindow: () => mainWindow, openPath })) {
  app.quit()
} else {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, devOrigin))
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openMainWindow()
  })
  start().catch((error: unknown) => {
    console.error('[main] failed to start', error)
    dialog.showErrorBox('Critique Workbench could not start', error instanceof Error ? error.message : String(error))
    app.exit(1)
  })
}
