import { describe, expect, it } from 'vitest'
import type { Removal } from '../../document/index.js'
import { choosePublisher, findPublisherInText, isOutletName, withoutTagline } from './publisher.js'

describe('findPublisherInText', () => {
  it.each([
    ['Ana Ruiz - Coast Gazette', 'byline', 'Coast Gazette', 'text:byline-outlet'],
    ['Harbour Wire provides the information as is, without warranty.', 'disclaimer', 'Harbour Wire', 'text:disclaimer-provider'],
    ['This piece was first published by the Coast Gazette.', 'republication', 'Coast Gazette', 'text:first-published-by'],
    ['First published by the Valley Courier.', 'republication', 'Valley Courier', 'text:first-published-by'],
    ['Harbour Wire provides this content as is, without warranty of any kind.', 'disclaimer', 'Harbour Wire', 'text:disclaimer-provider'],
    ['(HARBOURWIRE) The board raised the fees on Monday.', 'first-block', 'HARBOURWIRE', 'text:credit'],
  ])('publisher: reads %s', (text, kind, name, basis) => {
    const found = findPublisherInText(text, 10, kind)
    expect(found).toMatchObject({ value: name, basis })
    expect(found!.span!.start - 10).toBe(text.indexOf(name))
  })

  it.each([['Ana Ruiz - World Editor'], ['Ana Ruiz - Li Wei']])('publisher: a role or a person after the byline dash is not an outlet (%s)', (text) => {
    expect(findPublisherInText(text, 0, 'byline')).toBeUndefined()
  })
})

describe('choosePublisher', () => {
  it('publisher: og:site_name beats what the text says', () => {
    const source = 'Harbour Wire provides the information as is.'
    const removals: Removal[] = [{ span: { start: 0, end: source.length }, reason: 'disclaimer' }]
    expect(choosePublisher(source, [{ field: 'publisher', value: 'Coast Gazette', basis: 'meta[property=og:site_name]' }], removals)?.value).toBe('Coast Gazette')
    expect(choosePublisher(source, [], removals)?.value).toBe('Harbour Wire')
  })
})

describe('isOutletName', () => {
  it.each([
    ['Coast Gazette', true],
    ['CoastGazette.com', true],
    ['Jun 2, 2021 4:05 pm UTC', false],
    ['6:45pm', false],
    ['Updated 14.30 Uhr', false],
    ['2016-08-10', false],
    ['https://www.facebook.com/gazette', false],
    ['1234', false],
  ])('publisher: %s can name an outlet: %s', (value, expected) => {
    expect(isOutletName(value)).toBe(expected)
  })

  it('publisher: a byline dash followed by a time is no outlet', () => {
    const source = 'By Ana Ruiz - 6:45pm'
    expect(choosePublisher(source, [], [{ span: { start: 0, end: source.length }, reason: 'byline' }])).toBeUndefined()
  })
})

describe('withoutTagline', () => {
  it('publisher: drops a tagline when a title shows the bare site name', () => {
    expect(withoutTagline('Coast Gazette - News you can use', ['Fees rise | Coast Gazette'])).toBe('Coast Gazette')
    expect(withoutTagline('Coast Gazette - News you can use', ['Fees rise'])).toBe('Coast Gazette - News you can use')
    expect(withoutTagline('Coast Gazette - News you can use', ['Fees rise ✩ Coast Gazette - News you can use'])).toBe('Coast Gazette - News you can use')
  })
})
