import { parse as parseCsv } from 'csv-parse/sync'
import { MultiDirectedGraph } from 'graphology'
import { parse as parseGexfAs } from 'graphology-gexf'
import { parse as parseGraphml } from 'graphology-graphml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportStore } from '../../test/helpers/export-store.js'
import { UsageError } from '../errors.js'
import type { Store } from '../store/index.js'
import { exportText, type Format } from './index.js'

let store: Store
beforeAll(async () => {
  store = await exportStore()
})
afterAll(async () => store.close())

async function graphText(format: Format, story?: string): Promise<string> {
  let out = ''
  for await (const chunk of exportText(store, { what: 'graph', format, story })) out += chunk
  return out
}

// As the file says: directed (graphology-gexf would make an empty graph "mixed" otherwise).
const parseGexf = (graph: typeof MultiDirectedGraph, text: string) => parseGexfAs(graph, text, { respectInputGraphType: true })

const CRITICIZE = 'country:FR|criticize|positive|target|country:DE'

describe('export: the actor graph', () => {
  it('gexf: loads in graphology with the actors as nodes (type, mentions) and the relation as an edge citing both articles', async () => {
    const graph = parseGexf(MultiDirectedGraph, await graphText('gexf'))
    expect(graph.hasNode('country:FR') && graph.hasNode('country:DE')).toBe(true)
    expect(graph.getNodeAttributes('country:FR')).toMatchObject({ label: 'France', type: 'country', mentions: 2, documents: 2 })
    const edge = graph.getEdgeAttributes(CRITICIZE)
    expect(edge).toMatchObject({ label: 'criticize', weight: 2, action: 'criticize', polarity: 'positive', role: 'target', events: 2, articles: ['d1', 'd2'], sources: ['harbour.example', 'coastnews.example'] })
    expect(graph.source(CRITICIZE)).toBe('country:FR')
    expect(graph.target(CRITICIZE)).toBe('country:DE')
  })

  it('graphml: loads in graphology with the same nodes and edges', async () => {
    const graph = parseGraphml(MultiDirectedGraph, await graphText('graphml'))
    const gexf = parseGexf(MultiDirectedGraph, await graphText('gexf'))
    expect(graph.nodes().sort()).toEqual(gexf.nodes().sort())
    expect(graph.edges().sort()).toEqual(gexf.edges().sort())
    expect(graph.getNodeAttributes('country:DE')).toMatchObject({ label: 'Germany', type: 'country', mentions: 2 })
    expect(graph.getEdgeAttributes(CRITICIZE)).toMatchObject({ action: 'criticize', polarity: 'positive', events: 2, articles: 'd1; d2' })
  })

  it('graphml: names with XML characters are escaped, and the file still parses', async () => {
    const { toGraphml } = await import('./graph-formats.js')
    const graph = new MultiDirectedGraph()
    graph.addNode('org:~a&b', { name: 'A & B <"Ltd">\u0001', type: 'organization', mentions: 1, documents: 1 })
    graph.addNode('org:~c', { name: "C's", type: 'organization', mentions: 1, documents: 1 })
    graph.addEdgeWithKey('e', 'org:~a&b', 'org:~c', { action: 'support', polarity: 'positive', role: 'target', events: 1, first: null, last: null, articles: ['d9'], sources: ['x'] })
    const parsed = parseGraphml(MultiDirectedGraph, toGraphml(graph as never))
    expect(parsed.getNodeAttribute('org:~a&b', 'label')).toBe('A & B <"Ltd">')
    expect(parsed.getNodeAttribute('org:~c', 'label')).toBe("C's")
  })

  it('csv: the edge list has the columns Gephi imports by name and a row per edge', async () => {
    const rows = parseCsv(await graphText('csv'), { columns: true }) as Array<Record<string, string>>
    const gexf = parseGexf(MultiDirectedGraph, await graphText('gexf'))
    expect(rows).toHaveLength(gexf.size)
    expect(rows.find((r) => r.Source === 'country:FR' && r.Target === 'country:DE')).toMatchObject({
      Type: 'Directed', Label: 'criticize', Weight: '2', sourceName: 'France', targetName: 'Germany', articles: 'd1; d2',
    })
  })

  it('json: graphology\'s serialised graph, importable as it is', async () => {
    const graph = MultiDirectedGraph.from(JSON.parse(await graphText('json')) as never)
    expect(graph.getEdgeAttribute(CRITICIZE, 'articles')).toEqual(['d1', 'd2'])
  })

  it('--story: the graph of one story only; an unknown story is refused', async () => {
    const fair = parseGexf(MultiDirectedGraph, await graphText('gexf', 'st-00000000000f'))
    expect(fair.order).toBe(0)
    const bridge = parseGexf(MultiDirectedGraph, await graphText('gexf', 'st-00000000000b'))
    expect(bridge.hasEdge(CRITICIZE)).toBe(true)
    await expect(graphText('gexf', 'st-ffffffffffff')).rejects.toThrow(/No story "st-ffffffffffff"/)
    await expect(graphText('jsonld')).rejects.toThrow(UsageError)
  })
})
