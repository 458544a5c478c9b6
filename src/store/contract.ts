import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import type { Document, EntitiesLayer, EntityType, Story, Thread } from '../document/index.js'
import { outletKey } from '../document/index.js'
import { StoreError, UsageError } from '../errors.js'
import type { Blob, Store, StoryListOptions, StoryUpdate, StoryWrite, WriterHolder, WriterLease } from './store.js'

/**
 * The behaviour every `Store` implementation owes its callers, as a vitest suite. `open` must
 * return a fresh, empty store each time it is called.
 *
 * @example
 * // src/store/sqlite/sqlite-store.test.ts
 * runStoreContract('SqliteStore :memory:', () => SqliteStore.open(':memory:'))
 */
export function runStoreContract(name: string, open: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    const opened: Store[] = []
    const fresh = async (): Promise<Store> => {
      const store = await open()
      opened.push(store)
      return store
    }
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()))
    })

    it('round-trips a document deep-equal, layers and messages included', async () => {
      const store = await fresh()
      const blob = makeBlob('<p>The river rose two metres overnight.</p>')
      const doc = makeDocument(blob, 0, { full: true })
      await store.save(blob, [doc])
      expect(await store.getDocument(doc.id)).toEqual(doc)
    })

    it('round-trips a document with only the required fields', async () => {
      const store = await fresh()
      const blob = makeBlob('A short note with no markup.')
      const doc = makeDocument(blob, 0)
      await store.save(blob, [doc])
      expect(await store.getDocument(doc.id)).toEqual(doc)
    })

    it('round-trips text with lone surrogates code unit for code unit', async () => {
      const store = await fresh()
      const blob = makeBlob('{"text": "a broken \\ud800 escape"}')
      const base = makeDocument(blob, 0, { full: true })
      const doc = { ...base, source: `${base.source} a broken \ud800 escape`, origin: { ...base.origin, input: 'feed\udc00.jsonl' } }
      await store.save(blob, [doc])
      const back = await store.getDocument(doc.id)
      expect(back?.source).toBe(doc.source)
      expect(back?.origin.input).toBe(doc.origin.input)
      expect((await store.listDocuments())[0]?.input).toBe(doc.origin.input)
    })

    it.each([
      ['text', new TextEncoder().encode('Plain words, nothing more.')],
      ['non-UTF-8 bytes', Uint8Array.from([0xff, 0x00, 0xfe, 0x80, 0x41])],
      ['no bytes at all', new Uint8Array(0)],
    ])('keeps blob bytes verbatim: %s', async (_label, bytes) => {
      const store = await fresh()
      const blob = blobOf(bytes, 'input.bin')
      await store.save(blob, [])
      expect(await store.hasBlob(blob.sha256)).toBe(true)
      expect(Array.from((await store.getBlob(blob.sha256)) ?? [-1])).toEqual(Array.from(bytes))
    })

    it('reads several documents in one call, in the order asked, leaving out ids it never stored', async () => {
      const store = await fresh()
      const blob = makeBlob('<p>Three notes on the river.</p>')
      const docs = [0, 1, 2].map((i) => makeDocument(blob, i, { full: i !== 1 }))
      await store.save(blob, docs)
      expect(await store.getDocuments([docs[2]!.id, 'no-such-document', docs[0]!.id, docs[1]!.id])).toEqual([docs[2], docs[0], docs[1]])
      expect(await store.getDocuments([])).toEqual([])
    })

    it('answers undefined and false for what it never stored', async () => {
      const store = await fresh()
      const unknown = sha256Of(new TextEncoder().encode('never stored'))
      expect(await store.getDocument('no-such-document')).toBeUndefined()
      expect(await store.getBlob(unknown)).toBeUndefined()
      expect(await store.hasBlob(unknown)).toBe(false)
    })

    it('counts re-saved documents as existing and adds nothing', async () => {
      const store = await fresh()
      const blob = makeBlob('Three items in one feed.')
      const docs = [0, 1, 2].map((i) => makeDocument(blob, i))
      expect(await store.save(blob, docs)).toEqual({ added: 3, existing: 0 })
      expect(await store.save(blob, docs)).toEqual({ added: 0, existing: 3 })
      expect(await store.countDocuments()).toBe(3)
    })

    it('leaves a stored document untouched when its id is saved again', async () => {
      const store = await fresh()
      const first = makeBlob('First reading of the page.')
      const original = makeDocument(first, 0)
      await store.save(first, [original])
      const second = makeBlob('Second reading of the page.')
      const rewrite = { ...makeDocument(second, 0), id: original.id, source: 'different text' }
      expect(await store.save(second, [rewrite])).toEqual({ added: 0, existing: 1 })
      expect(await store.getDocument(original.id)).toEqual(original)
    })

    it.each([
      ['a BigInt', () => 10n],
      ['NaN, which JSON would turn into null', () => Number.NaN],
      ['Infinity', () => Number.POSITIVE_INFINITY],
      ['a cycle', () => {
        const loop: Record<string, unknown> = {}
        loop.self = loop
        return loop
      }],
    ])('writes nothing from a save that fails on its last document: %s', async (_label, badValue) => {
      const store = await fresh()
      const blob = makeBlob('Two good documents and a bad one.')
      const good = [0, 1].map((i) => makeDocument(blob, i, { full: true }))
      const bad = withBadLayer(makeDocument(blob, 2, { full: true }), badValue())
      await expect(store.save(blob, [...good, bad])).rejects.toBeInstanceOf(StoreError)
      expect(await store.hasBlob(blob.sha256)).toBe(false)
      expect(await store.countDocuments()).toBe(0)
      expect(await store.listDocuments()).toEqual([])
      for (const doc of [...good, bad]) expect(await store.getDocument(doc.id)).toBeUndefined()
    })

    it('still saves after a failed save', async () => {
      const store = await fresh()
      const blob = makeBlob('Saved on the second try.')
      const docs = [makeDocument(blob, 0)]
      await expect(store.save(blob, [...docs, withBadLayer(makeDocument(blob, 1), 1n)])).rejects.toThrow()
      expect(await store.save(blob, docs)).toEqual({ added: 1, existing: 0 })
      expect(await store.getDocument(docs[0]!.id)).toEqual(docs[0])
    })

    it('lists documents in the order they were stored, across saves', async () => {
      const store = await fresh()
      const ids = await saveNumbered(store, 3, 2)
      expect((await store.listDocuments()).map((s) => s.id)).toEqual(ids)
    })

    it.each([
      [{ limit: 2 }, [0, 1]],
      [{ limit: 2, offset: 2 }, [2, 3]],
      [{ offset: 4 }, [4, 5]],
      [{ limit: 10, offset: 5 }, [5]],
      [{ offset: 6 }, []],
      [{ limit: 0 }, []],
    ])('pages the listing: %o', async (page, expected) => {
      const store = await fresh()
      const ids = await saveNumbered(store, 3, 2)
      expect((await store.listDocuments(page)).map((s) => s.id)).toEqual(expected.map((i) => ids[i]))
    })

    it('counts stored documents', async () => {
      const store = await fresh()
      expect(await store.countDocuments()).toBe(0)
      await saveNumbered(store, 2, 3)
      expect(await store.countDocuments()).toBe(6)
    })

    it('summarises a document from its metadata layer', async () => {
      const store = await fresh()
      const blob = makeBlob('<p>The river rose two metres overnight.</p>')
      const doc = makeDocument(blob, 0, { full: true })
      await store.save(blob, [doc])
      const [summary] = await store.listDocuments()
      expect(summary).toMatchObject({
        id: doc.id,
        input: doc.origin.input,
        url: doc.origin.url,
        container: doc.origin.container,
        title: 'River rises overnight',
        published: '2024-03-05',
        publisher: 'The Valley Courier',
        chars: 'The river rose two metres overnight.'.length,
      })
      expect(Number.isNaN(Date.parse(summary!.storedAt))).toBe(false)
    })

    it('replaces the given layers of a stored document and keeps the others', async () => {
      const store = await fresh()
      const blob = makeBlob('<p>The river rose two metres overnight.</p>')
      const doc = makeDocument(blob, 0, { full: true })
      await store.save(blob, [doc])
      const sentences = { sentences: [{ span: { start: 22, end: 58 }, block: 0, kind: 'paragraph' as const }] }
      await store.updateLayers(doc.id, { sentences })
      expect(await store.getDocument(doc.id)).toEqual({ ...doc, layers: { ...doc.layers, sentences } })
      const replacement = { sentences: [] }
      await store.updateLayers(doc.id, { sentences: replacement })
      expect((await store.getDocument(doc.id))?.layers.sentences).toEqual(replacement)
      expect(await store.countDocuments()).toBe(1)
    })

    it('replaces the messages with the layers when an update gives them', async () => {
      const store = await fresh()
      const blob = makeBlob('<p>The river rose two metres overnight.</p>')
      const doc = makeDocument(blob, 0, { full: true })
      await store.save(blob, [doc])
      const sentences = { sentences: [{ span: { start: 22, end: 58 }, block: 0, kind: 'paragraph' as const }] }
      const messages = [{ severity: 'error' as const, code: 'STAGE_FAILED', input: blob.input, message: 'stage "times" failed' }]
      await store.updateLayers(doc.id, { sentences }, messages)
      expect(await store.getDocument(doc.id)).toEqual({ ...doc, layers: { ...doc.layers, sentences }, messages })
      await store.updateLayers(doc.id, {}, [])
      expect((await store.getDocument(doc.id))?.messages).toEqual([])
    })

    it('re-derives the listing from a replaced metadata layer', async () => {
      const store = await fresh()
      const blob = makeBlob('<p>The river rose two metres overnight.</p>')
      const doc = makeDocument(blob, 0, { full: true })
      await store.save(blob, [doc])
      const metadata = { ...doc.layers.metadata!, title: { value: 'Flood warning lifted', basis: 'h1', confidence: 0.8 } }
      await store.updateLayers(doc.id, { metadata })
      expect((await store.listDocuments())[0]?.title).toBe('Flood warning lifted')
    })

    it('refuses to update a document it never stored', async () => {
      const store = await fresh()
      const error = await store.updateLayers('no-such-document', { sentences: { sentences: [] } }).then(() => undefined, (e: unknown) => e)
      expect(error).toBeInstanceOf(StoreError)
      expect((error as StoreError).code).toBe('STORE_NO_DOCUMENT')
    })

    it('writes nothing from an update that holds an unstorable value', async () => {
      const store = await fresh()
      const blob = makeBlob('An update with a NaN in its second layer.')
      const doc = makeDocument(blob, 0, { full: true })
      await store.save(blob, [doc])
      const sentences = { sentences: [{ span: { start: 0, end: 5 }, block: 0, kind: 'paragraph' as const }] }
      const times = { times: [{ id: 't0', span: { start: 0, end: 5 }, value: null, precision: 'day', anchor: 'unresolved', role: 'other', sentence: Number.NaN }] }
      const update = { sentences, times } as unknown as Partial<Document['layers']>
      await expect(store.updateLayers(doc.id, update, [])).rejects.toBeInstanceOf(StoreError)
      expect(await store.getDocument(doc.id)).toEqual(doc)
    })

    it.each([1, 2, 3, 100])('iterates every document in storage order, %i per page', async (pageSize) => {
      const store = await fresh()
      const ids = await saveNumbered(store, 3, 2)
      const seen: Document[] = []
      for await (const doc of store.iterateDocuments({ pageSize })) seen.push(doc)
      expect(seen.map((d) => d.id)).toEqual(ids)
      expect(seen[4]).toEqual(await store.getDocument(ids[4]!))
    })

    it('iterates nothing in an empty store', async () => {
      const store = await fresh()
      const seen: string[] = []
      for await (const doc of store.iterateDocuments()) seen.push(doc.id)
      expect(seen).toEqual([])
    })

    it('lists entities by the documents that mention them, then by mentions', async () => {
      const store = await fresh()
      await saveWithEntities(store, 'First river report.', [['place:~river-vale', 'place', 'River Vale', 1], ['person:~ada-brennan', 'person', 'Ada Brennan', 4]])
      await saveWithEntities(store, 'Second river report.', [['place:~river-vale', 'place', 'Vale', 2], ['org:~vale-council', 'organization', 'Vale Council', 1]])
      expect(await store.listEntities()).toEqual([
        { id: 'place:~river-vale', type: 'place', name: 'River Vale', documents: 2, mentions: 3 },
        { id: 'person:~ada-brennan', type: 'person', name: 'Ada Brennan', documents: 1, mentions: 4 },
        { id: 'org:~vale-council', type: 'organization', name: 'Vale Council', documents: 1, mentions: 1 },
      ])
      expect((await store.listEntities({ type: 'person' })).map((e) => e.id)).toEqual(['person:~ada-brennan'])
      expect((await store.listEntities({ limit: 1, offset: 1 })).map((e) => e.id)).toEqual(['person:~ada-brennan'])
    })

    it('lists the documents mentioning an entity, with their mention counts', async () => {
      const store = await fresh()
      const first = await saveWithEntities(store, 'First council report.', [['org:~vale-council', 'organization', 'Vale Council', 2]])
      await saveWithEntities(store, 'A report on something else.', [['person:~ada-brennan', 'person', 'Ada Brennan', 1]])
      const third = await saveWithEntities(store, 'Third council report.', [['org:~vale-council', 'organization', 'Vale Council', 5]])
      const found = await store.documentsMentioning('org:~vale-council')
      expect(found.map((d) => [d.id, d.mentions])).toEqual([[first, 2], [third, 5]])
      expect(await store.documentsMentioning('org:~nobody')).toEqual([])
    })

    it('counts the mentions of an entity its layer lists twice once', async () => {
      const store = await fresh()
      await saveWithEntities(store, 'A report naming one person twice.', [['person:~ada-brennan', 'person', 'Ada Brennan', 3], ['person:~ada-brennan', 'person', 'Ada Brennan', 0]])
      expect(await store.listEntities()).toEqual([{ id: 'person:~ada-brennan', type: 'person', name: 'Ada Brennan', documents: 1, mentions: 3 }])
    })

    it('re-indexes entities when the entities layer is replaced', async () => {
      const store = await fresh()
      const id = await saveWithEntities(store, 'A report that changes its mind.', [['person:~ada-brennan', 'person', 'Ada Brennan', 1]])
      await store.updateLayers(id, { entities: entitiesLayer([['person:~kofi-mensah', 'person', 'Kofi Mensah', 3]]) })
      expect(await store.listEntities()).toEqual([{ id: 'person:~kofi-mensah', type: 'person', name: 'Kofi Mensah', documents: 1, mentions: 3 }])
      expect(await store.documentsMentioning('person:~ada-brennan')).toEqual([])
    })

    it.each([
      ['every match under the cap', 'overnight', 10, 3, 3],
      ['up to the cap, while search finds them all', 'overnight', 2, 2, 3],
      ['a phrase', '"two metres"', 10, 3, 3],
      ['nothing', 'drought', 10, 0, 0],
      ['a blank query', '   ', 10, 0, 0],
    ])('counts the documents a search matches: %s', async (_label, query, cap, counted, found) => {
      const store = await fresh()
      await saveNumbered(store, 3, 1)
      expect(await store.countSearch(query, cap)).toBe(counted)
      expect(await store.search(query, { limit: 10 })).toHaveLength(found)
    })

    it.each([
      ...['U.S.', "Putin's", '$220 billion', '5,459', '2023-02-21', 'Russia-China', 'Who is Putin?'].map((query) => [query, true] as const),
      ['"Putin\'s plan"', true], ['russia china', true], ['RUSSIA-CHINA', true], ['Putin AND (summit', true], ['plan* ^Putin', true],
      ['putins', false], ['"unpaired Putin', false], ['NEAR(Putin, plan)', false], ['title:Putin', false], ['Putin OR ferry', false],
    ] as const)('search: a person\'s words are searched as words: %s', async (query, found) => {
      const store = await fresh()
      const [typed] = await saveSources(store, TYPED_TEXT, 'Harbour news from Vale: the ferry strike is over.')
      const expected = found ? [typed] : []
      expect((await store.search(query)).map((h) => h.id)).toEqual(expected)
      expect(await store.countSearch(query, 10)).toBe(expected.length)
    })

    it.each([
      ['NEAR(Putin plan, 2)', [0]],
      ['NEAR(plan "Who is", 2)', []],
      ['NEAR(U.S. officials)', [0]],
      ['summi* OR ferry', [0, 1]],
      ['(summit OR ferry) NOT harbour', [0]],
      ['ferry strike NOT U.S.', [1]],
      ['"Russia-China summit" 2023-02-21', [0]],
      ['and or near', []],
      ['?', []],
    ] as const)('search: advanced mode reads operators: %s', async (text, found) => {
      const store = await fresh()
      const ids = await saveSources(store, TYPED_TEXT, 'Harbour news from Vale: the ferry strike is over.')
      expect((await store.search({ text, mode: 'advanced' })).map((h) => h.id).sort()).toEqual(found.map((i) => ids[i]!).sort())
      expect(await store.countSearch({ text, mode: 'advanced' }, 10)).toBe(found.length)
    })

    it.each(['"unpaired', 'NEAR(a, b)', 'NEAR(a b, x)', 'a AND', 'NOT a', '(a', 'a)', '()', '*'])(
      'search: a malformed advanced query is a SEARCH_SYNTAX usage error naming it: %s',
      async (text) => {
        const store = await fresh()
        await saveNumbered(store, 1, 1)
        for (const attempt of [store.search({ text, mode: 'advanced' }), store.countSearch({ text, mode: 'advanced' }, 10), store.listStories({ text: { text, mode: 'advanced' } })]) {
          const error = await attempt.then(() => undefined, (e: unknown) => e)
          expect(error).toBeInstanceOf(UsageError)
          expect(error).toMatchObject({ code: 'SEARCH_SYNTAX', message: expect.stringContaining(JSON.stringify(text)) })
          expect((error as Error).message).not.toMatch(/fts5|sqlite/i)
        }
      },
    )

    it('search: a query without words finds nothing, in either mode', async () => {
      const store = await fresh()
      await saveNumbered(store, 1, 1)
      for (const query of ['?!', ' - ', { text: '$ ?', mode: 'advanced' as const }]) {
        expect(await store.search(query)).toEqual([])
        expect(await store.countSearch(query, 10)).toBe(0)
        expect(await store.listStories({ text: query })).toEqual([])
        expect(await store.countStories({ text: query })).toBe(0)
      }
    })

    runStoryContract(fresh)

    it('leaves summary fields out when nothing states them', async () => {
      const store = await fresh()
      const blob = makeBlob('A short note with no markup.')
      await store.save(blob, [makeDocument(blob, 0)])
      const [summary] = await store.listDocuments()
      expect(summary).not.toHaveProperty('published')
      expect(summary).not.toHaveProperty('publisher')
      expect(summary).not.toHaveProperty('title')
    })
  })
}

