import { describe, expect, it } from 'vitest'
import { aSet } from '../../../shared/claims/test-builders'
import { followedFrom, serverOfContainer, staleFollowedSets } from './followed-server'

const followed = (id: string, iri: string) => aSet({ id, followed: { iri, owner: 'Aiko', etag: null } })

describe('which server a followed set is refreshed from', () => {
  const own = aSet({ id: 'own' })
  const current = followed('current', 'https://team.example.org/annotations/sets/s1/')
  const old1 = followed('old1', 'http://127.0.0.1:8787/sets/s2/')
  const old2 = followed('old2', 'http://127.0.0.1:8787/sets/s3/')
  const other = followed('other', 'http://10.0.0.5:8787/sets/s4/')
  // A server whose URL begins like the configured one's is another server.
  const lookalike = followed('lookalike', 'https://team.example.org/annotations-old/sets/s5/')

  it('reads the server of a container IRI, under a path prefix too', () => {
    expect(serverOfContainer(current.followed!.iri)).toBe('https://team.example.org/annotations')
    expect(serverOfContainer(old1.followed!.iri)).toBe('http://127.0.0.1:8787')
  })

  it('tells a set followed from the configured server from one followed elsewhere, and never counts the analyst’s own', () => {
    expect(followedFrom(current, 'https://team.example.org/annotations')).toBe(true)
    expect(followedFrom(lookalike, 'https://team.example.org/annotations')).toBe(false)
    expect(followedFrom(current, null)).toBe(false)
    expect(followedFrom(own, 'https://team.example.org/annotations')).toBe(false)
  })

  it('groups the stale sets by the server they came from, in order of first appearance; with no server configured every followed set is stale', () => {
    const sets = [own, old1, current, other, old2, lookalike]
    expect(staleFollowedSets(sets, 'https://team.example.org/annotations').map((g) => [g.server, g.sets.map((s) => s.id)])).toEqual([
      ['http://127.0.0.1:8787', ['old1', 'old2']],
      ['http://10.0.0.5:8787', ['other']],
      ['https://team.example.org/annotations-old', ['lookalike']],
    ])
    expect(staleFollowedSets(sets, null).flatMap((g) => g.sets.map((s) => s.id))).toEqual(['old1', 'old2', 'current', 'other', 'lookalike'])
    expect(staleFollowedSets([own, current], 'https://team.example.org/annotations')).toEqual([])
  })
})
