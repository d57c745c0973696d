import { strict as assert } from 'assert';
import { kindOf, type EntityType, type Mention } from '../../../src/core/model';
import { articleDate } from '../../../src/core/text/dates';
import { articleLanguage } from '../../../src/core/text/language';
import { buildCorpusMap, mentionsOf, type CorpusArticle, type MapNames } from '../../../src/core/workspace/corpusMap';

let at = 0;
function m(entity: string, type: EntityType, extra: Partial<Mention> & { parties?: string[] } = {}): Mention {
  const start = (at += 10);
  return { start, end: start + 3, text: entity, kind: kindOf(type), type, entity, qid: null, ...extra };
}

/** An article whose paragraphs are lists of mentions: one line each. */
function article(file: string, paragraphs: Mention[][], extra: Partial<CorpusArticle> = {}): CorpusArticle {
  const mentions = paragraphs.flat();
  const previews = paragraphs.flatMap((p, line) => p.map(() => ({ line, preview: '' })));
  return { file, mentions, previews, language: 'en', date: null, ...extra };
}

const names: MapNames = {
  get: (id) =>
    ({
      jp: { name: 'Japan', type: 'country' as const },
      us: { name: 'United States', type: 'country' as const },
      ph: { name: 'Philippines', type: 'country' as const },
      kr: { name: 'South Korea', type: 'country' as const },
      raa: { name: 'Reciprocal Access Agreement', type: 'agreement' as const },
    })[id],
};

