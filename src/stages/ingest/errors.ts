import { UnreadableInputError, type InputErrorCode } from '../../errors.js'
import { escapeControlChars } from './names.js'

/**
 * Thrown inside ingest when one input cannot be read; `readBytes` turns it into a failed result.
 * The reason may quote the input (a URL, a broken line): it is printed on one line, escaped.
 */
export function rejectInput(input: string, code: InputErrorCode, reason: string): never {
  throw new UnreadableInputError(input, escapeControlChars(reason), code)
}
