import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { DEFAULT_DATA_DIR, GazetteerDataError, loadGazetteer, type Office } from './index.js'

const g = loadGazetteer()
const repoRoot = path.resolve(fileURLToPath(import.meta.url), '../../../../..')

describe('loadGazetteer', () => {
  it('gazetteer: is read once and cached', () => {
    expect(loadGazetteer()).toBe(g)
  })

  it('gazetteer: finds the data folder from src/ and from the compiled dist/', () => {
    const fromDist = new URL('../../../../data/gazetteer/', pathToFileURL(path.join(repoRoot, 'dist/stages/entities/gazetteer/index.js')))
    expect([DEFAULT_DATA_DIR.href, fromDist.href]).toEqual([
      pathToFileURL(path.join(repoRoot, 'data/gazetteer/')).href,
      pathToFileURL(path.join(repoRoot, 'data/gazetteer/')).href,
    ])
  })

  it('gazetteer: rejects a data file that breaks its schema, naming the file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gazetteer-'))
    cpSync(fileURLToPath(DEFAULT_DATA_DIR), dir, { recursive: true })
    const file = path.join(dir, 'treaties.json')
    const data = JSON.parse(readFileSync(file, 'utf8')) as { treaties: { status: string }[] }
    data.treaties[0]!.status = 'maybe'
    writeFileSync(file, JSON.stringify(data))
    expect(() => loadGazetteer(pathToFileURL(dir + '/'))).toThrow(GazetteerDataError)
    expect(() => loadGazetteer(pathToFileURL(dir + '/'))).toThrow(/treaties\.json: \$\.treaties\[0\]\.status/)
  })
})

describe('findCountry', () => {
  it.each([
    ['Chinese', 'CN'], ['PRC', 'CN'], ["People's Republic of China", 'CN'],
    ['U.S.', 'US'], ['USA', 'US'], ['United States of America', 'US'], ['America', 'US'], ['Americans', 'US'],
    ['UK', 'GB'], ['Britain', 'GB'], ['Great Britain', 'GB'], ['British', 'GB'], ['Britons', 'GB'],
    ['Russian Federation', 'RU'], ['Russians', 'RU'], ['DPRK', 'KP'], ['North Korea', 'KP'],
    ['Turkey', 'TR'], ['Türkiye', 'TR'], ['Ivory Coast', 'CI'], ["Côte d'Ivoire", 'CI'], ['Burma', 'MM'],
    ['Taiwan', 'TW'], ['Kosovo', 'XK'], ['Palestine', 'PS'], ['Hong Kong', 'HK'], ['the Vatican', 'VA'],
    ['RUS', 'RU'], ['DE', 'DE'],
  ])('gazetteer: "%s" is country %s', (name, code) => {
    expect(g.findCountry(name)?.alpha2).toBe(code)
  })

  it.each(['Congolese', 'Dominican', 'Atlantis', 'in'])('gazetteer: "%s" names no single country', (name) => {
    expect(g.findCountry(name)).toBeUndefined()
  })

  it('gazetteer: lists every country a shared demonym may mean', () => {
    expect(g.findCountries('Congolese').map((c) => c.alpha2).sort()).toEqual(['CD', 'CG'])
  })
})

describe('countryOfMetonym', () => {
  it.each([
    ['Kremlin', 'RU'], ['the Kremlin', 'RU'], ['Moscow', 'RU'], ['Beijing', 'CN'], ['Zhongnanhai', 'CN'],
    ['Washington', 'US'], ['the White House', 'US'], ['Downing Street', 'GB'], ['Whitehall', 'GB'],
    ['the Élysée', 'FR'], ['Elysee', 'FR'], ['Kyiv', 'UA'], ['Kiev', 'UA'], ['Tokyo', 'JP'],
  ])('gazetteer: "%s" stands for the government of %s', (word, code) => {
    expect(g.countryOfMetonym(word)?.alpha2).toBe(code)
  })

  it('gazetteer: keeps the capital as a place apart from the metonyms', () => {
    const ru = g.findCountry('RU')
    expect([ru?.capital, ru?.metonyms.includes('the Kremlin'), g.countryOfMetonym('Russian')]).toEqual(['Moscow', true, undefined])
  })

  it("gazetteer: a dependency's capital speaks for no government", () => {
    expect(g.countryOfMetonym('Nuuk')).toBeUndefined()
  })
})

