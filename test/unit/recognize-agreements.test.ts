/**
 * Agreements the knowledge base does not know (agreements.ts): lower-case English names with their
 * kind/topic words and complements, plural heads, communiqués, short names of trade agreements with
 * party prefixes, and Korean and Japanese names that run across spaces, Latin letters or a year.
 * Every sentence here is written for these tests; the KB is a small one of actors only, so each
 * span comes from the rules, not from a curated name (one known document, for short names inside names).
 */
import { strict as assert } from 'assert';
import { KnowledgeBase } from '../../src/core/kb';
import type { Entity } from '../../src/core/kb/schema';
import type { Mention } from '../../src/core/model';
import { recognize } from '../../src/core/recognize';
import { isGenericAgreementId } from '../../src/core/recognize/agreements';

const E = (e: Partial<Entity> & Pick<Entity, 'id' | 'type'>): Entity =>
  ({ kind: ['country', 'person', 'organization'].includes(e.type) ? 'actor' : 'agreement', qid: null, names: {}, aliases: [], contextual: [], ...e }) as Entity;
const kb = KnowledgeBase.of(
  [
    E({ id: 'kenya', type: 'country', names: { ja: ['ケニア'], ko: ['케냐'], en: ['Kenya'] } }),
    E({ id: 'uzbekistan', type: 'country', names: { en: ['Uzbekistan'], ko: ['우즈베키스탄'] } }),
    E({ id: 'japan', type: 'country', names: { ja: ['日本'], en: ['Japan'] }, abbreviations: { ja: ['日'] } }),
    E({ id: 'north-korea', type: 'country', names: { ja: ['北朝鮮'] }, abbreviations: { ja: ['朝'] } }),
    E({ id: 'south-korea', type: 'country', names: { ko: ['한국'], en: ['South Korea', 'Korea'] }, abbreviations: { ko: ['한'] } }),
    E({ id: 'european-union', type: 'organization', names: { ja: ['欧州連合'], ko: ['유럽연합'], en: ['European Union'] }, aliases: ['EU'] }),
    E({ id: 'mercosur', type: 'organization', names: { en: ['Mercosur'], ko: ['메르코수르'] } }),
    E({ id: 'gcc', type: 'organization', names: { en: ['Gulf Cooperation Council'] }, aliases: ['GCC'] }),
    // The one document here: a known name that ends in a short name defined elsewhere in the text.
    E({ id: 'korea-mercosur-ta', type: 'agreement', names: { ko: ['한-메르코수르 TA'] } }),
  ],
  [],
);

const agreements = (text: string): Mention[] => recognize(text, kb).filter((m) => m.kind === 'agreement');
const texts = (text: string): string[] => agreements(text).map((m) => m.text);

