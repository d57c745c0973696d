// Parties of agreements in the workbench: the hover lists them with Confirm / Reject, Edit Parties…
// changes them through a real multi-select quick pick, the tree shows Parties and Agreements nodes,
// and every decision lands in the sidecar.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { AnnotatorApi } from '../../src/extension/api';
import type { Node } from '../../src/extension/sidebar/nodes';
import { annotator, answerInputs, closeAllEditors, cpSpan, hoverText, openArticle, rangeOf, sidecarOf, waitFor, writeArticle } from './helpers';

const ARTICLE = [
  '🌍 Kenya and Ethiopia signed a border agreement in Nairobi.',
  'Somalia criticized the agreement.',
  '',
].join('\n');

async function child(api: AnnotatorApi, parent: Node | undefined, label: string): Promise<Node> {
  const children = await api.tree.getChildren(parent);
  const found = children.find((c) => api.tree.getTreeItem(c).label === label);
  assert.ok(found, `no “${label}” among ${JSON.stringify(children.map((c) => api.tree.getTreeItem(c).label))}`);
  return found;
}

function sidecarParties(uri: vscode.Uri): Array<{ entity: string; status: string }> | undefined {
  const doc = JSON.parse(fs.readFileSync(sidecarOf(uri), 'utf8')) as { entities: Array<{ kind: string; parties?: Array<{ entity: string; status: string }> }> };
  return doc.entities.find((e) => e.kind === 'agreement')?.parties;
}

const agreementParties = (api: AnnotatorApi, uri: vscode.Uri) => api.article(uri)!.mentions.filter((m) => m.kind === 'agreement').map((m) => m.parties);