function runStoryContract(fresh: () => Promise<Store>): void {
  /** Three stored documents; stories: s1 = [d0 (Harbour Daily), d1 copy of d0 (Coast Post)], s2 = [d2]. */
  const setUp = async (): Promise<{ store: Store; ids: string[]; update: StoryUpdate }> => {
    const store = await fresh()
    const ids: string[] = []
    for (const [text, entity] of [['Ferry strike ends at the harbour.', 'org:~ferry-union'], ['The ferry strike ended today.', 'org:~ferry-union'], ['Dam opens in the valley.', 'place:~river-vale']] as const) {
      ids.push(await saveWithEntities(store, text, [[entity, entity.startsWith('org') ? 'organization' : 'place', 'x', 1]]))
    }
    const s1 = storyWrite('st-1', '2024-03-05', [[ids[0]!, 'Harbour Daily', null], [ids[1]!, 'Coast Post', ids[0]!]], 'Ferry strike ends')
    const s2 = storyWrite('st-2', '2023', [[ids[2]!, 'Valley Courier', null]], 'Dam opens')
    return { store, ids, update: { ...emptyUpdate(), stories: [s1, s2] } }
  }

  it('stories: an applied update reads back by id, by document and in lists', async () => {
    const { store, ids, update } = await setUp()
    await store.applyStoryUpdate(update)
    expect(await store.getStory('st-1')).toEqual(update.stories[0]!.story)
    expect(await store.getStoryCheck('st-2')).toEqual(update.stories[1]!.check)
    expect(await store.storyOf(ids[1]!)).toBe('st-1')
    expect(await store.storyOf('no-such-document')).toBeUndefined()
    expect(await store.getStory('st-9')).toBeUndefined()
    expect(await store.listStories()).toEqual([
      { id: 'st-1', title: 'Ferry strike ends', eventDate: '2024-03-05', articles: 2, outlets: 1, thread: null, updatedAt: '2024-03-06T00:00:00Z' },
      { id: 'st-2', title: 'Dam opens', eventDate: '2023', articles: 1, outlets: 1, thread: null, updatedAt: '2024-03-06T00:00:00Z' },
    ])
    expect(await store.countStories()).toBe(2)
  })

  it.each([
    [{ entity: 'place:~river-vale' }, ['st-2']],
    [{ outlet: 'Coast Post' }, ['st-1']],
    [{ from: '2024' }, ['st-1']],
    [{ to: '2023-12-31' }, ['st-2']],
    [{ to: '2024-03' }, ['st-1', 'st-2']],
    [{ text: 'overnight' }, ['st-1', 'st-2']],
    [{ text: 'drought' }, []],
    [{ order: 'recent' as const }, ['st-1', 'st-2']],
    [{ limit: 1, offset: 1 }, ['st-2']],
  ])('stories: lists and counts by %o', async (options: StoryListOptions, expected) => {
    const { store, update } = await setUp()
    await store.applyStoryUpdate(update)
    expect((await store.listStories(options)).map((s) => s.id)).toEqual(expected)
    if (options.limit === undefined) expect(await store.countStories(options)).toBe(expected.length)
  })

  it('stories: a text filter reads words, or operators in advanced mode', async () => {
    const { store, update } = await setUp()
    await store.applyStoryUpdate(update)
    expect((await store.listStories({ text: 'river, rose.' })).map((s) => s.id)).toEqual(['st-1', 'st-2'])
    expect(await store.countStories({ text: '"unpaired' })).toBe(0)
    expect((await store.listStories({ text: { text: 'NEAR(river rose, 1) NOT drought', mode: 'advanced' } })).map((s) => s.id)).toEqual(['st-1', 'st-2'])
    await expect(store.listStories({ text: { text: '"unpaired', mode: 'advanced' } })).rejects.toMatchObject({ code: 'SEARCH_SYNTAX' })
    await expect(store.countStories({ text: { text: 'NEAR(a, b)', mode: 'advanced' } })).rejects.toMatchObject({ code: 'SEARCH_SYNTAX' })
  })

  it('stories: a thread sets its stories\' thread; removing it clears them', async () => {
    const { store, update } = await setUp()
    const thread: Thread = { id: 'th-1', title: 'Harbour: ferry', actors: [], terms: ['ferry'], stories: [{ id: 'st-2', title: 'Dam opens', eventDate: '2023' }, { id: 'st-1', title: 'Ferry strike ends', eventDate: '2024-03-05' }] }
    await store.applyStoryUpdate({ ...update, threads: [thread] })
    expect(await store.listThreads()).toEqual([thread])
    expect(await store.getThread('th-1')).toEqual(thread)
    expect((await store.getStory('st-1'))?.thread).toBe('th-1')
    expect((await store.listStories({ thread: 'th-1' })).length).toBe(2)
    await store.applyStoryUpdate({ ...emptyUpdate(), removedThreads: ['th-1'] })
    expect(await store.getThread('th-1')).toBeUndefined()
    expect((await store.getStory('st-1'))?.thread).toBeNull()
  })

  it('stories: nothing is half-written when an update fails midway, and the rerun stores it whole', async () => {
    const { store, update } = await setUp()
    // The last row written names no stored document: stories, checks, frequencies and the first signature went before it.
    const signatures = [
      { document: update.stories[0]!.story.articles[0]!.id, signature: Uint32Array.from([1, 2]), bands: [5] },
      { document: 'no-such-document', signature: Uint32Array.from([3, 4]), bands: [6] },
    ]
    const failing: StoryUpdate = { ...update, termFrequencies: { documents: 3, terms: new Map([['ferry', 2]]) }, signatures }
    await expect(store.applyStoryUpdate(failing)).rejects.toBeInstanceOf(StoreError)
    expect(await store.countStories()).toBe(0)
    expect(await store.getStory('st-1')).toBeUndefined()
    expect(await store.getStoryCheck('st-1')).toBeUndefined()
    expect((await store.documentFrequencies(['ferry'])).documents).toBe(0)
    expect(await store.signatureCandidates([5])).toEqual([])
    await store.applyStoryUpdate({ ...update, termFrequencies: failing.termFrequencies })
    expect(await store.getStory('st-1')).toEqual(update.stories[0]!.story)
    expect(await store.documentFrequencies(['ferry', 'dam'])).toEqual({ documents: 3, terms: new Map([['ferry', 2]]) })
  })

  it('stories: an update placing a document another update placed since is STORE_CONFLICT, and writes nothing', async () => {
    const { store, ids, update } = await setUp()
    const sign = (document: string): StoryUpdate['signatures'][number] => ({ document, signature: Uint32Array.from([1, 2]), bands: [5] })
    const terms = { documents: 2, terms: new Map([['ferry', 1]]) }
    await store.applyStoryUpdate({ ...update, signatures: ids.map(sign), termFrequencies: terms })
    // A second writer that read d2 as unplaced before the first wrote: it would count d2 twice.
    const again: StoryUpdate = { ...emptyUpdate(), stories: [storyWrite('st-9', '2023', [[ids[2]!, 'Valley Courier', null]], 'Dam opens')], signatures: [sign(ids[2]!)], termFrequencies: terms }
    await expect(store.applyStoryUpdate(again)).rejects.toMatchObject({ code: 'STORE_CONFLICT' })
    expect(await store.getStory('st-9')).toBeUndefined()
    expect(await store.storyOf(ids[2]!)).toBe('st-2')
    expect((await store.documentFrequencies(['ferry'])).documents).toBe(2)
    expect(await store.checkIntegrity()).toEqual([])
  })

  it('stories: unplaced documents are those in no story, in storage order', async () => {
    const { store, ids, update } = await setUp()
    await store.applyStoryUpdate({ ...update, stories: [update.stories[1]!] })
    const seen: string[] = []
    for await (const doc of store.iterateUnplacedDocuments({ pageSize: 1 })) seen.push(doc.id)
    expect(seen).toEqual([ids[0], ids[1]])
  })

  it('stories: signature candidates are the documents sharing a band key', async () => {
    const { store, ids } = await setUp()
    const signature = Uint32Array.from([7, 8, 9])
    await store.applyStoryUpdate({ ...emptyUpdate(), signatures: [{ document: ids[0]!, signature, bands: [11, 4294967296 + 12] }] })
    expect(await store.signatureCandidates([4294967296 + 12, 99])).toEqual([{ document: ids[0], signature }])
    expect(await store.signatureCandidates([12])).toEqual([])
  })

  it('stories: term frequencies add up across updates', async () => {
    const store = await fresh()
    await store.applyStoryUpdate({ ...emptyUpdate(), termFrequencies: { documents: 2, terms: new Map([['ferry', 2], ['dam', 1]]) } })
    await store.applyStoryUpdate({ ...emptyUpdate(), termFrequencies: { documents: 1, terms: new Map([['ferry', 1]]) } })
    expect(await store.documentFrequencies(['ferry', 'dam', 'quay'])).toEqual({ documents: 3, terms: new Map([['ferry', 3], ['dam', 1]]) })
  })

  it.each([
    [{ window: { from: '2024-03-01', to: '2024-03-20' } }, ['st-1']],
    [{ window: { from: '2023-06-01', to: '2023-06-02' } }, ['st-2']],
    [{ actors: ['org:~ferry-union'] }, ['st-1']],
    [{ ids: ['st-2', 'st-9'] }, ['st-2']],
  ])('stories: loads story states by %o', async (select, expected) => {
    const { store, update } = await setUp()
    await store.applyStoryUpdate(update)
    const states = await store.loadStoryStates(select)
    expect(states.map((s) => s.id).sort()).toEqual(expected)
    const written = update.stories.find((w) => w.story.id === expected[0])!
    // The stored window too: the story step's workspace tells from it which pages may reach the story.
    expect(states[0]).toMatchObject({ ...written.state, thread: null, window: written.window })
  })

  it.each([
    [{ window: { from: '2024-03-01', to: '2024-03-20' } }, ['st-1', 'st-3']],
    [{ window: { from: '1999-01-01', to: '1999-01-02' } }, ['st-3']],
    [{ allActors: ['org:~ferry-union', 'person:~kofi-mensah'] }, ['st-3']],
    [{ allActors: ['org:~ferry-union'] }, ['st-1', 'st-3']],
    [{ actors: ['person:~kofi-mensah', 'place:~river-vale'] }, ['st-2', 'st-3']],
  ])('stories: an undated story, and stories naming every one of several actors, load by %o', async (select, expected) => {
    const { store, update } = await setUp()
    const doc = await saveWithEntities(store, 'Ferry talks with no date given.', [['org:~ferry-union', 'organization', 'x', 1]])
    const base = storyWrite('st-3', '2024', [[doc, 'Harbour Daily', null]], 'Ferry talks')
    const actors = [{ id: 'org:~ferry-union', name: 'x', articles: 1 }, { id: 'person:~kofi-mensah', name: 'Kofi Mensah', articles: 1 }]
    const undated: StoryWrite = { ...base, story: { ...base.story, eventDate: null, first: null, last: null, actors }, window: null }
    await store.applyStoryUpdate({ ...update, stories: [...update.stories, undated] })
    expect((await store.loadStoryStates(select)).map((s) => s.id).sort()).toEqual(expected)
  })

  it('check: a consistent update checks clean; a document counter past its members is a finding', async () => {
    const { store, ids, update } = await setUp()
    const signatures = ids.map((document, i) => ({ document, signature: new Uint32Array([i, i + 1]), bands: [i + 1] }))
    await store.applyStoryUpdate({ ...update, signatures, termFrequencies: { documents: 2, terms: new Map([['ferry', 1], ['dam', 1]]) } })
    expect(await store.checkIntegrity()).toEqual([])
    // What two writers placing the same documents did: counted them twice.
    await store.applyStoryUpdate({ ...emptyUpdate(), termFrequencies: { documents: 2, terms: new Map([['ferry', 2]]) } })
    const findings = (await store.checkIntegrity()).join('\n')
    expect(findings).toMatch(/document counter.*: 1 \(4 counted, 2 clustered\)/)
    expect(findings).toMatch(/term frequencies above the clustered documents.*ferry \(3\)/)
  })

  it('writer: one at a time; a second waits, is told once, and takes the lease when the first gives it back', async () => {
    const store = await fresh()
    const first = await store.acquireWriter()
    const told: WriterHolder[] = []
    let second: WriterLease | undefined
    const taking = store.acquireWriter({ waitMs: 30_000, onWait: (holder) => told.push(holder) }).then((lease) => (second = lease))
    await new Promise((r) => setTimeout(r, 250))
    expect(second).toBeUndefined()
    expect(told).toEqual([{ pid: process.pid, host: expect.any(String), since: expect.any(String) }])
    await first.release()
    await taking
    expect(told).toHaveLength(1)
    await second!.release()
  })

  it('writer: waiting past waitMs is StoreError STORE_BUSY; a released lease is free again', async () => {
    const store = await fresh()
    const first = await store.acquireWriter()
    await expect(store.acquireWriter({ waitMs: 0 })).rejects.toMatchObject({ code: 'STORE_BUSY' })
    await first.release()
    await (await store.acquireWriter({ waitMs: 0 })).release()
  })

  it('stories: an unknown list order is a UsageError naming the known ones', async () => {
    const store = await fresh()
    await expect(store.listStories({ order: 'newest' as 'recent' })).rejects.toThrow(/order must be one of top, recent/)
  })
}

