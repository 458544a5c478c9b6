import { rejectInput } from './errors.js'

/**
 * Reads a whole stream (standard input) into bytes, refusing it as soon as it passes `maxBytes`.
 *
 * @example
 * const bytes = await readStream('-', process.stdin, 50 * 1024 * 1024)
 */
export async function readStream(input: string, stream: NodeJS.ReadableStream, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk)
    total += buffer.length
    if (total > maxBytes) rejectInput(input, 'INPUT_TOO_LARGE', `standard input passed the ${maxBytes}-byte limit`)
    chunks.push(buffer)
  }
  return Buffer.concat(chunks, total)
}
