import { strict as assert } from 'assert';
import { BUILTIN_FILES, KnowledgeBase, KbError, parseWorkspaceKb, validateKbFile, surfaceForms } from '../../src/core/kb';

describe('kb', () => {
  it('every built-in data file satisfies the schema and names its sources', () => {
    for (const [name, data] of Object.entries(BUILTIN_FILES)) {
      const entities = validateKbFile(name, data);
      assert.ok(entities.length > 0, name);
      assert.ok((data as { sources: string[] }).sources.length > 0, name);
    }
  });
  it('no id is given to two entities of the built-in data files (the later one would hide the earlier)', () => {
    const seen = new Map<string, string>();
    for (const [name, data] of Object.entries(BUILTIN_FILES)) {
      for (const e of validateKbFile(name, data)) {
        assert.ok(!seen.has(e.id), `${e.id} in ${name} and ${seen.get(e.id)}`);
        seen.set(e.id, name);
      }
    }
  });
  it('rejects a data file that breaks the schema, naming the field', () => {
    assert.throws(() => validateKbFile('bad', { description: 'x', sources: ['y'], entities: [{ id: 'Bad Id', kind: 'actor', type: 'country', names: {} }] }), /entities\.0\.id/);
  });
  it('has unique ids and takes every ISO country from the library with curated forms merged', () => {
    const kb = KnowledgeBase.builtin();
    const ids = kb.all().map((e) => e.id);
    assert.equal(new Set(ids).size, ids.length);
    const countries = kb.all().filter((e) => e.type === 'country' && e.iso2);
    assert.ok(countries.length >= 249, `ISO countries: ${countries.length}`);
    const nk = kb.get('north-korea')!;
    assert.equal(nk.qid, 'Q423');
    const forms = surfaceForms(nk);
    for (const f of ['北朝鮮', '북한', 'North Korea', '朝鮮民主主義人民共和国']) assert.ok(forms.free.includes(f), f);
    assert.ok(forms.abbreviations.ja.includes('朝'));
  });
  it('overlays a workspace file: new entities, merged forms, aliases; unknown alias targets are errors', () => {
    const ws = parseWorkspaceKb('ws.json', JSON.stringify({ version: 1, entities: [{ id: 'russia', kind: 'actor', type: 'country', names: { en: ['Rossiya'] } }, { id: 'acme', kind: 'actor', type: 'organization', names: { en: ['Acme Corp'] } }], aliases: [{ entity: 'japan', forms: ['Nippon'] }] }));
    const kb = KnowledgeBase.builtin().withWorkspace(ws, 'ws.json');
    assert.ok(kb.get('russia')!.names.en!.includes('Rossiya'));
    assert.ok(kb.get('russia')!.names.en!.includes('Russia'));
    assert.ok(kb.get('japan')!.aliases.includes('Nippon'));
    assert.equal(kb.get('acme')!.type, 'organization');
    assert.throws(() => KnowledgeBase.builtin().withWorkspace({ version: 1, entities: [], aliases: [{ entity: 'nope', forms: ['x'] }] }, 'ws.json'), KbError);
  });
  it('reports an invalid workspace file with its name and the problem', () => {
    assert.throws(() => parseWorkspaceKb('/w/article-annotator.kb.json', '{"version": 2}'), /article-annotator\.kb\.json: version/);
    assert.throws(() => parseWorkspaceKb('/w/article-annotator.kb.json', '{oops'), /not valid JSON/);
  });
});
