/**
 * W3C Web Annotation (JSON-LD): one AnnotationCollection whose items each
 * target the article with a TextPositionSelector (code points, as the model
 * defines them) and a TextQuoteSelector. Bodies: the entity (its Wikidata IRI
 * when it has a QID, and its name), the type as a tag, the note as a comment.
 */
import { TextView } from '../annotations/text-view';
import { entityName, exported, type ExportDocument } from './types';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export function toW3cItems(doc: ExportDocument): Record<string, unknown>[] {
  const view = new TextView(doc.text);
  return exported(doc).map((a) => {
    const qid = a.qid;
    const body: Record<string, unknown>[] = [
      ...(qid ? [{ id: `http://www.wikidata.org/entity/${qid}`, purpose: 'identifying' }] : []),
      { type: 'TextualBody', value: entityName(doc, a.entity), purpose: 'identifying' },
      { type: 'TextualBody', value: a.type, purpose: 'tagging' },
      ...(a.note ? [{ type: 'TextualBody', value: a.note, purpose: 'commenting' }] : []),
      // A suggestion is marked so a consumer can tell it from a decision.
      ...(a.status === 'suggested' ? [{ type: 'TextualBody', value: 'suggestion', purpose: 'assessing' }] : []),
    ];
    const quote = view.quote(a.start, a.end);
    return {
      id: `urn:article-annotator:${encodeURIComponent(doc.source)}:${a.id}`,
      type: 'Annotation',
      motivation: 'identifying',
      created: a.created,
      modified: a.modified,
      body,
      target: {
        source: doc.source,
        selector: [
          { type: 'TextPositionSelector', start: a.start, end: a.end },
          { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
        ],
      },
    };
  });
}

/** One collection for any number of articles. */
export function toW3c(docs: ExportDocument[]): string {
  const items = docs.flatMap(toW3cItems);
  const collection = {
    '@context': ANNO_CONTEXT,
    type: 'AnnotationCollection',
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
  return JSON.stringify(collection, null, 2) + '\n';
}
