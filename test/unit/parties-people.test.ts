/** A person alone in a subject phrase stands for the state whose office they hold (kb people's `country`). Our own sentences. */
import { strict as assert } from 'assert';
import { KnowledgeBase } from '../../src/core/kb';
import { recognize } from '../../src/core/recognize';

const kb = KnowledgeBase.builtin();
const parties = (text: string) => recognize(text, kb).filter((m) => m.kind === 'agreement').map((m) => `${m.text} → ${(m.parties ?? []).join(' ')}`);

describe('recognize: people as parties through their country', () => {
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
