import { strict as assert } from 'assert';
import type { ShownMention } from '../../../src/core/annotations';
import { kindOf, type EntityType } from '../../../src/core/model';
import { outline, type EntityNames } from '../../../src/core/workspace/group';
import { buildNodes, childrenOf, type Node } from '../../../src/extension/sidebar/nodes';

function m(start: number, text: string, entity: string, type: EntityType): ShownMention {
  return { start, end: start + text.length, text, kind: kindOf(type), type, entity, qid: null, status: 'recognized' };
}
const names: EntityNames = { get: () => undefined };

describe('sidebar/nodes (lazy children)', () => {
  // Many articles, one mention of each of two entities in each.
  const articles = Array.from({ length: 20 }, (_, i) => ({ file: `f${i}`, mentions: [m(0, 'Japan', 'japan', 'country'), m(9, 'NPT', 'npt', 'treaty')], orphans: [] }));
  const roots = buildNodes(outline(articles, names), []);

  it('builds only the roots, and every level on request with parents linked', () => {
    assert.deepEqual(roots.map((r) => r.id), ['kind:actor', 'kind:agreement']);
    const types = childrenOf(roots[0]);
    assert.deepEqual(types.map((n) => n.id), ['type:country']);
    const entities = childrenOf(types[0]);
    assert.deepEqual(entities.map((n) => n.id), ['entity:country:japan']);
    const mentions = childrenOf(entities[0]);
    assert.equal(mentions.length, 20);
    assert.equal(mentions[0].parent, entities[0]);
    assert.equal(entities[0].parent, types[0]);
    assert.equal(childrenOf(mentions[0]).length, 0);
  });

  it('returns the same node objects on every expansion (so reveal and selection hold)', () => {
    const types = childrenOf(roots[1]);
    assert.equal(childrenOf(roots[1]), types);
    const walk = (n: Node): number => 1 + childrenOf(n).reduce((s, c) => s + walk(c), 0);
    assert.equal(walk(roots[1]), 1 + 1 + 1 + 20);
  });
});

describe('sidebar/nodes: Parties and Agreements', () => {
  const treaty = (start: number, parties: string[]): ShownMention => ({ ...m(start, '条約', 'doc:treaty', 'treaty'), parties });
  const article = {
    file: 'a',
    mentions: [m(0, '日', 'japan', 'country'), m(1, '比', 'philippines', 'country'), m(5, '中国', 'china', 'country'), treaty(10, ['japan', 'philippines', 'australia']), treaty(30, ['japan', 'philippines', 'australia'])],
    orphans: [],
  };
  const named: EntityNames = { get: (id) => (id === 'australia' ? { name: 'Australia', aliases: [], qid: 'Q408' } : undefined) };
  const roots = buildNodes(outline([article], named), []);
  const entity = (kind: number, id: string) => childrenOf(childrenOf(roots[kind])[0]).find((n) => n.t === 'entity' && n.group.entity === id)!;

  it('an agreement has a Parties node first, listing every party (named from the directory or its mention)', () => {
    const children = childrenOf(entity(1, 'doc:treaty'));
    assert.deepEqual(children.map((n) => n.t), ['parties', 'mention', 'mention']);
    const parties = childrenOf(children[0]);
    assert.deepEqual(parties.map((n) => n.t === 'party' && n.ref.name), ['日', '比', 'Australia']);
    assert.equal(parties[0].parent, children[0]);
  });

  it('a party has an Agreements node; an actor party to nothing has none', () => {
    const japan = childrenOf(entity(0, 'japan'));
    assert.deepEqual(japan.map((n) => n.t), ['agreements', 'mention']);
    assert.deepEqual(childrenOf(japan[0]).map((n) => n.t === 'partyTo' && n.ref.entity), ['doc:treaty']);
    assert.deepEqual(childrenOf(entity(0, 'china')).map((n) => n.t), ['mention']);
  });
});

describe('sidebar/nodes: documents found by their head noun', () => {
  it('are named by their fullest mention and their parties, so two of them read apart', () => {
    const s = (start: number, text: string, entity: string, parties: string[]): ShownMention => ({ ...m(start, text, entity, 'statement'), parties });
    const article = { file: 'a', mentions: [m(0, '한', 'south-korea', 'country'), s(5, '성명', 'doc-1:statement:성명', ['south-korea', 'japan']), s(20, '공동성명', 'doc-1:statement:성명', ['south-korea', 'japan']), s(40, '성명', 'doc-1:statement:성명:generic-1', [])], orphans: [] };
    const byName: EntityNames = { get: (id) => ({ 'south-korea': { name: 'South Korea', aliases: [], qid: null }, japan: { name: 'Japan', aliases: [], qid: null } })[id] };
    const types = childrenOf(buildNodes(outline([article], byName), [])[1]);
    const names = childrenOf(types[0]).map((n) => n.t === 'entity' && n.group.name);
    assert.deepEqual(names, ['공동성명 (South Korea, Japan)', '성명']);
  });
});
