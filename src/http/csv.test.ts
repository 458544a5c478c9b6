import { describe, expect, it } from 'vitest'
import { csvCell, toCsv } from './csv.js'

describe('csv', () => {
  it.each([
    ['plain text', 'Moscow', 'Moscow'],
    ['a comma is quoted', 'Xi, Putin', '"Xi, Putin"'],
    ['quotes are doubled', 'he said "no"', '"he said ""no"""'],
    ['a line break is quoted', 'one\ntwo', '"one\ntwo"'],
    ['a formula start gets a quote mark', '=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['plus', '+1 555', "'+1 555"],
    ['minus in text', '-2 warheads', "'-2 warheads"],
    ['at sign', '@cmd', "'@cmd"],
    ['tab', '\tcmd', "'\tcmd"],
    ['a negative number stays a number', -5, '-5'],
    ['null is empty', null, ''],
    ['undefined is empty', undefined, ''],
    ['an array is JSON, quoted', ['a', 'b'], '"[""a"",""b""]"'],
  ])('csv cell: %s', (_, value, cell) => {
    expect(csvCell(value)).toBe(cell)
  })

  it('csv: a header row, then a row per item, CRLF line ends', () => {
    const rows = [{ id: 'a', n: 1 }, { id: 'b,c', n: 2 }]
    expect(toCsv(rows, [{ header: 'id', value: (r) => r.id }, { header: 'n', value: (r) => r.n }])).toBe('id,n\r\na,1\r\n"b,c",2\r\n')
  })
})
