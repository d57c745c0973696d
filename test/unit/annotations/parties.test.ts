import { strict as assert } from 'assert';
import { readFileSync, writeFileSync } from 'fs';
import {
  ArticleAnnotations,
  AnnotationError,
  SidecarError,
  decideParty,
  mergeRecognized,
  parseSidecar,
  partiesChosen,
  shownParties,
  sidecarPathFor,
} from '../../../src/core/annotations';
import { sha256Hex } from '../../../src/core/annotations/ids';
import type { Mention } from '../../../src/core/model';
import { ARTICLE, deterministic, mention, tempDir, writeArticle } from './helpers';

// The helpers' article: "日本とロシアが条約に署名した" and "Russia said the treaty stands".
const treaty = (n: number, parties?: string[]): Mention => ({ ...mention(ARTICLE, n === 0 ? '条約' : 'treaty', 'doc:treaty', 'treaty', 0), parties });

describe('annotations/parties (suggested, confirmed, rejected)', () => {
  it('shows suggestions not rejected, then confirmed additions, each once', () => {
    assert.deepEqual(shownParties(['japan', 'russia'], undefined), [
      { entity: 'japan', status: 'suggested' },
      { entity: 'russia', status: 'suggested' },
    ]);
    const decided = decideParty(decideParty(undefined, 'russia', 'rejected'), 'china', 'confirmed');
    assert.deepEqual(shownParties(['japan', 'russia'], decided), [
      { entity: 'japan', status: 'suggested' },
      { entity: 'china', status: 'confirmed' },
    ]);
    // A later decision on the same party replaces the earlier one.
    assert.deepEqual(decideParty(decided, 'russia', 'confirmed'), [{ entity: 'china', status: 'confirmed' }, { entity: 'russia', status: 'confirmed' }]);
    assert.deepEqual(partiesChosen(['japan', 'russia'], ['russia', 'china']), [
      { entity: 'russia', status: 'confirmed' },
      { entity: 'china', status: 'confirmed' },
      { entity: 'japan', status: 'rejected' },
    ]);
  });
});