describe('workspace/corpusMap', () => {
  it('makes a node per entity, sized by mentions, with article counts, most mentioned first', () => {
    const map = buildCorpusMap(
      [article('a', [[m('jp', 'country'), m('us', 'country'), m('jp', 'country')]]), article('b', [[m('jp', 'country'), m('asean', 'organization')]])],
      names,
    );
    assert.deepStrictEqual(
      map.nodes.map((n) => [n.id, n.name, n.kind, n.mentions, n.articles]),
      // Ties by name; an entity no source names shows its mention's text.
      [['jp', 'Japan', 'actor', 3, 2], ['asean', 'asean', 'actor', 1, 1], ['us', 'United States', 'actor', 1, 1]],
    );
    assert.deepStrictEqual(map.types, [{ type: 'country', entities: 2 }, { type: 'organization', entities: 1 }]);
  });

  it('weighs co-mentions by the paragraphs naming both actors, not by articles or repeats', () => {
    const map = buildCorpusMap(
      [
        // Two paragraphs naming jp and us (one of them twice), a third naming kr alone.
        article('a', [[m('jp', 'country'), m('us', 'country'), m('us', 'country')], [m('us', 'country'), m('jp', 'country')], [m('kr', 'country')]]),
        article('b', [[m('jp', 'country'), m('kr', 'country'), m('raa', 'agreement')]]),
      ],
      names,
    );
    const co = map.edges.filter((e) => e.kind === 'co-mention').map((e) => [e.source, e.target, e.weight]);
    // kr is in article a but never in a paragraph with jp there; agreements make no co-mention edges.
    assert.deepStrictEqual(co, [['jp', 'us', 2], ['jp', 'kr', 1]]);
  });

  it('counts a whole article as one paragraph when it has no line previews', () => {
    const a: CorpusArticle = { file: 'a', mentions: [m('jp', 'country'), m('us', 'country')] };
    assert.deepStrictEqual(buildCorpusMap([a], names).edges.map((e) => [e.source, e.target, e.weight]), [['jp', 'us', 1]]);
  });

  it('draws party-of edges from mention.parties, by articles, and adds parties never named as nodes', () => {
    const raa = (parties: string[]) => m('raa', 'agreement', { parties });
    const map = buildCorpusMap(
      [
        article('a', [[m('jp', 'country'), raa(['jp', 'ph'])], [raa(['jp', 'ph'])]]),
        article('b', [[raa(['jp'])]]),
      ],
      names,
    );
    const party = map.edges.filter((e) => e.kind === 'party').map((e) => [e.source, e.target, e.weight]);
    assert.deepStrictEqual(party, [['raa', 'jp', 2], ['raa', 'ph', 1]]);
    const ph = map.nodes.find((n) => n.id === 'ph');
    assert.deepStrictEqual(ph && [ph.name, ph.type, ph.mentions], ['Philippines', 'country', 0]);
  });

  it('has no party-of edges when mentions carry no parties', () => {
    const map = buildCorpusMap([article('a', [[m('jp', 'country'), m('raa', 'agreement')]])], names);
    assert.deepStrictEqual(map.edges, []);
    assert.deepStrictEqual(map.nodes.map((n) => n.id).sort(), ['jp', 'raa']);
  });

  it('filters by type: edges only between shown nodes, totals of the filtered set', () => {
    const arts = [article('a', [[m('jp', 'country'), m('asean', 'organization'), m('raa', 'agreement', { parties: ['jp'] })]])];
    const map = buildCorpusMap(arts, names, { types: ['country', 'organization'] });
    assert.deepStrictEqual(map.nodes.map((n) => n.id).sort(), ['asean', 'jp']);
    assert.deepStrictEqual(map.edges.map((e) => e.kind), ['co-mention']);
    assert.deepStrictEqual(map.total, { nodes: 2, edges: 1, articles: 1 });
    // The type list still offers every type.
    assert.deepStrictEqual(map.types.map((t) => t.type), ['country', 'organization', 'agreement']);
    assert.strictEqual(buildCorpusMap(arts, names, { types: ['agreement'] }).nodes.length, 1);
  });

  it('filters by language: counts, edges and the timeline come from those articles only', () => {
    const arts = [
      article('en', [[m('jp', 'country'), m('us', 'country')]], { language: 'en' }),
      article('ja', [[m('jp', 'country'), m('raa', 'agreement')]], { language: 'ja', date: '2024-07-08' }),
      article('ko', [[m('kr', 'country'), m('jp', 'country')]], { language: 'ko' }),
    ];
    const ja = buildCorpusMap(arts, names, { languages: ['ja'] });
    assert.deepStrictEqual(ja.nodes.map((n) => [n.id, n.mentions]), [['jp', 1], ['raa', 1]]);
    assert.deepStrictEqual(ja.edges, []);
    assert.deepStrictEqual(ja.timeline, [{ agreement: 'raa', date: '2024-07-08', file: 'ja' }]);
    const enKo = buildCorpusMap(arts, names, { languages: ['en', 'ko'] });
    assert.deepStrictEqual(enKo.nodes.map((n) => [n.id, n.mentions]), [['jp', 2], ['kr', 1], ['us', 1]]);
    assert.deepStrictEqual(enKo.timeline, []);
    assert.deepStrictEqual(ja.languages, [{ language: 'en', articles: 1 }, { language: 'ja', articles: 1 }, { language: 'ko', articles: 1 }]);
    assert.deepStrictEqual(mentionsOf(arts, 'jp', { languages: ['ko'] }).map((r) => r.article.file), ['ko']);
  });

  it('keeps the top N nodes and the heaviest edges, reporting how many there were', () => {
    const arts = [article('a', [[m('jp', 'country'), m('jp', 'country'), m('jp', 'country'), m('us', 'country'), m('us', 'country'), m('kr', 'country')], [m('us', 'country'), m('jp', 'country')]])];
    const top2 = buildCorpusMap(arts, names, { top: 2 });
    assert.deepStrictEqual(top2.nodes.map((n) => n.id), ['jp', 'us']);
    assert.deepStrictEqual(top2.edges.map((e) => [e.source, e.target, e.weight]), [['jp', 'us', 2]]);
    assert.deepStrictEqual(top2.total, { nodes: 3, edges: 3, articles: 1 });
    const oneEdge = buildCorpusMap(arts, names, { maxEdges: 1 });
    assert.strictEqual(oneEdge.nodes.length, 3);
    assert.deepStrictEqual(oneEdge.edges.map((e) => e.weight), [2]);
  });

  it('orders the timeline by article date, one entry per agreement and article', () => {
    const raa = () => m('raa', 'agreement');
    const arts = [
      article('late', [[raa()]], { date: '2025-09-08' }),
      article('early', [[raa(), raa()], [m('npt', 'treaty')]], { date: '2024-07-08' }),
      article('undated', [[raa()]]),
    ];
    assert.deepStrictEqual(buildCorpusMap(arts, names).timeline, [
      { agreement: 'npt', date: '2024-07-08', file: 'early' },
      { agreement: 'raa', date: '2024-07-08', file: 'early' },
      { agreement: 'raa', date: '2025-09-08', file: 'late' },
    ]);
  });

  it('lists the mentions of a node with their previews, in article order', () => {
    const arts = [article('a', [[m('jp', 'country')], [m('us', 'country'), m('jp', 'country')]]), article('b', [[m('jp', 'country')]])];
    assert.deepStrictEqual(mentionsOf(arts, 'jp').map((r) => [r.article.file, r.line]), [['a', 0], ['a', 1], ['b', 0]]);
  });

  it('builds the map of 2,000 articles (3,000 entities) without quadratic work', function () {
    // ~30 mentions an article over 12 paragraphs, drawn from 3,000 entities with a few hubs.
    let seed = 11;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const types: EntityType[] = ['country', 'person', 'organization', 'agreement', 'statement'];
    const arts: CorpusArticle[] = [];
    for (let a = 0; a < 2000; a++) {
      const paragraphs: Mention[][] = [];
      for (let p = 0; p < 12; p++) {
        const row: Mention[] = [];
        for (let k = 0; k < 2 + Math.floor(rnd() * 3); k++) {
          const e = Math.floor(3000 * rnd() ** 2);
          const type = types[e % types.length];
          row.push(m(`e${e}`, type, kindOf(type) === 'agreement' ? { parties: [`e${(e * 7) % 3000}`] } : {}));
        }
        paragraphs.push(row);
      }
      arts.push(article(`a${a}`, paragraphs, { date: `2025-01-${String(1 + (a % 28)).padStart(2, '0')}`, language: ['en', 'ja', 'ko'][a % 3] }));
    }
    const t0 = performance.now();
    const map = buildCorpusMap(arts, names);
    const filtered = buildCorpusMap(arts, names, { types: ['country', 'agreement'], languages: ['ja'], top: 500, maxEdges: 5000 });
    const ms = performance.now() - t0;
    assert.ok(map.nodes.length > 2000, `${map.nodes.length} nodes`);
    assert.ok(map.edges.length > 10000, `${map.edges.length} edges`);
    assert.ok(filtered.nodes.length === 500 && filtered.edges.length <= 5000 + filtered.edges.filter((e) => e.kind === 'party').length);
    // A guard against quadratic work, not a speed target (that figure is in npm run bench): two builds take
    // ~150 ms on an idle core, several times that on a loaded shared machine.
    assert.ok(ms < 8000, `${Math.round(ms)} ms`);
  });
});

