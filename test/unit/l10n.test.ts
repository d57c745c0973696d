/**
 * The UI speaks English, Japanese and Korean: every manifest string is a
 * `%key%` of package.nls.json with its ja and ko translation, and every
 * vscode.l10n.t message in src/extension has its translation in
 * l10n/bundle.l10n.{ja,ko}.json. The sources are parsed with the TypeScript
 * compiler, so a message is found however the call is laid out.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');
const LOCALES = ['ja', 'ko'] as const;
const readJson = (file: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

interface Found {
  messages: Map<string, string>; // message -> first place it is used
  problems: string[];
}

/** Property names and assignment targets whose string value a user reads. */
const UI_PROPERTIES = new Set(['title', 'placeholder', 'prompt', 'tooltip', 'openLabel', 'detail', 'description', 'message', 'label', 'text', 'name', 'validationMessage']);
/** Calls whose argument at the index is shown to the user. */
const UI_CALLS: Record<string, number> = { notify: 1, flash: 0, showInformationMessage: 0, showWarningMessage: 0, showErrorMessage: 0, TreeItem: 0, Diagnostic: 1 };

/** A literal or template the user would read as English: ASCII words outside `${…}` and `$(icon)`. */
function englishLiteral(node: ts.Node): boolean {
  let raw: string;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) raw = node.text;
  else if (ts.isTemplateExpression(node)) raw = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  else return false;
  return /[A-Za-z]{2,}/.test(raw.replace(/\$\([a-z-]+\)/g, ''));
}

const literal = (n: ts.Node | undefined): string | undefined =>
  n && (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) ? n.text : undefined;

/**
 * The bundle key of an l10n.t call: its message, or for `{ message, comment }` the message and comment
 * joined by "/" (as VS Code looks it up). Undefined when the message is not a literal.
 */
function messageKey(arg: ts.Expression | undefined): string | undefined {
  if (arg && ts.isObjectLiteralExpression(arg)) {
    const prop = (name: string) =>
      arg.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === name)?.initializer;
    const message = literal(prop('message'));
    const comment = prop('comment');
    if (message === undefined || (comment && literal(comment) === undefined)) return undefined;
    return comment ? `${message}/${literal(comment)}` : message;
  }
  return literal(arg);
}

function scan(files: string[]): Found {
  const messages = new Map<string, string>();
  const problems: string[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (n: ts.Node) => `${path.relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
        const callee = node.expression;
        const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
        const owner = ts.isPropertyAccessExpression(callee) ? callee.expression.getText(source) : '';
        const args = node.arguments ?? ts.factory.createNodeArray();
        if (name === 't' && /(^|\.)l10n$/.test(owner)) {
          const key = messageKey(args[0]);
          if (key !== undefined) {
            if (!messages.has(key)) messages.set(key, where(node));
          } else {
            problems.push(`${where(node)}: l10n.t needs a string literal as its message (found ${args[0]?.getText(source) ?? 'nothing'})`);
          }
        } else if (name in UI_CALLS) {
          const arg = args[UI_CALLS[name]];
          if (arg && englishLiteral(arg)) problems.push(`${where(arg)}: ${name}() shows ${arg.getText(source)} untranslated`);
        }
      }
      const inL10nCall = (n: ts.Node) => ts.isObjectLiteralExpression(n.parent) && ts.isCallExpression(n.parent.parent) && /(^|\.)l10n\.t$/.test(n.parent.parent.expression.getText(source));
      if (
        ts.isPropertyAssignment(node) &&
        ts.isIdentifier(node.name) &&
        UI_PROPERTIES.has(node.name.text) &&
        englishLiteral(node.initializer) &&
        !inL10nCall(node)
      ) {
        problems.push(`${where(node)}: ${node.name.text}: ${node.initializer.getText(source)} is untranslated`);
      }
      if (
        ts.isBinaryExpression(node) &&
        node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        ts.isPropertyAccessExpression(node.left) &&
        UI_PROPERTIES.has(node.left.name.text) &&
        englishLiteral(node.right)
      ) {
        problems.push(`${where(node)}: ${node.left.getText(source)} = ${node.right.getText(source)} is untranslated`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { messages, problems };
}

/** `{0}`-style placeholders, command links and `code` of a message: a translation keeps all of them. */
function fixedParts(s: string): string[] {
  return [...s.matchAll(/\{\d+\}|\(command:[^)]*\)|`[^`]*`/g)].map((m) => m[0]).sort();
}

