/** Parties of agreements on sentences of our own (not in the fixtures), in ja, ko and en. */
import { strict as assert } from 'assert';
import { KnowledgeBase } from '../../src/core/kb';
import { recognize } from '../../src/core/recognize';

const kb = KnowledgeBase.builtin();
/** Parties of each agreement mention, as "text → ids". */
const parties = (text: string) => recognize(text, kb).filter((m) => m.kind === 'agreement').map((m) => `${m.text} → ${(m.parties ?? []).join(' ')}`);

describe('recognize: parties of agreements', () => {
  it('reads them from abbreviation compounds and names before the head (ja, ko)', () => {
    assert.deepEqual(parties('日豪円滑化協定が発効した。'), ['日豪円滑化協定 → japan australia']);
    assert.deepEqual(parties('政府は日印物品役務相互提供協定の改定を検討している。'), ['日印物品役務相互提供協定 → japan india']);
    assert.deepEqual(parties('한미일 정상회의 공동성명이 나왔다.'), ['한미일 정상회의 공동성명 → south-korea united-states japan']);
  });

  it('reads them from the subject and "with" phrase of a verb of concluding (ja, ko, en)', () => {
    assert.deepEqual(parties('インドとオーストラリア両政府は１０日、経済協力協定に署名した。'), ['経済協力協定 → india australia']);
    assert.deepEqual(parties('ブラジルはアルゼンチンと新たな協定を結んだ。'), ['協定 → brazil argentina']);
    assert.deepEqual(parties('캐나다와 독일은 에너지 협정에 서명했다.'), ['에너지 협정 → canada germany']);
    assert.deepEqual(parties('Kenya and Ethiopia on Monday signed a border agreement in Nairobi.'), ['border agreement → kenya ethiopia']);
    assert.deepEqual(parties('Iran and the IAEA signed the Cairo agreement on Tuesday.'), ['Cairo agreement → iran iaea']);
  });

  it('reads "both countries" (両国, 양측) as the two countries the story is about, and a chair as its grouping', () => {
    const ja = 'ケニアとエチオピアの首脳が会談した。ケニア側は前向きだった。エチオピアも応じた。両国は共同声明を発表した。';
    assert.deepEqual(parties(ja), ['共同声明 → kenya ethiopia']);
    const ko = '캐나다와 독일이 회담했다. 캐나다는 만족했고 독일도 그랬다. 양측은 공동성명을 채택했다.';
    assert.deepEqual(parties(ko), ['공동성명 → canada germany']);
    assert.deepEqual(parties('The joint statement, issued by Brazil as this year\'s G20 president, called for restraint.'), ['joint statement → g20']);
  });

  it('reads "the two leaders" after a bilateral document as its two parties, and a document still to be concluded as having none', () => {
    const ko = '대통령은 페루, 칠레, 콜롬비아를 차례로 방문했다. 페루와 칠레에서 환영을 받았다. 칠레에서는 한·칠레 공동성명을 발표했다. 두 정상은 구리 협력에 관한 양해각서를 체결했다.';
    assert.deepEqual(parties(ko), ['한·칠레 공동성명 → south-korea chile', '구리 협력에 관한 양해각서 → south-korea chile']);
    assert.deepEqual(parties('한국과 페루는 자유무역협정 체결을 위한 협상을 시작했다.'), ['자유무역협정 → ']);
    assert.deepEqual(parties('日本とペルーは経済連携協定の締結に向けた交渉を始めた。'), ['経済連携協定 → ']);
  });

  it('never makes parties of actors that only react to a document, nor of people', () => {
    assert.deepEqual(parties('中国とロシアは新しい協定を批判した。'), ['協定 → ']);
    // …but the document they criticize keeps the parties its name gives.
    assert.deepEqual(parties('中国は日比の協定を批判した。'), ['協定 → japan philippines']);
    assert.deepEqual(parties('China criticized the agreement, and Russia welcomed it.'), ['agreement → ']);
    const named = recognize('ブラジルのルラ大統領とアルゼンチンのミレイ大統領は協定に署名した。', kb);
    const agreement = named.find((m) => m.kind === 'agreement')!;
    assert.ok(!agreement.parties!.some((id) => named.find((m) => m.entity === id)?.type === 'person'));
    assert.deepEqual(agreement.parties, ['brazil', 'argentina']);
  });

  it('gives every mention linked to one document the same parties, and known documents the knowledge base\'s', () => {
    const ms = recognize('ケニアとエチオピアは国境協定に署名した。同協定は来年発効する。', kb).filter((m) => m.kind === 'agreement');
    assert.equal(ms.length, 2);
    assert.equal(ms[0].entity, ms[1].entity);
    assert.deepEqual(ms[1].parties, ['kenya', 'ethiopia']);
    const jcpoa = recognize('Ghana welcomed the JCPOA.', kb).find((m) => m.kind === 'agreement')!;
    assert.ok(jcpoa.parties!.includes('iran') && !jcpoa.parties!.includes('ghana'));
    // A known document without a list: the UN in its name is no party.
    assert.deepEqual(recognize('国連憲章に反する。', kb).find((m) => m.kind === 'agreement')!.parties, []);
  });
});

