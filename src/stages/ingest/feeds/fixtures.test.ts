import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readFeed } from '../feeds.js'
import { sniffTextFormat } from '../sniff.js'
import { summariseEntry } from './model.js'

// Feed shapes written from the RSS 0.90/0.91/1.0/2.0, Atom 0.3/1.0, JSON Feed 1/1.1 and CDF specs;
// each NAME.expected.json holds what the spec says each item's fields are.
const DIR = join(import.meta.dirname, '../../../../test/fixtures/feeds')
const FIXTURES = readdirSync(DIR).filter((f) => !f.endsWith('.expected.json')).sort()

describe('readFeed: feed shapes from the specifications', () => {
  it.each(FIXTURES)('feeds: %s reads every item and field as its spec says', (name) => {
    const text = readFileSync(join(DIR, name), 'utf8')
    const expected = JSON.parse(readFileSync(join(DIR, name.replace(/\.[a-z]+$/, '.expected.json')), 'utf8')) as { kind: string; warnings: number; items: unknown[] }
    const feed = readFeed(name, text, sniffTextFormat(text, name) as 'rss', `https://feeds.example/${name}`)
    expect(feed.kind).toBe(expected.kind)
    expect(feed.warnings).toHaveLength(expected.warnings)
    expect(feed.items.map((i) => summariseEntry(i.entry))).toEqual(expected.items)
  })
})
