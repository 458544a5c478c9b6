import { describe, expect, it } from 'vitest'
import { hashBytes, makeDocumentId, uniqueRecordKeys } from './identity.js'

describe('identity', () => {
  it('hashBytes: is the SHA-256 hex of the bytes', () => {
    expect(hashBytes(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })

  it('makeDocumentId: is deterministic, 24 hex chars, and differs by record key', () => {
    const blob = hashBytes(new TextEncoder().encode('two items'))
    expect(makeDocumentId(blob, '')).toMatch(/^[0-9a-f]{24}$/)
    expect(makeDocumentId(blob, '')).toBe(makeDocumentId(blob, ''))
    expect(makeDocumentId(blob, 'a')).not.toBe(makeDocumentId(blob, 'b'))
  })

  it.each([
    [['a', 'b'], ['a', 'b']],
    [['a', 'a', 'a'], ['a', 'a#2', 'a#3']],
    [['a', 'a', 'a#2'], ['a', 'a#2', 'a#2#2']],
  ])('uniqueRecordKeys: numbers repeated keys %j', (keys, expected) => {
    expect(uniqueRecordKeys(keys)).toEqual(expected)
  })
})