describe('recognize: generic heads (issue 13.2)', () => {
  const agreements = (text: string) => recognize(text, kb).filter((m) => m.kind === 'agreement');

  it('a bare head links to the document before it, or to the chain of bare heads that names one', () => {
    const ms = agreements('한국과 일본은 성명을 발표했다. 성명은 협력을 강조했다. 이 성명에는 북한 문제도 담겼다.');
    assert.equal(new Set(ms.map((m) => m.entity)).size, 1);
    assert.deepEqual(ms[2].parties, ['south-korea', 'japan']);
  });

  it('a head naming a kind (こうした協定, 이런 협정, 공동성명이랑, such agreements) is its own entity, never merged, without parties', () => {
    const ja = agreements('ケニアとエチオピアは国境協定に署名した。両国がこうした協定を結ぶのは初めてだ。別の記事もこうした協定を扱った。');
    assert.equal(ja.length, 3);
    assert.notEqual(ja[1].entity, ja[0].entity);
    assert.notEqual(ja[2].entity, ja[1].entity);
    assert.deepEqual([ja[1].parties, ja[2].parties], [[], []]);
    assert.deepEqual(ja[0].parties, ['kenya', 'ethiopia']);
    const ko = agreements('공동언론발표문은 공동성명이랑 뭐가 달라요? 공동성명보다 형식은 가볍습니다.').filter((m) => m.text === '공동성명');
    assert.equal(ko.length, 2);
    assert.notEqual(ko[0].entity, ko[1].entity);
  });

  it('今回の協定 is the story’s own document even after another of its kind was named', () => {
    const ms = agreements('ケニアとエチオピアは国境協定に署名した。協定は発効を待つ。先行する日英円滑化協定は発効済みで、今回の協定も国会の承認を待つ。');
    const [own, bare, other, current] = ms;
    assert.equal(bare.entity, own.entity);
    assert.notEqual(other.entity, own.entity);
    assert.equal(current.entity, own.entity);
    assert.deepEqual(current.parties, ['kenya', 'ethiopia']);
  });

  it('an English verb concludes the document right after it, not one past a comma; a participle after a dateline shares the subject', () => {
    assert.deepEqual(parties('Canada and Chile agreed to merge their rules, a model the Atlantic Trade Charter may follow.\n').map((p) => p.split(' → ')[1] ?? ''), ['']);
    assert.deepEqual(parties('OTTAWA - G7 leaders on Friday endorsed a plan to cut tariffs by 2030, adopting a brief summit declaration.\n'), ['summit declaration → g7']);
  });

  // A person alone in a subject phrase stands for the state whose office they hold (kb people's `country`).
  describe('people, through their country', () => {
    it('a head or minister alone gives their state (ja, ko, en)', () => {
      assert.deepEqual(parties('岸田文雄首相とウィリアム・ルト大統領は経済連携協定に署名した。'), ['経済連携協定 → japan kenya']);
      assert.deepEqual(parties('조태열 장관은 앤서니 앨버니지 총리와 에너지 협정에 서명했다.'), ['에너지 협정 → south-korea australia']);
      assert.deepEqual(parties('Anthony Albanese and William Ruto signed a trade agreement on Monday.'), ['trade agreement → australia kenya']);
    });

    it('a person beside their country adds nothing, and the head of an international body gives none', () => {
      assert.deepEqual(parties('日本の岸田文雄首相は共同声明に署名した。'), ['共同声明 → japan']);
      const un = kb.get('antonio-guterres');
      assert.ok(un && !un.country, 'the UN Secretary-General has no country');
      assert.deepEqual(parties('アントニオ・グテーレス国連事務総長は共同声明に署名した。'), ['共同声明 → united-nations']);
    });
  });
});
