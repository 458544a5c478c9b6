import { describe, expect, it } from 'vitest'
import type { Removal } from '../../document/index.js'
import { chooseTitle, stripSiteName } from './title.js'

describe('stripSiteName', () => {
  it.each([
    ['Harbour fees rise | Coast Gazette', [], [], 'Harbour fees rise | Coast Gazette'],
    ['Harbour fees rise | Coast Gazette', ['Coast Gazette'], [], 'Harbour fees rise'],
    ['Harbour fees rise - Coast Gazette', ['Coast Gazette - News you can use'], [], 'Harbour fees rise'],
    ['Harbour fees rise - CoastGazette.com', ['coastgazette.com'], [], 'Harbour fees rise'],
    ['Coast Gazette: Harbour fees rise for all boat owners this spring', ['Coast Gazette'], [], 'Harbour fees rise for all boat owners this spring'],
    ['Harbour fees rise | Local | Coast Gazette', [], ['Harbour fees rise'], 'Harbour fees rise'],
    ['Harbour fees rise | Local', [], ['Local'], 'Harbour fees rise | Local'],
    ['Harbour fees rise', ['Coast Gazette'], [], 'Harbour fees rise'],
    ['Fees rise - a plan for 2025 | Coast Gazette', ['Coast Gazette'], [], 'Fees rise - a plan for 2025'],
  ])('title: %s with sites %j and bare titles %j', (title, sites, bare, expected) => {
    expect(stripSiteName(title, sites, bare)).toBe(expected)
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

  it('title: <title> beats a heading that no other source confirms', () => {
    const page = 'Ferry timetable changes\nContents\nThe ferry leaves at nine.'
    const title = chooseTitle({ source: page, candidates: [{ field: 'title', value: 'Ferry timetable changes', basis: 'title' }], removals: [{ span: { start: 24, end: 32 }, reason: 'title' }], blocks: [] })
    expect(title?.value).toBe('Ferry timetable changes')
  })

  it('title: the heading inside <title> is the bare title, and a second title line can be it', () => {
    const page = 'Coast Gazette\n\nHarbour fees rise\nThe board met.'
    const removals: Removal[] = [{ span: { start: 0, end: 13 }, reason: 'title' }, { span: { start: 15, end: 32 }, reason: 'title' }]
    const title = chooseTitle({ source: page, candidates: [{ field: 'title', value: 'Harbour fees rise · Coast Gazette', basis: 'title' }], removals, blocks: [] })
    expect(title).toMatchObject({ value: 'Harbour fees rise', span: { start: 15, end: 32 } })
  })

  it('title: a metadata headline no other source states loses to one that two sources state', () => {
    const title = chooseTitle({
      source: '',
      candidates: [{ field: 'title', value: 'List article', basis: 'json-ld:Article.headline' }, { field: 'title', value: 'Harbour fees rise - Gazette', basis: 'title' }, { field: 'title', value: 'Harbour fees rise', basis: 'itemprop=headline:text' }],
      removals: [],
      blocks: [],
      sites: ['Gazette'],
    })
    expect(title?.value).toBe('Harbour fees rise')
  })

  it('title: strips the site from og:title too, and a <title> that is only the site is no title', () => {
    const candidates = [{ field: 'title' as const, value: 'Gazette', basis: 'title' }, { field: 'title' as const, value: 'Harbour fees rise - Gazette', basis: 'meta[property=og:title]' }]
    expect(chooseTitle({ source: '', candidates, removals: [], blocks: [], sites: ['Gazette'] })?.value).toBe('Harbour fees rise')
  })

  it('title: drops a heading permalink mark', () => {
    const page = 'Install the tool¶\nRun it.'
    expect(chooseTitle({ source: page, candidates: [], removals: [{ span: { start: 0, end: 17 }, reason: 'title' }], blocks: [] })?.value).toBe('Install the tool')
  })
})
