/**
 * An index on the stories' storage order. Writing a new story numbers it `max(seq) + 1`; without
 * an index that maximum read every story row, so each story written cost more as the store grew
 * (39 ms a story at 60k stories, issue 11). Only writers need it: a read-only open of a store
 * without it reads as before.
 */
export const STORY_SEQ_SQL = `
CREATE INDEX stories_by_seq ON stories (seq);
`
