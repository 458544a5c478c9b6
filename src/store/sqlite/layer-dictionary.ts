/**
 * The preset dictionary of packed layers, version 1 (see `packed.ts`): fragments of the layers'
 * JSON as the stages write it — field names, the words of their closed value sets, and the shapes
 * a span, a mention or a sentence takes — so that even a document's first entity costs a few bits
 * per field name. Rarest first: deflate codes a match nearer the end in fewer bits.
 *
 * Frozen: every stored layer pack of format `layersV1` was deflated against exactly these bytes. A
 * better dictionary is a new constant and a new format byte beside this one, never an edit.
 */
const FRAGMENTS = [
  // metadata and page
  '{"candidates":[]}', '"field":"canonical"', '"modified"', '"description"', '"section"', '"captured":',
  '{"title":{"value":"', '"basis":"hint:title","confidence":', '"authors":[{"value":"', '"basis":"hint:authors"',
  '"publisher":{"value":"', '"language":{"value":"en","basis":"text:stop-words","confidence":0.9}',
  '"canonicalUrl":{"value":"https://', '"basis":"hint:url","confidence":0.75}',
  '"published":{"value":{"date":"', '"precision":"day"},"basis":"hint:published","confidence":0.9}',
  // clean
  '{"blocks":[{"kind":"heading","spans":[', '"list-item"', '"table-row"', '"preformatted"',
  '"removed":[{"span":', '"reason":"', '"note":"', '"flags":[]}', '"removed":[],"flags":[]}',
  '{"kind":"paragraph","spans":[{"start":',
  // times
  '{"times":[{"id":"t0","span":', '"modifier":"', '"early"', '"late"', '"about"', '"precision":"month"', '"precision":"year"',
  '"anchor":"absolute"', '"anchor":"context"', '"anchor":"unresolved"', '"anchor":"publication"',
  '"role":"reported-event"', '"role":"as-of"', '"role":"future"', '"role":"dateline"', '"role":"other"', '"role":"past"',
  '"eventDate":{"value":"', '"time":"t',
  // claims
  '{"claims":[{"id":"c0","span":', '"unit":null', '"unit":"percent"', '"unit":"USD"', '"comparator":"approx"', '"comparator":"gt"',
  '"comparator":"eq","measure":{"text":"', '"subject":{"entity":"', '"time":{"id":"t', '"source":{"entity":',
  '"measure":null,"subject":null,"time":null,"source":null',
  // events
  '{"events":[]}', '{"events":[{"id":"e0","action":"', '"cooperate"', '"reject"', '"propose"', '"demand"', '"threaten"',
  '"sanction"', '"criticize"', '"praise"', '"intend"', '"ally"', '"trigger":{"start":', '"actor":{"entity":"',
  '"target":{"entity":"', '"against":null', '"polarity":"negative"', '"modality":"future"', '"modality":"possible"',
  '"modality":"question"', '"polarity":"positive","modality":"asserted","speaker":', '"quote":"q', '"date":{"value":"',
  // quotes
  '{"quotes":[{"id":"q0","span":', '"resolution":"pronoun"', '"resolution":"role"', '"resolution":"carried"',
  '"resolution":"unnamed"', '"resolution":"unclear"', '"speaker":{"entity":null,"span":null,',
  '"parts":[{"start":', '"direct":false,"partial":false,"speaker":{"entity":"', '"direct":true,"partial":false,"speaker":{"entity":"',
  '"resolution":"named"},"cue":{"start":',
  // entities
  '{"entities":[{"id":"', '"type":"treaty"', '"type":"event"', '"type":"group"', '"type":"place"', '"org:', '"treaty:',
  '"type":"organization"', '"type":"country"', '"roles":[{"title":"', '"basis":"gazetteer"', '"basis":"text"', '"organization":"',
  '"roles":[],"known":true}', '"roles":[],"known":false}', '"country":"', '"aliases":["',
  '"use":"attribute"', '"use":"government"', '"use":"place"', '"kind":"acronym"', '"kind":"demonym"', '"kind":"metonym"',
  '"kind":"role"', '"kind":"pronoun"', '"kind":"partial-name"', '"mentions":[{"span":', '"entity":"country:',
  '"type":"person","name":"', '"entity":"person:~', '"kind":"name","sentence":',
  // sentences, and the span every layer is full of
  '{"sentences":[{"span":', '"kind":"quote"}', '"block":', '"kind":"paragraph"},{"span":', '"sentence":', '"span":{"start":',
  '},{"start":', ',"end":',
]

export const LAYER_DICTIONARY_V1: Buffer = Buffer.from(FRAGMENTS.join(''), 'utf8')
