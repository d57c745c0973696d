/** The knowledge base's agreement parties are data the recognizer trusts whole: they must name real actors. */
import { strict as assert } from 'assert';
import { KnowledgeBase } from '../../src/core/kb';
import { recognize } from '../../src/core/recognize';

const kb = KnowledgeBase.builtin();

describe('kb: parties of known agreements', () => {
  it('are countries or organizations of the knowledge base, each once, never the agreement itself', () => {
    const agreements = kb.all().filter((e) => e.kind === 'agreement' && e.parties);
    assert.ok(agreements.length > 50, `only ${agreements.length} agreements with parties`);
    for (const a of agreements) {
      assert.equal(new Set(a.parties).size, a.parties!.length, `${a.id}: a party twice`);
      for (const p of a.parties!) {
        const e = kb.get(p);
        assert.ok(e, `${a.id}: party ${p} is not in the knowledge base`);
        assert.ok(e.type === 'country' || e.type === 'organization', `${a.id}: party ${p} is a ${e.type}`);
      }
    }
  });

  it('are given to every mention of a known document, whatever the sentence says (JCPOA, New START, RCEP, AUKUS)', () => {
    const named = (text: string) => recognize(text, kb).filter((m) => m.kind === 'agreement').map((m) => [m.entity, m.parties]);
    assert.deepEqual(named('Ghana praised the New START treaty.'), [['new-start', ['united-states', 'russia']]]);
    const rcep = recognize('RCEP took effect in 2022.', kb).find((m) => m.kind === 'agreement')!;
    assert.equal(rcep.parties!.length, 15);
    assert.deepEqual(named('The Naval Nuclear Propulsion Agreement entered into force.'), [['aukus-naval-nuclear-propulsion-agreement', ['australia', 'united-kingdom', 'united-states']]]);
  });
});
