import { describe, expect, it } from 'vitest'
import type { UnreadableInputError } from '../../errors.js'
import { readJsonLines } from './jsonl.js'

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)
const good = JSON.stringify({ url: 'https://desk.example/a', title: 'Talks end', text: 'Talks ended on Wednesday.', published: '2023-03-22', authors: ['Mira Holt'] })
const html = JSON.stringify({ title: 'Bridge', html: '<p>The bridge reopened.</p>', author: 'Tom Reyes' })

describe('readJsonLines', () => {
  it('jsonl: reads one record per line with its line number and hints', () => {
    const { records, warnings } = readJsonLines('a.jsonl', bytes(`${good}\n\n${html}\n`))
    expect(warnings).toEqual([])
    expect(records.map((r) => r.line)).toEqual([1, 3])
    expect(records[0]).toMatchObject({ content: { kind: 'text', body: 'Talks ended on Wednesday.' }, hints: { url: 'https://desk.example/a', title: 'Talks end', published: '2023-03-22', authors: ['Mira Holt'] } })
    expect(records[1]).toMatchObject({ content: { kind: 'html', body: '<p>The bridge reopened.</p>' }, hints: { authors: ['Tom Reyes'] } })
  })

  it.each([
    ['{"title": "cut off', /line 2: not valid JSON/],
    ['["an", "array"]', /line 2: not a JSON object/],
    ['{"title": "no body"}', /line 2: has neither a non-empty "text" nor "html" field/],
  ])('jsonl: a bad line (%s) is a warning and the good lines are kept', (bad, warning) => {
    const { records, warnings } = readJsonLines('a.jsonl', bytes(`${good}\n${bad}\n${html}`))
    expect(records.map((r) => r.line)).toEqual([1, 3])
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(warning)
  })

  it('jsonl: an input with no good line is rejected with INPUT_BAD_JSONL', () => {
    expect(() => readJsonLines('bad.jsonl', bytes('{"title": 1}\n{oops\n'))).toThrow(expect.objectContaining({ code: 'INPUT_BAD_JSONL', message: expect.stringContaining('bad.jsonl') }) as UnreadableInputError)
  })

  it('jsonl: a line over the line limit is one rejected record with its line number; the lines before and after are kept (issue 10)', () => {
    const long = JSON.stringify({ text: 'a'.repeat(300) })
    const { records, warnings } = readJsonLines('a.jsonl', bytes(`${good}\n${long}\n${html}\n`), 200)
    expect(records.map((r) => r.line)).toEqual([1, 3])
    expect(warnings).toEqual([expect.stringMatching(/^line 2: \d+ bytes is over the 200-byte line limit/)])
  })

  it('jsonl: a line that is not UTF-8 is one rejected record', () => {
    const { records, warnings } = readJsonLines('a.jsonl', Uint8Array.from([...bytes(`${good}\n{"text":"caf`), 0xe9, ...bytes(`"}\n${html}`)]))
    expect(records.map((r) => r.line)).toEqual([1, 3])
    expect(warnings).toEqual(['line 2: not valid UTF-8 (JSON Lines must be UTF-8)'])
  })

  it('jsonl: the record key is the id field, else the url', () => {
    const { records } = readJsonLines('a.jsonl', bytes(`${JSON.stringify({ id: 7, url: 'https://desk.example/a', text: 'A.' })}\n${good}\n${html}`))
    expect(records.map((r) => r.key)).toEqual(['7', 'https://desk.example/a', undefined])
  })

  it('jsonl: the id field is kept as the external id and a meta object as given; a meta that is not an object is not kept', () => {
    const lines = [
      JSON.stringify({ id: 'desk-17', meta: { desk: 'city', tags: ['ferry'] }, text: 'A.' }),
      JSON.stringify({ id: 42, meta: 'loose text', text: 'B.' }),
      JSON.stringify({ url: 'https://desk.example/c', text: 'C.' }),
    ]
    const { records } = readJsonLines('a.jsonl', bytes(lines.join('\n')))
    expect(records.map((r) => [r.externalId, r.meta])).toEqual([['desk-17', { desk: 'city', tags: ['ferry'] }], ['42', undefined], [undefined, undefined]])
  })
})
