import { strict as assert } from 'assert';
import { ArticleAnnotations } from '../../../src/core/annotations';
import { toBrat, toJsonl, toW3c, type ExportDocument } from '../../../src/core/export';
import { ARTICLE, cp, deterministic, mention } from '../annotations/helpers';

const cpSlice = (text: string, s: number, e: number) => [...text].slice(s, e).join('');

async function sample(): Promise<ExportDocument> {
  const s = await ArticleAnnotations.load('/nonexistent-dir/a.txt', ARTICLE, deterministic());
  s.confirm(mention(ARTICLE, 'ロシア', 'russia', 'country', 0, 'Q159'));
  const ja = s.confirm(mention(ARTICLE, 'Japan', 'japan', 'country', 0, 'Q17'));
  s.setNote(ja.id, 'first\tmention\nhere');
  s.reject(mention(ARTICLE, 'Tokyo', 'tokyo', 'organization'));
  const crossing = { start: cp(ARTICLE, 'Tokyo.').start, end: cp(ARTICLE, '🇯🇵 日本').end };
  s.tag({ ...crossing, entity: s.defineEntity({ name: 'Span Across Lines', type: 'other' }).id });
  return { source: 'a.txt', text: s.text, annotations: s.all(), entity: (id) => s.entity(id) };
}

describe('export', () => {
  it('brat: T lines with code point offsets, N lines for QIDs, notes on one line, fragments around line breaks', async () => {
    const doc = await sample();
    const lines = toBrat(doc).trimEnd().split('\n');
    const ja = cp(ARTICLE, 'Japan');
    const ru = cp(ARTICLE, 'ロシア');
    assert.equal(lines[0], `T1\tcountry ${ja.start} ${ja.end}\tJapan`);
    assert.equal(lines[1], 'N1\tReference T1 Wikidata:Q17\tJapan');
    assert.equal(lines[2], '#1\tAnnotatorNotes T1\tfirst mention here');
    const t2 = lines[3].split('\t');
    assert.equal(t2[0], 'T2');
    const frags = t2[1].replace(/^other /, '').split(';').map((f) => f.split(' ').map(Number));
    assert.equal(frags.length, 2);
    for (const [s, e] of frags) assert.ok(!/[\r\n]/.test(cpSlice(ARTICLE, s, e)));
    assert.equal(t2[2], frags.map(([s, e]) => cpSlice(ARTICLE, s, e)).join(' '));
    assert.equal(lines[4], `T3\tcountry ${ru.start} ${ru.end}\tロシア`);
    assert.equal(lines[5], 'N3\tReference T3 Wikidata:Q159\tロシア', 'without a knowledge base the name is the first text seen');
    assert.ok(!lines.some((l) => l.includes('Tokyo\t')), 'rejected annotations are not exported');
  });

  it('w3c: one collection, position and quote selectors, entity bodies', async () => {
    const c = JSON.parse(toW3c([await sample()]));
    assert.equal(c['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(c.type, 'AnnotationCollection');
    assert.equal(c.total, 3);
    const ru = c.first.items.find((i: { target: { selector: { exact?: string }[] } }) => i.target.selector[1].exact === 'ロシア');
    assert.equal(ru.type, 'Annotation');
    assert.deepEqual(ru.target.selector[0], { type: 'TextPositionSelector', ...cp(ARTICLE, 'ロシア') });
    assert.equal(ru.target.source, 'a.txt');
    assert.ok(ru.target.selector[1].prefix.endsWith('日本と'));
    assert.deepEqual(ru.body[0], { id: 'http://www.wikidata.org/entity/Q159', purpose: 'identifying' });
    assert.ok(ru.body.some((b: { purpose: string; value?: string }) => b.purpose === 'tagging' && b.value === 'country'));
  });

  it('jsonl: one line per article, code point offsets that slice the text field', async () => {
    const doc = await sample();
    const lines = toJsonl([doc, { ...doc, source: 'b.txt' }]).trimEnd().split('\n');
    assert.equal(lines.length, 2);
    const row = JSON.parse(lines[0]) as { text: string; entities: [number, number, string][]; meta: { source: string } };
    assert.equal(row.text, ARTICLE);
    assert.deepEqual(row.entities.map(([s, e, label]) => [cpSlice(row.text, s, e), label]).filter(([t]) => !t.includes('\n')), [
      ['Japan', 'country'],
      ['ロシア', 'country'],
    ]);
    assert.equal(JSON.parse(lines[1]).meta.source, 'b.txt');
  });
});
