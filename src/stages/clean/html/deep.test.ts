import { parseDocument } from 'htmlparser2'
import { render } from 'dom-serializer'
import { describe, expect, it } from 'vitest'
import { renderCleanText } from '../../../document/index.js'
import { collectPageCandidatesFromDom } from '../../metadata/page.js'
import { extractHtml } from './index.js'
import { TopFirstStack, linearParser, parseHtml } from './parse.js'

const ARTICLE = [
  'The harbour council voted on Tuesday to raise ferry fares by ten percent, citing fuel costs, crew wages and the repair of two ageing vessels.',
  'Commuters who cross twice a day said the rise would cost them, on average, several hundred a year, and a riders group promised to appeal.',
].map((p) => `<p>${p}</p>`).join('')

/** `levels` nested copies of `open`/`close` around the article; closing tags left out when `close` is empty. */
function nested(open: string, close: string, levels: number): string {
  return `<html><head><title>Ferry fares rise</title></head><body>${open.repeat(levels)}${ARTICLE}${close.repeat(levels)}</body></html>`
}

describe('HTML extraction on deep nesting (issue 10: recursion overflowed from 3,000 levels)', () => {
  it.each([
    ['<b>', '</b>', 3_000],
    ['<b>', '</b>', 100_000],
    ['<div>', '</div>', 100_000],
    ['<div class="content">', '', 20_000],
    ['<table><tr><td>', '', 10_000],
    ['<span><a rel="author">Ann Lee</a>', '</span>', 20_000],
    ['<time>', '</time>', 20_000],
  ])('extracts the article from %s nested %s×%i', (open, close, levels) => {
    const { source, clean, dom } = extractHtml(nested(open, close, levels), {})
    expect(renderCleanText(source, clean).text).toContain('ferry fares by ten percent')
    expect(() => collectPageCandidatesFromDom(dom, {})).not.toThrow()
  })

  // Where the article sits in a list, a heading or an image, it is not kept; the page still reads.
  it.each([
    ['<ul><li>', 20_000],
    ['<h1>', 20_000],
    ['<h2 class="sidebar"><section>', 10_000],
    ['<svg><foreignObject>', 10_000],
  ])('reads a page of %s nested ×%i', (open, levels) => {
    const { dom } = extractHtml(nested(open, '', levels), {})
    expect(collectPageCandidatesFromDom(dom, {})).toContainEqual({ field: 'title', value: 'Ferry fares rise', basis: 'title' })
  })
})

describe('parseHtml (htmlparser2 with constant-time stacks)', () => {
  it.each([
    '<p>a<b>b<i>c</b>d</p><svg><foreignObject><p>x</p></foreignObject><title>t</title></svg>',
    '<form><form><p>q</table></form><div><p>one<p>two<ul><li>a<li>b</ul></div></span></i>z',
    '<math><mi>x</mi></math><svg><linearGradient/><foreignobject><b>y</svg>tail',
    '<table><tr><td>1<td>2<tr><td>3</table><select><option>a<option>b</select>',
    '<b><b><b>x</b>',
  ])('builds the same DOM as parseDocument: %s', (html) => {
    expect(render(parseHtml(html))).toBe(render(parseDocument(html, { decodeEntities: true })))
  })
})

describe('linearParser on the installed htmlparser2', () => {
  it('takes over the parser\'s open-element stack (a release shaped otherwise would fall back to the quadratic one)', () => {
    const parser = linearParser({}, { decodeEntities: true }) as unknown as { stack: unknown }
    expect(parser.stack).toBeInstanceOf(TopFirstStack)
  })
})
