// Rename Entity and Merge Entities for entities the workspace knowledge base defines (issue 12: an
// entity learnt from a tag is suggested everywhere, so renaming or merging it must reach that file).
import { strict as assert } from 'assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { KbError, WORKSPACE_KB_FILE } from '../../../src/core/kb';
import { recognize } from '../../../src/core/recognize';
import { isWorkspaceEntity, knowledgeAt, learnWorkspaceForm, mergeWorkspaceEntity, renameWorkspaceEntity } from '../../../src/core/workspace/kb';

const DOCK = { id: 'dock-union', kind: 'actor' as const, type: 'organization' as const, name: 'Dock Union' };

describe('workspace knowledge base: renaming and merging its entities', () => {
  let dir: string;
  let file: string;
  const kb = () => knowledgeAt(dir).kb;
  const ws = () => JSON.parse(readFileSync(file, 'utf8')) as { entities: Array<{ id: string; names: Record<string, string[]>; aliases: string[]; parties?: string[]; contextual: string[] }>; aliases: Array<{ entity: string; forms: string[] }>; rejected?: string[] };
  const found = (text: string) => recognize(text, kb()).map((m) => [m.text, m.entity]);
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'aa-rename-'));
    file = path.join(dir, WORKSPACE_KB_FILE);
    // Learnt from a tag of "Dock Union" (a sidecar entity), then of its short form.
    await learnWorkspaceForm(file, kb(), DOCK, 'Dock Union');
    await learnWorkspaceForm(file, kb(), DOCK, 'DU Workers');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('tells entities the file defines from built-in ones, even a built-in one the file extends', async () => {
    await learnWorkspaceForm(file, kb(), { id: 'japan', kind: 'actor', type: 'country', name: 'Japan' }, 'Yamato');
    writeFileSync(file, JSON.stringify({ ...ws(), entities: [...ws().entities, { id: 'russia', kind: 'actor', type: 'country', names: { en: ['Rossiya'] } }] }));
    const k = knowledgeAt(dir);
    assert.equal(isWorkspaceEntity(k.workspace, 'dock-union'), true);
    assert.equal(isWorkspaceEntity(k.workspace, 'japan'), false);
    assert.equal(isWorkspaceEntity(k.workspace, 'russia'), false);
    assert.equal(isWorkspaceEntity(null, 'dock-union'), false);
    await assert.rejects(renameWorkspaceEntity(file, k.kb, 'russia', 'Rus'), KbError);
    await assert.rejects(mergeWorkspaceEntity(file, k.kb, 'japan', DOCK), KbError);
  });

  it('renames: the id the sidecars give the new name, the new name canonical, the former names still forms', async () => {
    assert.deepEqual(await renameWorkspaceEntity(file, kb(), 'dock-union', '  Dockworkers Union '), { id: 'dockworkers-union' });
    const [e] = ws().entities;
    assert.deepEqual([e.id, e.names, e.aliases], ['dockworkers-union', { en: ['Dockworkers Union'] }, ['Dock Union', 'DU Workers']]);
    assert.equal(kb().displayName('dockworkers-union', 'ja'), 'Dockworkers Union');
    assert.equal(kb().get('dock-union'), undefined);
    // The articles still say "Dock Union": it is suggested as the renamed entity.
    assert.deepEqual(found('The Dock Union met the Dockworkers Union.'), [['Dock Union', 'dockworkers-union'], ['Dockworkers Union', 'dockworkers-union']]);
    // A name in another script is filed under its language and is the display name in every language.
    await renameWorkspaceEntity(file, kb(), 'dockworkers-union', '港湾労組');
    const [j] = ws().entities;
    assert.match(j.id, /^entity-[0-9a-f]{8}$/);
    assert.deepEqual(j.names, { ja: ['港湾労組'] });
    assert.equal(kb().displayName(j.id, 'en'), '港湾労組');
  });

  it('renames to a free id: one the knowledge base, a sidecar or the entity itself holds gets a number', async () => {
    assert.deepEqual(await renameWorkspaceEntity(file, kb(), 'dock-union', 'Japan'), { id: 'japan-2' });
    assert.deepEqual(await renameWorkspaceEntity(file, kb(), 'japan-2', 'Pier League', new Set(['pier-league', 'pier-league-2'])), { id: 'pier-league-3' });
    assert.equal(kb().displayName('japan'), 'Japan');
    // Its name as it is: nothing changes. Another spelling of the same slug: a new id, as in a sidecar.
    const before = readFileSync(file, 'utf8');
    assert.deepEqual(await renameWorkspaceEntity(file, kb(), 'pier-league-3', ' Pier League'), { id: 'pier-league-3' });
    assert.equal(readFileSync(file, 'utf8'), before);
    assert.deepEqual(await renameWorkspaceEntity(file, kb(), 'pier-league-3', 'PIER LEAGUE', new Set(['pier-league'])), { id: 'pier-league-2' });
    assert.deepEqual(ws().entities.map((e) => [e.id, e.names.en, e.aliases]), [['pier-league-2', ['PIER LEAGUE'], ['Pier League', 'Japan', 'Dock Union', 'DU Workers']]]);
  });

  it('renaming carries references and alias entries to the new id, and un-rejects the new name', async () => {
    const doc = ws();
    doc.entities.push({ id: 'dock-accord', kind: 'agreement', type: 'treaty', names: { en: ['Dock Accord'] }, aliases: [], contextual: [], parties: ['dock-union', 'japan'] } as never);
    doc.aliases.push({ entity: 'dock-union', forms: ['The Dockers'] });
    doc.rejected = ['Harbour Union'];
    writeFileSync(file, JSON.stringify(doc));
    const { id } = await renameWorkspaceEntity(file, kb(), 'dock-union', 'Harbour Union');
    const after = ws();
    assert.deepEqual(after.entities.find((e) => e.id === 'dock-accord')?.parties, [id, 'japan']);
    assert.deepEqual(after.aliases, [{ entity: id, forms: ['The Dockers'] }]);
    assert.equal(after.rejected, undefined);
    assert.deepEqual(found('The Dockers'), [['The Dockers', 'harbour-union']]);
  });

  it('merges into a built-in entity: its forms become an aliases entry, and the entity leaves the file', async () => {
    const r = await mergeWorkspaceEntity(file, kb(), 'dock-union', { id: 'japan', kind: 'actor', type: 'country', name: 'Japan' });
    assert.deepEqual(r, { moved: ['Dock Union', 'DU Workers'], dropped: [] });
    assert.deepEqual(ws().entities, []);
    assert.deepEqual(ws().aliases, [{ entity: 'japan', forms: ['Dock Union', 'DU Workers'] }]);
    assert.equal(kb().get('dock-union'), undefined);
    assert.deepEqual(found('DU Workers met.'), [['DU Workers', 'japan']]);
  });

  it('merges into a workspace entity (its aliases), or into a sidecar-only one (a new workspace entity)', async () => {
    await learnWorkspaceForm(file, kb(), { id: 'pier-league', kind: 'actor', type: 'organization', name: 'Pier League' }, 'Pier League');
    const doc = ws();
    doc.entities[0].contextual = ['Dockers'];
    doc.entities.push({ id: 'dock-accord', kind: 'agreement', type: 'treaty', names: { en: ['Dock Accord'] }, aliases: [], contextual: [], parties: ['dock-union', 'pier-league'] } as never);
    writeFileSync(file, JSON.stringify(doc));
    const r = await mergeWorkspaceEntity(file, kb(), 'dock-union', { id: 'pier-league', kind: 'actor', type: 'organization', name: 'Pier League' });
    assert.deepEqual(r, { moved: ['Dock Union', 'DU Workers'], dropped: [] });
    const league = ws().entities.find((e) => e.id === 'pier-league')!;
    assert.deepEqual([league.aliases, league.contextual], [['Dock Union', 'DU Workers'], ['Dockers']]);
    assert.deepEqual(ws().entities.find((e) => e.id === 'dock-accord')?.parties, ['pier-league']);
    assert.deepEqual(ws().entities.map((e) => e.id), ['pier-league', 'dock-accord']);

    const r2 = await mergeWorkspaceEntity(file, kb(), 'pier-league', { id: 'harbor-board', kind: 'actor', type: 'organization', name: 'Harbor Board', qid: null });
    assert.deepEqual(r2.moved, ['Pier League', 'Dock Union', 'DU Workers']);
    const board = ws().entities.find((e) => e.id === 'harbor-board')!;
    assert.deepEqual([board.names, board.aliases], [{ en: ['Harbor Board'] }, ['Pier League', 'Dock Union', 'DU Workers']]);
    assert.deepEqual(found('Pier League and the Harbor Board.'), [['Pier League', 'harbor-board'], ['Harbor Board', 'harbor-board']]);
  });

  it('a merge moves no form the target has or that is rejected, and reports contextual forms a built-in target cannot take', async () => {
    const doc = ws();
    doc.entities[0].aliases.push('日本', 'Dockside');
    doc.entities[0].contextual = ['Dockers'];
    doc.rejected = ['Dockside'];
    writeFileSync(file, JSON.stringify(doc));
    const r = await mergeWorkspaceEntity(file, kb(), 'dock-union', { id: 'japan', kind: 'actor', type: 'country', name: 'Japan' });
    assert.deepEqual(r, { moved: ['Dock Union', 'DU Workers'], dropped: ['Dockers'] });
    assert.deepEqual(ws().aliases, [{ entity: 'japan', forms: ['Dock Union', 'DU Workers'] }]);
  });

  it('never rewrites an invalid workspace file, nor merges an entity into itself', async () => {
    const broken = '{"version": 1, "entities": [{"id": "dock-union"}]}';
    writeFileSync(file, broken);
    await assert.rejects(renameWorkspaceEntity(file, kb(), 'dock-union', 'Dockworkers Union'), KbError);
    await assert.rejects(mergeWorkspaceEntity(file, kb(), 'dock-union', { id: 'japan', kind: 'actor', type: 'country', name: 'Japan' }), KbError);
    assert.equal(readFileSync(file, 'utf8'), broken);
    writeFileSync(file, '{"version": 1}');
    await assert.rejects(renameWorkspaceEntity(file, kb(), 'dock-union', 'X'), KbError);
    await learnWorkspaceForm(file, kb(), DOCK, 'Dock Union');
    await assert.rejects(mergeWorkspaceEntity(file, kb(), 'dock-union', DOCK), KbError);
    await assert.rejects(renameWorkspaceEntity(file, kb(), 'dock-union', '  '), KbError);
    assert.deepEqual(ws().entities.map((e) => e.id), ['dock-union']);
  });
});
