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
    ['By ANA RUIZ June 2, 2021 4:05 PM', ['ANA RUIZ']],
    ['by Ana Ruiz14 Feb 2020', ['Ana Ruiz']],
    ['Ana Ruiz, Updated 9:05 am', ['Ana Ruiz']],
    ['Written by Ana Ruiz Edited by Li Wei', ['Ana Ruiz']],
    ['Ana Ruiz —', ['Ana Ruiz']],
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

  it('authors: byline elements count only when metadata and the text name no one, the first byline element only', () => {
    const elements = [
      { field: 'author' as const, value: 'By Ana Ruiz', basis: '[class~=byline]:text' },
      { field: 'author' as const, value: 'By Tom Berg', basis: '[class~=byline]:text' },
    ]
    expect(chooseAuthors('', elements, undefined, []).map((a) => a.value)).toEqual(['Ana Ruiz'])
    expect(chooseAuthors('', [...elements, { field: 'author', value: 'Li Wei', basis: 'meta[name=author]' }], undefined, []).map((a) => a.value)).toEqual(['Li Wei'])
    expect(chooseAuthors('', [...elements, { field: 'author', value: 'Li Wei', basis: 'a[rel=author]:text' }], undefined, []).map((a) => a.value)).toEqual(['Li Wei'])
  })

  it('authors: bylines far below the article\'s own belong to related articles', () => {
    const related = '\n'.repeat(300)
    const source = `By Ana Ruiz\nand Li Wei\nThe board met.${related}By Tom Berg`
    const at = (s: string) => ({ start: source.indexOf(s), end: source.indexOf(s) + s.length })
    const removals = [{ span: at('By Ana Ruiz'), reason: 'byline' as const }, { span: at('and Li Wei'), reason: 'byline' as const }, { span: at('By Tom Berg'), reason: 'byline' as const }]
    expect(chooseAuthors(source, [], undefined, removals).map((a) => a.value)).toEqual(['Ana Ruiz', 'Li Wei'])
  })
})
