/**
 * Story similarity on the SemEval-2022 Task 8 English pairs (../shared/benchmarks/story-pairs):
 * Pearson correlation with the human `Overall` score and the same-story decision, beside a peer.
 * The threshold is tuned on the training split and reported on the testing split.
 *
 *   npm run bench:stories
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { estimateJaccard, minhashSignature } from '../src/stages/stories/minhash.js'
import { DocumentFrequencies, cosine, termCounts, tfidfVector } from '../src/stages/stories/similarity.js'
import { pearson, readStoryPairs, scoreDecision, tuneThreshold, type StoryPair } from './lib/story-pairs.js'
import { printTable } from './lib/table.js'

const DIR = resolve(import.meta.dirname, '../../shared/benchmarks/story-pairs')
/** The README's reading of the scale: two reports of one event score about 1–1.5. */
const SAME_STORY_MAX_OVERALL = 1.5

if (!existsSync(DIR)) {
  console.log(`bench:stories: skipped, ${DIR} is absent`)
  process.exit(0)
}

const train = readStoryPairs(DIR, 'training_set')
const test = readStoryPairs(DIR, 'testing_set')

// Document frequencies from every text of both splits: unsupervised corpus statistics, as the
// engine gathers them from its own store.
const df = new DocumentFrequencies()
for (const p of [...train, ...test]) {
  df.add(termCounts(p.text1))
  df.add(termCounts(p.text2))
}

type Scorer = (p: StoryPair) => number
const scorers: [string, Scorer][] = [
  ['Dossier TF-IDF cosine', (p) => cosine(tfidfVector(termCounts(p.text1), df), tfidfVector(termCounts(p.text2), df))],
  ['peer: MinHash Jaccard of 5-word shingles', (p) => estimateJaccard(minhashSignature(p.text1), minhashSignature(p.text2))],
]

const rows: (string | number)[][] = []
for (const [name, score] of scorers) {
  const trainSims = train.map(score)
  const testSims = test.map(score)
  const tuned = tuneThreshold(trainSims, train.map((p) => p.overall), SAME_STORY_MAX_OVERALL)
  const held = scoreDecision(testSims, test.map((p) => p.overall), tuned.threshold, SAME_STORY_MAX_OVERALL)
  // Overall falls as similarity rises: report the correlation with −Overall so higher is better.
  const r = pearson(testSims, test.map((p) => -p.overall))
  const rTrain = pearson(trainSims, train.map((p) => -p.overall))
  rows.push([name, r, rTrain, tuned.threshold, held.precision, held.recall, held.f1])
}
printTable(
  `Story similarity, English pairs (train ${train.length}, test ${test.length}); same story = Overall ≤ ${SAME_STORY_MAX_OVERALL}`,
  ['scorer', 'Pearson r (test)', 'r (train)', 'threshold (tuned on train)', 'precision (test)', 'recall (test)', 'F1 (test)'],
  rows,
)
