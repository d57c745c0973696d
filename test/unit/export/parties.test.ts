import { strict as assert } from 'assert';
import { ArticleAnnotations } from '../../../src/core/annotations';
import { csvField, toBrat, toCsv, toJsonl, toW3c, type ExportDocument } from '../../../src/core/export';
import { ARTICLE, deterministic, mention } from '../annotations/helpers';

// The helpers' article: "Japan and Russia met in Tokyo." / "日本とロシアが条約に署名した。" / "Russia said the treaty stands."
async function sample(): Promise<ExportDocument> {
  const s = await ArticleAnnotations.load('/nonexistent-dir/a.txt', ARTICLE, deterministic());
  s.confirm(mention(ARTICLE, 'Japan', 'japan', 'country', 0, 'Q17'));
  s.confirm(mention(ARTICLE, 'ロシア', 'russia', 'country', 0, 'Q159'));
  s.confirm(mention(ARTICLE, 'Russia', 'russia', 'country', 1, 'Q159'));
  const treaty = mention(ARTICLE, '条約', 'doc:treaty', 'treaty');
  s.confirm(treaty);
  s.confirm(mention(ARTICLE, 'treaty', 'doc:treaty', 'treaty'));
  s.setPartyDecisions(treaty, [{ entity: 'japan', status: 'confirmed' }, { entity: 'russia', status: 'confirmed' }, { entity: 'china', status: 'rejected' }]);
  return { source: 'a, "b".txt', text: s.text, annotations: s.all(), entity: (id) => s.entity(id) };
}

describe('export: parties', () => {
  it('brat: one Party relation per party of each agreement, to the party mention nearest its first mention', async () => {
    const lines = toBrat(await sample()).trimEnd().split('\n');
    const t = (text: string) => lines.find((l) => /^T\d+\t/.test(l) && l.endsWith(`\t${text}`))!.split('\t')[0];
    const relations = lines.filter((l) => l.startsWith('R'));
    // Japan is the only Japan mention; ロシア (same line) is nearer to 条約 than the later Russia.
    assert.deepEqual(relations, [`R1\tParty Arg1:${t('条約')} Arg2:${t('Japan')}`, `R2\tParty Arg1:${t('条約')} Arg2:${t('ロシア')}`]);
  });

  it('W3C: a linking annotation per agreement with the parties as bodies and the agreement as target', async () => {
    const c = JSON.parse(toW3c([await sample()]));
    const links = c.first.items.filter((i: { motivation: string }) => i.motivation === 'linking');
    assert.equal(links.length, 1);
    const ids = links[0].body.map((b: { id?: string }) => b.id).filter(Boolean);
    assert.ok(ids.includes('http://www.wikidata.org/entity/Q17') && ids.includes('http://www.wikidata.org/entity/Q159'));
    assert.ok(!ids.some((i: string) => i.includes('china')), 'rejected parties are not exported');
    const target = c.first.items.find((i: { id: string }) => i.id === links[0].target);
    assert.equal(target.target.selector[1].exact, '条約');
    assert.equal(c.total, c.first.items.length);
  });

  it('JSON Lines: relations by entity index and the parties of every agreement in meta', async () => {
    const line = JSON.parse(toJsonl([await sample()]));
    assert.deepEqual(line.meta.parties, { 'doc:treaty': ['japan', 'russia'] });
    for (const [a, p, label] of line.relations) {
      assert.equal(label, 'Party');
      assert.equal(line.entities[a][2], 'treaty');
      assert.equal(line.entities[p][2], 'country');
    }
    assert.equal(line.relations.length, 2);
  });

  it('CSV: RFC 4180 quoting, CRLF rows, one row per mention with its parties', async () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField(null), '');
    const csv = toCsv([await sample()]);
    assert.ok(csv.endsWith('\r\n'));
    const rows = csv.split('\r\n').slice(0, -1);
    assert.equal(rows[0], 'source,start,end,text,kind,type,entity,name,qid,status,parties,note');
    assert.equal(rows.length, 1 + 5);
    const treatyRows = rows.filter((r) => r.includes(',agreement,treaty,'));
    assert.equal(treatyRows.length, 2);
    for (const r of treatyRows) assert.ok(r.startsWith('"a, ""b"".txt",') && r.includes(',confirmed,japan;russia,'), r);
    assert.ok(rows.some((r) => r.includes(',Japan,actor,country,japan,') && r.includes(',Q17,confirmed,,')));
  });
});
