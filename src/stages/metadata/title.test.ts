import { describe, expect, it } from 'vitest'
import type { Removal } from '../../document/index.js'
import { chooseTitle, stripSiteName } from './title.js'

describe('stripSiteName', () => {
  it.each([
    ['Harbour fees rise | Coast Gazette', undefined, 'Harbour fees rise'],
    ['Harbour fees rise - Coast Gazette', 'Coast Gazette', 'Harbour fees rise'],
    ['Coast Gazette: Harbour fees rise for all boat owners this spring', 'Coast Gazette', 'Harbour fees rise for all boat owners this spring'],
    ['Harbour fees rise', undefined, 'Harbour fees rise'],
    ['Fees rise - a plan for 2025 | Coast Gazette', 'Coast Gazette', 'Fees rise - a plan for 2025'],
  ])('title: strips the site from %s', (title, site, expected) => {
    expect(stripSiteName(title, site)).toBe(expected)
  })
})

describe('chooseTitle', () => {
  const source = 'Home > News\nHarbour fees\nrise again\nThe board met on Monday.'
  const at = (s: string) => ({ start: source.indexOf(s), end: source.indexOf(s) + s.length })

  it('title: og:title beats <title>', () => {
    const title = chooseTitle({ source, candidates: [{ field: 'title', value: 'Fees | Gazette', basis: 'title' }, { field: 'title', value: 'Harbour fees rise', basis: 'meta[property=og:title]' }], removals: [], blocks: [] })
    expect(title).toMatchObject({ value: 'Harbour fees rise', basis: 'meta[property=og:title]' })
  })

  it('title: joins a hard-wrapped title line and keeps its span', () => {
    const removals: Removal[] = [{ span: at('Harbour fees'), reason: 'title' }, { span: at('rise again'), reason: 'title' }]
    const title = chooseTitle({ source, candidates: [], removals, blocks: [] })
    expect(title).toMatchObject({ value: 'Harbour fees rise again', basis: 'text:title-line', span: { start: at('Harbour fees').start, end: at('rise again').end } })
  })

  it('title: falls back to the first heading block', () => {
    const title = chooseTitle({ source, candidates: [], removals: [], blocks: [{ kind: 'heading', spans: [at('rise again')] }] })
    expect(title).toMatchObject({ value: 'rise again', basis: 'text:first-heading' })
  })
})
