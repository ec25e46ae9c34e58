/**
 * Preload entry (runs sandboxed, before the page): exposes the host bridge as
 * `window.critiqueHost` through `contextBridge` and nothing else.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { HOST_BRIDGE_GLOBAL, createHostApi } from './api'

contextBridge.exposeInMainWorld(HOST_BRIDGE_GLOBAL, createHostApi(ipcRenderer, process.platform))
