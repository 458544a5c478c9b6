import { describe, expect, it } from 'vitest'
import { sampleBrief } from '../../../test/helpers/briefs.js'
import { renderHtml } from './html.js'

const { brief } = sampleBrief()
const html = renderHtml(brief)

describe('brief: HTML', () => {
  it('brief html: a standalone page with a CSP that allows no script', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect(html).toContain('<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;')
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\son\w+=/i)
  })

  it('brief html: source text is escaped wherever it appears', () => {
    expect(html).toContain('<h1>Ferry returns to Port Alder &lt;script&gt;alert(1)&lt;/script&gt; &amp; [7] | *stars*</h1>')
    expect(html).toContain('<title>Ferry returns to Port Alder &lt;script&gt;')
  })

  it('brief html: every citation mark links to an entry of the sources list', () => {
    const targets = new Set([...html.matchAll(/<li id="source-(\d+)">/g)].map((m) => m[1]))
    const links = [...html.matchAll(/<a href="#source-(\d+)">\[(\d+)\]<\/a>/g)]
    expect(links.length).toBeGreaterThan(10)
    for (const [, target, shown] of links) {
      expect(target).toBe(shown)
      expect(targets.has(target)).toBe(true)
    }
  })

  it('brief html: says what the Markdown says (summary, quotes, facts, conflicts, timeline)', () => {
    for (const s of brief.summary) expect(html).toContain(s.text.replace(/&/g, '&amp;'))
    expect(html).toContain('<strong>Ines Valk (harbour master)</strong>: “The hull is sound”')
    expect(html).toContain('<h3>⚠ cost of the ferry repair</h3>')
    expect(html).toContain('<li>contradiction: $2 million vs $3 million for the same measure and definition')
    expect(html).toContain('<td>Ola Brant (mayor)</td><td>against</td>')
  })

  it.each([
    ['an http URL', 'https://harbour.example/ferry', true],
    ['a script URL', 'javascript:alert(1)', false],
    ['a file name', 'ferry.txt', false],
  ])('brief html: a source located by %s is linked only when it is a web address', (_what, location, linked) => {
    const page = renderHtml({ ...brief, sources: brief.sources.map((s, i) => (i === 0 ? { ...s, location } : s)) })
    expect(page.includes(`href="${location}"`)).toBe(linked)
    expect(page).toContain(location)
  })
})
