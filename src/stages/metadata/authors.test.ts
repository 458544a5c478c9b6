import { describe, expect, it } from 'vitest'
import { chooseAuthors, isPersonName, splitAuthors } from './authors.js'

describe('splitAuthors', () => {
  it.each([
    ['By Ana Ruiz', ['Ana Ruiz']],
    ['by Ana Ruiz - Senior Reporter', ['Ana Ruiz']],
    ['By Ana Ruiz and Li Wei', ['Ana Ruiz', 'Li Wei']],
    ['Ana Ruiz, Li Wei & Tom Berg', ['Ana Ruiz', 'Li Wei', 'Tom Berg']],
    ['Von Jana Vogel und Max Roth', ['Jana Vogel', 'Max Roth']],
    ['By Staff, Agencies', []],
    ['World Editor', []],
    ['Reuters', []],
    ['Coast Gazette', []],
  ])('authors: splits %s', (byline, expected) => {
    expect(splitAuthors(byline)).toEqual(expected)
  })
})

describe('isPersonName', () => {
  it.each([
    ['Omar van der Berg', true],
    ['Senior Reporter', false],
    ['Jane', false],
  ])('authors: %s is a name: %s', (name, expected) => {
    expect(isPersonName(name)).toBe(expected)
  })
})

describe('chooseAuthors', () => {
  it('authors: reads the byline removal with the span of each name', () => {
    const source = 'Fees rise\nBy Ana Ruiz and Li Wei - Reporters\nThe board met.'
    const start = source.indexOf('By')
    const authors = chooseAuthors(source, [], undefined, [{ span: { start, end: source.indexOf('\nThe') }, reason: 'byline' }])
    expect(authors.map((a) => [a.value, a.basis, source.slice(a.span!.start, a.span!.end)])).toEqual([
      ['Ana Ruiz', 'text:byline', 'Ana Ruiz'],
      ['Li Wei', 'text:byline', 'Li Wei'],
    ])
  })

  it('authors: lists a name once, from the best basis first', () => {
    const source = 'By Ana Ruiz'
    const authors = chooseAuthors(source, [{ field: 'author', value: 'Ana Ruiz', basis: 'meta[name=author]' }, { field: 'author', value: 'Ana Ruiz', basis: 'json-ld:Article.author' }], ['Ana Ruiz'], [{ span: { start: 0, end: 11 }, reason: 'byline' }])
    expect(authors).toHaveLength(1)
    expect(authors[0]).toMatchObject({ value: 'Ana Ruiz', basis: 'json-ld:Article.author', span: { start: 3, end: 11 } })
  })
})
