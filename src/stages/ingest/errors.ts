import { UnreadableInputError, type InputErrorCode } from '../../errors.js'

/** Thrown inside ingest when one input cannot be read; `readBytes` turns it into a failed result. */
export function rejectInput(input: string, code: InputErrorCode, reason: string): never {
  throw new UnreadableInputError(input, reason, code)
}
