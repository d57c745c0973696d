import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

// Tokenizes with the same engine and wasm regex library the editor uses, so what passes here is what users see.

const root = path.join(__dirname, '..', '..');
const grammarPath = path.join(root, 'syntaxes', 'article.tmLanguage.json');
const grammarJson = JSON.parse(fs.readFileSync(grammarPath, 'utf8'));

/** Stand-in for the editor's YAML grammar, just enough to see the embedding work. */
const yamlStub = {
  scopeName: 'source.yaml',
  patterns: [
    { name: 'comment.line.number-sign.yaml', match: '#.*$' },
    {
      match: '^\\s*([A-Za-z_][A-Za-z0-9_-]*)\\s*(:)',
      captures: { 1: { name: 'entity.name.tag.yaml' }, 2: { name: 'punctuation.separator.key-value.mapping.yaml' } },
    },
    // Like real YAML, a double-quoted scalar may run over several lines.
    { name: 'string.quoted.double.yaml', begin: '"', end: '"' },
  ],
};

let grammar: vsctm.IGrammar;
let grammarWithoutYaml: vsctm.IGrammar;

async function loadArticleGrammar(yaml: object | null): Promise<vsctm.IGrammar> {
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => oniguruma.createOnigScanner(sources),
      createOnigString: (s: string) => oniguruma.createOnigString(s),
    }),
    loadGrammar: async (scopeName: string) => {
      if (scopeName === 'text.article') return vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath);
      if (scopeName === 'source.yaml' && yaml) return vsctm.parseRawGrammar(JSON.stringify(yaml), 'yaml.json');
      return null;
    },
  });
  const g = await registry.loadGrammar('text.article');
  assert.ok(g, 'grammar did not load');
  return g;
}

before(async () => {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  grammar = await loadArticleGrammar(yamlStub);
  grammarWithoutYaml = await loadArticleGrammar(null);
});

interface Token {
  start: number; // UTF-16 offset into the whole document
  end: number;
  scopes: string[];
}

/** Splits on LF only, so CRLF documents keep their '\r' as an unstripping consumer would see it. */
function tokenize(doc: string, g: vsctm.IGrammar = grammar): Token[] {
  const out: Token[] = [];
  let state = vsctm.INITIAL;
  let offset = 0;
  for (const line of doc.split('\n')) {
    const r = g.tokenizeLine(line, state);
    for (const t of r.tokens) out.push({ start: offset + t.startIndex, end: offset + t.endIndex, scopes: t.scopes });
    state = r.ruleStack;
    offset += line.length + 1;
  }
  return out;
}

/** TextMate selector semantics: 'a.b' matches 'a.b' and 'a.b.c', not 'a.bc'. */
function has(scopes: string[], selector: string): boolean {
  return scopes.some((s) => s === selector || s.startsWith(selector + '.'));
}

function tokensOver(doc: string, needle: string, from = 0): Token[] {
  const i = doc.indexOf(needle, from);
  assert.ok(i >= 0, `sample text ${JSON.stringify(needle)} not in document`);
  return tokenize(doc).filter((t) => t.end > i && t.start < i + needle.length);
}

function describeTokens(doc: string, toks: Token[]): string {
  return toks.map((t) => `${JSON.stringify(doc.slice(t.start, t.end))} ${t.scopes.join(' ')}`).join('\n');
}

function expectScope(doc: string, needle: string, selector: string, from = 0): void {
  const toks = tokensOver(doc, needle, from);
  assert.ok(
    toks.every((t) => has(t.scopes, selector)),
    `${JSON.stringify(needle)} should be ${selector}:\n${describeTokens(doc, toks)}`,
  );
}

function expectNoScope(doc: string, needle: string, selector: string, from = 0): void {
  const toks = tokensOver(doc, needle, from);
  assert.ok(
    toks.every((t) => !has(t.scopes, selector)),
    `${JSON.stringify(needle)} should not be ${selector}:\n${describeTokens(doc, toks)}`,
  );
}

