/**
 * W3C Web Annotation (JSON-LD): one AnnotationCollection whose items each
 * target the article with a TextPositionSelector (code points, as the model
 * defines them) and a TextQuoteSelector. Bodies: the entity (its Wikidata IRI
 * when it has a QID, and its name), the type as a tag, the note as a comment.
 * Parties: per agreement entity, a linking annotation whose target is the
 * agreement's first annotation and whose bodies are the parties (Wikidata IRIs
 * where known, else urn:article-annotator:entity:<id>) and their annotations
 * in the article, tagged "party".
 */
import { TextView } from '../annotations/text-view';
import { entityName, exported, partyRelations, type ExportDocument } from './types';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

const entityIri = (doc: ExportDocument, id: string) => {
  const qid = doc.entity(id)?.qid;
  return qid ? `http://www.wikidata.org/entity/${qid}` : `urn:article-annotator:entity:${encodeURIComponent(id)}`;
};

export function toW3cItems(doc: ExportDocument): Record<string, unknown>[] {
  const view = new TextView(doc.text);
  const items = exported(doc);
  const idOf = (i: number) => `urn:article-annotator:${encodeURIComponent(doc.source)}:${items[i].id}`;
  const annotations = items.map((a) => {
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
  const relations = partyRelations(items);
  const links: Record<string, unknown>[] = [];
  const done = new Set<string>();
  items.forEach((a, i) => {
    if (a.kind !== 'agreement' || !a.parties?.length || done.has(a.entity)) return;
    done.add(a.entity);
    const spans = relations.filter((r) => r.agreement === i).map((r) => ({ id: idOf(r.party) }));
    links.push({
      id: `urn:article-annotator:${encodeURIComponent(doc.source)}:parties:${encodeURIComponent(a.entity)}`,
      type: 'Annotation',
      motivation: 'linking',
      body: [
        ...a.parties.map((p) => ({ id: entityIri(doc, p), purpose: 'identifying' })),
        ...spans,
        { type: 'TextualBody', value: 'party', purpose: 'tagging' },
      ],
      target: idOf(i),
    });
  });
  return [...annotations, ...links];
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
