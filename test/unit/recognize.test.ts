import { strict as assert } from 'assert';
import * as fc from 'fast-check';
import { KnowledgeBase } from '../../src/core/kb';
import type { Entity } from '../../src/core/kb/schema';
import type { Mention } from '../../src/core/model';
import { recognize } from '../../src/core/recognize';

/** A small KB built for these tests, so each rule is checked independently of the curated data. */
const E = (e: Partial<Entity> & Pick<Entity, 'id' | 'type'>): Entity =>
  ({ kind: ['country', 'person', 'organization'].includes(e.type) ? 'actor' : 'agreement', qid: null, names: {}, aliases: [], contextual: [], ...e }) as Entity;
const kb = KnowledgeBase.of(
  [
    E({ id: 'japan', type: 'country', qid: 'Q17', names: { ja: ['日本', '日本国'], ko: ['일본'], en: ['Japan'] }, abbreviations: { ja: ['日'], ko: ['일'] } }),
    E({ id: 'united-states', type: 'country', qid: 'Q30', names: { ja: ['米国', 'アメリカ'], ko: ['미국'], en: ['United States'] }, aliases: ['US', 'U.S.'], abbreviations: { ja: ['米'], ko: ['미'] } }),
    E({ id: 'south-korea', type: 'country', qid: 'Q884', names: { ja: ['韓国', '大韓民国'], ko: ['한국', '대한민국'], en: ['South Korea'] }, abbreviations: { ja: ['韓'], ko: ['한'] } }),
    E({ id: 'north-korea', type: 'country', qid: 'Q423', names: { ja: ['北朝鮮'], ko: ['북한'], en: ['North Korea'] }, abbreviations: { ja: ['北', '朝'], ko: ['북'] } }),
    E({ id: 'russia', type: 'country', qid: 'Q159', names: { ja: ['ロシア'], ko: ['러시아'], en: ['Russia'] }, abbreviations: { ja: ['露'], ko: ['러'] } }),
    E({ id: 'china', type: 'country', qid: 'Q148', names: { ja: ['中国'], ko: ['중국'], en: ['China'] }, abbreviations: { ja: ['中'], ko: ['중'] } }),
    E({ id: 'poland', type: 'country', names: { ja: ['ポーランド'] } }),
    E({ id: 'turkey', type: 'country', names: { en: ['Turkey'] } }),
    E({ id: 'ministry-of-defence-russia', type: 'organization', country: 'russia', names: { ja: ['ロシア国防省'] } }),
    E({ id: 'nato', type: 'organization', qid: 'Q7184', names: { ja: ['北大西洋条約機構'], en: ['NATO'] } }),
    E({ id: 'mofa-korea', type: 'organization', country: 'south-korea', names: { ko: ['외교부'] } }),
    E({ id: 'takeshi-iwaya', type: 'person', names: { ja: ['岩屋毅'] }, contextual: ['岩屋'] }),
    E({ id: 'vladimir-putin', type: 'person', qid: 'Q7747', names: { ja: ['プーチン'], ko: ['푸틴'], en: ['Vladimir Putin'] }, aliases: ['Putin'] }),
    E({ id: 'unclos', type: 'treaty', names: { ja: ['国連海洋法条約'], en: ['UNCLOS'] } }),
    E({ id: 'dprk-russia-treaty', type: 'treaty', names: { ja: ['北露条約'] } }),
  ],
  ['朝鮮半島', '北東アジア', 'インド太平洋'],
);

const run = (text: string): Mention[] => recognize(text, kb);
const spans = (ms: Mention[], kind = 'actor') => ms.filter((m) => m.kind === kind).map((m) => `${m.text}/${m.entity}`);

