import { strict as assert } from 'assert';
import fc from 'fast-check';
import { KnowledgeBase } from '../../../src/core/kb';
import { recognize } from '../../../src/core/recognize';
import { articles } from '../../fuzz/reanchor';
import { ArticleAnnotations, mergeRecognized } from '../../../src/core/annotations';
import { ARTICLE, cp, deterministic, mention } from './helpers';

describe('annotations/mergeRecognized', () => {
  const recognized = () => [
    mention(ARTICLE, 'Japan', 'japan', 'country', 0, 'Q17'),
    mention(ARTICLE, 'Russia', 'russia', 'country', 0, 'Q159'),
    mention(ARTICLE, '日本', 'japan', 'country', 0, 'Q17'),
    mention(ARTICLE, 'ロシア', 'russia', 'country', 0, 'Q159'),
    mention(ARTICLE, '条約', 'treaty-1', 'treaty'),
  ];

  async function store() {
    return ArticleAnnotations.load('/nonexistent-dir/a.txt', ARTICLE, deterministic());
  }

  it('without a sidecar shows every recognition as recognized', () => {
    const { mentions, orphans } = mergeRecognized(ARTICLE, recognized(), null);
    assert.deepEqual(mentions.map((m) => m.status), Array(5).fill('recognized'));
    assert.deepEqual(orphans, []);
  });

  it('confirmed once, rejected suppressed, same-kind overlaps yield to the user, orphans listed', async () => {
    const s = await store();
    s.confirm(mention(ARTICLE, 'Japan', 'japan', 'country', 0, 'Q17'));
    s.reject(mention(ARTICLE, 'Russia', 'russia', 'country', 0, 'Q159'));
    s.tag({ ...cp(ARTICLE, 'ロシアが条約'), entity: s.defineEntity({ name: 'Russia Treaty', type: 'treaty' }).id });
    s.tag({ ...cp(ARTICLE, '日本と'), entity: 'japan' });
    const lost = s.tag({ ...cp(ARTICLE, 'Tokyo'), entity: s.defineEntity({ name: 'Tokyo', type: 'organization', qid: 'Q1490' }).id });
    const doc = s.toDoc();
    const gone = ARTICLE.replace('Tokyo', 'Osaka');
    for (const source of [doc, s]) {
      const { mentions, orphans } = mergeRecognized(gone, recognized(), source);
      const shown = mentions.map((m) => `${m.text}:${m.type}:${m.status}`);
      assert.deepEqual(shown, ['Japan:country:confirmed', '日本と:country:confirmed', 'ロシア:country:recognized', 'ロシアが条約:treaty:confirmed']);
      assert.equal(mentions[0].qid, 'Q17', 'qid comes from the sidecar entity');
      assert.deepEqual(orphans, [{ id: lost.id, text: 'Tokyo', entity: 'tokyo' }]);
    }
  });

  it('anchors a sidecar saved against an older text', async () => {
    const s = await store();
    s.confirm(mention(ARTICLE, 'ロシア', 'russia', 'country', 0, 'Q159'));
    const newer = '🇰🇷 Update\r\n' + ARTICLE;
    const rec = [mention(newer, 'ロシア', 'russia', 'country', 0, 'Q159')];
    const { mentions } = mergeRecognized(newer, rec, s.toDoc());
    assert.deepEqual(mentions.map((m) => [m.start, m.status]), [[cp(newer, 'ロシア').start, 'confirmed']]);
  });

  it('property: the store fast path (annotations in order, one pass) merges exactly like reading them as a plain source', async () => {
    const kb = KnowledgeBase.builtin();
    const list = articles().list.slice(0, 6);
    const found = list.map((a) => recognize(a.text, kb));
    await fc.assert(
      fc.asyncProperty(fc.nat(list.length - 1), fc.array(fc.tuple(fc.nat(), fc.constantFrom('confirm', 'reject', 'tag', 'edit')), { maxLength: 30 }), async (k, steps) => {
        // A fresh store each run: runs (and shrinking) must not see each other's edits.
        const s = await ArticleAnnotations.load('/nonexistent-dir/' + list[k].name, list[k].text, deterministic());
        let recognized = found[k];
        for (const [n, step] of steps) {
          if (!recognized.length) break;
          const m = recognized[n % recognized.length];
          if (step === 'confirm') s.confirm(m);
          else if (step === 'reject') s.reject(m);
          else if (step === 'tag') s.tag({ start: m.start, end: Math.min(s.offsets().codePointLength, m.end + 2), entity: s.defineEntity({ name: `Tagged ${n}`, type: m.type }).id });
          else {
            // An edit inside a mention: its annotation (if any) becomes an orphan; the recognized ones after it shift.
            s.applyEdit(m.start + 1, 0, 'x');
            recognized = recognized.filter((r) => r.end <= m.start + 1 || r.start > m.start).map((r) => (r.start > m.start ? { ...r, start: r.start + 1, end: r.end + 1 } : r));
          }
        }
        const plain = { all: () => s.all(), entity: (id: string) => s.entity(id), text: s.text };
        assert.deepEqual(mergeRecognized(s.text, recognized, s), mergeRecognized(s.text, recognized, plain));
      }),
      { numRuns: 60 },
    );
  });
});
