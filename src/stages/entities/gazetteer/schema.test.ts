import { describe, expect, it } from 'vitest'
import { checkSchema, type JsonSchema } from './schema.js'

const PERSON: JsonSchema = {
  type: 'object',
  required: ['id', 'born'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[a-z-]+$' },
    born: { type: ['string', 'null'], pattern: '^\\d{4}$' },
    kind: { enum: ['a', 'b'] },
    tags: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true, minItems: 1 },
    friend: { $ref: '#/$defs/ref' },
  },
  $defs: { ref: { type: 'integer' } },
}

describe('checkSchema', () => {
  it.each([
    ['a valid record', { id: 'ada', born: '1815' }],
    ['null where the type allows it', { id: 'ada', born: null }],
    ['a $ref to an integer', { id: 'ada', born: null, friend: 3 }],
  ])('gazetteer schema: accepts %s', (_case, value) => {
    expect(checkSchema(value, PERSON)).toEqual([])
  })

  it.each([
    ['a missing required property', { id: 'ada' }, 'missing required property "born"'],
    ['an unexpected property', { id: 'ada', born: null, age: 3 }, 'unexpected property "age"'],
    ['a wrong type', { id: 7, born: null }, '$.id: expected string, got number'],
    ['a pattern mismatch', { id: 'Ada', born: null }, 'does not match'],
    ['a value outside the enum', { id: 'ada', born: null, kind: 'c' }, 'is not one of'],
    ['an empty string under minLength', { id: 'ada', born: null, tags: [''] }, '$.tags[0]: shorter than 1'],
    ['a duplicate item', { id: 'ada', born: null, tags: ['x', 'x'] }, 'duplicate item'],
    ['too few items', { id: 'ada', born: null, tags: [] }, 'fewer than 1 items'],
    ['a non-integer through $ref', { id: 'ada', born: null, friend: 1.5 }, '$.friend: expected integer'],
  ])('gazetteer schema: reports %s', (_case, value, problem) => {
    expect(checkSchema(value, PERSON).join('\n')).toContain(problem)
  })

  it('gazetteer schema: rejects a $ref it cannot resolve', () => {
    expect(() => checkSchema(1, { $ref: 'other.json#/x' })).toThrow(/cannot be resolved/)
  })
})
