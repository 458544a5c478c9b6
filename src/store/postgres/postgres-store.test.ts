import { afterAll, beforeAll, describe } from 'vitest'
import { createTestDatabase, postgresUnavailable, type TestDatabase } from '../../../test/helpers/postgres.js'
import { runStoreContract } from '../contract.js'
import { PostgresStore } from './postgres-store.js'

const unavailable = await postgresUnavailable()

describe.skipIf(unavailable !== undefined)('PostgresStore', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createTestDatabase('contract')
  })
  afterAll(async () => {
    await db?.drop()
  })
  runStoreContract('PostgresStore', async () => PostgresStore.open(await db.newStoreUrl()))
})