describe('recognize', () => {
  describe('boundaries', () => {
    it('never matches an abbreviation inside an ordinary word', () => {
      assert.deepEqual(spans(run('29日に中谷氏は北東アジアを訪れた。')), ['中谷/person:中谷']);
    });
    it('does not take 中 in 中谷 or 日本 in a longer kanji word as a country', () => {
      assert.deepEqual(spans(run('中谷防衛相と日本と')), ['中谷/person:中谷', '日本/japan']);
    });
    it('respects Latin word boundaries and case of acronyms and capitalized names', () => {
      assert.deepEqual(spans(run('The US and Russia; tell us about turkey in Turkey. Russian')), ['US/united-states', 'Russia/russia', 'Turkey/turkey']);
    });
    it('keeps places that contain a country name out (blockers)', () => {
      assert.deepEqual(spans(run('朝鮮半島とインド太平洋')), []);
    });
    it('treats a language name as no actor', () => {
      assert.deepEqual(spans(run('ロシア語とロシアメディア')), ['ロシア/russia']);
    });
  });

  describe('Korean particles', () => {
    it('leaves particles outside the span and still matches', () => {
      const ms = run('러시아로의 무기 이전, 북한에 대해, 미국과 함께');
      assert.deepEqual(spans(ms), ['러시아/russia', '북한/north-korea', '미국/united-states']);
    });
    it('does not read 미 in 미사일 as the United States', () => {
      assert.deepEqual(spans(run('북한의 미사일 발사')), ['북한/north-korea']);
    });
  });

  describe('compounds and fixed patterns', () => {
    it('splits abbreviation runs into one mention per country', () => {
      assert.deepEqual(spans(run('日米韓協力と露朝軍事協力')), ['日/japan', '米/united-states', '韓/south-korea', '露/russia', '朝/north-korea']);
      assert.deepEqual(spans(run('한미일은 러북 간')), ['한/south-korea', '미/united-states', '일/japan', '러/russia', '북/north-korea']);
      assert.deepEqual(spans(run('한·미·일 공조')), ['한/south-korea', '미/united-states', '일/japan']);
    });
    it('joins an abbreviation to a full name with a middle dot', () => {
      assert.deepEqual(spans(run('日・ポーランド外相会談')), ['日/japan', 'ポーランド/poland']);
    });
    it('prefers the full name 北朝鮮 over the run 北朝 and reads 日韓国交 as 日, 韓', () => {
      assert.deepEqual(spans(run('北朝鮮と日韓国交正常化')), ['北朝鮮/north-korea', '日/japan', '韓/south-korea']);
    });
    it('accepts lone abbreviations only in fixed patterns', () => {
      assert.deepEqual(spans(run('訪日した。対露制裁。駐韓大使。')), ['日/japan', '露/russia', '韓/south-korea']);
      assert.deepEqual(spans(run(' 대북 제재와 북핵 문제, 방미')), ['북/north-korea', '북/north-korea', '미/united-states']);
      assert.deepEqual(spans(run('~에 대한 대중 문화')), []);
    });
  });

  describe('organizations', () => {
    it('takes the longest named actor: a ministry with its country is one organization', () => {
      assert.deepEqual(spans(run('ロシア国防省は露国防省とも')), ['ロシア国防省/ministry-of-defence-russia', '露国防省/ministry-of-defence-russia']);
    });
    it('reads a known X軍 organization as a country before 軍楽隊', () => {
      const k = KnowledgeBase.of([
        E({ id: 'south-korea', type: 'country', names: { ja: ['韓国'] } }),
        E({ id: 'rok-army', type: 'organization', country: 'south-korea', names: { ja: ['韓国軍'] } }),
      ]);
      assert.deepEqual(recognize('韓国軍楽隊と韓国軍', k).map((m) => `${m.text}/${m.entity}`), ['韓国/south-korea', '韓国軍/rok-army']);
    });
    it('reads X軍 as the armed forces but not 軍事 or 軍楽隊', () => {
      assert.deepEqual(spans(run('北朝鮮軍と露朝軍事協力と韓国軍楽隊')), [
        '北朝鮮軍/north-korea-armed-forces', '露/russia', '朝/north-korea', '韓国/south-korea',
      ]);
    });
    it('reads outlets and companies unknown to the knowledge base by the shape of their name', () => {
      assert.deepEqual(spans(run('By the Harbour Times staff. Acme Defence Pty Ltd said. The Times said.')).map((s) => s.split('/')[0]), ['Harbour Times', 'Acme Defence Pty Ltd']);
      assert.deepEqual(spans(run('東亜ウィークリーによると、地元新聞は')).map((s) => s.split('/')[0]), ['東亜ウィークリー']);
      assert.deepEqual(spans(run('한빛일보에 따르면 지역신문은')).map((s) => s.split('/')[0]), ['한빛일보']);
    });
    it("reads an English possessive of a country and its ministry as one organization, not a lowercase noun", () => {
      assert.deepEqual(spans(run("Russia's Defence Ministry said; Russia's military said.")), [
        "Russia's Defence Ministry/russia-ministry-of-defence", 'Russia/russia',
      ]);
    });
    it('keeps a country and its ministry together across a Korean space', () => {
      assert.deepEqual(spans(run('미국 국무부와 외교부')), ['미국 국무부/united-states-ministry-of-foreign-affairs', '외교부/mofa-korea']);
    });
  });

  describe('people', () => {
    it('finds unknown names before a title and later surnames, excluding the title', () => {
      const ms = run('ロシアのアンドレイ・ベロウソフ国防相が来た。ベロウソフ氏は述べた。');
      assert.deepEqual(spans(ms), ['ロシア/russia', 'アンドレイ・ベロウソフ/person:アンドレイ・ベロウソフ', 'ベロウソフ/person:アンドレイ・ベロウソフ']);
    });
    it('does not take a country before a common-noun title as a person', () => {
      assert.deepEqual(spans(run('ロシア国防相が')), ['ロシア/russia']);
    });
    it('matches contextual surnames only after a title or when the person is present', () => {
      assert.deepEqual(spans(run('岩屋外相は')), ['岩屋/takeshi-iwaya']);
      assert.deepEqual(spans(run('岩屋の景色')), []);
      assert.deepEqual(spans(run('岩屋毅が来た。岩屋の発言')), ['岩屋毅/takeshi-iwaya', '岩屋/takeshi-iwaya']);
    });
    it('finds Korean names before a title across an organization', () => {
      assert.deepEqual(spans(run('조구래 외교부 외교정보전략본부장은')), ['조구래/person:조구래', '외교부/mofa-korea']);
    });
    it('finds English names after a title and their later surname', () => {
      assert.deepEqual(spans(run('Foreign Minister Jane Example met Putin. Example said no.')), [
        'Jane Example/person:Jane Example', 'Putin/vladimir-putin', 'Example/person:Jane Example',
      ]);
    });
    it('reads bylines, datelines and front-matter authors as people, and their later mentions', () => {
      const ms = run('---\nauthor: "Jane Roe"\n---\nマニラ＝山川花子\n本文。\n（山川花子）');
      assert.deepEqual(spans(ms), ['Jane Roe/person:Jane Roe', '山川花子/person:山川花子', '山川花子/person:山川花子']);
      assert.deepEqual(spans(run('By Tom Example and Ann Sample\nText.')), ['Tom Example/person:Tom Example', 'Ann Sample/person:Ann Sample']);
    });
    it('reads a common given name and a capitalized surname as a person, not a lowercase word', () => {
      assert.deepEqual(spans(run('"It matters," said Lena Example, a researcher. mark my words')), ['Lena Example/person:Lena Example']);
    });
    it('links a bare surname to the person named in full, the most mentioned one first', () => {
      const ms = run('조창래 외교부 정책실장은 말했다. 조 실장은');
      assert.deepEqual(spans(ms).filter((s) => s.startsWith('조')), ['조창래/person:조창래', '조/person:조창래']);
    });
    it('does not annotate a person inside a place name', () => {
      const k = KnowledgeBase.of([E({ id: 'ho-chi-minh', type: 'person', names: { ja: ['ホーチミン'] } })]);
      assert.deepEqual(recognize('ホーチミン広場にあるホーチミン主席の像', k).map((m) => m.start), [10]);
    });
    it('annotates a reading in parentheses as the same person', () => {
      assert.deepEqual(spans(run('岩屋毅(いわや・たけし)外相')), ['岩屋毅/takeshi-iwaya', 'いわや・たけし/takeshi-iwaya']);
    });
  });

  describe('agreements', () => {
    it('extends head nouns over their name and links a parenthetical short name and anaphora', () => {
      const ms = run('「包括的戦略パートナーシップ条約(北露条約)」を締結した。両国はこの条約で');
      const agr = ms.filter((m) => m.kind === 'agreement');
      assert.deepEqual(agr.map((m) => m.text), ['包括的戦略パートナーシップ条約', '北露条約', '条約']);
      assert.deepEqual(new Set(agr.map((m) => m.entity)), new Set(['dprk-russia-treaty']));
      assert.deepEqual(spans(ms), ['北/north-korea', '露/russia']);
    });
    it('keeps dates and particles in front outside and crosses に関する', () => {
      const agr = run('2025~2030年の原子力平和利用に関する協力ロードマップ').filter((m) => m.kind === 'agreement');
      assert.deepEqual(agr.map((m) => `${m.text}/${m.type}`), ['原子力平和利用に関する協力ロードマップ/roadmap']);
    });
    it('leaves organizations that contain a treaty word alone', () => {
      const ms = run('北大西洋条約機構(NATO)');
      assert.deepEqual(ms.map((m) => `${m.text}/${m.type}`), ['北大西洋条約機構/organization', 'NATO/organization']);
    });
    it('reads a short name in parentheses and its later uses as the same agreement', () => {
      const agr = run('両国は円滑化協定（ＲＡＡ）に署名した。RAAは来年発効する。raa').filter((m) => m.kind === 'agreement');
      assert.deepEqual(agr.map((m) => m.text), ['円滑化協定', 'ＲＡＡ', 'RAA']);
      assert.equal(new Set(agr.map((m) => m.entity)).size, 1);
    });
    it('links bare and named agreements to the document they refer to, and keeps different ones apart', () => {
      const ids = (text: string) => run(text).filter((m) => m.kind === 'agreement').map((m) => m.entity);
      const [a, b, c] = ids('日米共同声明を出した。日中共同声明とは違う。同声明は');
      assert.notEqual(a, b);
      assert.equal(c, b);
      const [x, y, z] = ids('The Geelong Treaty was signed. The Geelong Treaty on AUKUS runs 50 years. The treaty');
      assert.equal(x, y);
      assert.equal(y, z);
      const [p, q] = ids('성명을 냈다. 공동성명은');
      assert.equal(p, q);
    });
    it('does not take verbs as documents', () => {
      assert.deepEqual(run('独立を宣言した。').filter((m) => m.kind === 'agreement'), []);
    });
    it('finds Korean and English heads', () => {
      const ko = run('공동성명을 발표했다. 성명은').filter((m) => m.kind === 'agreement');
      assert.deepEqual(ko.map((m) => m.text), ['공동성명', '성명']);
      assert.equal(ko[0].entity, ko[1].entity);
      const en = run('They signed a memorandum of understanding and the Comprehensive Strategic Partnership Treaty.').filter((m) => m.kind === 'agreement');
      assert.deepEqual(en.map((m) => m.text), ['memorandum of understanding', 'Comprehensive Strategic Partnership Treaty']);
    });
  });

  describe('markup', () => {
    it('reads text content only: no tag names, attributes, URLs or front-matter keys', () => {
      const text = '---\ntitle: 러시아와 북한\nimage: https://example.kr/russia.jpg\n---\n<p data-country="Russia"><a href="https://ex.com/japan">Japan</a></p>';
      assert.deepEqual(spans(run(text)), ['러시아/russia', '북한/north-korea', 'Japan/japan']);
    });
  });

  describe('offsets', () => {
    it('reports code points with emoji, CRLF and full-width text before mentions', () => {
      const text = '💡🇯🇵 ＮＡＴＯ\r\n✅ 日本と米国';
      const ms = run(text);
      const cps = [...text];
      for (const m of ms) assert.equal(cps.slice(m.start, m.end).join(''), m.text);
      assert.deepEqual(ms.map((m) => [m.start, m.text]), [[4, 'ＮＡＴＯ'], [12, '日本'], [15, '米国']]);
    });
    it('property: every mention text equals the original slice at its code point offsets', () => {
      const pieces = ['日本', 'ロシア', '日米韓', '💡', '\r\n', 'ＮＡＴＯ', ' US ', '러시아로', '北朝鮮軍', '条約', 'ﾛｼｱ', '<b>', '</b>', '中谷外相', 'x', '。', '한·미', '🇰🇷'];
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
          const text = parts.join('');
          const cps = [...text];
          for (const m of run(text)) {
            if (cps.slice(m.start, m.end).join('') !== m.text) return false;
            if (m.start >= m.end || m.end > cps.length) return false;
          }
          return true;
        }),
        { numRuns: 300 },
      );
    });
  });
});
