import { describe, expect, it } from 'vitest'
import { NameIndex, nameKey } from './names.js'

describe('nameKey', () => {
  it.each([
    ['The Élysée', 'Elysee'],
    ['Kim Jong-un', 'Kim Jong Un'],
    ['Côte d’Ivoire', "Cote d'Ivoire"],
    ['  Sergey   Lavrov ', 'sergey lavrov'],
    ['Recep Tayyip Erdoğan', 'Recep Tayyip Erdogan'],
  ])('gazetteer names: "%s" and "%s" share a key', (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b))
  })

  it('gazetteer names: keeps "the" inside a name', () => {
    expect(nameKey('Saint Vincent and the Grenadines')).toBe('saint vincent and the grenadines')
  })
})

describe('NameIndex', () => {
  const index = new NameIndex<string>()
  index.add(['Congo', 'Republic of the Congo'], 'CG')
  index.add(['Congo', 'DRC'], 'CD')

  it('gazetteer names: finds the one record a name means', () => {
    expect(index.one('drc')).toBe('CD')
  })

  it('gazetteer names: leaves a shared name ambiguous', () => {
    expect([index.one('Congo'), index.all('Congo')]).toEqual([undefined, ['CG', 'CD']])
  })

  it('gazetteer names: lists the ambiguous keys', () => {
    expect([...index.ambiguous().keys()]).toEqual(['congo'])
  })
})
