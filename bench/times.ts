/**
 * npx tsx bench/times.ts — ms per article of the times stage on the seed pages, beside the naive
 * peer: chrono-node's full casual parser run over the same sentences (what the stage would cost
 * without its pre-filter and parser subset). Sentences are segmented before the clock starts.
 *
 * BENCH_TIMES_ROUNDS (default 200) sets how many times each seed is annotated.
 */
import * as chrono from 'chrono-node'
import type { Document } from '../src/document/index.js'
import { sentences } from '../src/stages/sentences/index.js'
import { findTimes } from '../src/stages/times/index.js'
import { sharedAvailable } from '../test/helpers/cli.js'
import { annotateSeed } from '../test/helpers/seeds.js'
import { printTable, ratio } from './lib/table.js'

const ROUNDS = Number(process.env.BENCH_TIMES_ROUNDS ?? '200')
const SEEDS = ['000', '001', '002', '003', '004']
/** The speed budget is stated for 5 KB articles. */
const BUDGET_CHARS = 5_000
const WARMUP_ROUNDS = 20

function sentenceTexts(doc: Document): string[] {
  return doc.layers.sentences!.sentences.map((s) => doc.source.slice(s.span.start, s.span.end))
}

/** CPU ms (user + system) per round: on a shared machine wall time also counts other people's work. */
function msPerRound(run: () => void): number {
  for (let i = 0; i < WARMUP_ROUNDS; i++) run()
  const t = process.cpuUsage()
  for (let i = 0; i < ROUNDS; i++) run()
  const used = process.cpuUsage(t)
  return (used.user + used.system) / 1000 / ROUNDS
}

if (sharedAvailable('bench:times')) {
  const rows: (string | number)[][] = []
  let totalOurs = 0
  let totalPeer = 0
  let totalChars = 0
  for (const prefix of SEEDS) {
    const doc = annotateSeed(prefix, [sentences])
    const texts = sentenceTexts(doc)
    const chars = texts.reduce((n, t) => n + t.length, 0)
    const ref = { instant: new Date(Date.UTC(2025, 9, 16, 12)), timezone: 0 }
    const ours = msPerRound(() => findTimes(doc))
    const peer = msPerRound(() => texts.forEach((t) => chrono.casual.parse(t, ref)))
    totalOurs += ours
    totalPeer += peer
    totalChars += chars
    rows.push([prefix, chars, findTimes(doc).times.length, ours, peer, ratio(peer, ours)])
  }
  rows.push(['all (per 5 KB)', BUDGET_CHARS, '', (totalOurs / totalChars) * BUDGET_CHARS, (totalPeer / totalChars) * BUDGET_CHARS, ratio(totalPeer, totalOurs)])
  printTable(`times stage on the seeds, ${ROUNDS} rounds each (CPU ms per article; budget 1 ms per 5 KB)`, ['seed', 'sentence chars', 'times', 'Dossier ms', 'chrono casual ms', 'peer / Dossier'], rows)
}
