/**
 * The writer lease: at most one row, naming the process that may write the store now (see
 * `sqlite/writer.ts`). Readers never look at it, so a read-only open of a store without it reads on.
 */
export const WRITER_LEASE_SQL = `
CREATE TABLE writer_lease (
  slot  INTEGER PRIMARY KEY CHECK (slot = 1),
  token TEXT NOT NULL,
  pid   INTEGER NOT NULL,
  host  TEXT NOT NULL,
  since TEXT NOT NULL
);
`