describe('recognize: agreements the knowledge base does not know (agreements.ts)', () => {
  describe('English lower-case names: the complement after the head', () => {
    it('runs "on/of ..." up to a verb or an auxiliary', () => {
      assert.deepEqual(texts('Ministers said the protocol on the free movement of workers has not entered into force.'), ['protocol on the free movement of workers']);
      assert.deepEqual(texts('The agreement on trade in services was signed in Geneva.'), ['agreement on trade in services']);
      assert.deepEqual(texts('Beijing wants a treaty of lasting friendship with its western neighbours.'), ['treaty of lasting friendship']);
      assert.deepEqual(texts('Parties to the convention on wetland birds met in Nairobi.'), ['convention on wetland birds']);
      assert.deepEqual(texts('A memorandum on rail freight signed the same day was shorter.'), ['memorandum on rail freight']);
    });
    it('keeps a list closed by "and" and stops at a date, a place after "in", or a comma that closes nothing', () => {
      assert.deepEqual(texts('Officials signed a memorandum of understanding on fisheries, ports and coastal shipping in 2023.'), ['memorandum of understanding on fisheries, ports and coastal shipping']);
      assert.deepEqual(texts('They signed a memorandum on solar power in Mombasa.'), ['memorandum on solar power']);
      assert.deepEqual(texts('A protocol on rules of origin, annexed to the text, lets millers use imported wheat.'), ['protocol on rules of origin']);
      assert.deepEqual(texts('They finalised a framework agreement on Tuesday.'), ['framework agreement']);
    });
    it('does not run "for" into a name, nor "and the" into the next noun phrase', () => {
      assert.deepEqual(texts('It is the biggest agreement for Kenya in years.'), ['agreement']);
      assert.deepEqual(texts('They adopted a roadmap for rail links and the plan was costed.').slice(0, 1), ['roadmap for rail links']);
    });
  });

  describe('linking a name without capitals to the full name', () => {
    it('is the same document before and after the full name, and another one when the names differ', () => {
      const ms = agreements('Leaders adopted a summit declaration on Tuesday.\nThe Nairobi Summit Declaration sets a target for 2030.\nThe summit declaration was welcomed.\nA separate energy declaration followed.\n');
      const by = (t: string) => ms.filter((m) => m.text === t).map((m) => m.entity);
      const full = by('Nairobi Summit Declaration')[0];
      assert.ok(full, JSON.stringify(ms.map((m) => m.text)));
      assert.deepEqual(by('summit declaration'), [full, full]);
      assert.notEqual(by('energy declaration')[0], full);
    });
  });

  describe('English lower-case names: the words before the head', () => {
    it('takes kind and topic words, and parties joined by a dash', () => {
      assert.deepEqual(texts('Talks on a free trade agreement resumed.'), ['free trade agreement']);
      assert.deepEqual(texts('The new digital trade protocol was praised.'), ['digital trade protocol']);
      assert.deepEqual(texts('Paraguay pressed to sign the EU–Mercosur agreement soon.'), ['EU–Mercosur agreement']);
      assert.deepEqual(texts('The summit’s final communiqué praised the mediators.'), ['final communiqué']);
    });
    it('leaves possessives, evaluations and dates outside', () => {
      assert.deepEqual(texts("The EU's Economic Partnership Agreements overlap."), ['Economic Partnership Agreements']);
      assert.deepEqual(texts('It was a landmark agreement on grain exports.'), ['agreement on grain exports']);
    });
    it('takes a name after "the" (the Dakar accords)', () => {
      assert.deepEqual(texts('Both sides still cite the Dakar accords today.'), ['Dakar accords']);
    });
  });

  describe('English capitalized names and short names', () => {
    it('crosses "and" inside a name and reads a short name in parentheses after a space', () => {
      const ms = agreements('Uzbekistan signed an Enhanced Partnership and Cooperation Agreement (EPCA) with the bloc. The EPCA replaces older rules.');
      assert.deepEqual(ms.map((m) => m.text), ['Enhanced Partnership and Cooperation Agreement', 'EPCA', 'EPCA']);
      assert.equal(new Set(ms.map((m) => m.entity)).size, 1);
    });
    it('takes a lower-case "on" topic after a capitalized head', () => {
      assert.deepEqual(texts('They signed a Memorandum of Understanding on port logistics in Mombasa.'), ['Memorandum of Understanding on port logistics']);
      assert.deepEqual(texts('The Paris Agreement on Monday marked ten years.'), ['Paris Agreement']);
    });
    it('keeps a date out of a name (Charter of May 2020)', () => {
      assert.deepEqual(texts('They acted under the Riverside Charter of May 2020.'), ['Riverside Charter']);
    });
    it('takes party prefixes of FTAs and EPCAs, and needs the short name in capitals', () => {
      assert.deepEqual(texts('Seoul signed the Korea–GCC FTA on Thursday.'), ['Korea–GCC FTA']);
      assert.deepEqual(texts('The EU–Uzbekistan EPCA awaits ratification.'), ['EU–Uzbekistan EPCA']);
      assert.deepEqual(texts('He slept on the fta of the sofa.'), []);
    });
  });

  describe('English words that are no documents here', () => {
    it('rejects a bare lower-case protocol, charter or accord with nothing to license it', () => {
      assert.deepEqual(texts('The protocol was strict about seating at the dinner.'), []);
      assert.deepEqual(texts('They flew home on a charter flight.'), []);
      assert.deepEqual(texts('He resigned of his own accord.'), []);
    });
    it('rejects consent: "in agreement with", "reached an agreement"', () => {
      assert.deepEqual(texts('The ministers were in agreement with the central bank.'), []);
      assert.deepEqual(texts('The two sides reached an agreement after long talks.'), []);
      assert.deepEqual(texts('They said there was agreement that the border stays open.'), []);
    });
    it('accepts "the accord" and "a protocol amending …" as documents', () => {
      assert.deepEqual(texts('The accord is the first of its kind.'), ['accord']);
      assert.deepEqual(texts('A protocol amending the 2015 text was initialled.'), ['protocol']);
      assert.deepEqual(texts('They acted in accord with the rules.'), []);
    });
    it('accepts a bare protocol once one was named in the paragraph, or counted', () => {
      assert.deepEqual(texts('The protocol on seed trade was signed. Later the protocol was published.'), ['protocol on seed trade', 'protocol']);
      assert.deepEqual(texts('The assembly adopted both protocols in May.'), ['protocols']);
    });
  });

  describe('plural heads are generic', () => {
    it('links a plural head to no document (both protocols, 諸協定, 협정들)', () => {
      for (const [text, span] of [
        ['The assembly adopted both protocols in May.', 'protocols'],
        ['日米間の諸協定を見直す。', '諸協定'],
        ['회원국들이 맺은 무역 협정들은 기회다.', '무역 협정들'],
      ]) {
        const ms = agreements(text);
        assert.deepEqual(ms.map((m) => m.text), [span], text);
        assert.ok(isGenericAgreementId(ms[0].entity), `${text}: ${ms[0].entity}`);
      }
    });
    it('keeps a named set of documents one entity (the Dakar accords … the Dakar accords)', () => {
      const ms = agreements('Both sides cite the Dakar accords. Critics say the Dakar accords failed.');
      assert.equal(ms.length, 2);
      assert.ok(!isGenericAgreementId(ms[0].entity));
      assert.equal(ms[0].entity, ms[1].entity);
    });
    it('links a bare head to an earlier name that starts with it (memorandum of understanding on …)', () => {
      const ms = agreements('Kenya signed a memorandum of understanding on solar parks. The memorandum was praised.');
      assert.deepEqual(ms.map((m) => m.text), ['memorandum of understanding on solar parks', 'memorandum']);
      assert.equal(ms[0].entity, ms[1].entity);
    });
    it('keeps a singular named document its own entity', () => {
      const [m] = agreements('The protocol on seed trade was signed.');
      assert.ok(!isGenericAgreementId(m.entity));
    });
  });

  describe('Korean names across spaces', () => {
    it('takes a party compound before a short name (한-케냐 EPA) and a kind word (최종 성명, 공동 코뮈니케)', () => {
      assert.deepEqual(texts('양국은 한-케냐 EPA 협상을 시작했다.'), ['한-케냐 EPA']);
      assert.deepEqual(texts('정상들은 최종 성명을 채택했다.'), ['최종 성명']);
      assert.deepEqual(texts('양국은 공동 코뮈니케를 냈다.'), ['공동 코뮈니케']);
    });
    it('takes a topic joined by 에 관한 / 에 대한, not a time word or a particle before it', () => {
      assert.deepEqual(texts('두 나라는 이날 핵심광물 공급망 협력에 관한 양해각서를 체결했다.'), ['핵심광물 공급망 협력에 관한 양해각서']);
      assert.deepEqual(texts('한국과 케냐는 청년 직업훈련 협력에 대한 양해각서도 맺었다.'), ['청년 직업훈련 협력에 대한 양해각서']);
    });
    it('takes one noun more before a kind word, and the nouns after a verb of concluding', () => {
      assert.deepEqual(texts('양국은 원전 협력 양해각서를 교환했다.'), ['원전 협력 양해각서']);
      assert.deepEqual(texts('한국은 케냐와 체결한 청소년 교류 협정에 따라 절차를 바꿨다.'), ['청소년 교류 협정']);
      assert.deepEqual(texts('정부는 청소년 교류 협정을 검토한다.'), ['협정']);
    });
    it('takes a name after a year, and a summit after its parties', () => {
      assert.deepEqual(texts('네 나라가 1991년 아순시온 조약으로 만들었다.'), ['아순시온 조약']);
      assert.deepEqual(texts('한-케냐 정상회의 공동선언이 나왔다.'), ['한-케냐 정상회의 공동선언']);
    });
    it('does not take a verb, a particle or a lone abbreviation before the head', () => {
      assert.deepEqual(texts("'미래'를 주제로 한 공동선언을 채택했다."), ['공동선언']);
      assert.deepEqual(texts('양국 정상은 공동성명을 발표했다.'), ['공동성명']);
      assert.deepEqual(texts('양국은 내년 타결을 목표로 하기로 합의했다.'), []);
    });
  });

  describe('documents named after a place (kb/data/places.json)', () => {
    it('takes a place before a Korean head, with or without a space', () => {
      assert.deepEqual(texts('두 정상은 대구 선언을 채택하고 인천공동선언도 냈다.'), ['대구 선언', '인천공동선언']);
      assert.deepEqual(texts('외교장관들은 나이로비 공동성명과 리마 성명을 발표했다.'), ['나이로비 공동성명', '리마 성명']);
      assert.deepEqual(texts('정상들은 캠프 데이비드 선언에 서명했다.'), ['캠프 데이비드 선언']);
    });
    it('links a later bare head to the document named after the place', () => {
      const ms = agreements('양국은 울산 선언을 채택했다. 선언은 해양 협력을 담았다.');
      assert.deepEqual(ms.map((m) => m.text), ['울산 선언', '선언']);
      assert.equal(ms[1].entity, ms[0].entity);
    });
    it('does not take a word that only looks like a place, nor a place with a particle', () => {
      assert.deepEqual(texts('그것은 빈 선언에 그쳤다.'), ['선언']);
      assert.deepEqual(texts('대표단은 도쿄의 선언을 지지했다.'), ['선언']);
    });
    it('makes 합의 after a place a document, not the verb or another noun', () => {
      assert.deepEqual(texts('양측은 하노이 합의를 이행하기로 했다.'), ['하노이 합의']);
      assert.deepEqual(texts('그는 아부자합의는 유효하다고 말했다.'), ['아부자합의']);
      assert.deepEqual(texts('양측은 서울에서 합의했다.'), []);
      assert.deepEqual(texts('양측은 카이로 합의안을 검토했다.'), []);
      assert.deepEqual(texts('양측은 카이로 합의했다.'), []);
    });
    it('takes a place before a Japanese head, and 合意 after a place with the parties written before it', () => {
      assert.deepEqual(texts('両首脳はナイロビ宣言と釜山共同声明を確認した。'), ['ナイロビ宣言', '釜山共同声明']);
      assert.deepEqual(texts('両首脳は ダカール 宣言を採択した。'), ['ダカール 宣言']);
      assert.deepEqual(texts('日朝ストックホルム合意が注目された。'), ['日朝ストックホルム合意']);
      assert.deepEqual(texts('両国はアクラで合意した。'), []);
    });
    it('takes a place before an English head, with or without "the", not after a preposition', () => {
      assert.deepEqual(texts('Leaders adopted the Lusaka Declaration and a Kigali declaration on trade.'), ['Lusaka Declaration', 'Kigali declaration on trade']);
      assert.deepEqual(texts('Ministers endorsed a new Harare statement.'), ['Harare statement']);
    });
    it('leaves a known name to the knowledge base (한미 워싱턴 선언 stays the Washington Declaration)', () => {
      const builtin = KnowledgeBase.builtin();
      const ms = recognize('한미 워싱턴 선언과 부산 선언을 비교했다.', builtin).filter((m) => m.kind === 'agreement');
      assert.deepEqual(ms.map((m) => [m.text, m.entity.startsWith('doc-') ? 'new' : m.entity]), [['워싱턴 선언', 'washington-declaration-2023'], ['부산 선언', 'new']]);
    });
  });

  describe('document words', () => {
    it('takes 합의서, 合意書, 覚え書き and コミュニケ as heads', () => {
      assert.deepEqual(texts('두 정상은 남북기본합의서를 언급했다.'), ['남북기본합의서']);
      assert.deepEqual(texts('両政府は漁業に関する合意書と覚え書きに署名し、共同コミュニケを出した。'), ['漁業に関する合意書', '覚え書き', '共同コミュニケ']);
    });
  });

  describe('quoted names (ja, ko)', () => {
    it('takes a quoted name that ends in its head whole, without a date in front', () => {
      assert.deepEqual(texts('両国は「沿岸漁業の持続的な管理における協力の枠組みに関する宣言」に署名した。'), ['沿岸漁業の持続的な管理における協力の枠組みに関する宣言']);
      assert.deepEqual(texts("양측은 '2026~2028 공동행동계획'을 채택했다."), ['공동행동계획']);
    });
    it('does not take a quoted sentence', () => {
      assert.deepEqual(texts('首相は「我々はこの協定」と語った。'), ['協定']);
      assert.deepEqual(texts('그는 "정부는 이 협정"이라고 했다.'), ['협정']);
    });
  });

  describe('procedures and short names inside names', () => {
    it('does not take security or health protocols for documents', () => {
      assert.deepEqual(texts('Hospitals tightened health protocols and security protocols last week.'), []);
      assert.deepEqual(texts('The accession protocol was signed.'), ['accession protocol']);
    });
    it('does not take a defined short name again inside a longer name that ends in it', () => {
      const ms = agreements('양국은 무역협정(TA) 협상을 시작했다. 장관은 "한-메르코수르 TA 협상"을 언급했다. TA는 중요하다.');
      assert.deepEqual(ms.map((m) => m.text), ['무역협정', 'TA', '한-메르코수르 TA', 'TA']);
    });
  });

  describe('Japanese names with Latin letters and a year', () => {
    it('takes Latin letters before the head (日EU・EPA, ABC憲章), not a date before them', () => {
      assert.deepEqual(texts('政府は日EU・EPAの活用を促す。'), ['日EU・EPA']);
      assert.deepEqual(texts('2001年のABC憲章に沿う。'), ['ABC憲章']);
      assert.deepEqual(texts('各国はAI規制に関する宣言を出した。'), ['AI規制に関する宣言']);
      assert.deepEqual(texts('各国はAIの軍事利用に関する宣言を出した。'), ['軍事利用に関する宣言']);
    });
    it('takes a year right after the head as part of the name, not a date (2025年)', () => {
      assert.deepEqual(texts('首脳らは「大阪宣言2030」を採択した。'), ['大阪宣言2030']);
      assert.deepEqual(texts('首脳宣言2025年版を読む。'), ['首脳宣言']);
    });
  });

  describe('headlines in title case (lexicon headlineWords)', () => {
    it('a capitalized verb ends the name walking back from the head: Japan And Korea Sign New Trade Agreement', () => {
      assert.deepEqual(texts('Japan And Korea Sign New Trade Agreement At Regional Summit'), ['New Trade Agreement']);
      assert.deepEqual(texts('EU Hails Enhanced Partnership And Cooperation Agreement'), ['Enhanced Partnership And Cooperation Agreement']);
    });
  });

  describe('a kind of agreement spelled out or shortened (kb/data/agreement-kinds.json)', () => {
    const builtin = KnowledgeBase.builtin();
    const linked = (text: string) => recognize(text, builtin).filter((m) => m.kind === 'agreement').map((m) => [m.text, m.entity]);
    it('is the latest agreement named before it whose name ends in that kind, in every language', () => {
      assert.deepEqual(linked('한국과 GCC는 한-GCC FTA에 서명했다. 양측은 자유무역협정 발효를 위해 협력하기로 했다.'), [
        ['한-GCC FTA', 'korea-gulf-cooperation-council-fta'],
        ['자유무역협정', 'korea-gulf-cooperation-council-fta'],
      ]);
      assert.deepEqual(linked('日本とGCCは日GCC・EPAに署名した。両者は経済連携協定の早期発効を目指す。'), [
        ['日GCC・EPA', 'japan-gulf-cooperation-council-epa'],
        ['経済連携協定', 'japan-gulf-cooperation-council-epa'],
      ]);
      const [epa, spelled] = linked('Kenya and the EU signed the EU-Kenya EPA. The economic partnership agreement enters into force next year.');
      assert.equal(spelled[1], epa[1]);
    });
    it('matches the longest kind, and a Latin short form only as a word: a comprehensive EPA is a CEPA', () => {
      const ms = linked('Korea and the UAE signed the Korea-UAE CEPA. Japan and India signed the Japan-India EPA. The comprehensive economic partnership agreement cuts tariffs.');
      assert.equal(ms[2][0], 'comprehensive economic partnership agreement');
      assert.equal(ms[2][1], 'korea-united-arab-emirates-cepa');
      const other = linked('Korea and the UAE signed the Korea-UAE CEPA. The economic partnership agreement is another matter.');
      assert.notEqual(other[1][1], 'korea-united-arab-emirates-cepa');
    });
    it('is a document of its own when no agreement of its kind was named before', () => {
      const ms = linked('Korea and Chile signed a memorandum. The free trade agreement was discussed.');
      assert.ok(ms.every(([, entity]) => entity.startsWith('doc-')), JSON.stringify(ms));
      assert.equal(new Set(ms.map(([, e]) => e)).size, ms.length);
    });
  });
});
