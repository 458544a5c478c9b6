// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest'
import { h, replaceChildren, safeHref, svg } from './dom.js'

const HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script>'

describe('safeHref', () => {
  it.each([
    ['#/stories/st-1', '#/stories/st-1'],
    ['/api/stories?format=csv', '/api/stories?format=csv'],
    ['https://example.org/a?b=c', 'https://example.org/a?b=c'],
    ['http://example.org/', 'http://example.org/'],
    ['javascript:alert(1)', null],
    [' JavaScript:alert(1)', null],
    ['java\tscript:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['vbscript:msgbox', null],
    ['//evil.example/x', null],
    ['/\\evil.example', null],
    ['relative/path', null],
  ] as const)('%s → %s', (value, expected) => {
    expect(safeHref(value)).toBe(expected)
  })
})

describe('h', () => {
  it('puts markup in as text, never as elements', () => {
    const p = h('p', { title: HOSTILE }, HOSTILE, ['a ', 2])
    expect(p.textContent).toBe(`${HOSTILE}a 2`)
    expect(p.querySelector('img, script')).toBeNull()
    expect(p.getAttribute('title')).toBe(HOSTILE)
  })

  it('drops an href that is not http(s) or in-app', () => {
    expect(h('a', { href: 'javascript:alert(1)' }, 'x').hasAttribute('href')).toBe(false)
    expect(h('a', { href: 'https://example.org/' }, 'x').getAttribute('href')).toBe('https://example.org/')
  })

  it.each(['onclick', 'style', 'src', 'srcdoc', 'formaction'])('refuses the attribute %s given as a string', (name) => {
    expect(() => h('div', { [name]: 'alert(1)' })).toThrow(/allow-list|handler/)
  })

  it.each(['script', 'style', 'iframe', 'object'] as const)('refuses to create <%s>', (tag) => {
    expect(() => h(tag)).toThrow(/never creates/)
  })

  it('wires on<event> functions as listeners', () => {
    const onclick = vi.fn()
    h('button', { onclick }).click()
    expect(onclick).toHaveBeenCalledOnce()
  })

  it('skips null, undefined and false attributes and children', () => {
    const div = h('div', { title: null, hidden: false, 'data-x': undefined }, null, false, undefined, 'ok')
    expect(div.attributes).toHaveLength(0)
    expect(div.textContent).toBe('ok')
  })
})

describe('svg', () => {
  it('creates elements in the SVG namespace with text as text', () => {
    const title = svg('title', null, HOSTILE)
    expect(title.namespaceURI).toBe('http://www.w3.org/2000/svg')
    expect(title.textContent).toBe(HOSTILE)
  })

  it.each(['foreignObject', 'use', 'image', 'feImage', 'set', 'animate', 'animateTransform', 'animateMotion'] as const)('refuses to create <%s>, which could embed markup or rewrite a checked href', (tag) => {
    expect(() => svg(tag)).toThrow(/never creates/)
  })

  it('checks an href on an SVG link like any other', () => {
    expect(svg('a', { href: 'javascript:alert(1)' }).hasAttribute('href')).toBe(false)
    expect(svg('a', { href: '#/articles/a1?span=1-4' }).getAttribute('href')).toBe('#/articles/a1?span=1-4')
  })

  it.each(['xlink:href', 'style', 'onload', 'attributeName'])('refuses the SVG attribute %s given as a string', (name) => {
    expect(() => svg('g', { [name]: 'javascript:alert(1)' })).toThrow(/allow-list|handler/)
  })
})

describe('replaceChildren', () => {
  it('replaces every child', () => {
    const div = h('div', null, 'old', h('span', null, 'old'))
    replaceChildren(div, 'new')
    expect(div.innerHTML).toBe('new')
  })
})
