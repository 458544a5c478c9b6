import { createHash } from 'node:crypto'

/** Share of a benchmark's pages held back from development (looked at only at the end of a piece of work). */
export const HELD_BACK_SHARE = 0.3

export type Split = 'dev' | 'held-back'

/**
 * The fixed split of a benchmark page by its file or folder name: the first byte of the name's
 * SHA-256 below 30 % of 256 is held back, the rest is development. The same name always falls in
 * the same split, whatever else the folder holds.
 *
 * @example
 * splitOf('0042.html.gz') // 'dev' or 'held-back', the same on every run
 */
export function splitOf(name: string): Split {
  const byte = createHash('sha256').update(name).digest()[0]!
  return byte < Math.round(HELD_BACK_SHARE * 256) ? 'held-back' : 'dev'
}
