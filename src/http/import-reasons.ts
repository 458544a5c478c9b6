import type { InputErrorCode } from '../errors.js'

/**
 * Why an import input was refused, in the words a web user reads. The library's own messages
 * name server paths (an upload's temporary file), addresses it resolved and CLI flags; those
 * stay in the server log, and the page gets the sentence its stable code stands for.
 */
const INPUT_REASONS: Readonly<Partial<Record<InputErrorCode, string>>> = {
  INPUT_UNREADABLE: 'It could not be read as an article.',
  INPUT_NOT_FOUND: 'It was not found.',
  INPUT_EMPTY: 'It is empty.',
  INPUT_BINARY: 'It is not text (an image, an archive or a program?).',
  INPUT_TOO_LARGE: 'It is larger than this server accepts.',
  INPUT_BAD_ENCODING: 'Its characters could not be decoded: it is not UTF-8 and declares no other character set.',
  INPUT_BAD_GZIP: 'It is a broken or cut-off gzip file.',
  INPUT_GZIP_BOMB: 'Unzipped, it would be larger than this server accepts.',
  INPUT_BAD_FEED: 'It is an RSS or Atom feed with broken XML.',
  INPUT_BAD_JSONL: 'It holds no usable JSON Lines record.',
  INPUT_BAD_WARC: 'It is not a readable WARC archive.',
  INPUT_NO_CONTENT: 'It holds no article text.',
  FETCH_FAILED: 'The page could not be downloaded (the site answered with an error, or could not be reached).',
  FETCH_REFUSED: 'This server does not fetch that address: it is on this machine or a private network, or it is not http(s).',
  FETCH_TIMEOUT: 'The site did not send the page in time.',
}

/** Codes the import itself gives, before anything is read. */
export const IMPORT_CODES = {
  notWebUrl: 'NOT_A_WEB_URL',
  repeated: 'REPEATED_INPUT',
  notRead: 'NOT_READ',
} as const

const IMPORT_REASONS: Readonly<Record<string, string>> = {
  [IMPORT_CODES.notWebUrl]: 'Not a web address: only http:// and https:// URLs are imported.',
  [IMPORT_CODES.repeated]: 'It repeats an earlier line: see that line.',
  [IMPORT_CODES.notRead]: 'It was not read: the import stopped before it.',
}

/**
 * The user's sentence for a refused input's code; a code without one (extraction, storage, a
 * code added later) gets a sentence that sends the curious to the log.
 *
 * @example
 * userReason('FETCH_TIMEOUT') // 'The site did not send the page in time.'
 */
export function userReason(code: string): string {
  return (INPUT_REASONS as Readonly<Record<string, string>>)[code] ?? IMPORT_REASONS[code]
    ?? 'It could not be imported because of an error on the server; the server log has the details.'
}
