/**
 * How the cross-check types its conflicts on real reports of one story: the English pairs of the
 * SemEval-2022 Task 8 sample (../shared/benchmarks/story-pairs) that people scored as the same
 * story (Overall ≤ 1.5), each pair checked as one story. `training_set` is the development split;
 * `testing_set` is held back (run it with --held-back, once, at the end of a change).
 *
 * Peer: the typing before issue 15 (any two values whose periods meet or are unknown are a
 * contradiction, else different periods), on the same conflicts. There are no gold labels: the
 * contradictions are listed with their reasons for judging by hand (--show).
 *
 *   npm run bench:conflicts [-- --held-back] [-- --show]
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Conflict, ConflictKind, RawDocument } from '../src/document/index.js'
import { processDocument } from '../src/pipeline/process.js'
import { checkStory } from '../src/stages/analysis/check.js'
import { periodsMeet } from '../src/stages/analysis/conflict-kind.js'
import { readStoryPairs } from './lib/story-pairs.js'
import { printTable } from './lib/table.js'

const DIR = resolve(import.meta.dirname, '../../shared/benchmarks/story-pairs')
/** Overall scores at or below this are two reports of one story (the README's decision line). */
const SAME_STORY_OVERALL = 1.5
const KINDS: readonly ConflictKind[] = ['contradiction', 'different-definitions', 'different-subjects', 'different-periods', 'consistent-bounds']

function raw(id: string, body: string): RawDocument {
  return { id, origin: { input: id, blob: '', container: 'text' }, charset: { name: 'utf-8', basis: 'container', confidence: 1 }, hints: {}, content: { kind: 'text', body } }
}

/** The kind the pre-issue-15 rule gave: periods that meet or are unknown made any difference a contradiction. */
function peerKind(c: Conflict): 'contradiction' | 'different-periods' {
  const v = c.values
  for (let i = 0; i < v.length; i++) for (let j = i + 1; j < v.length; j++) if (periodsMeet(v[i]!.asOf, v[j]!.asOf)) return 'contradiction'
  return 'different-periods'
}

function run(split: 'training_set' | 'testing_set', show: boolean): void {
  const pairs = readStoryPairs(DIR, split).filter((p) => p.overall <= SAME_STORY_OVERALL)
  const conflicts: Array<{ pair: string; conflict: Conflict }> = []
  let figures = 0
  for (const p of pairs) {
    const docs = [processDocument(raw(`${p.id}:1`, p.text1)), processDocument(raw(`${p.id}:2`, p.text2))]
    const check = checkStory(`st-${p.id}`, docs.map((doc) => ({ doc, duplicateOf: null })))
    figures += check.facts.filter((f) => f.kind === 'figure').length
    for (const conflict of check.conflicts) conflicts.push({ pair: p.id, conflict })
  }
  const count = (kind: string, of: (c: Conflict) => string): number => conflicts.filter((c) => of(c.conflict) === kind).length
  printTable(`Conflict kinds, ${split === 'training_set' ? 'development' : 'held-back'} split: ${pairs.length} same-story pairs, ${figures} figure facts, ${conflicts.length} conflicts`,
    ['kind', 'Dossier', 'peer: pre-issue-15 typing'],
    KINDS.map((k) => [k, count(k, (c) => c.kind), count(k, peerKind)]))
  if (show) {
    for (const { pair, conflict } of conflicts) {
      console.log(`\n[${pair}] ${conflict.kind} (peer: ${peerKind(conflict)}) — ${conflict.measure}\n  ${conflict.reason}`)
      for (const v of conflict.values) console.log(`    ${v.text} · ${v.asOf ?? "-"} · ${v.definition ?? "-"} · ${v.citations[0]?.text ?? ""}`)
    }
  }
}

if (!existsSync(DIR)) {
  console.log(`no benchmark data in ${DIR}`)
} else {
  const show = process.argv.includes('--show')
  run('training_set', show)
  if (process.argv.includes('--held-back')) run('testing_set', show)
}
