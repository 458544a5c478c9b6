import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import type { UnreadableInputError } from '../../errors.js'
import { gunzipCapped, isGzip } from './gzip.js'

const TEXT = 'The ferry resumed service after the storm. '.repeat(40)
const zipped = gzipSync(TEXT)

describe('gunzipCapped', () => {
  it('gzip: decompresses every member of a multi-member file', () => {
    const out = gunzipCapped('two.gz', Buffer.concat([zipped, gzipSync('And the bridge reopened.')]), 1 << 20)
    expect(Buffer.from(out).toString()).toBe(`${TEXT}And the bridge reopened.`)
  })

  it.each([
    ['truncated data', zipped.subarray(0, zipped.length - 20), 1 << 20, 'INPUT_BAD_GZIP', /truncated/],
    ['corrupt data', Buffer.concat([zipped.subarray(0, 10), Buffer.alloc(40, 0x55)]), 1 << 20, 'INPUT_BAD_GZIP', /corrupt/],
    ['a bomb past the cap', gzipSync(Buffer.alloc(4 << 20)), 1 << 20, 'INPUT_GZIP_BOMB', /expands past the 1048576-byte limit/],
  ])('gzip: rejects %s', (_, bytes, cap, code, reason) => {
    expect(() => gunzipCapped('x.gz', bytes, cap)).toThrow(expect.objectContaining({ code, message: expect.stringMatching(reason) }) as UnreadableInputError)
  })

  it('isGzip: checks the magic bytes, not the name', () => {
    expect(isGzip(zipped)).toBe(true)
    expect(isGzip(Buffer.from(TEXT))).toBe(false)
  })
})
