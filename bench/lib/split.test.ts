import { describe, expect, it } from 'vitest'
import { splitOf } from './split.js'

describe('splitOf', () => {
  it('puts about 30 % of names in the held-back split, the same on every call', () => {
    const names = Array.from({ length: 1000 }, (_, i) => `${String(i).padStart(4, '0')}.html.gz`)
    const held = names.filter((n) => splitOf(n) === 'held-back').length
    expect(held).toBeGreaterThan(250)
    expect(held).toBeLessThan(350)
    expect(names.map(splitOf)).toEqual(names.map(splitOf))
  })
})
