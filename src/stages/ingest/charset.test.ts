import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { UnreadableInputError } from '../../errors.js'
import { charsetOfContentType, decodeText, findUtf16ByNulPattern } from './charset.js'

const RUSSIAN = 'Президент выступил во вторник с посланием парламенту и сказал, что страна приостанавливает участие в договоре.'
const FRENCH = "Le président est arrivé à Moscou lundi pour une visite d'État de trois jours; les deux dirigeants ont signé une déclaration."
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s)
const cp1251 = (s: string): Uint8Array => iconv.encode(s, 'windows-1251')

describe('decodeText', () => {
  it.each([
    ['a UTF-8 byte-order mark', Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Café')]), undefined, 'Café', 'utf-8', 'bom'],
    ['a UTF-16LE byte-order mark', Uint8Array.from([0xff, 0xfe, ...iconv.encode('Мир', 'utf-16le')]), undefined, 'Мир', 'utf-16le', 'bom'],
    ['an HTTP charset', cp1251(RUSSIAN), 'text/plain; charset=windows-1251', RUSSIAN, 'windows-1251', 'http'],
    ['a <meta charset>', cp1251(`<meta charset="windows-1251"><p>${RUSSIAN}</p>`), undefined, `<meta charset="windows-1251"><p>${RUSSIAN}</p>`, 'windows-1251', 'meta'],
    ['a meta http-equiv', cp1251(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><p>${RUSSIAN}`), undefined, `<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><p>${RUSSIAN}`, 'windows-1251', 'meta'],
    ['an XML declaration', iconv.encode(`<?xml version="1.0" encoding="ISO-8859-1"?><rss>${FRENCH}</rss>`, 'latin1'), undefined, `<?xml version="1.0" encoding="ISO-8859-1"?><rss>${FRENCH}</rss>`, 'windows-1252', 'xml-declaration'],
    ['valid UTF-8', utf8(RUSSIAN), undefined, RUSSIAN, 'utf-8', 'valid-utf8'],
    ['detection on undeclared windows-1251', cp1251(RUSSIAN), undefined, RUSSIAN, 'windows-1251', 'detected'],
    ['detection on undeclared ISO-8859-1', iconv.encode(FRENCH, 'latin1'), undefined, FRENCH, 'windows-1252', 'detected'],
  ])('charset: decodes by %s', (_, bytes, contentType, text, name, basis) => {
    const decoded = decodeText('page', bytes, contentType)
    expect(decoded.text).toBe(text)
    expect(decoded.charset).toMatchObject({ name, basis })
  })

  it('charset: the HTTP charset wins over a <meta> declaration', () => {
    const bytes = cp1251(`<meta charset="utf-8"><p>${RUSSIAN}</p>`)
    expect(decodeText('page', bytes, 'text/html; charset=windows-1251').charset.basis).toBe('http')
  })

  it('charset: a declared legacy charset on valid UTF-8 bytes reads as UTF-8, with a warning', () => {
    const decoded = decodeText('page', utf8(`<meta charset="windows-1251"><p>${RUSSIAN}</p>`))
    expect(decoded.charset).toMatchObject({ name: 'utf-8', basis: 'valid-utf8' })
    expect(decoded.warnings[0]).toMatch(/declared charset windows-1251/)
  })

  it('charset: declared UTF-8 that is latin-1 reads as windows-1252, with a warning (issue 10, finding 15)', () => {
    const decoded = decodeText('page', Uint8Array.from([...utf8('<meta charset="utf-8">Caf'), 0xe9, ...utf8(' ouvert')]))
    expect(decoded.text).toBe('<meta charset="utf-8">Café ouvert')
    expect(decoded.charset).toMatchObject({ name: 'windows-1252', basis: 'detected' })
    expect(decoded.warnings[0]).toMatch(/declared charset utf-8 \(meta\) does not fit the bytes; read as windows-1252/)
  })

  it('charset: declared UTF-8 with bytes windows-1252 does not define either is decoded lossily, with a warning', () => {
    const decoded = decodeText('page', Uint8Array.from([...utf8('<meta charset="utf-8">Caf'), 0xe9, 0x81, ...utf8(' ouvert')]))
    expect(decoded.text).toBe('<meta charset="utf-8">Caf\uFFFD ouvert')
    expect(decoded.charset.confidence).toBeLessThan(1)
    expect(decoded.warnings[0]).toMatch(/U\+FFFD/)
  })

  it('charset: a few stray high bytes in ASCII text read as windows-1252', () => {
    const decoded = decodeText('page', Uint8Array.from([...utf8('The ferry timetable changes on Monday, the council said. Caf'), 0xe9, ...utf8(' prices stay the same.')]))
    expect(decoded.text).toContain('Café')
    expect(decoded.charset).toMatchObject({ name: 'windows-1252', basis: 'detected' })
  })

  it('charset: undeclared bytes that fit no charset with confidence are rejected with INPUT_BAD_ENCODING', () => {
    // Deterministic noise of high bytes: chardet scores such bytes as a CJK charset at up to ~35%.
    let seed = 7
    const noise = Uint8Array.from({ length: 400 }, () => 0x80 | (seed = (seed * 1103515245 + 12345) % 2147483648) >> 16)
    expect(() => decodeText('noise.txt', noise)).toThrow(expect.objectContaining({ code: 'INPUT_BAD_ENCODING', message: expect.stringContaining('noise.txt') }) as UnreadableInputError)
  })

  it.each([
    ['ASCII text', utf8('The council met on Tuesday.')],
    ['binary with NULs on both sides', Uint8Array.from([0x89, 0x50, 0, 0, 0x0d, 0, 0, 0x1a, 0, 0x0a, 0x00, 0x00])],
  ])('findUtf16ByNulPattern: %s is not UTF-16', (_, bytes) => {
    expect(findUtf16ByNulPattern(bytes)).toBeUndefined()
  })

  it.each([
    ['text/html; charset=UTF-8', 'utf-8'],
    ['text/html;charset="ISO-8859-1"', 'windows-1252'],
    ['text/html', undefined],
    ['text/html; charset=no-such-thing', undefined],
  ])('charsetOfContentType: reads %s', (contentType, name) => {
    expect(charsetOfContentType(contentType)).toBe(name)
  })
})
