export * from './stage.js'
export * from './run.js'
export { STAGES } from './stages.js'
