import { parentPort } from 'node:worker_threads'
import { replyTo, type ProcessRequest } from './pool.js'

// Each message is one input's documents; a failure is reported for that input only.
parentPort?.on('message', (request: ProcessRequest) => {
  parentPort?.postMessage(replyTo(request))
})