function emptyUpdate(): StoryUpdate {
  return { stories: [], threads: [], removedThreads: [], termFrequencies: { documents: 0, terms: new Map() }, signatures: [] }
}

/** A story of the given members (`[id, outlet, duplicateOf]`), its empty check and state. */
function storyWrite(id: string, date: string, members: ReadonlyArray<readonly [string, string, string | null]>, title: string): StoryWrite {
  const actor = id === 'st-1' ? 'org:~ferry-union' : 'place:~river-vale'
  const story: Story = {
    id, title, titleFrom: members[0]![0], eventDate: date, eventDateBasis: 'published', first: date, last: date,
    articles: members.map(([doc, source, dup]) => ({ id: doc, source, title, url: null, published: date, eventDate: null, duplicateOf: dup === null ? null : { id: dup, similarity: 0.9 } })),
    outlets: new Set(members.filter(([, , dup]) => dup === null).map(([doc, source]) => outletKey(source, doc))).size, actors: [{ id: actor, name: 'x', articles: 1 }], thread: null, updatedAt: '2024-03-06T00:00:00Z',
  }
  const day = date.length === 4 ? [`${date}-01-01`, `${date}-12-31`] : [date, date]
  return {
    story,
    check: { story: id, facts: [], conflicts: [], quality: [] },
    state: { id, first: date, last: date, centroid: [['ferry', 0.8], ['harbour', 0.6]], entities: [[actor, 1]], quotes: ['q1'], size: 1, reported: { first: date, last: date }, languages: ['de', 'en'] },
    window: { from: day[0]!, to: day[1]! },
  }
}

