#!/usr/bin/env node
import { main } from './main.js'

// `dossier export | head`: the reader left, so stop quietly as other Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error
  process.exit(process.exitCode ?? 0)
})

process.exitCode = await main(process.argv.slice(2))
