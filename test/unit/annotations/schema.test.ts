import { strict as assert } from 'assert';
import { SidecarError, parseSidecar, sidecarJsonSchema } from '../../../src/core/annotations';
import { jsonPath } from '../../../src/core/annotations/codec';
import { mergeDecisions } from '../../../src/core/annotations/merge3';

const HASH = '0'.repeat(64);
const T = '2025-01-01T00:00:00.000Z';
const ann = (over: Record<string, unknown> = {}) => ({
  id: 'a-000000000001',
  entity: 'japan',
  kind: 'actor',
  type: 'country',
  status: 'confirmed',
  created: T,
  modified: T,
  target: {
    selector: [
      { type: 'TextPositionSelector', start: 3, end: 5 },
      { type: 'TextQuoteSelector', exact: '日本', prefix: '💡 ', suffix: '' },
    ],
  },
  ...over,
});
const doc = (annotations: unknown[], entities: unknown[] = [{ id: 'japan', kind: 'actor', type: 'country' }]) => ({
  version: 1,
  article: 'a.txt',
  textHash: HASH,
  entities,
  annotations,
});
const parse = (value: unknown) => parseSidecar(Buffer.from(JSON.stringify(value)), '/x/a.txt.annotations.json');
const problems = (value: unknown): string[] => {
  try {
    parse(value);
  } catch (e) {
    assert.ok(e instanceof SidecarError);
    return e.problems.map((p) => `${p.path}: ${p.message}`);
  }
  assert.fail('expected a SidecarError');
};

describe('annotations/schema and codec', () => {
  it('accepts a well-formed sidecar and keeps unknown fields', () => {
    const d = parse({ ...doc([ann({ extra: 1 })]), tool: 'x' });
    assert.equal((d as Record<string, unknown>).tool, 'x');
    assert.equal((d.annotations[0] as Record<string, unknown>).extra, 1);
  });

  it('checks what the model relies on: ids, entities, kinds, selectors, quote length', () => {
    const two = ann({ id: 'a-000000000001' });
    assert.deepEqual(problems(doc([ann(), two])), ["annotations[1].id: duplicate annotation id 'a-000000000001'"]);
    assert.deepEqual(problems(doc([ann({ entity: 'korea' })])), [`annotations[0].entity: entity 'korea' is not in "entities"`]);
    assert.deepEqual(problems(doc([ann({ kind: 'agreement' })])), ["annotations[0].kind: kind 'agreement' does not fit type 'country'"]);
    const badQuote = ann({ target: { selector: [{ type: 'TextPositionSelector', start: 3, end: 6 }, { type: 'TextQuoteSelector', exact: '日本', prefix: '', suffix: '' }] } });
    assert.deepEqual(problems(doc([badQuote])), ['annotations[0].target.selector[1].exact: quote is 2 code points but the position spans 3']);
    const twoPositions = ann({ target: { selector: [{ type: 'TextPositionSelector', start: 3, end: 5 }, { type: 'TextPositionSelector', start: 3, end: 5 }] } });
    assert.ok(problems(doc([twoPositions])).some((p) => p.includes('needs exactly one TextQuoteSelector, found 0')));
    assert.ok(problems({ ...doc([]), textHash: 'abc' })[0].startsWith('textHash: '));
  });

  it('reports JSON syntax errors with line and column, and newer versions by name', () => {
    try {
      parseSidecar(Buffer.from('{\n  "version": 1,\n}'), 'f.json');
      assert.fail('no error');
    } catch (e) {
      assert.ok(e instanceof SidecarError && e.reason === 'syntax');
      assert.match(e.message, /^f\.json is not valid JSON:\n {2}.*\(line 3, column 1\)$/);
    }
    assert.throws(() => parse({ version: 7 }), (e: unknown) => e instanceof SidecarError && e.reason === 'version' && /version 7/.test(e.message));
  });

  it('jsonPath writes zod paths the way they read in the file', () => {
    assert.equal(jsonPath(['annotations', 2, 'target', 'selector', 0, 'start']), 'annotations[2].target.selector[0].start');
    assert.equal(jsonPath([]), '');
  });

  it('generates a JSON Schema from the same zod schema', () => {
    const js = sidecarJsonSchema() as { $schema: string; required: string[]; properties: Record<string, { const?: unknown }> };
    assert.match(js.$schema, /json-schema\.org/);
    assert.deepEqual([...js.required].sort(), ['annotations', 'article', 'entities', 'textHash', 'version']);
    assert.equal(js.properties.version.const, 1);
  });

  it('mergeDecisions: ours for changed, theirs for their changes and additions, deletions on either side stick', () => {
    const base = new Map([['kept', 'k'], ['oursChanged', 'o'], ['theirsChanged', 't'], ['theyDeleted', 'd'], ['weDeleted', 'w']]);
    const theirs = new Map([['kept', 'k'], ['oursChanged', 'o2'], ['theirsChanged', 't2'], ['weDeleted', 'w2'], ['theyAdded', 'n']]);
    const ours = ['kept', 'oursChanged', 'theirsChanged', 'theyDeleted', 'weAdded'];
    const d = mergeDecisions(ours, theirs, base, new Set(['oursChanged', 'weAdded']), new Set(['weDeleted']));
    assert.deepEqual(Object.fromEntries(d), { kept: 'ours', oursChanged: 'ours', theirsChanged: 'theirs', weAdded: 'ours', theyAdded: 'theirs' });
  });
});
