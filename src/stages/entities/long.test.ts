import { describe, expect, it } from 'vitest'
import { textDocument } from '../../../test/helpers/documents.js'
import { runStages } from '../../pipeline/run.js'
import { selectStages } from '../../pipeline/stages.js'
import { cleanTextPage } from '../clean/text/index.js'

const NAMES = ['Jane Alder', 'Omar Haddad', 'Lena Fischer', 'Kwame Mensah', 'Ana Souza', 'Piotr Nowak']

/** A long article of distinct paragraphs, each naming a person in full, then by surname and pronoun. */
function longArticle(paragraphs: number): string {
  const out: string[] = []
  for (let i = 0; i < paragraphs; i++) {
    const name = NAMES[i % NAMES.length]!
    const surname = name.split(' ')[1]!
    out.push(
      `On day ${i}, ${name} met officials of the United Nations in Geneva to discuss report ${i * 13}. ` +
        `${surname} said talks on item ${i} would go on. She added that the president agreed to ${i % 97} more meetings.\n\n`,
    )
  }
  return out.join('')
}

describe('entities on a long document (issue 11: quadratic in length, 5 MB took 329 s)', () => {
  it('resolves bare surnames and role nouns across 2 MB of text (the old scan took minutes; the timeout is 10 times the linear time)', () => {
    const source = longArticle(10_400)
    expect(source.length).toBeGreaterThan(2_000_000)
    const doc = runStages(textDocument(source, { clean: cleanTextPage(source), page: { candidates: [] } }), selectStages(['metadata', 'sentences', 'entities']))
    const mentions = doc.layers.entities!.mentions
    const last = source.lastIndexOf('Nowak said')
    expect(mentions.find((m) => m.span.start === last)?.entity).toBe('person:~piotr-nowak')
    expect(mentions.filter((m) => m.entity === 'person:~jane-alder').length).toBeGreaterThan(2_000)
  }, 60_000)
})
