import { describe, expect, it } from 'vitest'
import { allowedHostsOption } from './corpus.js'

describe('serve options', () => {
  it.each([
    ['repeated --allow-host, the env var unread', ['a.test', 'b.test:8443'], 'c.test', ['a.test', 'b.test:8443']],
    ['no --allow-host: the env var, comma-separated', undefined, ' c.test , d.test:80 ,', ['c.test', 'd.test:80']],
    ['neither', undefined, undefined, []],
  ])('allow-host: %s', (_, option, env, hosts) => {
    expect(allowedHostsOption(option, env)).toEqual(hosts)
  })
})