describe('annotations/store: parties in the sidecar', () => {
  let tmp: ReturnType<typeof tempDir>;
  let article: string;
  beforeEach(() => {
    tmp = tempDir();
    article = writeArticle(tmp.dir);
  });
  afterEach(() => tmp.cleanup());

  it('stores decisions on the agreement entity, keeps it without annotations, and merges them into every mention of it', async () => {
    const store = await ArticleAnnotations.load(article, ARTICLE, deterministic());
    const recognized = [treaty(0, ['japan', 'russia']), { ...treaty(1, ['japan', 'russia']), ...mention(ARTICLE, 'treaty', 'doc:treaty', 'treaty') , parties: ['japan', 'russia'] }];
    store.setPartyDecisions(recognized[0], partiesChosen(['japan', 'russia'], ['russia', 'china']));
    await store.save();
    const doc = parseSidecar(readFileSync(sidecarPathFor(article)), sidecarPathFor(article));
    assert.equal(doc.annotations.length, 0);
    assert.deepEqual(doc.entities, [{ id: 'doc:treaty', kind: 'agreement', type: 'treaty', name: '条約', qid: null, parties: [
      { entity: 'russia', status: 'confirmed' }, { entity: 'china', status: 'confirmed' }, { entity: 'japan', status: 'rejected' },
    ] }]);
    const again = await ArticleAnnotations.load(article, ARTICLE, deterministic());
    const shown = mergeRecognized(ARTICLE, recognized, again).mentions.filter((m) => m.kind === 'agreement');
    assert.equal(shown.length, 2);
    for (const m of shown) assert.deepEqual(m.parties, ['russia', 'china']);
    // Confirming a mention keeps the decisions; a confirmed mention shows them too.
    again.confirm(recognized[1]);
    const afterConfirm = mergeRecognized(ARTICLE, recognized, again).mentions.filter((m) => m.kind === 'agreement');
    assert.deepEqual(afterConfirm.map((m) => [m.status, m.parties]), [['recognized', ['russia', 'china']], ['confirmed', ['russia', 'china']]]);
    // Clearing every decision drops the field (and the entity, once nothing uses it).
    again.remove(again.annotations()[0].id);
    again.setPartyDecisions(recognized[0], []);
    await again.save();
    assert.deepEqual(parseSidecar(readFileSync(sidecarPathFor(article)), sidecarPathFor(article)).entities, []);
  });

  it('refuses parties on an actor and an agreement that is its own party', async () => {
    const store = await ArticleAnnotations.load(article, ARTICLE, deterministic());
    assert.throws(() => store.setPartyDecisions(mention(ARTICLE, 'Japan', 'japan', 'country'), [{ entity: 'russia', status: 'confirmed' }]), AnnotationError);
    assert.throws(() => store.setPartyDecisions(treaty(0), [{ entity: 'doc:treaty', status: 'confirmed' }]), AnnotationError);
  });

  it('loads a sidecar of the current version without parties and loses nothing when parties are added', async () => {
    // Written as this version wrote files before parties existed, with a field of a future version.
    const hash = sha256Hex(ARTICLE);
    const m = mention(ARTICLE, 'Russia', 'russia', 'country');
    const old = {
      version: 1,
      article: 'a.txt',
      textHash: hash,
      futureRootField: { kept: true },
      entities: [
        { id: 'russia', kind: 'actor', type: 'country', name: 'Russia', qid: 'Q159', futureEntityField: 1 },
        { id: 'doc:treaty', kind: 'agreement', type: 'treaty', name: '条約', qid: null },
      ],
      annotations: [
        { id: 'a-1', entity: 'russia', kind: 'actor', type: 'country', status: 'confirmed', note: 'kept', created: '2025-01-01T00:00:00.000Z', modified: '2025-01-01T00:00:00.000Z',
          target: { selector: [{ type: 'TextPositionSelector', start: m.start, end: m.end }, { type: 'TextQuoteSelector', exact: 'Russia', prefix: ARTICLE.slice(0, ARTICLE.indexOf('Russia')).slice(-32), suffix: ARTICLE.slice(ARTICLE.indexOf('Russia') + 6, ARTICLE.indexOf('Russia') + 38) }] } },
        { id: 'a-2', entity: 'doc:treaty', kind: 'agreement', type: 'treaty', status: 'rejected', created: '2025-01-01T00:00:00.000Z', modified: '2025-01-01T00:00:00.000Z',
          target: { selector: [{ type: 'TextPositionSelector', ...(({ start, end }) => ({ start, end }))(treaty(1)) }, { type: 'TextQuoteSelector', exact: 'treaty', prefix: '', suffix: '' }] } },
      ],
    };
    writeFileSync(sidecarPathFor(article), JSON.stringify(old, null, 2));
    const store = await ArticleAnnotations.load(article, ARTICLE, deterministic());
    assert.equal(store.error, null);
    assert.equal(store.entity('doc:treaty')!.parties, undefined);
    store.setPartyDecisions(treaty(0), [{ entity: 'japan', status: 'confirmed' }]);
    await store.save();
    const doc = JSON.parse(readFileSync(sidecarPathFor(article), 'utf8'));
    assert.deepEqual(doc.futureRootField, { kept: true });
    assert.equal(doc.entities.find((e: { id: string }) => e.id === 'russia').futureEntityField, 1);
    assert.deepEqual(doc.entities.find((e: { id: string }) => e.id === 'doc:treaty').parties, [{ entity: 'japan', status: 'confirmed' }]);
    assert.deepEqual(doc.annotations.map((a: { id: string; status: string; note?: string }) => [a.id, a.status, a.note]), [['a-1', 'confirmed', 'kept'], ['a-2', 'rejected', undefined]]);
  });

  it('rejects a sidecar deciding one party twice or giving an actor parties (never overwritten)', async () => {
    const store = await ArticleAnnotations.load(article, ARTICLE, deterministic());
    store.setPartyDecisions(treaty(0), [{ entity: 'japan', status: 'confirmed' }]);
    await store.save();
    const file = sidecarPathFor(article);
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    doc.entities[0].parties.push({ entity: 'japan', status: 'rejected' });
    const bad = JSON.stringify(doc);
    writeFileSync(file, bad);
    assert.throws(() => parseSidecar(Buffer.from(bad), file), (e: unknown) => e instanceof SidecarError && /decided twice/.test(e.message + JSON.stringify(e.problems)));
    const broken = await ArticleAnnotations.load(article, ARTICLE, deterministic());
    assert.ok(broken.readOnly);
    assert.equal(readFileSync(file, 'utf8'), bad);
  });
});
