import { strict as assert } from 'assert';
import { KnowledgeBase } from '../../src/core/kb';
import { kbLang, mainLanguage, nameIn, nameLanguage } from '../../src/core/kb/names';
import { EntityDirectory } from '../../src/core/workspace/entities';

describe('display names (articleAnnotator.displayNames)', () => {
  it('reads language tags as knowledge-base languages', () => {
    assert.equal(kbLang('ja'), 'ja');
    assert.equal(kbLang('ko-KR'), 'ko');
    assert.equal(kbLang('zh-cn'), 'zh');
    assert.equal(kbLang('en_US'), 'en');
    assert.equal(kbLang('fr'), undefined);
    assert.equal(kbLang('und'), undefined);
    assert.equal(kbLang(undefined), undefined);
  });

  it('chooses the article language, the UI language or English', () => {
    assert.equal(nameLanguage('article', 'ja', 'en'), 'ja');
    assert.equal(nameLanguage('article', 'ko', 'ja'), 'ko');
    assert.equal(nameLanguage('ui', 'ko', 'ja'), 'ja');
    assert.equal(nameLanguage('en', 'ko', 'ja'), 'en');
    // No article language (Workspace scope, an empty file): the UI's; a UI the KB has no names in: English.
    assert.equal(nameLanguage('article', undefined, 'ko'), 'ko');
    assert.equal(nameLanguage('article', 'und', 'fr'), 'en');
    assert.equal(nameLanguage('ui', 'ja', 'de'), 'en');
  });

  it('takes the language most articles of a workspace are in', () => {
    assert.equal(mainLanguage(['ja', 'en', 'ja', 'ko', undefined, 'und']), 'ja');
    assert.equal(mainLanguage(['ko-KR', 'en', 'ko']), 'ko');
    assert.equal(mainLanguage(['en', 'ja']), 'en', 'a tie goes to the first');
    assert.equal(mainLanguage(['und', undefined, 'fr']), undefined);
    assert.equal(nameLanguage('article', mainLanguage(['ja', 'ja', 'en']), 'en'), 'ja');
  });

  it('takes the first name in the language, else English, else any', () => {
    const names = { ja: ['上川陽子', '上川 陽子'], en: ['Yoko Kamikawa'] };
    assert.equal(nameIn(names, 'ja'), '上川陽子');
    assert.equal(nameIn(names, 'ko'), 'Yoko Kamikawa');
    assert.equal(nameIn({ ko: ['가미카와 요코'] }, 'ja'), '가미카와 요코');
    assert.equal(nameIn({}, 'ja'), undefined);
  });

  it('names built-in entities in each language: 上川陽子, 미국', () => {
    const kb = KnowledgeBase.builtin();
    assert.equal(kb.displayName('yoko-kamikawa', 'ja'), '上川陽子');
    assert.equal(kb.displayName('yoko-kamikawa'), 'Yoko Kamikawa');
    assert.equal(kb.displayName('united-states', 'ko'), '미국');
    assert.equal(kb.displayName('united-states', 'en'), 'United States');
    assert.equal(kb.displayName('no-such-entity', 'ja'), 'no-such-entity');
  });

  it('the entity directory shows names in its language and keeps the others as aliases', () => {
    const kb = KnowledgeBase.builtin();
    const ja = new EntityDirectory(kb, [], 'ja').get('united-states')!;
    assert.equal(ja.name, '米国');
    assert.ok(ja.aliases.includes('United States'), 'the English name is an alias');
    assert.ok(!ja.aliases.includes(ja.name));
    assert.equal(new EntityDirectory(kb).get('united-states')!.name, 'United States');
    // A sidecar entity has one name, whatever the language.
    const local = new EntityDirectory(kb, [{ id: 'acme', kind: 'actor', type: 'organization', name: 'Acme', qid: null }], 'ko').get('acme')!;
    assert.equal(local.name, 'Acme');
  });
});
