import { describe, expect, it } from 'vitest'
import { renderCleanText, type CleanLayer } from '../../../document/index.js'
import { extractHtml } from './index.js'
import { renderPage } from './render.js'

const PARAGRAPHS = [
  'The harbour council voted on Tuesday to raise ferry fares by ten percent, citing fuel costs, crew wages and the repair of two ageing vessels.',
  'Commuters who cross twice a day said the rise would cost them, on average, several hundred a year, and a riders group promised to appeal.',
  'The new fares take effect in March, after a month of public hearings, and the council said it would review them again within a year.',
]

function page(body: string, head = '<title>Ferry fares rise - Harbour Post</title>'): string {
  return `<!doctype html><html><head>${head}</head><body>
    <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
    <div class="site"><article class="story">
      <h1>Ferry fares rise</h1>
      ${body}
    </article>
    <footer>Copyright Harbour Post. All rights reserved.</footer></div></body></html>`
}

const ARTICLE = PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')

function bodyOf(html: string): string {
  const { source, clean } = extractHtml(html, {})
  return renderCleanText(source, clean).text
}

function removedWith(source: string, clean: CleanLayer, reason: string): string[] {
  return clean.removed.filter((r) => r.reason === reason).map((r) => source.slice(r.span.start, r.span.end))
}

describe('extractHtml', () => {
  it('html: keeps every paragraph of the article, in order, separated by blank lines', () => {
    expect(bodyOf(page(ARTICLE))).toBe(PARAGRAPHS.join('\n\n'))
  })

  it.each([
    ['navigation', 'Home News Sport'],
    ['footer', 'Copyright Harbour Post'],
    ['headline', 'Ferry fares rise'],
  ])('html: leaves the %s out of the body', (_what, text) => {
    expect(bodyOf(page(ARTICLE))).not.toContain(text)
  })

  it.each([
    ['navigation', 'Home News Sport'],
    ['title', 'Ferry fares rise'],
  ])('html: records the removal with reason %s', (reason, text) => {
    const { source, clean } = extractHtml(page(ARTICLE), {})
    expect(removedWith(source, clean, reason).join(' ')).toContain(text)
  })

  it.each([
    ['<p class="byline">By Mara Quist</p>', 'Mara Quist'],
    ['<p>By Mara Quist and Tobias Wren</p>', 'Mara Quist and Tobias Wren'],
    ['<div class="meta"><a rel="author" class="author" href="/mq">Mara Quist</a></div>', 'Mara Quist'],
  ])('html: removes the byline %s and records it as byline', (byline, name) => {
    const { source, clean } = extractHtml(page(`${byline}\n${ARTICLE}`), {})
    expect(renderCleanText(source, clean).text).not.toContain(name)
    expect(removedWith(source, clean, 'byline').join(' ')).toContain(name)
  })

  it('html: keeps list items as list-item blocks', () => {
    const list = '<ul><li>Single ticket rises to four pounds forty.</li><li>Season ticket rises to ninety pounds.</li></ul>'
    const { source, clean } = extractHtml(page(`${ARTICLE}\n${list}`), {})
    const items = clean.blocks.filter((b) => b.kind === 'list-item').map((b) => b.spans.map((s) => source.slice(s.start, s.end)).join(' '))
    expect(items).toEqual(['Single ticket rises to four pounds forty.', 'Season ticket rises to ninety pounds.'])
  })

  it('html: every block span names its paragraph text in source', () => {
    const { source, clean } = extractHtml(page(ARTICLE), {})
    const texts = clean.blocks.map((b) => b.spans.map((s) => source.slice(s.start, s.end)).join(' '))
    expect(texts).toEqual(PARAGRAPHS)
    for (const b of clean.blocks) expect(b.kind).toBe('paragraph')
  })

  it('html: removals and blocks never overlap', () => {
    const { clean } = extractHtml(page(`<p class="byline">By Mara Quist</p>${ARTICLE}`), {})
    const kept = clean.blocks.flatMap((b) => b.spans)
    for (const r of clean.removed) for (const k of kept) expect(r.span.end <= k.start || k.end <= r.span.start).toBe(true)
  })

  it.each([
    ['<p>Fares rise<script>var tracking = 1</script> again.</p>', 'tracking'],
    ['<style>.story { color: red }</style><p>Fares rise again.</p>', 'color'],
    ['<noscript>Please enable JavaScript</noscript><p>Fares rise again.</p>', 'JavaScript'],
    ['<template><p>Hidden template text</p></template><p>Fares rise again.</p>', 'template'],
  ])('html: script, style, noscript and template text never reach source (%s)', (html, word) => {
    const { source } = extractHtml(`<html><body>${html}</body></html>`, {})
    expect(source).toContain('Fares rise')
    expect(source).not.toContain(word)
  })

  it('html: source holds the whole visible page, navigation and footer included', () => {
    const { source } = extractHtml(page(ARTICLE), {})
    for (const text of ['Home News Sport', 'Copyright Harbour Post', 'Ferry fares rise', PARAGRAPHS[1]!]) expect(source).toContain(text)
  })

  it.each([
    ['Related: Bus fares frozen for a second year', 'related-list'],
    ['Share this story', 'share-prompt'],
    ['Advertisement', 'ad-notice'],
  ])('html: marks the furniture line %j inside the article as %s', (line, reason) => {
    const { source, clean } = extractHtml(page(`${ARTICLE}\n<p>${line}</p>`), {})
    expect(renderCleanText(source, clean).text).not.toContain(line)
    expect(removedWith(source, clean, reason)).toContain(line)
  })

  it('html: a page with a JSON-LD articleBody keeps the article and none of the teaser rail', () => {
    const jsonLd = `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Ferry fares rise', articleBody: PARAGRAPHS.join('\n\n') })}</script>`
    const rail = '<div class="rail"><a href="/a">Bus lanes open on the quay road next week</a><br><a href="/b">Tram trial extended to the old town</a></div>'
    const text = bodyOf(page(`${ARTICLE}\n${rail}`, `<title>Ferry fares rise</title>${jsonLd}`))
    expect(text).toBe(PARAGRAPHS.join('\n\n'))
  })
})