/** Bytes as a `Blob` with their true SHA-256. */
export function blobOf(bytes: Uint8Array, input: string, mediaType?: string): Blob {
  return { sha256: sha256Of(bytes), bytes, input, ...(mediaType ? { mediaType } : {}) }
}

function makeBlob(text: string): Blob {
  return blobOf(new TextEncoder().encode(text), `inputs/${sha256Of(new TextEncoder().encode(text)).slice(0, 8)}.html`, 'text/html')
}

function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/**
 * A document read from `blob`, built by hand. `full` adds every optional field and all three
 * layers; otherwise only what the model requires is set.
 */
export function makeDocument(blob: Blob, index: number, options: { full?: boolean } = {}): Document {
  const id = sha256Of(new TextEncoder().encode(`${blob.sha256}#${index}`))
  const source = 'River rises overnight\nThe river rose two metres overnight.\nShare this story'
  const base = {
    id,
    origin: { input: blob.input, blob: blob.sha256, container: 'text' as const },
    charset: { name: 'utf-8', basis: 'valid-utf8' as const, confidence: 1 },
    hints: {},
    source,
    layers: {},
    messages: [],
  }
  if (!options.full) return base
  return {
    ...base,
    origin: { ...base.origin, record: `item-${index}`, url: `https://news.example/river-${index}`, container: 'html', capturedAt: '2024-03-06T08:00:00Z' },
    charset: { name: 'windows-1252', basis: 'meta', confidence: 0.9 },
    hints: { title: 'River rises', authors: ['A. Writer', 'B. Editor'], contentType: 'text/html' },
    markup: '<h1>River rises overnight</h1><p>The river rose two metres overnight.</p><p>Share this story</p>',
    layers: {
      clean: {
        blocks: [{ kind: 'paragraph', spans: [{ start: 22, end: 58 }] }],
        removed: [
          { span: { start: 0, end: 21 }, reason: 'title' },
          { span: { start: 59, end: 75 }, reason: 'share-prompt', note: 'share button label' },
        ],
        flags: [],
      },
      page: { candidates: [{ field: 'title', value: 'River rises overnight', basis: 'h1' }] },
      metadata: {
        title: { value: 'River rises overnight', basis: 'h1', confidence: 0.8, span: { start: 0, end: 21 } },
        authors: [],
        publisher: { value: 'The Valley Courier', basis: 'meta[property=og:site_name]', confidence: 0.9 },
        published: { value: { date: '2024-03-05', precision: 'day' }, basis: 'json-ld:datePublished', confidence: 0.95 },
      },
    },
    messages: [{ severity: 'warning', code: 'CHARSET_GUESSED', input: blob.input, message: 'charset from meta tag', span: { start: 0, end: 5 } }],
  }
}

