import { strict as assert } from 'assert';
import { decodeBatch, encodeBatch } from '../../src/extension/summaries/codec';

// The summary workers' compact encoding must give back exactly what was encoded.
const roundTrip = <T extends object>(items: T[]): T[] => decodeBatch<T>(structuredClone(encodeBatch(items)));

describe('workspace index: summary codec', () => {
  it('gives back every value, key order and undefined keys included', () => {
    const parties = ['japan', 'korea'];
    const items = [
      {
        file: 'a.txt',
        mentions: [
          { start: 0, end: 5, text: 'Japan', kind: 'actor', type: 'country', entity: 'japan', qid: 'Q17', status: 'recognized' },
          { start: 10, end: 30, text: 'Treaty of Peace', kind: 'agreement', type: 'treaty', entity: 't1', qid: null, parties, status: 'confirmed' },
          { end: 40, start: 35, text: 'x'.repeat(100), flag: true, off: false, gone: undefined, score: -0.25, nested: { a: [1, { b: 2 }] } },
        ],
        orphans: [],
        entities: [{ id: 'e', names: { en: ['E'] } }],
        previews: [{ line: 0, preview: 'Japan …' }],
        lines: [0, 3, 3],
        textHash: 'ab'.repeat(32),
        problem: undefined,
        date: null,
        language: 'en',
      },
      { file: 'b.txt', mentions: [{ start: 1, end: 2, text: 'Japan', kind: 'actor', type: 'country', entity: 'japan', qid: 'Q17', status: 'recognized', parties }], orphans: [], problem: 'broken' },
    ];
    const back = roundTrip(items);
    assert.deepStrictEqual(back, items);
    assert.deepEqual(back.map((s) => Object.keys(s)), items.map((s) => Object.keys(s)));
    assert.deepEqual(Object.keys(back[0].mentions[2]), ['end', 'start', 'text', 'flag', 'off', 'gone', 'score', 'nested']);
    assert.ok('problem' in back[0] && back[0].problem === undefined);
    assert.ok(Object.is((back[0].mentions[2] as { score: number }).score, -0.25));
  });

  it('keeps an array shared by several mentions shared, and sends each short string once', () => {
    const parties = ['japan', 'korea'];
    const m = (start: number) => ({ start, end: start + 5, text: 'Japan', kind: 'actor', entity: 'japan', parties });
    const items = [{ file: 'a', mentions: [m(0), m(10)] }, { file: 'b', mentions: [m(3)] }];
    const encoded = encodeBatch(items);
    assert.equal(encoded.strings.filter((s) => s === 'Japan').length, 1);
    assert.equal(encoded.arrays.length, 1);
    const back = decodeBatch<typeof items[number]>(structuredClone(encoded));
    assert.equal(back[0].mentions[0].parties, back[0].mentions[1].parties);
    assert.equal(back[0].mentions[0].parties, back[1].mentions[0].parties);
    assert.deepEqual(back, items);
  });

  it('passes an empty batch and items without lists through', () => {
    assert.deepEqual(roundTrip([]), []);
    const items = [{ file: 'x', mentions: [], orphans: [], problem: 'is a FIFO' }];
    assert.deepStrictEqual(roundTrip(items), items);
  });
});
