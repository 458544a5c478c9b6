import { describe, expect, it } from 'vitest'
import { ResponseCache } from './cache.js'

describe('response cache', () => {
  it('cache: requests that arrive while a value is computed share the one computation', async () => {
    const cache = new ResponseCache()
    let runs = 0
    const compute = async (): Promise<string> => {
      runs++
      await new Promise((r) => setTimeout(r, 5))
      return 'brief'
    }
    const values = await Promise.all([cache.get('st-1|v1', compute), cache.get('st-1|v1', compute), cache.get('st-1|v1', compute)])
    expect(values).toEqual(['brief', 'brief', 'brief'])
    expect(runs).toBe(1)
  })

  it('cache: a new version of the key is computed again', async () => {
    const cache = new ResponseCache()
    await cache.get('st-1|v1', async () => 'old')
    expect(await cache.get('st-1|v2', async () => 'new')).toBe('new')
  })

  it('cache: a failure is not kept', async () => {
    const cache = new ResponseCache()
    await expect(cache.get('k', async () => { throw new Error('disk') })).rejects.toThrow('disk')
    expect(await cache.get('k', async () => 'ok')).toBe('ok')
  })

  it('cache: past its capacity the least recently used goes first', async () => {
    const cache = new ResponseCache(2)
    await cache.get('a', async () => 'A')
    await cache.get('b', async () => 'B')
    await cache.get('a', async () => 'not computed')
    await cache.get('c', async () => 'C')
    expect(cache.size).toBe(2)
    expect(await cache.get('a', async () => 'again')).toBe('A')
    expect(await cache.get('b', async () => 'B again')).toBe('B again')
  })
})
