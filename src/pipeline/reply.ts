import type { Document, LayerName, Layers } from '../document/index.js'
import type { DocumentChange, ProcessReply, ProcessRequest } from './pool.js'
import { runTask } from './process.js'

/**
 * What a worker sends back for a task. Copying a message costs both threads, and the calling
 * thread is the one that also reads inputs and writes the store: an annotated document goes
 * back as its new layers only.
 */
export function replyTo(request: ProcessRequest, onDocument?: (done: number) => void): ProcessReply {
  const { id, task } = request
  try {
    const docs = runTask(task, onDocument)
    if (task.kind === 'extract') return { id, ok: true, docs }
    return { id, ok: true, changes: docs.map((doc, i) => changeOf(task.docs[i]!, doc)) }
  } catch (error) {
    return { id, ok: false, message: error instanceof Error ? error.message : String(error) }
  }
}

function changeOf(before: Document, after: Document): DocumentChange {
  const changed: Partial<Record<LayerName, unknown>> = {}
  for (const [name, layer] of Object.entries(after.layers) as Array<[LayerName, unknown]>) {
    if (layer !== before.layers[name]) changed[name] = layer
  }
  return { layers: changed as Partial<Layers>, messages: after.messages }
}
