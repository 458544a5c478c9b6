/**
 * npx tsx bench/ingest-read.ts — throughput of `readBytes` (decompress, detect format and charset,
 * split containers) per input format, on in-memory inputs built from examples/ (no disk in the
 * timed loop). Peers, run in the same script on the same bytes:
 *   - floor: SHA-256 + gunzip + strict UTF-8 decode, the work no reader can skip;
 *   - warcio (Webrecorder's WARC library): iterate records and read each HTML body, for WARC only.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { WARCParser } from 'warcio'
import { readBytes } from '../src/stages/ingest/index.js'
import { gzipWarcRecords, writeWarcResponse } from '../src/stages/ingest/warc-writer.js'
import { printTable, ratio } from './lib/table.js'

const EXAMPLES = join(import.meta.dirname, '../examples')
/** Each case runs for at least this long, so timer noise stays under a percent. */
const MIN_RUN_MS = 1500

const file = (path: string): Uint8Array => readFileSync(join(EXAMPLES, path))
const html = file('html/meridian-post-xi-putin-joint-statement.html')
const russian = file('charset/severny-vestnik-dsnv-cp1251.txt')

// Bigger inputs than the examples alone, built from them, so per-call overhead does not dominate.
const CASES: ReadonlyArray<{ name: string; bytes: Uint8Array }> = [
  { name: 'text page (utf-8)', bytes: file('text/northern-ledger-xi-arrives-in-moscow.txt') },
  { name: 'text page (windows-1251, detected)', bytes: russian },
  { name: 'HTML page', bytes: html },
  { name: 'RSS, 2 items', bytes: file('feeds/harbour-daily-wire.rss.xml') },
  { name: 'JSON Lines, 300 lines', bytes: Buffer.from(Buffer.from(file('jsonl/articles.jsonl')).toString().repeat(100)) },
  { name: 'WARC.gz, 200 records', bytes: gzipWarcRecords(Array.from({ length: 200 }, (_, i) => writeWarcResponse({ url: `https://x.example/${i}`, date: '2023-03-21T10:00:00Z', body: html }))) },
]

function timeRuns(fn: () => unknown): number {
  let runs = 0
  const started = performance.now()
  while (performance.now() - started < MIN_RUN_MS) {
    fn()
    runs++
  }
  return (performance.now() - started) / runs
}

async function timeRunsAsync(fn: () => Promise<unknown>): Promise<number> {
  let runs = 0
  const started = performance.now()
  while (performance.now() - started < MIN_RUN_MS) {
    await fn()
    runs++
  }
  return (performance.now() - started) / runs
}

function floor(bytes: Uint8Array): void {
  createHash('sha256').update(bytes).digest('hex')
  const plain = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes
  new TextDecoder('utf-8').decode(plain)
}

async function warcio(bytes: Uint8Array): Promise<number> {
  let pages = 0
  for await (const record of new WARCParser([bytes])) {
    if (record.warcType === 'response') {
      await record.contentText()
      pages++
    }
  }
  return pages
}

async function main(): Promise<void> {
  const rows: (string | number)[][] = []
  for (const c of CASES) {
    const result = readBytes(c.name, c.bytes)
    if (!result.ok) throw new Error(`${c.name}: ${result.error.message}`)
    const mb = c.bytes.length / 1e6
    const ours = timeRuns(() => readBytes(c.name, c.bytes))
    const base = timeRuns(() => floor(c.bytes))
    rows.push([c.name, result.documents.length, c.bytes.length, mb / (ours / 1000), mb / (base / 1000), ratio(base, ours)])
    if (c.name.startsWith('WARC')) {
      const peer = await timeRunsAsync(() => warcio(c.bytes))
      rows.push(['  same, warcio (records + HTML bodies)', await warcio(c.bytes), c.bytes.length, mb / (peer / 1000), mb / (base / 1000), ratio(peer, ours)])
    }
  }
  printTable('bench: ingest readBytes throughput (in memory, one thread)', ['input', 'documents', 'bytes', 'readBytes MB/s', 'floor MB/s', 'speed vs peer'], rows)
  console.log('floor = sha256 + gunzip + UTF-8 decode of the same bytes; "speed vs peer" = peer time / readBytes time (1.00× = as fast).')
}

await main()