describe('text/dates', () => {
  it('reads the front matter date first', () => {
    assert.strictEqual(articleDate('---\ntitle: x\ndate: 2025-05-11T09:00:00+09:00\n---\n2024年1月2日に'), '2025-05-11');
    assert.strictEqual(articleDate('---\ndate: "May 10, 2025"\n---\nbody'), '2025-05-10');
    // A front matter date that is no date: the text's first date.
    assert.strictEqual(articleDate('---\ndate: soon\n---\nSigned on 3 March 2024.'), '2024-03-03');
  });

  it('finds the first date of the text in Japanese, Korean and English forms', () => {
    assert.strictEqual(articleDate('東京、2025年9月8日――日米首脳は…2024年1月1日'), '2025-09-08');
    assert.strictEqual(articleDate('２０２５年９月８日（月）'), '2025-09-08');
    assert.strictEqual(articleDate('서울=연합뉴스 2025년 5월 10일 한미'), '2025-05-10');
    assert.strictEqual(articleDate('입력 2025. 5. 10. 오후 3:00'), '2025-05-10');
    assert.strictEqual(articleDate('Posted 2025/05/11 by staff'), '2025-05-11');
    assert.strictEqual(articleDate('WASHINGTON, May 10, 2025 — The leaders'), '2025-05-10');
    assert.strictEqual(articleDate('On Sept. 3rd 2024 the ministers'), '2024-09-03');
    // The earliest in the text wins whatever its form.
    assert.strictEqual(articleDate('Updated 2025-06-01. Talks held on May 10, 2025.'), '2025-06-01');
    assert.strictEqual(articleDate('Talks held on May 10, 2025. Updated 2025-06-01.'), '2025-05-10');
  });

  it('gives a date without a year the article year, and none when the article has no year', () => {
    assert.strictEqual(articleDate('5월 10일 정상회담에서… 2025년 한미 관계'), '2025-05-10');
    assert.strictEqual(articleDate('首脳は9月8日に会談した。（2025年版）'), '2025-09-08');
    assert.strictEqual(articleDate('On May 10 the ministers met; see 2024-12-01.'), '2024-05-10');
    assert.strictEqual(articleDate('5월 10일 정상회담'), null);
  });

  it('takes no impossible dates, version numbers or plain numbers for dates', () => {
    assert.strictEqual(articleDate('2025年2月30日 then 2025年3月1日'), '2025-03-01');
    assert.strictEqual(articleDate('version 12025-05-11 and 1.2025.5.10'), null);
    assert.strictEqual(articleDate('2025-13-01, 2025-02-29, 2024-02-29'), '2024-02-29');
    assert.strictEqual(articleDate('No date here, 300 troops, 2.5 percent.'), null);
  });
});

describe('text/language', () => {
  it('tells Japanese, Korean, Chinese and English apart by script, despite English menus', () => {
    assert.strictEqual(articleLanguage('Home | News | World\n日本とフィリピンは円滑化協定に署名した。'), 'ja');
    assert.strictEqual(articleLanguage('Home | News\n한미 양국은 공동성명을 채택했다.'), 'ko');
    assert.strictEqual(articleLanguage('中美两国签署协议'), 'zh');
    assert.strictEqual(articleLanguage('Japan and the Philippines signed the agreement.'), 'en');
    assert.strictEqual(articleLanguage('12345 ---'), 'und');
  });

  it('trusts a front matter lang or language', () => {
    assert.strictEqual(articleLanguage('---\nlang: ja-JP\n---\nEnglish text'), 'ja');
    assert.strictEqual(articleLanguage('---\nlanguage: "ko"\n---\nEnglish text'), 'ko');
  });
});
