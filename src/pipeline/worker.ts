import { parentPort } from 'node:worker_threads'
import { runTask } from './process.js'
import type { ProcessReply, ProcessRequest } from './pool.js'

// Each message is one input's documents; a failure is reported for that input only.
parentPort?.on('message', (request: ProcessRequest) => {
  let reply: ProcessReply
  try {
    reply = { id: request.id, ok: true, docs: runTask(request.task) }
  } catch (error) {
    reply = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) }
  }
  parentPort?.postMessage(reply)
})
