/** One-character Hanja surnames of people the article names, as Korean headlines and Japanese wires print them. Our own sentences. */
import { strict as assert } from 'assert';
import { KnowledgeBase } from '../../src/core/kb';
import { recognize } from '../../src/core/recognize';

const kb = KnowledgeBase.builtin();
const people = (text: string) => recognize(text, kb).filter((m) => m.type === 'person').map((m) => `${m.text}=${m.entity}`);

describe('recognize: a lone Hanja surname', () => {
  it('is the person the article names, in a headline before a comma or a quote, or before Hangul', () => {
    assert.ok(people('윤석열 대통령은 워싱턴에 도착했다.\n尹, 동맹 강화 강조\n').includes('尹=yoon-suk-yeol'));
    assert.ok(people('윤석열 대통령은 워싱턴에 도착했다.\n尹 "동맹은 굳건"\n').includes('尹=yoon-suk-yeol'));
    assert.ok(people('尹錫悦大統領は会見した。\n尹、同盟強化を強調\n').includes('尹=yoon-suk-yeol'));
  });

  it('is nobody when the article does not name the person, inside a Japanese word, or in a credit', () => {
    assert.ok(!people('尹, 동맹 강화 강조\n').some((p) => p.startsWith('尹=')), 'not named in the article');
    assert.deepEqual(people('林芳正官房長官が会見した。\n林の中を歩いた。\n').filter((p) => p.startsWith('林=')), []);
    assert.deepEqual(people('文在寅前大統領が来日した。\n（文＝編集部）\n').filter((p) => p.startsWith('文=')), []);
  });
});