function withBadLayer(doc: Document, bad: unknown): Document {
  const page = { candidates: [{ field: 'title', value: 'x', basis: 'h1', extra: bad }] }
  return { ...doc, layers: { ...doc.layers, page } as unknown as Document['layers'] }
}

type EntitySpec = readonly [id: string, type: EntityType, name: string, mentions: number]

/** An entities layer with the given entities, each mentioned `mentions` times at made-up spans. */
export function entitiesLayer(specs: readonly EntitySpec[]): EntitiesLayer {
  const entities = specs.map(([id, type, name]) => ({ id, type, name, aliases: [name], roles: [], known: false }))
  const mentions = specs.flatMap(([id, , , count], k) =>
    Array.from({ length: count }, (_, i) => ({ span: { start: k * 100 + i * 10, end: k * 100 + i * 10 + 4 }, entity: id, kind: 'name' as const, sentence: 0 })),
  )
  return { entities, mentions: mentions.sort((a, b) => a.span.start - b.span.start) }
}

async function saveWithEntities(store: Store, text: string, specs: readonly EntitySpec[]): Promise<string> {
  const blob = makeBlob(text)
  const doc = makeDocument(blob, 0)
  await store.save(blob, [{ ...doc, layers: { entities: entitiesLayer(specs) } }])
  return doc.id
}

/** Every query people were refused with in issue 10, in one text. */
const TYPED_TEXT = "U.S. officials said Putin's plan would cost $220 billion and move 5,459 troops by 2023-02-21, before the Russia-China summit. Who is Putin? they asked."

/** One document per text (its source, no layers), in order. */
async function saveSources(store: Store, ...texts: string[]): Promise<string[]> {
  const ids: string[] = []
  for (const text of texts) {
    const blob = makeBlob(text)
    const doc = { ...makeDocument(blob, 0), source: text }
    await store.save(blob, [doc])
    ids.push(doc.id)
  }
  return ids
}

async function saveNumbered(store: Store, blobs: number, perBlob: number): Promise<string[]> {
  const ids: string[] = []
  for (let b = 0; b < blobs; b++) {
    const blob = makeBlob(`Batch number ${b} of the listing test.`)
    const docs = Array.from({ length: perBlob }, (_, i) => makeDocument(blob, i))
    await store.save(blob, docs)
    ids.push(...docs.map((d) => d.id))
  }
  return ids
}
