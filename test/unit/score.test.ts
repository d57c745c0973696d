import { strict as assert } from 'assert';
import { consistency, f1, languageOf, precision, recall, scoreFile, type ScoredMention } from '../../src/core/eval/score';

const M = (start: number, end: number, type: string, entity: string | null, qid: string | null = null): ScoredMention => ({
  start, end, type, entity, qid, kind: ['country', 'person', 'organization'].includes(type) ? 'actor' : 'agreement',
});

describe('eval/score (the guidelines scoring)', () => {
  it('scores actors by exact span and type, and linking on gold QIDs', () => {
    const gold = [M(0, 3, 'country', 'russia', 'Q159'), M(5, 8, 'person', 'x'), M(10, 12, 'organization', 'o')];
    const pred = [M(0, 3, 'country', 'russia', 'Q159'), M(5, 9, 'person', 'x'), M(10, 12, 'country', 'o')];
    const s = scoreFile(gold, pred);
    assert.deepEqual(s.actors, { tp: 1, fp: 2, fn: 2 });
    assert.equal(f1(s.actors), 2 / 6);
    assert.deepEqual(s.linked, { right: 1, total: 1 });
  });
  it('matches agreements one to one by overlap, with exact-span counts beside', () => {
    const gold = [M(0, 10, 'treaty', 't'), M(20, 24, 'statement', 's')];
    const pred = [M(2, 6, 'treaty', 'a'), M(3, 5, 'treaty', 'b'), M(20, 24, 'statement', 'c')];
    const s = scoreFile(gold, pred);
    assert.deepEqual(s.agreementsOverlap, { tp: 2, fp: 1, fn: 0 });
    assert.deepEqual(s.agreementsExact, { tp: 1, fp: 2, fn: 1 });
  });
  it('entity consistency: one id per gold entity, never shared between two', () => {
    assert.equal(consistency([['a', '1'], ['a', '1'], ['b', '2']]), 1);
    assert.equal(consistency([['a', '1'], ['a', '2'], ['b', '3']]), 0.5);
    assert.equal(consistency([['a', '1'], ['b', '1']]), 0);
  });
  it('scores parties per gold agreement mention: matched ones by set, missed and spurious ones wholly', () => {
    const P = (m: ScoredMention, parties: string[]): ScoredMention => ({ ...m, parties });
    const gold = [P(M(0, 10, 'treaty', 't'), ['japan', 'philippines']), P(M(20, 24, 'statement', 's'), ['g7']), P(M(30, 34, 'agreement', null), [])];
    const pred = [P(M(2, 6, 'treaty', 'a'), ['japan', 'china']), P(M(30, 34, 'agreement', 'x'), []), P(M(40, 44, 'plan', 'p'), ['russia'])];
    const s = scoreFile(gold, pred);
    // japan right; china wrong; philippines and g7 (statement not found) missed; russia on a spurious plan wrong.
    assert.deepEqual(s.parties, { tp: 1, fp: 2, fn: 2 });
    assert.equal(precision(s.parties!), 1 / 3);
    assert.equal(recall(s.parties!), 1 / 3);
    assert.equal(s.partyErrors!.length, 3);
    // Gold without parties (the seeds' format) is not scored on them.
    assert.equal(scoreFile([M(0, 10, 'treaty', 't')], pred).parties, undefined);
  });
  it('tells the language of an article by its script', () => {
    assert.equal(languageOf('日本とフィリピンは協定に署名した。'), 'ja');
    assert.equal(languageOf('한국과 미국은 공동성명을 채택했다. NCG'), 'ko');
    assert.equal(languageOf('Australia and the UK signed a treaty (豪英).'), 'en');
  });
});
