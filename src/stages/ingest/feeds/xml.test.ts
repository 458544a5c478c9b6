import { describe, expect, it } from 'vitest'
import { flattenDeepTags, innerXml, parseXml, textOf } from './xml.js'

describe('flattenDeepTags', () => {
  it('feeds: leaves markup of ordinary depth as it is', () => {
    const xml = '<rss><channel><item><title>A</title><br/></item></channel></rss>'
    expect(flattenDeepTags(xml)).toBe(xml)
  })

  it('feeds: drops the tags nested past 256, keeping their text, so the parser never holds more open elements', () => {
    const out = flattenDeepTags(`<d>${'<b>'.repeat(1000)}x<i/>${'</b>'.repeat(1000)}</d>`)
    expect(out).toBe(`<d>${'<b>'.repeat(255)}x${'</b>'.repeat(255)}</d>`)
  })
})

describe('parseXml', () => {
  it('feeds: names resolve through their namespace, text and CDATA decode once, xml:base resolves down the tree', () => {
    const { root } = parseXml('<x:rss xmlns:x="http://backend.userland.com/rss2" xmlns:q="http://purl.org/dc/elements/1.1/" xml:base="https://a.example/n/"><x:item xml:base="m/"><q:creator>A &amp; B</q:creator><x:title><![CDATA[&amp; <b>]]></x:title></x:item></x:rss>')
    const item = root!.children[0] as Exclude<(typeof root & object)['children'][number], string>
    expect([root!.name, item.name, item.base]).toEqual(['rss', 'item', 'https://a.example/n/m/'])
    expect(item.children.map((c) => (typeof c === 'string' ? c : [c.name, textOf(c)]))).toEqual([['dc:creator', 'A & B'], ['title', '&amp; <b>']])
  })

  it('feeds: inline XHTML serialises back to markup without its prefixes', () => {
    const { root } = parseXml('<c><h:p xmlns:h="http://www.w3.org/1999/xhtml">1 &lt; 2 <h:br/></h:p></c>')
    expect(innerXml(root!)).toBe('<p>1 &lt; 2 <br/></p>')
  })
})
