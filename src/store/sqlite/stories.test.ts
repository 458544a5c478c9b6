import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { applyMigrations } from './migrate.js'
import { MIGRATIONS } from './migrations/index.js'
import { NEXT_STORY_SEQ_SQL } from './stories.js'

/** SQLite's plan for a statement, its steps joined. */
function plan(db: Database.Database, sql: string): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join(' | ')
}

describe('StoryTables: the story step reads by index, not by scanning what is stored', () => {
  it('numbers a new story from the stories_by_seq index (max(seq) scanned every story, so each write grew with the store)', () => {
    const db = new Database(':memory:')
    applyMigrations(db, MIGRATIONS, ':memory:')
    expect(plan(db, NEXT_STORY_SEQ_SQL)).toContain('USING COVERING INDEX stories_by_seq')
    db.close()
  })
})
