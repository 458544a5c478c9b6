import { describe, expect, it } from 'vitest'
import { blockedAddressReason } from './address.js'

describe('blockedAddressReason', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['0.0.0.0', '"this network"'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1%eth0', 'link-local'],
    ['fd12:3456::1', 'unique local'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['ff02::1', 'multicast'],
    ['192.0.2.1', 'reserved'],
    ['::a00:1', 'private'],
    ['2002:a9fe:a9fe::1', 'link-local'],
  ])('address: refuses %s (%s)', (address, why) => {
    expect(blockedAddressReason(address)).toBe(why)
  })

  it.each(['93.184.215.14', '172.32.0.1', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8'])('address: allows public %s', (address) => {
    expect(blockedAddressReason(address)).toBeUndefined()
  })

  it.each(['127.0.0.1', '10.1.2.3', '::1', 'fd12:3456::1'])('address: allowPrivate allows %s', (address) => {
    expect(blockedAddressReason(address, { allowPrivate: true })).toBeUndefined()
  })

  it.each(['169.254.169.254', 'fe80::1', '::ffff:169.254.169.254'])('address: allowPrivate still refuses link-local %s (cloud metadata, issue 10)', (address) => {
    expect(blockedAddressReason(address, { allowPrivate: true })).toBe('link-local')
  })

  it('address: a host name is not an address', () => {
    expect(blockedAddressReason('example.org')).toBe('not an IP address')
  })
})