describe('renderPage', () => {
  it.each([
    ['<p>One   two\n three</p>', 'One two three'],
    ['<div>One<p>Two</p>Three</div>', 'One\nTwo\nThree'],
    ['<p>One<br>Two</p>', 'One\nTwo'],
    ['<table><tr><td>A</td><td>B</td></tr><tr><td>C</td></tr></table>', 'A B\nC'],
    ['<p>Fares <b>rose</b>, riders <i>wept</i>.</p>', 'Fares rose, riders wept.'],
  ])('render: %j becomes %j', (html, text) => {
    expect(renderPage(html).source.trimEnd()).toBe(text)
  })

  it('render: each text node span names that node\'s words', () => {
    const page = renderPage('<p>Fares <b>rose  sharply</b> today</p>')
    const words = [...page.spans.values()].map((s) => page.source.slice(s.start, s.end))
    expect(words).toEqual(['Fares', 'rose sharply', 'today'])
  })
})

describe('extractHtml on fragments', () => {
  it.each([
    ['top-level paragraphs', '<p>The ferry operator added two evening crossings on Friday, the port said.</p><p>Tickets for the new crossings go on sale next week, priced as before.</p>'],
    ['paragraphs directly in body', '<html><body><p>The ferry operator added two evening crossings on Friday, the port said.</p><p>Tickets for the new crossings go on sale next week, priced as before.</p></body></html>'],
    ['a page that omits </head> and <body>', '<!doctype html><html><head><meta charset=utf-8><title>Ferry news</title><p>The ferry operator added two evening crossings on Friday, the port said.</p><p>Tickets for the new crossings go on sale next week, priced as before.</p>'],
  ])('html: a feed item of %s keeps its paragraphs', (_name, html) => {
    const { source, clean } = extractHtml(html, {})
    const text = renderCleanText(source, clean).text
    expect(text).toContain('The ferry operator added two evening crossings on Friday')
    expect(text).toContain('Tickets for the new crossings go on sale next week')
  })
})

describe('extractHtml keeps news sentences that start like page furniture', () => {
  const article = (lead: string): string =>
    `<html><body><article><h1>Ferries return</h1><p>The ferry service resumed on Monday after a week of storms closed the harbour to all traffic.</p><p>${lead}</p><p>Operators said timetables would stay reduced until the breakwater repairs are finished in the spring.</p></article></body></html>`

  it.each([
    'By Wednesday the ferries were running again.',
    'Share prices of the operator fell sharply.',
    'Related concerns were raised by the riders group.',
    'Published figures show fares rose ten percent.',
    'The bridge opened on May 3, 2024.',
  ])('html: keeps %j', (lead) => {
    const { source, clean } = extractHtml(article(lead), {})
    expect(renderCleanText(source, clean).text).toContain(lead)
  })

  it.each([
    ['By Ana Ribeiro and Tomas Lind', 'byline'],
    ['Share this article', 'share-prompt'],
    ['Related: Harbour fees to rise', 'related-list'],
    ['Updated 19 Nov 2019 05:44', 'dateline-meta'],
  ])('html: removes %j as %s', (lead, reason) => {
    const { source, clean } = extractHtml(article(lead), {})
    expect(renderCleanText(source, clean).text).not.toContain(lead)
    expect(clean.removed.some((r) => r.reason === reason && source.slice(r.span.start, r.span.end).includes(lead))).toBe(true)
  })
})

describe('extractHtml bylines', () => {
  it('html: author links in a pruned footer are not the article byline', () => {
    const html = `<html><body><article><h1>Harbour fees rise</h1><p class="byline">By <a rel="author" href="/a/ana">Ana Ribeiro</a></p>
      <p>The harbour board raised mooring fees by eight percent on Tuesday, citing the cost of dredging the channel.</p>
      <p>Fishing crews said the rise would fall hardest on the smallest boats, which pay the same flat fee as trawlers.</p></article>
      <footer><ul><li><a rel="author" href="/a/lena">Lena Hart</a></li><li><a rel="author" href="/a/omar">Omar Reyes</a></li></ul></footer></body></html>`
    const { source, clean } = extractHtml(html, {})
    const bylines = clean.removed.filter((r) => r.reason === 'byline').map((r) => source.slice(r.span.start, r.span.end))
    expect(bylines.join(' | ')).toContain('Ana Ribeiro')
    expect(bylines.join(' | ')).not.toMatch(/Lena Hart|Omar Reyes/)
  })
})
