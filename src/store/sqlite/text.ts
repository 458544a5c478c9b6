// A lone surrogate (a JSON Lines "\ud800" escape can make one) has no UTF-8 form: SQLite would
// store three replacement characters, and every span after it would point at the wrong text.
const LONE_SURROGATE = /\p{Cs}/u

/** A string as a TEXT column holds it: the string itself, or its UTF-16LE bytes when it is not well-formed Unicode. */
export type StoredText = string | Buffer

/**
 * Prepares a string for a TEXT column so it reads back code unit for code unit.
 *
 * @example
 * fromStoredText(toStoredText('a\ud800b')) === 'a\ud800b' // true
 */
export function toStoredText(text: string): StoredText {
  return LONE_SURROGATE.test(text) ? Buffer.from(text, 'utf16le') : text
}

export function fromStoredText(value: StoredText): string {
  return typeof value === 'string' ? value : value.toString('utf16le')
}

export function toStoredTextOrNull(text: string | undefined): StoredText | null {
  return text === undefined ? null : toStoredText(text)
}
