import { describe, expect, it } from 'vitest'
import { hasVisibleText } from './html.js'

describe('hasVisibleText', () => {
  it.each([
    ['<p>Unclosed <b>bold <div>and a stray </span>', true],
    ['plain words, no tags', true],
    ['<html><head><title>Only a title</title></head><body>  </body></html>', false],
    ['<script>var story = "not shown"</script><style>p{}</style>', false],
    ['<div><img src="a.png"></div>', false],
    ['<!doctype html><html><head><meta charset=utf-8><title>Omitted head end</title><p>The body text follows.</p>', true],
  ])('html: %j has visible text: %s', (html, expected) => {
    expect(hasVisibleText(html)).toBe(expected)
  })
})

describe('hasVisibleText on deep markup', () => {
  it('reads text under 100,000 nested elements, and finds none where there is none', () => {
    const depth = 100_000
    expect(hasVisibleText(`${'<b>'.repeat(depth)}words${'</b>'.repeat(depth)}`)).toBe(true)
    expect(hasVisibleText(`${'<b>'.repeat(depth)}<script>x()</script>${'</b>'.repeat(depth)}`)).toBe(false)
  })
})