/** The texts of maximal runs carrying the selector, e.g. every date the grammar found. */
function runs(doc: string, selector: string): string[] {
  const out: string[] = [];
  let open: { start: number; end: number } | null = null;
  for (const t of tokenize(doc)) {
    if (has(t.scopes, selector) && open && open.end === t.start) open.end = t.end;
    else if (has(t.scopes, selector)) {
      if (open) out.push(doc.slice(open.start, open.end));
      open = { start: t.start, end: t.end };
    }
  }
  if (open) out.push(doc.slice(open.start, open.end));
  return out;
}

describe('syntaxes/article.tmLanguage.json', () => {
  it('has the text.article scope, Oniguruma-valid regexes and resolvable local includes', () => {
    assert.equal(grammarJson.scopeName, 'text.article');
    const regexes: string[] = [];
    const includes: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== 'object') return;
      for (const [k, v] of Object.entries(node)) {
        if (['match', 'begin', 'end', 'while'].includes(k) && typeof v === 'string') regexes.push(v);
        else if (k === 'include' && typeof v === 'string') includes.push(v);
        else walk(v);
      }
    };
    walk(grammarJson);
    assert.ok(regexes.length > 20);
    // The editor compiles rules lazily, so a broken regex in a rarely reached rule would otherwise go unnoticed.
    for (const re of regexes) assert.doesNotThrow(() => oniguruma.createOnigScanner([re]).dispose(), `bad regex: ${re}`);
    for (const inc of includes.filter((i) => i.startsWith('#'))) {
      assert.ok(inc.slice(1) in grammarJson.repository, `unresolved include ${inc}`);
    }
  });

  describe('front matter', () => {
    const doc = '---\ntitle: 合意の記事\n# 備考\n---\n# 見出し\n本文';

    it('embeds YAML between the fences at the start of the file', () => {
      expectScope(doc, 'title', 'entity.name.tag.yaml');
      expectScope(doc, 'title', 'meta.embedded.block.frontmatter');
      expectScope(doc, '---', 'punctuation.definition.frontmatter.begin');
      expectScope(doc, '---', 'punctuation.definition.frontmatter.end', 4);
      expectNoScope(doc, '---', 'meta.embedded.block.frontmatter', 4);
      // A YAML comment is not a heading.
      expectScope(doc, '# 備考', 'comment.line.number-sign.yaml');
      expectNoScope(doc, '# 備考', 'markup.heading');
    });

    it('ends at the closing fence', () => {
      expectScope(doc, '見出し', 'markup.heading');
      expectNoScope(doc, '見出し', 'meta.embedded');
      expectNoScope(doc, '本文', 'meta.frontmatter');
    });

    it('is only recognized at the very start of the file', () => {
      const later = '本文\n---\ntitle: x\n---\n';
      expectNoScope(later, 'title', 'meta.embedded');
      expectNoScope(later, 'title', 'entity.name.tag.yaml');
      expectNoScope(' ---\ntitle: x\n---', 'title', 'meta.embedded');
    });

    it('is still recognized when no YAML grammar is installed', () => {
      const title = tokenize(doc, grammarWithoutYaml).filter((t) => t.start === doc.indexOf('title'));
      assert.equal(title.length, 1);
      assert.ok(has(title[0].scopes, 'meta.embedded.block.frontmatter'), title[0].scopes.join(' '));
      const heading = tokenize(doc, grammarWithoutYaml).filter((t) => t.start === doc.indexOf('見出し'));
      assert.ok(has(heading[0].scopes, 'entity.name.section'), heading[0].scopes.join(' '));
    });

    it('is not swallowed past the fence by an unclosed YAML string', () => {
      const broken = '---\ntitle: "閉じない\n---\n本文 2025年5月10日';
      expectScope(broken, '閉じない', 'string.quoted.double.yaml');
      expectNoScope(broken, '本文', 'meta.frontmatter');
      expectNoScope(broken, '本文', 'string.quoted.double.yaml');
      assert.deepEqual(runs(broken, 'constant.numeric.date'), ['2025年5月10日']);
    });
  });

  describe('HTML', () => {
    it('scopes tags, attribute names and attribute values like HTML', () => {
      const doc = '<p data-x="y" class=\'lead\' id=top>本文&nbsp;です</p>';
      expectScope(doc, 'p', 'entity.name.tag');
      expectScope(doc, '<', 'punctuation.definition.tag.begin');
      expectScope(doc, 'data-x', 'entity.other.attribute-name');
      expectScope(doc, '=', 'punctuation.separator.key-value');
      expectScope(doc, '"y"', 'string.quoted.double');
      expectScope(doc, "'lead'", 'string.quoted.single');
      expectScope(doc, 'top', 'string.unquoted');
      expectScope(doc, '&nbsp;', 'constant.character.entity');
      expectNoScope(doc, '本文', 'meta.tag');
      expectScope(doc, '</', 'punctuation.definition.tag.begin');
      expectScope(doc, 'p', 'entity.name.tag', doc.indexOf('</'));
    });

    it('keeps attribute values as strings, not as article text', () => {
      const doc = '<img src="https://example.com/a/2025-05-11.jpg" alt="写真: 2025年5月10日「式典」" />';
      expectScope(doc, 'https://example.com/a/2025-05-11.jpg', 'string.quoted.double');
      expectScope(doc, 'https://example.com/a/2025-05-11.jpg', 'markup.underline.link');
      expectScope(doc, '"', 'punctuation.definition.string.end', doc.indexOf('.jpg'));
      expectScope(doc, '写真: 2025年5月10日「式典」', 'string.quoted.double');
      expectNoScope(doc, '写真', 'meta.citation');
      expectNoScope(doc, '2025年5月10日', 'constant.numeric.date');
      expectNoScope(doc, '「式典」', 'string.quoted.other');
      expectScope(doc, '/>', 'punctuation.definition.tag.end');
    });

    it('handles comments, tags spanning lines and stray angle brackets', () => {
      const doc = '<!-- 保存時のメモ -->\n<a\n  href="https://example.org/">リンク</a>\n3 <5 と a<b';
      expectScope(doc, '保存時のメモ', 'comment.block');
      expectScope(doc, 'href', 'entity.other.attribute-name');
      expectNoScope(doc, 'リンク', 'meta.tag');
      expectNoScope(doc, '<5', 'meta.tag');
    });
  });

  describe('headings', () => {
    it('marks # lines as headings with dates inside', () => {
      const doc = '# 首脳会談 2025年9月8日\n## Sub title\n#タグ\n####### 七つ';
      expectScope(doc, '# 首脳会談 2025年9月8日', 'markup.heading');
      expectScope(doc, '#', 'punctuation.definition.heading');
      expectScope(doc, '首脳会談', 'entity.name.section');
      expectScope(doc, '2025年9月8日', 'constant.numeric.date');
      expectScope(doc, 'Sub title', 'entity.name.section');
      expectNoScope(doc, '#タグ', 'markup.heading');
      expectNoScope(doc, '####### 七つ', 'markup.heading');
    });
  });

  describe('dates', () => {
    const cases: Array<[string, string]> = [
      ['会談は2025年9月8日に行われた', '2025年9月8日'],
      ['9月8日(月)に発表', '9月8日(月)'],
      ['令和7年度の予算', '令和7年'],
      ['防衛省は令和7(2025)年9月8日、発表した', '令和7(2025)年9月8日'],
      ['２０２５年５月の会合', '２０２５年５月'],
      ['公開日:2025-05-11 更新', '2025-05-11'],
      ['公開日:2025/10/18', '2025/10/18'],
      ['2025-9-10 10:18', '2025-9-10'],
      ['지난 5월 10일 발표', '5월 10일'],
      ['2025년 5월 10일에 서명', '2025년 5월 10일'],
      ['signed on May 10, 2025, in the capital', 'May 10, 2025'],
      ['signed on 10 May 2025 in the capital', '10 May 2025'],
      ['talks in Sept. 2024 stalled', 'Sept. 2024'],
    ];
    for (const [doc, date] of cases) {
      it(`finds exactly ${date}`, () => assert.deepEqual(runs(doc, 'constant.numeric.date'), [date]));
    }

    it('leaves counts, versions and impossible dates alone', () => {
      for (const doc of ['10年ぶりの訪問', '部隊1500人', 'ver 2025.1', 'The Mayor 10 said', 'id 2025-13-40', 'No.12025-01-01x']) {
        assert.deepEqual(runs(doc, 'constant.numeric.date'), [], doc);
      }
    });
  });

  describe('links', () => {
    it('finds URLs, bare www hosts and e-mail addresses', () => {
      assert.deepEqual(runs('詳しくはhttps://example.com/a?b=1&c=2を参照', 'markup.underline.link'), [
        'https://example.com/a?b=1&c=2',
      ]);
      assert.deepEqual(runs('(see https://example.org/x_(y)).', 'markup.underline.link'), ['https://example.org/x_(y)']);
      assert.deepEqual(runs('자세히는 www.example.kr 참고.', 'markup.underline.link'), ['www.example.kr']);
      assert.deepEqual(runs('문의: press@example.co.kr.', 'markup.underline.link.email'), ['press@example.co.kr']);
    });

    it('does not split a URL at a date inside it', () => {
      const doc = 'https://example.jp/world/2024-10-18/';
      assert.deepEqual(runs(doc, 'markup.underline.link'), [doc]);
      assert.deepEqual(runs(doc, 'constant.numeric.date'), []);
    });
  });

  describe('quotations', () => {
    it('marks each kind of quotation mark', () => {
      const doc = '彼は「対話を」と述べ、“open door” と "quiet" を挙げた';
      assert.deepEqual(runs(doc, 'string.quoted.other'), ['「対話を」', '“open door”', '"quiet"']);
      expectScope(doc, '「', 'punctuation.definition.string.begin');
      expectScope(doc, '」', 'punctuation.definition.string.end');
    });

    it('nests 「」 inside 『』', () => {
      const doc = '『外側「内側」外側』の後';
      assert.deepEqual(runs(doc, 'string.quoted.other'), ['『外側「内側」外側』']);
      const inner = tokensOver(doc, '内側');
      assert.ok(inner.every((t) => t.scopes.filter((s) => s.startsWith('string.quoted.other')).length === 2));
      expectScope(doc, '外側』', 'string.quoted.other', doc.indexOf('」'));
    });

    it('stops an unclosed quotation at the end of its line', () => {
      const doc = '「閉じない引用\n次の行」です\n「行末で開く「';
      expectScope(doc, '閉じない引用', 'string.quoted.other');
      expectNoScope(doc, '次の行', 'string.quoted.other');
      assert.deepEqual(runs(doc, 'string.quoted.other'), ['「閉じない引用', '「行末で開く「']);
    });

    it('is not broken by emoji before or inside it', () => {
      const doc = '💡「日本」と✅ “合意”\n「💡テスト」の後';
      assert.deepEqual(runs(doc, 'string.quoted.other'), ['「日本」', '“合意”', '「💡テスト」']);
      assert.deepEqual(runs(doc, 'punctuation.definition.list'), ['💡']);
    });
  });

  describe('citations', () => {
    it('marks lines that start with a source label', () => {
      for (const [doc, label] of [
        ['引用:通信社の記事', '引用'],
        ['出典 外務省', '出典'],
        ['© news.example.vn', '©'],
        ['자료출처: 연합뉴스', '자료출처'],
        ['출처 외교부', '출처'],
        ['引用元：通信社', '引用元'],
        ['Source: Example Agency', 'Source'],
        ['  Photo: Example Wire', 'Photo'],
        ['写真：通信社', '写真'],
      ]) {
        expectScope(doc, doc, 'meta.citation', 0);
        assert.deepEqual(runs(doc, 'keyword.other.citation'), [label], doc);
      }
      expectScope('引用:通信社', ':', 'punctuation.separator.key-value');
      expectScope('本文 자료출처=외교부', '=', 'punctuation.separator.key-value');
      assert.deepEqual(runs('© news.example.vn', 'punctuation.definition.list'), []);
    });

    it('starts at a label later in the line', () => {
      const doc = '会談した。写真:通信社\nさらに読む ⇒出典/画像元: https://example.jp/a 2024/10/18';
      expectNoScope(doc, '会談した。', 'meta.citation');
      expectScope(doc, '写真:通信社', 'meta.citation');
      expectNoScope(doc, 'さらに読む', 'meta.citation');
      expectScope(doc, '出典/画像元: https://example.jp/a', 'meta.citation');
      assert.deepEqual(runs(doc, 'keyword.other.citation'), ['写真', '出典']);
      assert.deepEqual(runs(doc, 'markup.underline.link'), ['https://example.jp/a']);
      assert.deepEqual(runs(doc, 'constant.numeric.date'), ['2024/10/18']);
    });

    it('ignores the same words used in prose', () => {
      for (const doc of ['報道を引用して伝えた', '引用された発言', '출처를 밝히지 않았다', 'The source said']) {
        assert.deepEqual(runs(doc, 'meta.citation'), [], doc);
      }
    });
  });

  describe('bullets', () => {
    it('marks list markers', () => {
      const doc = '- 項目\n  • 項目\n✅ 項目\n💡 項目\n・項目';
      assert.deepEqual(runs(doc, 'punctuation.definition.list'), ['-', '•', '✅', '💡', '・']);
    });
    it('leaves dashes that are not markers', () => {
      assert.deepEqual(runs('-1度\n---\n2025-05-11 更新\n本文 - 続き', 'punctuation.definition.list'), []);
    });
  });

  it('tokenizes CRLF documents like LF ones', () => {
    const lf = [
      '---',
      'title: 記事',
      '---',
      '# 見出し 2025年9月8日',
      '<p class="x">本文「引用」&amp; https://example.com/</p>',
      '「閉じない',
      '💡 “合意” 2025-05-11',
      '写真:通信社',
      '',
    ].join('\n');
    const crlf = lf.replace(/\n/g, '\r\n');
    const scopesPerChar = (doc: string): string[] => {
      const perChar: string[] = new Array(doc.length).fill('');
      for (const t of tokenize(doc)) for (let i = t.start; i < t.end; i++) perChar[i] = t.scopes.join(' ');
      return perChar.filter((_, i) => doc[i] !== '\r' && doc[i] !== '\n');
    };
    assert.deepEqual(scopesPerChar(crlf), scopesPerChar(lf));
    // Guard against both being equally wrong: the CRLF front matter must really close.
    expectScope(crlf, '見出し', 'markup.heading');
    expectNoScope(crlf, '見出し', 'meta.frontmatter');
  });
});

describe('language-configuration.json', () => {
  const conf = JSON.parse(fs.readFileSync(path.join(root, 'language-configuration.json'), 'utf8'));

  it('pairs every auto-closed and surrounding bracket', () => {
    const brackets = new Set((conf.brackets as string[][]).map(([o, c]) => o + c));
    for (const pair of ['「」', '『』', '“”', '()', '（）', '[]', '<>']) assert.ok(brackets.has(pair), pair);
    for (const { open, close } of conf.autoClosingPairs as Array<{ open: string; close: string }>) {
      assert.ok(brackets.has(open + close) || open === close, open + close);
    }
  });

  it('has a word pattern that splits by script and keeps names whole', () => {
    const words = 'ロシアのウラジーミル・プーチン大統領は「対話」をMoscow’s talks で、한미일은 2.5%'.match(
      new RegExp(conf.wordPattern, 'g'),
    );
    assert.deepEqual(words, ['ロシア', 'の', 'ウラジーミル・プーチン', '大統領', 'は', '対話', 'を', 'Moscow’s', 'talks', 'で', '한미일은', '2.5']);
  });
});
