/**
 * PostgreSQL's `text` holds well-formed UTF-8 without NUL; a Dossier string may hold either (a
 * JSON Lines "\u0000" or a lone "\ud800" escape). Such a string is stored as a marker character
 * then its JSON form (NUL and lone surrogates escaped, so plain UTF-8), and read back code unit
 * for code unit. U+FFFF is a noncharacter, reserved by Unicode for uses like this one: a string
 * that itself begins with it is escaped too, so reading back is never ambiguous.
 *
 * Equal strings encode to equal values, so a filter on an encoded column (a story member's
 * outlet) compares as SQLite's does.
 */
const MARKER = '\uffff'
const UNSAFE = /[\0\p{Cs}]/u

/**
 * @example
 * toPgText('a\0b') // '\uffff"a\\u0000b"'
 * fromPgText(toPgText('a\ud800b')) === 'a\ud800b' // true
 */
export function toPgText(text: string): string {
  return UNSAFE.test(text) || text.startsWith(MARKER) ? MARKER + JSON.stringify(text) : text
}

export function fromPgText(value: string): string {
  return value.startsWith(MARKER) ? (JSON.parse(value.slice(1)) as string) : value
}

export function toPgTextOrNull(text: string | null | undefined): string | null {
  return text === undefined || text === null ? null : toPgText(text)
}

export function fromPgTextOrNull(value: string | null): string | null {
  return value === null ? null : fromPgText(value)
}
