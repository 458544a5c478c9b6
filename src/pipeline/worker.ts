import { parentPort } from 'node:worker_threads'
import type { RawDocument } from '../document/index.js'
import type { ProcessRequest, WorkerMessage } from './pool.js'
import { replyTo } from './reply.js'
import { allStageNames, runTask } from './process.js'

const post = (message: WorkerMessage): void => parentPort?.postMessage(message)

// Each message is one input's documents; a failure is reported for that input only. After each
// document the pool hears of it, so its time budget restarts for the next one.
parentPort?.on('message', (request: ProcessRequest) => {
  post(replyTo(request, (done) => post({ id: request.id, done })))
})

// Stages load their lexicons on first use: a first document would pay for that out of its own
// time budget. One small page through every stage first, then the pool's clock may start.
const WARM_UP: RawDocument = {
  id: 'warm-up',
  origin: { input: 'warm-up', blob: '0'.repeat(64), container: 'html' },
  charset: { name: 'utf-8', basis: 'valid-utf8', confidence: 1 },
  hints: {},
  content: { kind: 'html', body: '<title>Fares rise</title><p>Ferry fares rose 10% on 3 May 2024, the mayor, Ann Lee, said. "We had no choice," she told Reuters.</p>' },
}
runTask({ kind: 'extract', stages: allStageNames(), docs: [WARM_UP] })
post({ ready: true })
