import { describe, expect, it } from 'vitest'
import { chooseDefaultFolder, userDataOverride } from './app-paths'

describe('userDataOverride', () => {
  it('honours absolute paths only', () => {
    expect(userDataOverride('/tmp/profile')).toBe('/tmp/profile')
    expect(userDataOverride('/tmp/a/../profile/')).toBe('/tmp/profile/')
    expect(userDataOverride('')).toBeNull()
    expect(userDataOverride('  ')).toBeNull()
    expect(userDataOverride('profile')).toBeNull()
  })
})

describe('chooseDefaultFolder', () => {
  it('prefers Documents and falls back to home', () => {
    expect(chooseDefaultFolder({ getPath: (name: string) => `/home/u/${name}` } as never)).toBe('/home/u/documents')
    const noDocuments = {
      getPath: (name: string) => {
        if (name === 'documents') throw new Error('no documents folder')
        return '/home/u'
      },
    }
    expect(chooseDefaultFolder(noDocuments as never)).toBe('/home/u')
  })
})
