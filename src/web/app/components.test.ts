// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { originalLink, pager } from './components.js'

describe('originalLink', () => {
  it.each([
    ['https://example.org/a?b=1', 'A', 'https://example.org/a?b=1'],
    ['http://example.org/', 'A', 'http://example.org/'],
    ['mailto:desk@example.org', 'SPAN', null],
    ['javascript:alert(1)', 'SPAN', null],
    ['/local/file.txt', 'SPAN', null],
    ['https://', 'SPAN', null],
  ] as const)('%s → <%s>', (url, tag, href) => {
    const element = originalLink(url)!
    expect(element.tagName).toBe(tag)
    expect(element.getAttribute('href')).toBe(href)
    if (tag === 'SPAN') expect(element.textContent).toBe(`not a web address: ${url}`)
  })

  it('says an article has no address only when asked', () => {
    expect(originalLink(null)).toBeNull()
    expect(originalLink(undefined, true)!.textContent).toBe('no web address given')
  })
})

describe('pager', () => {
  it('links to the pages around this one and counts the rows shown', () => {
    const nav = pager({ offset: 25, limit: 25, total: 60, items: new Array(25).fill(0) }, (at) => `#/articles?offset=${at}`, 'articles')
    expect([...nav.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['#/articles?offset=0', '#/articles?offset=50'])
    expect(nav.querySelector('.count')!.textContent).toBe('26–50 of 60')
  })
})
