// Run only by the workbenches run-tests.js starts in another UI language (code-server --locale ja, ko):
// the extension's manifest strings come from package.nls.<locale>.json and its messages from
// l10n/bundle.l10n.<locale>.json. ANNOTATOR_TEST_LOCALE names the language of the run.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { annotator, closeAllEditors, EXTENSION_ID, openArticle, rangeOf, waitFor, writeArticle } from './helpers';

interface Expected {
  language: string;
  titles: Record<string, { value: string; original: string }>;
  article: string;
  select: string;
  pickTitle: string;
  pickPlaceholder: string;
  firstTypes: string[];
  statusBar: RegExp;
  roots: string[];
  types: string[];
}

const EXPECTED: Record<string, Expected> = {
  ja: {
    language: 'ja',
    titles: {
      'articleAnnotator.tagSelection': { value: '選択範囲にタグ付け…', original: 'Tag Selection…' },
      'articleAnnotator.confirmMention': { value: '言及を確定', original: 'Confirm Mention' },
      'articleAnnotator.showLog': { value: 'ログを表示', original: 'Show Log' },
    },
    article: '上川陽子外務大臣は日本とフランスの共同声明について述べた。\n',
    select: 'フランス',
    pickTitle: '選択範囲にタグ付け: 種類',
    pickPlaceholder: 'これは何ですか？',
    firstTypes: ['国 (アクター)', '人物 (アクター)', '組織 (アクター)', '条約 (合意文書)'],
    statusBar: /^\$\(tag\) エンティティ \d+ 件$/,
    roots: ['アクター', '合意文書'],
    types: ['国', '人物'],
  },
  ko: {
    language: 'ko',
    titles: {
      'articleAnnotator.tagSelection': { value: '선택 영역 태그 지정…', original: 'Tag Selection…' },
      'articleAnnotator.confirmMention': { value: '언급 확정', original: 'Confirm Mention' },
      'articleAnnotator.showLog': { value: '로그 보기', original: 'Show Log' },
    },
    article: '가미카와 요코 외무상은 미국과 한국의 공동성명에 대해 말했다.\n',
    select: '한국',
    pickTitle: '선택 영역 태그 지정: 유형',
    pickPlaceholder: '무엇인가요?',
    firstTypes: ['국가 (행위자)', '인물 (행위자)', '조직 (행위자)', '조약 (합의문서)'],
    statusBar: /^\$\(tag\) 개체 \d+개$/,
    roots: ['행위자', '합의문서'],
    types: ['국가', '인물'],
  },
};

const locale = process.env.ANNOTATOR_TEST_LOCALE ?? 'ja';

describe(`UI language ${locale}`, () => {
  const want = EXPECTED[locale];
  after(closeAllEditors);

  it('the extension host runs in that language', () => {
    assert.ok(want, `no expectations for ${locale}`);
    assert.strictEqual(vscode.env.language, want.language);
  });

  it('command titles come from package.nls.<locale>.json (the manifest as the workbench reads it)', () => {
    // A localized title is { value, original }: the palette shows the value and also matches the English.
    type Title = string | { value: string; original: string };
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: Array<{ command: string; title: Title }> } };
    for (const [id, title] of Object.entries(want.titles)) {
      assert.deepStrictEqual(manifest.contributes.commands.find((c) => c.command === id)?.title, title);
    }
  });

  it('Tag Selection asks in that language, and the tree and status bar speak it', async () => {
    const api = await annotator();
    const uri = writeArticle(`locale/${locale}.txt`, want.article);
    const editor = await openArticle(uri);
    const word = rangeOf(editor.document, want.select);
    editor.selection = new vscode.Selection(word.start, word.end);

    let shown: vscode.QuickPick<vscode.QuickPickItem> | undefined;
    const sub = api.onDidShowInput((input) => {
      if ('items' in input) shown = input;
    });
    const running = vscode.commands.executeCommand('articleAnnotator.tagSelection');
    try {
      await waitFor(() => !!shown, 'the type quick pick');
      assert.strictEqual(shown!.title, want.pickTitle);
      assert.strictEqual(shown!.placeholder, want.pickPlaceholder);
      assert.deepStrictEqual(shown!.items.map((i) => `${i.label} (${i.description})`).slice(0, 4), want.firstTypes);
    } finally {
      sub.dispose();
      shown?.hide();
      await running;
    }

    await waitFor(() => want.statusBar.test(api.statusBarText() ?? ''), `the status bar in ${locale} (${api.statusBarText()})`);
    await vscode.commands.executeCommand('articleAnnotator.showArticle');
    const roots = await api.tree.getChildren();
    assert.deepStrictEqual(roots.map((n) => String(api.tree.getTreeItem(n).label)), want.roots);
    const types = (await api.tree.getChildren(roots[0])).map((n) => String(api.tree.getTreeItem(n).label));
    for (const t of want.types) assert.ok(types.includes(t), `types: ${types.join(', ')}`);
  });
});