describe('officeholdersOn', () => {
  it.each<[string, Office, string, string]>([
    ['US', 'head-of-state', '2020-10-22', 'Donald Trump'],
    ['US', 'head-of-state', '2025-10-16', 'Donald Trump'],
    ['US', 'head-of-state', '2021-01-20', 'Joe Biden'],
    ['US', 'head-of-government', '2016-06-01', 'Barack Obama'],
    ['US', 'foreign-minister', '2019-03-01', 'Mike Pompeo'],
    ['RU', 'foreign-minister', '2025-10-16', 'Sergey Lavrov'],
    ['RU', 'head-of-government', '2019-06-01', 'Dmitry Medvedev'],
    ['CN', 'foreign-minister', '2023-05-01', 'Qin Gang'],
    ['CN', 'foreign-minister', '2023-08-01', 'Wang Yi'],
    ['GB', 'head-of-government', '2022-10-01', 'Liz Truss'],
    ['GB', 'head-of-state', '2022-09-08', 'Charles III'],
    ['DE', 'head-of-government', '2018-01-01', 'Angela Merkel'],
    ['TR', 'head-of-government', '2020-01-01', 'Recep Tayyip Erdoğan'],
    ['SA', 'head-of-government', '2023-01-01', 'Mohammed bin Salman'],
    ['EU', 'foreign-minister', '2022-01-01', 'Josep Borrell'],
    ['Russia', 'head-of-state', '2024-01-01', 'Vladimir Putin'],
  ])('gazetteer: %s %s on %s was %s', (country, office, day, name) => {
    expect(g.officeholdersOn(country, office, day)[0]?.person.name).toBe(name)
  })

  it('gazetteer: lists an acting president after the suspended one', () => {
    const held = g.officeholdersOn('KR', 'head-of-state', '2025-01-10')
    expect(held.map((h) => [h.person.name, h.term.acting === true])).toEqual([['Yoon Suk Yeol', false], ['Choi Sang-mok', true]])
  })

  it('gazetteer: flags a day past the knowledge cut-off as unverified', () => {
    const later = g.officeholdersOn('RU', 'foreign-minister', '2030-01-01')
    const earlier = g.officeholdersOn('RU', 'foreign-minister', '2020-01-01')
    expect([later[0]?.unverified, earlier[0]?.unverified]).toEqual([true, false])
  })

  it('gazetteer: finds nobody before the first recorded term', () => {
    expect(g.officeholdersOn('US', 'head-of-state', '1990-01-01')).toEqual([])
  })

  it.each([
    ['a date that is not a day', 'US', 'head-of-state', '2020'],
    ['an unknown office', 'US', 'king', '2020-01-01'],
  ])('gazetteer: rejects %s with a usage error', (_case, country, office, day) => {
    expect(() => g.officeholdersOn(country, office as Office, day)).toThrow(/USAGE|Use one of|YYYY-MM-DD/)
  })
})

describe('findPerson', () => {
  it.each([
    ['Sergei Lavrov', 'sergey-lavrov'], ['Sergey Lavrov', 'sergey-lavrov'], ['Xi Jinping', 'xi-jinping'],
    ['Wang Yi', 'wang-yi'], ['Vladimir Putin', 'vladimir-putin'], ['Dmitri Medvedev', 'dmitry-medvedev'],
    ['Dmitry Medvedev', 'dmitry-medvedev'], ['Maria Zakharova', 'maria-zakharova'], ['Dmitri Peskov', 'dmitry-peskov'],
    ['Guo Jiakun', 'guo-jiakun'], ['Mao Ning', 'mao-ning'], ['Kim Jong-un', 'kim-jong-un'],
  ])('gazetteer: "%s" is person %s', (name, id) => {
    expect(g.findPerson(name)?.id).toBe(id)
  })

  it('gazetteer: one person carries all their terms', () => {
    const trump = g.findPerson('Donald Trump')
    expect(trump?.terms.map((t) => t.start)).toEqual(['2017-01-20', '2025-01-20'])
  })

  it('gazetteer: a person from people.json carries roles', () => {
    expect(g.findPerson('Sergei Shoigu')?.roles.map((r) => r.organization)).toEqual(['ru-mod', 'ru-security-council'])
  })
})

describe('findOrganization and findTreaty', () => {
  it.each([
    ['NATO', 'nato'], ['UN Security Council', 'unsc'], ['SCO', 'sco'], ['Shanghai Cooperation Organisation', 'sco'],
    ['OPEC+', 'opec-plus'], ['OPEC', 'opec'], ['MOFCOM', 'cn-mofcom'], ['Russian Foreign Ministry', 'ru-mfa'],
    ['Ministry of Foreign Affairs of Russia', 'ru-mfa'], ['the Pentagon', 'us-dod'], ['TASS', 'tass'],
    ['Carnegie Moscow Center', 'carnegie-moscow'], ['Federation of American Scientists', 'fas'],
  ])('gazetteer: "%s" is organisation %s', (name, id) => {
    expect(g.findOrganization(name)?.id).toBe(id)
  })

  it.each([
    ['New START', 'new-start'], ['INF Treaty', 'inf'], ['NPT', 'npt'], ['CTBT', 'ctbt'],
    ['Open Skies Treaty', 'open-skies'], ['Iran nuclear deal', 'jcpoa'],
    ['Treaty of Good-Neighbourliness and Friendly Cooperation', 'sino-russian-treaty-2001'],
  ])('gazetteer: "%s" is treaty %s', (name, id) => {
    expect(g.findTreaty(name)?.id).toBe(id)
  })

  it('gazetteer: New START carries its key dates', () => {
    const dates = Object.fromEntries(g.findTreaty('New START')?.dates.map((d) => [d.event, d.date]) ?? [])
    expect(dates).toMatchObject({
      signed: '2010-04-08', 'entered-into-force': '2011-02-05', extended: '2021-02-03', suspended: '2023-02-21', expired: '2026-02-05',
    })
  })
})
