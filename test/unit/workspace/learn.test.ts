// Learning from the analyst through the workspace knowledge base (issue 12): a form learnt in one
// article is recognized in every other; a form rejected everywhere is recognized nowhere.
import { strict as assert } from 'assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { KbError, WORKSPACE_KB_FILE } from '../../../src/core/kb';
import { recognize } from '../../../src/core/recognize';
import { addWorkspaceAlias, knowledgeAt, learnWorkspaceForm, rejectWorkspaceForm } from '../../../src/core/workspace/kb';

describe('workspace knowledge base: learning and rejecting everywhere', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'aa-learn-'));
    file = path.join(dir, WORKSPACE_KB_FILE);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a form tagged in one article (a new entity of a sidecar) is recognized in another article', async () => {
    const target = { id: 'kestrel-ports-board', kind: 'actor' as const, type: 'organization' as const, name: 'Kestrel Ports Board' };
    assert.equal(await learnWorkspaceForm(file, knowledgeAt(dir).kb, target, 'KPBoard'), 'added');
    const other = recognize('The KPBoard said so; KPBoard again.', knowledgeAt(dir).kb).filter((m) => m.text === 'KPBoard');
    assert.deepEqual(other.map((m) => [m.entity, m.type]), [['kestrel-ports-board', 'organization'], ['kestrel-ports-board', 'organization']]);
  });

  it('a form the knowledge base already gives to the entity writes nothing', async () => {
    assert.equal(await learnWorkspaceForm(file, knowledgeAt(dir).kb, { id: 'japan', kind: 'actor', type: 'country', name: 'Japan' }, 'Japan'), 'present');
    assert.throws(() => readFileSync(file));
  });

  it('a rejected form is suggested in no article, its workspace aliases go, and naming it again brings it back', async () => {
    await addWorkspaceAlias(file, knowledgeAt(dir).kb, { id: 'japan', kind: 'actor', type: 'country', name: 'Japan' }, 'Yamato');
    assert.ok(recognize('Yamato and Japan met.', knowledgeAt(dir).kb).some((m) => m.text === 'Yamato'));
    assert.equal(await rejectWorkspaceForm(file, 'Yamato'), 'added');
    assert.equal(await rejectWorkspaceForm(file, 'Yamato'), 'present');
    // A built-in form too: rejected everywhere, while the rest of the knowledge base still works.
    assert.equal(await rejectWorkspaceForm(file, 'Japan'), 'added');
    const after = recognize('Yamato and Japan met Russia.', knowledgeAt(dir).kb).map((m) => m.text);
    assert.deepEqual(after, ['Russia']);
    const ws = JSON.parse(readFileSync(file, 'utf8'));
    assert.deepEqual(ws.rejected, ['Yamato', 'Japan']);
    assert.deepEqual(ws.aliases, []);
    await learnWorkspaceForm(file, knowledgeAt(dir).kb, { id: 'japan', kind: 'actor', type: 'country', name: 'Japan' }, 'Yamato');
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')).rejected, ['Japan']);
    assert.ok(recognize('Yamato met.', knowledgeAt(dir).kb).some((m) => m.text === 'Yamato' && m.entity === 'japan'));
  });

  it('never rewrites an invalid workspace file', async () => {
    writeFileSync(file, '{"version": 1, "rejected": [""]}');
    await assert.rejects(rejectWorkspaceForm(file, 'Japan'), KbError);
    assert.equal(readFileSync(file, 'utf8'), '{"version": 1, "rejected": [""]}');
    await assert.rejects(rejectWorkspaceForm(file, '  '), KbError);
  });
});
