import { write as writeGexf } from 'graphology-gexf'
import { csvLines, LIST_SEPARATOR, type CsvTable } from './csv.js'
import type { ActorGraph, ActorNode, RelationEdge } from './graph.js'

/**
 * The actor graph as GEXF 1.3 (Gephi's format), written by graphology-gexf: a node per actor
 * labelled with its name, with its type and mention counts; an edge per relation labelled with
 * its action, weighted by its events, with polarity, role, dates and the articles citing it
 * (GEXF list values).
 */
export function toGexf(graph: ActorGraph): string {
  return writeGexf(graph, {
    version: '1.3',
    formatNode: (_key, node: ActorNode) => ({ label: node.name, attributes: nodeAttributes(node) }),
    formatEdge: (_key, edge: RelationEdge) => ({ label: edge.action, weight: edge.events, attributes: edgeAttributes(edge) }),
  })
}

function nodeAttributes(node: ActorNode): Record<string, unknown> {
  return { type: node.type, mentions: node.mentions, documents: node.documents }
}

function edgeAttributes(edge: RelationEdge): Record<string, unknown> {
  return { action: edge.action, polarity: edge.polarity, role: edge.role, events: edge.events, first: edge.first, last: edge.last, articles: edge.articles, sources: edge.sources }
}

/** GraphML's declared attributes (`<key>`): name, what it belongs to, and its GraphML type. */
const GRAPHML_KEYS = [
  ['label', 'node', 'string'], ['type', 'node', 'string'], ['mentions', 'node', 'int'], ['documents', 'node', 'int'],
  ['label', 'edge', 'string'], ['action', 'edge', 'string'], ['polarity', 'edge', 'string'], ['role', 'edge', 'string'], ['events', 'edge', 'int'],
  ['weight', 'edge', 'double'], ['first', 'edge', 'string'], ['last', 'edge', 'string'], ['articles', 'edge', 'string'], ['sources', 'edge', 'string'],
] as const

/**
 * The actor graph as GraphML (yEd, Cytoscape, NetworkX, igraph). Written here because
 * graphology-graphml only parses: a flat `<graph>` of `<node>`s and `<edge>`s with declared
 * `<data>` keys is all the format needs. GraphML has no list type, so an edge's articles and
 * outlets are one string, joined by `; `.
 */
export function toGraphml(graph: ActorGraph): string {
  const keyId = (name: string, domain: string): string => `${domain === 'node' ? 'n' : 'e'}_${name}`
  const data = (domain: string, values: Record<string, unknown>): string =>
    Object.entries(values)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([name, v]) => `<data key="${keyId(name, domain)}">${xmlText(Array.isArray(v) ? v.join(LIST_SEPARATOR) : String(v))}</data>`)
      .join('')
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...GRAPHML_KEYS.map(([name, domain, type]) => `  <key id="${keyId(name, domain)}" for="${domain}" attr.name="${name}" attr.type="${type}"/>`),
    '  <graph id="actors" edgedefault="directed">',
  ]
  graph.forEachNode((id, node) => lines.push(`    <node id="${xmlText(id)}">${data('node', { label: node.name, ...nodeAttributes(node) })}</node>`))
  graph.forEachEdge((id, edge, source, target) => {
    lines.push(`    <edge id="${xmlText(id)}" source="${xmlText(source)}" target="${xmlText(target)}">${data('edge', { label: edge.action, weight: edge.events, ...edgeAttributes(edge) })}</edge>`)
  })
  lines.push('  </graph>', '</graphml>', '')
  return lines.join('\n')
}

// Characters XML 1.0 cannot hold at all (controls, lone surrogates, U+FFFE/FFFF): dropped, since
// an entity name from a page could carry one and one would make the whole file unreadable.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

function xmlText(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!)
}

/** One row of the plain edge list: an edge with its two ends. */
export interface EdgeRow extends RelationEdge {
  readonly source: string
  readonly target: string
  readonly sourceName: string
  readonly targetName: string
}

/**
 * The plain edge list as CSV: `Source`, `Target`, `Type`, `Label` and `Weight` are the columns
 * Gephi's spreadsheet import reads by name; the rest are the edge's attributes.
 */
export const EDGE_LIST: CsvTable<EdgeRow> = {
  columns: [
    { header: 'Source', value: (e) => e.source },
    { header: 'Target', value: (e) => e.target },
    { header: 'Type', value: () => 'Directed' },
    { header: 'Label', value: (e) => e.action },
    { header: 'Weight', value: (e) => e.events },
    { header: 'sourceName', value: (e) => e.sourceName },
    { header: 'targetName', value: (e) => e.targetName },
    { header: 'action', value: (e) => e.action },
    { header: 'polarity', value: (e) => e.polarity },
    { header: 'role', value: (e) => e.role },
    { header: 'first', value: (e) => e.first },
    { header: 'last', value: (e) => e.last },
    { header: 'sources', value: (e) => e.sources.join(LIST_SEPARATOR) },
    { header: 'articles', value: (e) => e.articles.join(LIST_SEPARATOR) },
  ],
}

/** The edge list's CSV lines. */
export function edgeListLines(graph: ActorGraph): AsyncGenerator<string> {
  async function* rows(): AsyncGenerator<EdgeRow> {
    for (const { attributes, source, target } of graph.edgeEntries()) {
      yield { ...attributes, source, target, sourceName: graph.getNodeAttribute(source, 'name'), targetName: graph.getNodeAttribute(target, 'name') }
    }
  }
  return csvLines(rows(), EDGE_LIST)
}
