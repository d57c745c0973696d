import { sha256Hex } from '../../../src/core/annotations/ids';
import { strict as assert } from 'assert';
import { ArticleAnnotations, mergeRecognized } from '../../../src/core/annotations';
import { KnowledgeBase } from '../../../src/core/kb';
import type { Mention } from '../../../src/core/model';
import { recognize } from '../../../src/core/recognize';
import { ARTICLE, mention, tempDir, writeArticle } from './helpers';

describe('annotations: confirming many at once', () => {
  const kb = KnowledgeBase.builtin();
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  it('confirmAll confirms every mention once, with one change event, and is idempotent', async () => {
    const store = await ArticleAnnotations.load(writeArticle(tmp.dir), ARTICLE, { kb });
    const events: string[] = [];
    store.onDidChange((e) => events.push(e.reason));
    const ms = recognize(ARTICLE, kb);
    assert.ok(ms.length >= 5);
    store.confirmAll(ms);
    assert.deepEqual(events, ['user']);
    store.confirmAll(ms);
    const confirmed = store.annotations().filter((a) => a.status === 'confirmed');
    assert.equal(confirmed.length, ms.length);
    assert.deepEqual(confirmed.map((a) => `${a.start}-${a.end}`).sort(), ms.map((m) => `${m.start}-${m.end}`).sort());
  });

  it('confirmAll turns an earlier rejection at the same span into a confirmation', async () => {
    const store = await ArticleAnnotations.load(writeArticle(tmp.dir), ARTICLE, { kb });
    const russia = mention(ARTICLE, 'Russia', 'russia', 'country');
    store.reject(russia);
    store.confirmAll([russia]);
    assert.deepEqual(store.annotations().map((a) => a.status), ['confirmed']);
  });

  it('one Confirm All is one action: one event and one timestamp, whether it makes annotations or changes rejections', async () => {
    let clock = 0;
    const now = () => new Date(Date.UTC(2026, 0, 1, 0, 0, clock++));
    const store = await ArticleAnnotations.load(writeArticle(tmp.dir), ARTICLE, { kb, now });
    const ms = recognize(ARTICLE, kb);
    for (const m of ms.slice(0, 3)) store.reject(m);
    const events: string[] = [];
    store.onDidChange((e) => events.push(e.reason));
    assert.equal(store.confirmAll(ms), ms.length);
    assert.deepEqual(events, ['user']);
    const stamps = new Set(store.annotations().map((a) => a.modified));
    assert.equal(stamps.size, 1);
    assert.ok(store.annotations().every((a) => a.status === 'confirmed'));
  });

  it('hides recognitions overlapping a confirmed span of the same kind, on a long article', () => {
    const unit = '日本とロシアが会談した。';
    const text = unit.repeat(20000);
    const recognized: Mention[] = recognize(text, kb);
    const doc = {
      version: 1,
      article: 'long.txt',
      // The text the offsets refer to: every annotation in place (no search on a repetitive text).
      textHash: sha256Hex(text),
      entities: [],
      annotations: recognized.filter((m) => m.text === '日本').map((m, i) => ({
        id: `a-${i}`, entity: 'japan-custom', kind: 'actor', type: 'country', status: 'confirmed', created: '2026-01-01T00:00:00Z', modified: '2026-01-01T00:00:00Z',
        target: { selector: [{ type: 'TextPositionSelector', start: m.start, end: m.end }, { type: 'TextQuoteSelector', exact: '日本', prefix: '', suffix: '' }] },
      })),
    };
    const { mentions } = mergeRecognized(text, recognized, doc as never);
    assert.equal(mentions.filter((m) => m.status === 'confirmed').length, 20000);
    assert.ok(mentions.every((m) => m.text !== '日本' || m.status === 'confirmed'));
    assert.equal(mentions.filter((m) => m.text === 'ロシア').length, 20000);
  });
});
