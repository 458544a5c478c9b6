/**
 * `dossier/annotate`: the stages that read a Document (sentences, times, entities, quotes, claims,
 * events) and the functions that run them, without a store or a server. Loads every stage module;
 * a stage's language libraries (compromise, chrono-node) and lexicons load on its first document.
 *
 * @example
 * import { processDocument, STAGES } from 'dossier/annotate'
 * import { readBytes } from 'dossier/reader'
 * const read = readBytes('note.txt', new TextEncoder().encode('The mayor said on Monday that fares would rise.'))
 * if (read.ok) console.log(processDocument(read.documents[0]!, STAGES).layers.quotes)
 */
export * from '../document/index.js'
export * from '../errors.js'
export { processDocument, runStagesIsolated, stagesToComplete, READER_STAGE_NAMES, STAGE_NAMES, STAGE_FAILED, failedStageOf } from '../pipeline/process.js'
export { STAGES, runStages, checkStageOrder, selectStages, type Stage, type StageConfig } from '../pipeline/index.js'
