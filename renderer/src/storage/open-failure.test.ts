/**
 * openFailureMessage: what IndexedDB and Dexie throw while opening, turned
 * into the message the user sees. Error shapes are the ones Chromium and
 * Dexie 4 produce (checked in e2e/storage-faults.spec.ts).
 */
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { openFailureMessage } from './database'

const dom = (name: string, message: string) => new DOMException(message, name)

describe('openFailureMessage', () => {
  it.each([
    ['indexedDB.open throwing SecurityError', dom('SecurityError', 'Access to the IndexedDB API is denied in this context.')],
    ['Dexie finding no IndexedDB at all', new Dexie.MissingAPIError('IndexedDB API missing')],
    ['Dexie wrapping a SecurityError', new Dexie.OpenFailedError(dom('SecurityError', 'denied'))],
    // Chromium with "Don't allow sites to save data": open() and databases() both fail like this.
    ['site data blocked by the browser setting', dom('UnknownError', 'The user denied permission to access the database.')],
    ['the same, wrapped by Dexie', new Dexie.OpenFailedError(dom('UnknownError', 'The user denied permission to access the database.'))],
  ])('%s: storage-unavailable, saying how to fix it', (_case, error) => {
    const e = openFailureMessage(error)
    expect(e.code).toBe('storage-unavailable')
    expect(e.userMessage).toMatch(/IndexedDB\) is not available.*Allow site data/)
    expect(e.cause).toBe(error)
  })

  it('keeps other unknown errors apart, with their own text', () => {
    const e = openFailureMessage(dom('UnknownError', 'Internal error opening backing store for indexedDB.open.'))
    expect(e.code).toBe('storage-open-failed')
    expect(e.userMessage).toContain('Internal error opening backing store')
  })

  it('tells a newer database and a failed upgrade apart', () => {
    expect(openFailureMessage(dom('VersionError', 'too new')).code).toBe('storage-newer')
    expect(openFailureMessage(new Dexie.UpgradeError('Upgrade to schema version 3 failed: bug')).code).toBe('storage-upgrade-failed')
  })
})
