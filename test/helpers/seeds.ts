import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Document, RawDocument } from '../../src/document/index.js'
import type { Stage } from '../../src/pipeline/stage.js'
import { runStages } from '../../src/pipeline/run.js'
import { extractDocument } from '../../src/stages/clean/index.js'
import { metadata } from '../../src/stages/metadata/index.js'
import { SHARED } from './cli.js'

export const SEEDS_DIR = resolve(SHARED, 'corpus/seeds')

/** The seed page whose file name starts with `prefix` ("002"), extracted, with its metadata. */
export function readSeed(prefix: string): Document {
  const name = readdirSync(SEEDS_DIR).find((f) => f.startsWith(prefix))
  if (name === undefined) throw new Error(`no seed ${prefix}* in ${SEEDS_DIR}`)
  const body = readFileSync(resolve(SEEDS_DIR, name), 'utf8')
  const raw: RawDocument = {
    id: name,
    origin: { input: name, blob: '', container: 'text' },
    charset: { name: 'utf-8', basis: 'container', confidence: 1 },
    hints: {},
    content: { kind: 'text', body },
  }
  return runStages(extractDocument(raw), [metadata])
}

/** A seed run through the given stages after extraction and metadata (pass them in pipeline order). */
export function annotateSeed(prefix: string, stages: readonly Stage[]): Document {
  return runStages(readSeed(prefix), stages)
}

/** The text a span names in a document. */
export function textAt(doc: Document, span: { start: number; end: number }): string {
  return doc.source.slice(span.start, span.end)
}
