import { describe, expect, it } from 'vitest'
import { findLineFurniture } from './boilerplate.js'
import { splitLines } from './lines.js'

const reasonOf = (line: string) => findLineFurniture(splitLines(line))[0]?.removal.reason

describe('findLineFurniture', () => {
  it.each([
    ['Home » sport » Late goal wins the cup', 'navigation'],
    ['Home > Local', 'navigation'],
    ['HomeSportLate goal wins the cup', 'navigation'],
    ['Regions › Coast › Harbour', 'navigation'],
    ['Valley Courier > World > Europe', 'navigation'],
    ['News / Local / Harbour', 'navigation'],
    ['Политика » Безопасность', 'navigation'],
    ['You are here: Home / World', 'navigation'],
    ['VALLEY COURIER   News  Sport  Business  Culture', 'navigation'],
    ['Menu  Search  Sign in', 'navigation'],
    ['12.5 C', 'date-bar'],
    ['Lisbon 21°C', 'date-bar'],
    ['404', 'error-page'],
    ['Oops!', 'error-page'],
    ['Sorry, the page you requested does not exist.', 'error-page'],
    ['Ad Blocker Detected', 'ad-notice'],
    ['Kindly switch off your adblocker to keep reading.', 'ad-notice'],
    ['Leave a Reply', 'comment-prompt'],
    ['No comments yet', 'comment-prompt'],
    ['Tell us your view in the comments below!', 'comment-prompt'],
    ['What do you think about the new bridge? Will traffic improve?', 'comment-prompt'],
    ['Follow us on Mastodon', 'share-prompt'],
    ['You might also like', 'related-list'],
    ['Most read', 'related-list'],
    ['Read more: Council backs new tram line', 'related-list'],
    ['Disclaimer: figures are provided without warranty.', 'disclaimer'],
    ['The views expressed in this column are solely those of the author.', 'disclaimer'],
    ['Please support us by turning off your ad blocker.', 'ad-notice'],
    ["We noticed you're using an ad blocker.", 'ad-notice'],
    ['This story was originally published by the Valley Courier.', 'republication'],
    ['The team at example.org is committed to bringing you fresh headlines.', 'republication'],
    ['The editors of harbourwire.example are proud to keep you informed every day.', 'republication'],
    ['The team behind Valley Notes is here to give readers the facts first.', 'republication'],
    ['https://example.org/a https://example.org/b', 'url-list'],
    ['- www.example.org/report', 'url-list'],
  ])('%j is removed as %s', (line, reason) => {
    expect(reasonOf(line)).toBe(reason)
  })

  it.each([
    'Home owners in the valley will see lower bills next year.',
    'Country  Capital  Population',
    'Use of ad blockers rose by a third last year, the industry group said.',
    'The author of the report is dedicated to fisheries research at the university.',
    'The minister later apologised for the tone he used in the comments.',
    'The views expressed by the minister were widely criticised by the opposition.',
    'Он сказал: «Мы готовы» и ушёл',
    'The council will decide whether buses or trams > cars for the centre.',
    'Fares rise 5% / tickets go on sale Monday.',
    'The mayor said 404 homes were flooded.',
    'Comments from residents were mixed, the survey found.',
    'Officials said the page of the report that was leaked does not exist in the final version, and that the draft was older.',
    'By the end of the week, the river had fallen again.',
    'What do you think will happen now, asked the reporter, turning to the minister who had just resigned from the cabinet after a long and bitter dispute over the budget?',
  ])('article sentence %j is kept', (line) => {
    expect(reasonOf(line)).toBeUndefined()
  })

  it('clean/text: an agency credit goes but the sentence after it stays', () => {
    const source = '(CityWire) The port reopened on Monday.'
    const [match] = findLineFurniture(splitLines(source))
    expect(match?.removal.reason).toBe('republication')
    expect(source.slice(match!.removal.span.start, match!.removal.span.end)).toBe('(CityWire)')
  })
})
