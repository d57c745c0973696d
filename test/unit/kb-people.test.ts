/**
 * People of the knowledge base (issue 12.3): the country of a person's office is an entity the
 * parties stage can use, the member states of the G20, ASEAN, the GCC and the African Union each
 * have a head of state or government and a foreign minister, and surnames that are ordinary words
 * stay contextual.
 */
import { strict as assert } from 'assert';
import { KnowledgeBase } from '../../src/core/kb';
import { recognize } from '../../src/core/recognize';
import blocsFile from '../fixtures/kb/blocs.json';

const kb = KnowledgeBase.builtin();
const people = kb.all().filter((e) => e.type === 'person');
const blocs = blocsFile.blocs as Record<string, string[]>;

/** A head of state or government by the wording of the note ("President of Kenya 2022–"), not a deputy. */
const HEAD = /(?<![Vv]ice[- ]|Deputy |deputy )\b(President|Prime Minister|Premier|Chancellor|King|Queen|Emperor|Emir|Sultan|Supreme [Ll]eader|Leader|Chief Adviser|Head of Government|Chairman of (?:the Presidential Council|Sudan's Transitional Sovereignty Council)|Head of the Myanmar military government)\b/;

/** A foreign minister by the wording of the note ("Foreign minister of Kenya 2022–"), not a deputy or a spokesperson. */
const FOREIGN_MINISTER = /(?<!deputy |Deputy |Under )\b(?:[Ff]oreign (?:[Mm]inister|[Ss]ecretary)\b|External [Aa]ffairs [Mm]inister|Secretary of State|Minister (?:of|for) Foreign Affairs)/;

/**
 * Members whose foreign minister the knowledge base does not have yet: no holder of the office
 * could be named with certainty (South Sudan and São Tomé and Príncipe changed ministers often in
 * 2023–2025; the post-coup government of Guinea-Bissau had not named one with certainty).
 */
const FOREIGN_MINISTER_GAPS = ['au:guinea-bissau', 'au:sao-tome-and-principe', 'au:south-sudan'];

describe('kb: people', () => {
  it('a person’s country is a country entity of the knowledge base', () => {
    const withCountry = people.filter((p) => p.country);
    assert.ok(withCountry.length > people.length / 2, `only ${withCountry.length} of ${people.length} people have a country`);
    for (const p of withCountry) {
      const c = kb.get(p.country!);
      assert.ok(c, `${p.id}: country ${p.country} is not in the knowledge base`);
      assert.equal(c.type, 'country', `${p.id}: country ${p.country} is a ${c.type}`);
    }
  });

  it('heads of international bodies have no country (the body acts, not a state)', () => {
    for (const id of ['antonio-guterres', 'mahmoud-ali-youssouf', 'kao-kim-hourn', 'jasem-albudaiwi', 'ursula-von-der-leyen']) {
      const p = kb.get(id);
      assert.ok(p, id);
      assert.equal(p.country, undefined, id);
    }
  });

  it('every member state of the G20, ASEAN, the GCC and the African Union has a head of state or government', () => {
    assert.equal(blocs.au.length, 55);
    const missing: string[] = [];
    for (const [bloc, members] of Object.entries(blocs)) {
      assert.equal(new Set(members).size, members.length, `${bloc}: a member twice`);
      for (const id of members) {
        assert.equal(kb.get(id)?.type, 'country', `${bloc}: ${id} is not a country entity`);
        const heads = people.filter((p) => p.country === id && p.note?.split(';').some((role) => HEAD.test(role)));
        if (heads.length === 0) missing.push(`${bloc}:${id}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  it('every member state of the G20, ASEAN, the GCC and the African Union has a foreign minister (but the known gaps)', () => {
    const missing: string[] = [];
    for (const [bloc, members] of Object.entries(blocs)) {
      for (const id of members) {
        const ministers = people.filter((p) => p.country === id && p.note?.split(';').some((role) => FOREIGN_MINISTER.test(role)));
        if (ministers.length === 0) missing.push(`${bloc}:${id}`);
      }
    }
    assert.deepEqual(missing, FOREIGN_MINISTER_GAPS);
  });

  it('the foreign-minister wording is told from deputies and spokespeople', () => {
    assert.ok(FOREIGN_MINISTER.test('Foreign minister of Malawi 2014–2016'));
    assert.ok(FOREIGN_MINISTER.test('External affairs minister of India 2019–'));
    assert.ok(!FOREIGN_MINISTER.test('Russian deputy foreign minister'));
    assert.ok(!FOREIGN_MINISTER.test('Chinese foreign ministry spokesperson'));
    assert.ok(!FOREIGN_MINISTER.test('US Under Secretary of State for Political Affairs'));
  });

  it('recognizes the added heads and ministers by their full names in ja, ko and en', () => {
    const entities = (text: string) => recognize(text, kb).filter((m) => m.type === 'person').map((m) => m.entity);
    assert.deepEqual(entities('コンゴ民主共和国のジュディット・スミンワ首相が来日した。'), ['judith-suminwa']);
    assert.deepEqual(entities('폴 카가메 대통령과 올리비에 은두훙기레헤 외교장관이 참석했다.'), ['paul-kagame', 'olivier-nduhungirehe']);
    assert.deepEqual(entities('Foreign Minister Samuel Okudzeto Ablakwa said Ablakwa would travel.'), ['samuel-okudzeto-ablakwa', 'samuel-okudzeto-ablakwa']);
    assert.deepEqual(entities('カーボベルデのルイ・フィゲイレド・ソアレス外相とリビアのナジュラ・マングーシュ前外相が会談した。'), ['rui-figueiredo-soares', 'najla-mangoush']);
    assert.deepEqual(entities('기니비사우의 오르타 은탐 과도 대통령은 일리디우 비에이라 테 총리를 임명했다.'), ['horta-n-tam', 'ilidio-vieira-te']);
    assert.deepEqual(entities('Mexico’s Juan Ramón de la Fuente met George Chaponda; de la Fuente said Chaponda agreed.'), ['juan-ramon-de-la-fuente', 'george-chaponda', 'juan-ramon-de-la-fuente', 'george-chaponda']);
  });

  it('a surname that is an ordinary word is matched only with a title or after the full name', () => {
    const persons = (text: string) => recognize(text, kb).filter((m) => m.type === 'person').map((m) => m.text);
    // ガリ is also pickled ginger, Fall an English word, 레비 the start of other names (레비나스).
    assert.deepEqual(persons('寿司にはガリが付きもので、秋はFall、레비나스를 읽었다.'), []);
    assert.deepEqual(persons('ブラヒム・ガリ氏が演説し、ガリ氏は独立を訴えた。'), ['ブラヒム・ガリ', 'ガリ']);
    assert.deepEqual(persons('In the fall, Foreign Minister Yassine Fall spoke; Fall said the fall of prices hurt.'), ['Yassine Fall', 'Fall']);
  });
});