function checkTranslations(what: string, source: Map<string, string> | Record<string, string>, translated: Record<string, unknown>, keyed: boolean): string[] {
  const problems: string[] = [];
  const entries = source instanceof Map ? [...source.keys()].map((k) => [k, k] as const) : Object.entries(source);
  for (const [key, english] of entries) {
    const t = translated[key];
    if (typeof t !== 'string' || !t.trim()) {
      problems.push(`${what}: no translation of ${JSON.stringify(key)}${source instanceof Map ? ` (${source.get(key)})` : ''}`);
      continue;
    }
    // Code spans are translated in the nls texts only where they are words (`<article>`); compare the rest.
    const a = fixedParts(english).filter((p) => !keyed || !p.startsWith('`'));
    const b = fixedParts(t).filter((p) => !keyed || !p.startsWith('`'));
    if (a.join('\n') !== b.join('\n')) problems.push(`${what}: ${JSON.stringify(key)} keeps ${a.join(' ')} but the translation has ${b.join(' ')}`);
  }
  // Translations of strings no longer used are left alone: several people add strings and their
  // translations at once, and a translation that lands before its string must not fail the build.
  return problems;
}

describe('l10n', () => {
  describe('manifest (package.nls*.json)', () => {
    const manifest = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    const pkg = JSON.parse(manifest);
    const nls = readJson('package.nls.json') as Record<string, string>;

    it('every %key% of package.json is in package.nls.json', () => {
      const used = new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
      assert.ok(used.size > 40, `only ${used.size} placeholders found`);
      assert.deepStrictEqual([...used].filter((k) => !(k in nls)), [], 'placeholders without an English text');
    });

    it('every string a user reads in the manifest is a placeholder', () => {
      const c = pkg.contributes;
      const raw: string[] = [];
      const check = (where: string, v: unknown) => {
        if (typeof v === 'string' && !/^%[^%]+%$/.test(v)) raw.push(`${where}: ${v}`);
      };
      check('displayName', pkg.displayName);
      check('description', pkg.description);
      for (const [k, v] of Object.entries(pkg.capabilities ?? {})) check(`capabilities.${k}`, (v as { description?: string }).description);
      for (const cmd of c.commands ?? []) {
        check(`${cmd.command} title`, cmd.title);
        check(`${cmd.command} category`, cmd.category);
      }
      const configs = Array.isArray(c.configuration) ? c.configuration : [c.configuration];
      for (const conf of configs) {
        check('configuration title', conf.title);
        for (const [id, p] of Object.entries<Record<string, unknown>>(conf.properties ?? {})) {
          for (const f of ['description', 'markdownDescription', 'deprecationMessage', 'markdownDeprecationMessage']) check(`${id} ${f}`, p[f]);
          for (const f of ['enumDescriptions', 'markdownEnumDescriptions']) for (const d of (p[f] as unknown[]) ?? []) check(`${id} ${f}`, d);
        }
      }
      for (const col of c.colors ?? []) check(col.id, col.description);
      for (const list of Object.values<Array<Record<string, string>>>(c.viewsContainers ?? {})) for (const v of list) check(v.id, v.title);
      for (const list of Object.values<Array<Record<string, string>>>(c.views ?? {})) for (const v of list) {
          check(v.id, v.name);
          check(v.id, v.contextualTitle);
        }
      for (const w of c.viewsWelcome ?? []) check(`${w.view} welcome`, w.contents);
      for (const w of c.walkthroughs ?? []) {
        check(`${w.id} title`, w.title);
        check(`${w.id} description`, w.description);
        for (const step of w.steps ?? []) {
          check(`${step.id} title`, step.title);
          check(`${step.id} description`, step.description);
          if (step.media?.altText) check(`${step.id} altText`, step.media.altText);
        }
      }
      assert.deepStrictEqual(raw, []);
    });

    for (const locale of LOCALES) {
      it(`package.nls.${locale}.json translates every key, keeping placeholders and command links`, () => {
        assert.deepStrictEqual(checkTranslations(`package.nls.${locale}.json`, nls, readJson(`package.nls.${locale}.json`), true), []);
      });
    }
  });

  describe('extension strings (vscode.l10n.t)', () => {
    const found = scan(sourceFiles(path.join(ROOT, 'src', 'extension')));

    it('reads the messages from the sources (the parser finds them)', () => {
      // The sources have many messages; an empty set means the parser or the layout broke.
      assert.ok(found.messages.size > 50, `only ${found.messages.size} messages found`);
      assert.ok(found.messages.has('no mention here to confirm.'), 'a known message of commands/decide.ts');
    });

    it('every UI string goes through l10n.t with a literal message', () => {
      assert.deepStrictEqual(found.problems, []);
    });

    it('package.json points VS Code at the l10n folder', () => {
      assert.strictEqual(readJson('package.json').l10n, './l10n');
    });

    for (const locale of LOCALES) {
      it(`l10n/bundle.l10n.${locale}.json translates every message, keeping its {n} placeholders`, () => {
        assert.deepStrictEqual(checkTranslations(`bundle.l10n.${locale}.json`, found.messages, readJson(`l10n/bundle.l10n.${locale}.json`), false), []);
      });
    }
  });
});