describe('parties', () => {
  after(async () => {
    await vscode.commands.executeCommand('articleAnnotator.showArticle');
    await closeAllEditors();
  });

  it('hover: an agreement lists its suggested parties with Confirm / Reject, an actor the agreements it is party to', async () => {
    const api = await annotator();
    const uri = writeArticle('parties/hover.txt', ARTICLE);
    const editor = await openArticle(uri);
    // Both mentions of the agreement share the parties; Somalia only criticized it.
    assert.deepStrictEqual(agreementParties(api, uri), [['kenya', 'ethiopia'], ['kenya', 'ethiopia']]);
    const text = await hoverText(uri, rangeOf(editor.document, 'agreement', 1).start);
    assert.match(text, /Parties: Kenya _\(suggested\)_ \[Confirm\]\(command:articleAnnotator\.confirmParty/);
    assert.match(text, /Ethiopia _\(suggested\)_/);
    assert.doesNotMatch(text, /Somalia/);
    assert.match(text, /\[Edit Parties…\]\(command:articleAnnotator\.editParties/);
    assert.match(await hoverText(uri, rangeOf(editor.document, 'Kenya').start), /Party to: border agreement/);
    assert.doesNotMatch(await hoverText(uri, rangeOf(editor.document, 'Somalia').start), /Party to/);

    // The Confirm link's argument names the party and the agreement mention in code points (the emoji counts once).
    const link = /\[Confirm\]\(command:(articleAnnotator\.confirmParty)\?([^)]+)\)/.exec(text)!;
    const [arg] = JSON.parse(decodeURIComponent(link[2]));
    assert.deepStrictEqual(arg, { uri: uri.toString(), ...cpSpan(ARTICLE, 'agreement', 1), party: 'kenya' });
    await vscode.commands.executeCommand(link[1], arg);
    await api.whenIdle();
    await waitFor(() => fs.existsSync(sidecarOf(uri)) && sidecarParties(uri) !== undefined, 'the sidecar with the decision');
    assert.deepStrictEqual(sidecarParties(uri), [{ entity: 'kenya', status: 'confirmed' }]);
    assert.match(await hoverText(uri, rangeOf(editor.document, 'agreement').start), /Kenya ✓/);

    const reject = /\[Reject\]\(command:(articleAnnotator\.rejectParty)\?([^)]+)\)/.exec(await hoverText(uri, rangeOf(editor.document, 'agreement').start))!;
    await vscode.commands.executeCommand(reject[1], ...JSON.parse(decodeURIComponent(reject[2])));
    await api.whenIdle();
    await waitFor(() => sidecarParties(uri)?.length === 2, 'the rejection in the sidecar');
    assert.deepStrictEqual(agreementParties(api, uri), [['kenya'], ['kenya']]);
  });

  it('Edit Parties…: a multi-select pick of the article’s actors with the parties selected; the choice is stored', async () => {
    const api = await annotator();
    const uri = writeArticle('parties/edit.txt', ARTICLE);
    const editor = await openArticle(uri);
    let offered: string[] = [];
    let preselected: string[] = [];
    const { done } = await answerInputs(api, [
      async (input) => {
        const qp = input as vscode.QuickPick<vscode.QuickPickItem>;
        assert.ok(qp.canSelectMany, 'a multi-select quick pick');
        await waitFor(() => qp.items.length > 0, 'the items');
        offered = qp.items.map((i) => i.label);
        preselected = qp.selectedItems.map((i) => i.label);
        // Ethiopia out, Somalia in.
        qp.selectedItems = qp.items.filter((i) => i.label === 'Kenya' || i.label === 'Somalia');
        // The workbench renders the new selection before the accept reads it back.
        await new Promise((r) => setTimeout(r, 300));
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      },
    ]);
    editor.selection = new vscode.Selection(rangeOf(editor.document, 'agreement').start, rangeOf(editor.document, 'agreement').start);
    const result = await vscode.commands.executeCommand<string[] | undefined>('articleAnnotator.editParties');
    await done;
    await api.whenIdle();
    assert.deepStrictEqual([...offered].sort(), ['Ethiopia', 'Kenya', 'Somalia']);
    assert.deepStrictEqual(preselected, ['Kenya', 'Ethiopia']);
    assert.deepStrictEqual(result, ['kenya', 'somalia']);
    assert.deepStrictEqual(agreementParties(api, uri), [['kenya', 'somalia'], ['kenya', 'somalia']]);
    await waitFor(() => fs.existsSync(sidecarOf(uri)) && sidecarParties(uri) !== undefined, 'the sidecar');
    assert.deepStrictEqual(sidecarParties(uri), [
      { entity: 'kenya', status: 'confirmed' },
      { entity: 'somalia', status: 'confirmed' },
      { entity: 'ethiopia', status: 'rejected' },
    ]);
  });

  it('tree: the agreement has a Parties node, a party an Agreements node; Reject Party from the tree', async () => {
    const api = await annotator();
    const uri = writeArticle('parties/tree.txt', ARTICLE);
    await openArticle(uri);
    await vscode.commands.executeCommand('articleAnnotator.showArticle');
    // A document found by its head noun is named by its fullest mention and its parties.
    const agreement = await child(api, await child(api, await child(api, undefined, 'Agreements'), 'agreement'), 'border agreement (Kenya, Ethiopia)');
    const parties = await child(api, agreement, 'Parties');
    assert.strictEqual(api.tree.getTreeItem(parties).description, '2');
    assert.strictEqual(api.tree.getTreeItem(parties).contextValue, 'parties');
    const partyItems = await api.tree.getChildren(parties);
    assert.deepStrictEqual(partyItems.map((n) => api.tree.getTreeItem(n).label), ['Kenya', 'Ethiopia']);
    const countries = await child(api, await child(api, undefined, 'Actors'), 'country');
    const kenyaAgreements = await child(api, await child(api, countries, 'Kenya'), 'Agreements');
    assert.deepStrictEqual((await api.tree.getChildren(kenyaAgreements)).map((n) => api.tree.getTreeItem(n).label), ['border agreement (Kenya, Ethiopia)']);
    assert.ok(!(await api.tree.getChildren(await child(api, countries, 'Somalia'))).some((n) => api.tree.getTreeItem(n).label === 'Agreements'));

    // The party item's context command, as the menu runs it: with the node.
    await vscode.commands.executeCommand('articleAnnotator.rejectParty', partyItems[1]);
    await api.whenIdle();
    assert.deepStrictEqual(agreementParties(api, uri), [['kenya'], ['kenya']]);
    await waitFor(async () => {
      const documents = await api.tree.getChildren(await child(api, await child(api, undefined, 'Agreements'), 'agreement'));
      return documents.some((n) => api.tree.getTreeItem(n).label === 'border agreement (Kenya)');
    }, 'the tree to drop Ethiopia');
    const ethiopia = await child(api, await child(api, await child(api, undefined, 'Actors'), 'country'), 'Ethiopia');
    assert.ok(!(await api.tree.getChildren(ethiopia)).some((n) => api.tree.getTreeItem(n).label === 'Agreements'));
  });
});
