/** Armed groups in African news are organizations, never a surname of a person named earlier. Our own sentences. */
import { strict as assert } from 'assert';
import { KnowledgeBase } from '../../src/core/kb';
import { recognize } from '../../src/core/recognize';

const kb = KnowledgeBase.builtin();
const found = (text: string) => recognize(text, kb).map((m) => `${m.text}=${m.entity}`);

describe('recognize: armed groups', () => {
  it('Boko Haram stays the group after President Duma Boko is named', () => {
    const ms = found('President Duma Boko of Botswana spoke in Abuja.\nNigeria said Boko Haram attacked a village near Lake Chad.\n');
    assert.ok(ms.includes('Duma Boko=duma-boko'), ms.join(' '));
    assert.ok(ms.includes('Boko Haram=boko-haram'), ms.join(' '));
  });

  it('finds them in Japanese and Korean', () => {
    assert.ok(found('ソマリアでアル・シャバーブが攻撃を続けている。').includes('アル・シャバーブ=al-shabaab'));
    assert.ok(found('수단 신속지원군이 다르푸르에서 공세를 폈다.').includes('신속지원군=rapid-support-forces'));
  });
});
