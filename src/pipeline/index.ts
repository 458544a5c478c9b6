export * from './stage.js'
export * from './run.js'
export { STAGES, selectStages } from './stages.js'
