// Run only by the second, Japanese workbench of run-tests.js (code-server --locale ja): the extension's
// manifest strings come from package.nls.ja.json and its messages from l10n/bundle.l10n.ja.json.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { annotator, closeAllEditors, EXTENSION_ID, openArticle, rangeOf, waitFor, writeArticle } from './helpers';

describe('Japanese UI', () => {
  after(closeAllEditors);

  it('the extension host runs in Japanese', () => {
    assert.strictEqual(vscode.env.language, 'ja');
  });

  it('command titles come from package.nls.ja.json (the manifest as the workbench reads it)', () => {
    // A localized title is { value, original }: the palette shows the value and also matches the English.
    type Title = string | { value: string; original: string };
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: Array<{ command: string; title: Title }> } };
    const title = (id: string) => manifest.contributes.commands.find((c) => c.command === id)?.title;
    assert.deepStrictEqual(title('articleAnnotator.tagSelection'), { value: '選択範囲にタグ付け…', original: 'Tag Selection…' });
    assert.deepStrictEqual(title('articleAnnotator.confirmMention'), { value: '言及を確定', original: 'Confirm Mention' });
    assert.deepStrictEqual(title('articleAnnotator.showLog'), { value: 'ログを表示', original: 'Show Log' });
  });

  it('Tag Selection asks in Japanese, and the tree and status bar speak it', async () => {
    const api = await annotator();
    const uri = writeArticle('locale/ja.txt', '上川陽子外務大臣は日本とフランスの共同声明について述べた。\n');
    const editor = await openArticle(uri);
    const word = rangeOf(editor.document, 'フランス');
    editor.selection = new vscode.Selection(word.start, word.end);

    let shown: vscode.QuickPick<vscode.QuickPickItem> | undefined;
    const sub = api.onDidShowInput((input) => {
      if ('items' in input) shown = input;
    });
    const running = vscode.commands.executeCommand('articleAnnotator.tagSelection');
    try {
      await waitFor(() => !!shown, 'the type quick pick');
      assert.strictEqual(shown!.title, '選択範囲にタグ付け: 種類');
      assert.strictEqual(shown!.placeholder, 'これは何ですか？');
      const labels = shown!.items.map((i) => `${i.label} (${i.description})`);
      assert.deepStrictEqual(labels.slice(0, 4), ['国 (アクター)', '人物 (アクター)', '組織 (アクター)', '条約 (合意文書)']);
    } finally {
      sub.dispose();
      shown?.hide();
      await running;
    }

    await waitFor(() => /^\$\(tag\) エンティティ \d+ 件$/.test(api.statusBarText() ?? ''), `a Japanese status bar (${api.statusBarText()})`);
    await vscode.commands.executeCommand('articleAnnotator.showArticle');
    const roots = (await api.tree.getChildren()).map((n) => String(api.tree.getTreeItem(n).label));
    assert.deepStrictEqual(roots, ['アクター', '合意文書']);
    const actors = (await api.tree.getChildren())[0];
    const types = (await api.tree.getChildren(actors)).map((n) => String(api.tree.getTreeItem(n).label));
    assert.ok(types.includes('国') && types.includes('人物'), `types: ${types.join(', ')}`);
  });
});
