import { describe, expect, it } from 'vitest'
import { parseRoute, routeHash } from './routes.js'

describe('parseRoute', () => {
  it.each([
    ['', 'stories', null],
    ['#/', 'stories', null],
    ['#/stories', 'stories', null],
    ['#/stories?q=alliance', 'stories', null],
    ['#/stories/st-0123abcd', 'story', 'st-0123abcd'],
    ['#/articles/ab12?span=3-9', 'article', 'ab12'],
    ['#/entities/person%3A~omar-el-sayed', 'entity', 'person:~omar-el-sayed'],
    ['#/import', 'import', null],
    ['#/articles', 'articles', null],
    ['#/articles?q=ferry&sort=title', 'articles', null],
    ['#/threads', 'threads', null],
    ['#/coverage?q=ferry', 'coverage', null],
    ['#/nowhere', 'not-found', null],
    ['#/entities/%E0%A4%A', 'not-found', null],
    ['#/articles/..', 'not-found', null],
    ['#/articles/%2e%2E', 'not-found', null],
    ['#/stories/%2E', 'not-found', null],
    ['#/articles/..a', 'article', '..a'],
  ] as const)('%s → %s', (hash, name, id) => {
    const route = parseRoute(hash)
    expect([route.name, route.id]).toEqual([name, id])
  })

  it('keeps the query parameters', () => {
    expect(parseRoute('#/articles/x?span=10-20&y=1').query.get('span')).toBe('10-20')
  })
})

describe('routeHash', () => {
  it.each<[Parameters<typeof routeHash>, string]>([
    [['stories'], '#/stories'],
    [['stories', null, { q: 'russia china', entity: '', offset: 25 }], '#/stories?q=russia+china&offset=25'],
    [['entities', 'country:RU'], '#/entities/country%3ARU'],
  ])('%j → %s', (args, expected) => {
    expect(routeHash(...args)).toBe(expected)
  })

  it('round-trips through parseRoute', () => {
    const route = parseRoute(routeHash('entities', 'person:~a/b?c'))
    expect([route.name, route.id]).toEqual(['entity', 'person:~a/b?c'])
  })
})
