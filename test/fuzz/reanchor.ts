/**
 * Property-based check that annotations survive edits exactly, on real
 * articles (test/fixtures/articles, and ../shared/seeds when it exists), on
 * both paths:
 *
 * - editor: the edits arrive one by one (as VS Code's change events, several
 *   per event for multi-cursor edits) through `store.applyEdit`;
 * - disk: the article is rewritten (git, another editor, the CLI) and the
 *   store loads the old sidecar against the new text.
 *
 * The truth comes from tracking where every code point of the original text
 * went. An annotation is *untouched* when its text and CONTEXT_LENGTH code
 * points on each side arrive together, in order, and as close to the text's
 * edges as before. Invariant: every untouched annotation is anchored where its
 * words went, reading them; a touched one is anchored on its own words or an
 * orphan; none is lost.
 */
import { strict as assert } from 'assert';
import fc from 'fast-check';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { ArticleAnnotations } from '../../src/core/annotations';
import { CONTEXT_LENGTH } from '../../src/core/annotations/schema';
import { KnowledgeBase } from '../../src/core/kb';
import { recognize } from '../../src/core/recognize';
import { decodeArticle } from '../../src/core/text/offsets';

const ROOT = path.join(__dirname, '..', '..');
const SEEDS = path.join(ROOT, '..', 'shared', 'seeds');

export interface Article {
  name: string;
  text: string;
}

/** The articles fuzzed: our fixtures, and the seeds when ../shared is there (`seeds` says whether it was). */
export function articles(): { list: Article[]; seeds: boolean } {
  const read = (dir: string) =>
    readdirSync(dir)
      .filter((f) => /\.(txt|md)$/.test(f))
      .sort()
      .map((f) => ({ name: f, text: decodeArticle(readFileSync(path.join(dir, f))).text }));
  const seeds = existsSync(SEEDS);
  return { list: [...read(path.join(ROOT, 'test', 'fixtures', 'articles')), ...(seeds ? read(SEEDS) : [])], seeds };
}

/** Text pieces edits insert: names that are annotated elsewhere, CRLF, astral characters sharing a high surrogate, half-width kana. */
const PIECES = ['日', '米', '韓', '北', 'Japan', '日本', '한', '미', 'ﾆｯﾎﾟﾝ', 'ｶﾞ', '😀', '😁', '🇯🇵', '\r\n', '\n', '\n\n', ' ', '。', 'の', 'x', '「', '」'];

type Op =
  | { kind: 'insert'; at: number; near: boolean; text: string }
  | { kind: 'delete'; at: number; near: boolean; length: number }
  | { kind: 'replace'; at: number; near: boolean; length: number; text: string }
  | { kind: 'deleteLine'; line: number }
  | { kind: 'moveLine'; line: number; to: number }
  | { kind: 'crlf'; line: number }
  | { kind: 'multi'; at: number[]; text: string };

const frac = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const piece = fc.oneof(fc.constantFrom(...PIECES), fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 4 }).map((a) => a.join('')));
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: frac, near: fc.boolean(), text: piece }),
  fc.record({ kind: fc.constant('delete' as const), at: frac, near: fc.boolean(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('replace' as const), at: frac, near: fc.boolean(), length: fc.integer({ min: 1, max: 12 }), text: piece }),
  fc.record({ kind: fc.constant('deleteLine' as const), line: frac }),
  fc.record({ kind: fc.constant('moveLine' as const), line: frac, to: frac }),
  fc.record({ kind: fc.constant('crlf' as const), line: frac }),
  fc.record({ kind: fc.constant('multi' as const), at: fc.array(frac, { minLength: 2, maxLength: 4 }), text: piece }),
);

export const caseArb = (count: number) =>
  fc.record({ article: fc.nat({ max: count - 1 }), ops: fc.array(opArb, { minLength: 1, maxLength: 4 }) });
export type Case = { article: number; ops: Op[] };

/** One code point of the text being edited, with the index it had in the original (-1: inserted). */
interface Cell {
  ch: string;
  from: number;
}
/** One change as an editor reports it: code points [offset, offset + deleted) became `text`. */
interface Change {
  offset: number;
  deleted: number;
  text: string;
}

/**
 * Applies `ops` to the cells; returns the editor events (each a list of
 * changes in the text before the event, last first as VS Code orders them).
 */
function applyOps(cells: Cell[], ops: Op[], spans: { start: number; end: number }[]): Change[][] {
  const events: Change[][] = [];
  const cellsOf = (s: string): Cell[] => [...s].map((ch) => ({ ch, from: -1 }));
  const pick = (at: number, near: boolean) => {
    if (near && spans.length) {
      // Next to or inside a mention: where edits hurt most.
      const m = spans[Math.floor(at * spans.length)];
      const d = Math.floor(((at * 997) % 1) * 7) - 3;
      const p = (Math.floor(at * 1e6) % 2 === 0 ? m.start : m.end) + d;
      return Math.max(0, Math.min(cells.length, p));
    }
    return Math.floor(at * (cells.length + 1));
  };
  const lines = () => {
    const starts = [0];
    cells.forEach((c, i) => c.ch === '\n' && starts.push(i + 1));
    return starts;
  };
  const change = (offset: number, deleted: number, text: string) => {
    cells.splice(offset, deleted, ...cellsOf(text));
    return { offset, deleted, text };
  };
  for (const op of ops) {
    switch (op.kind) {
      case 'insert': {
        events.push([change(pick(op.at, op.near), 0, op.text)]);
        break;
      }
      case 'delete':
      case 'replace': {
        const at = Math.min(pick(op.at, op.near), Math.max(0, cells.length - 1));
        const length = Math.min(op.length, cells.length - at);
        if (length > 0) events.push([change(at, length, op.kind === 'replace' ? op.text : '')]);
        break;
      }
      case 'deleteLine': {
        const ls = lines();
        const i = Math.floor(op.line * ls.length);
        const end = i + 1 < ls.length ? ls[i + 1] : cells.length;
        if (end > ls[i]) events.push([change(ls[i], end - ls[i], '')]);
        break;
      }
      case 'moveLine': {
        // As Alt+Up/Down does: one change replacing a line and its neighbour by the two swapped.
        const ls = lines();
        if (ls.length < 3) break;
        const i = Math.floor(op.line * (ls.length - 2));
        const [a, b, c] = [ls[i], ls[i + 1], i + 2 < ls.length ? ls[i + 2] : cells.length];
        if (cells[c - 1]?.ch !== '\n') break;
        const first = cells.slice(a, b);
        const second = cells.slice(b, c);
        const before = cells.slice(a, c).map((x) => x.ch).join('');
        cells.splice(a, c - a, ...second, ...first);
        events.push([{ offset: a, deleted: [...before].length, text: [...second, ...first].map((x) => x.ch).join('') }]);
        break;
      }
      case 'crlf': {
        const nl = cells.map((c, i) => (c.ch === '\n' && cells[i - 1]?.ch !== '\r' ? i : -1)).filter((i) => i >= 0);
        if (nl.length) events.push([change(nl[Math.floor(op.line * nl.length)], 1, '\r\n')]);
        break;
      }
      case 'multi': {
        // One event, several cursors: offsets in the text before the event, applied last first.
        const at = [...new Set(op.at.map((f) => Math.floor(f * (cells.length + 1))))].sort((x, y) => y - x);
        events.push(at.map((p) => change(p, 0, op.text)));
        break;
      }
    }
  }
  return events;
}

export interface Outcome {
  checked: number;
  untouched: number;
  touched: number;
  misplaced: number;
  orphaned: number;
  changed: number;
  lost: number;
  /** Touched annotations found again on their own words, and those orphaned. */
  reanchored: number;
  touchedOrphans: number;
}

const emptyOutcome = (): Outcome => ({ checked: 0, untouched: 0, touched: 0, misplaced: 0, orphaned: 0, changed: 0, lost: 0, reanchored: 0, touchedOrphans: 0 });

export class Fuzzer {
  readonly list: Article[];
  readonly seeds: boolean;
  private readonly kb = KnowledgeBase.builtin();
  private readonly prepared = new Map<number, { sidecar: Buffer; spans: { id: string; start: number; end: number; text: string }[] }>();
  private readonly dir = mkdtempSync(path.join(tmpdir(), 'aa-fuzz-'));
  total = emptyOutcome();
  sequences = 0;

  constructor() {
    ({ list: this.list, seeds: this.seeds } = articles());
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Every recognized mention of the article confirmed, saved once. */
  private async prepare(i: number) {
    const hit = this.prepared.get(i);
    if (hit) return hit;
    const { text } = this.list[i];
    // One file name everywhere: a sidecar names its article.
    const file = path.join(this.dir, `prep-${i}`, 'article.txt');
    mkdirSync(path.dirname(file));
    writeFileSync(file, text);
    const store = await ArticleAnnotations.load(file, text, { kb: this.kb });
    store.confirmAll(recognize(text, this.kb));
    await store.save();
    const spans = store.annotations().map((a) => ({ id: a.id, start: a.start, end: a.end, text: a.quote.exact }));
    const prepared = { sidecar: readFileSync(store.sidecarPath), spans };
    this.prepared.set(i, prepared);
    return prepared;
  }

  /** Runs one case on one path; returns what it found (failures counted, not thrown). */
  async run(c: Case, route: 'editor' | 'disk'): Promise<Outcome> {
    const { text } = this.list[c.article];
    const { sidecar, spans } = await this.prepare(c.article);
    const cells: Cell[] = [...text].map((ch, from) => ({ ch, from }));
    const events = applyOps(cells, c.ops, spans);
    const final = cells.map((x) => x.ch).join('');
    const n = [...text].length;
    const where = new Int32Array(Math.max(1, n)).fill(-1);
    cells.forEach((x, i) => x.from >= 0 && (where[x.from] = i));

    const file = path.join(this.dir, route, 'article.txt');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, route === 'disk' ? final : text);
    writeFileSync(file + '.annotations.json', sidecar);
    let store: ArticleAnnotations;
    if (route === 'disk') {
      store = await ArticleAnnotations.load(file, final, { kb: this.kb });
    } else {
      store = await ArticleAnnotations.load(file, text, { kb: this.kb });
      for (const event of events) for (const ch of event) store.applyEdit(ch.offset, ch.deleted, ch.text);
      assert.equal(store.text, final, 'the store follows the edits');
    }
    if (store.error) throw store.error;

    const out = emptyOutcome();
    for (const s of spans) {
      out.checked++;
      const a = store.get(s.id);
      if (!a) {
        out.lost++;
        continue;
      }
      const truth = untouchedAt(where, n, cells.length, s.start, s.end);
      const reads = a.anchored && [...final].slice(a.start, a.end).join('') === s.text;
      if (a.anchored && !reads) out.changed++;
      if (truth !== null) {
        out.untouched++;
        if (!a.anchored) out.orphaned++;
        else if (a.start !== truth) out.misplaced++;
      } else {
        out.touched++;
        if (a.anchored && reads) out.reanchored++;
        else if (!a.anchored) out.touchedOrphans++;
      }
    }
    this.sequences++;
    for (const k of Object.keys(out) as (keyof Outcome)[]) this.total[k] += out[k];
    return out;
  }
}

/** Where the span's words went if they and their context arrived intact, else null. */
function untouchedAt(where: Int32Array, n: number, finalLength: number, start: number, end: number): number | null {
  const lo = Math.max(0, start - CONTEXT_LENGTH);
  const hi = Math.min(n, end + CONTEXT_LENGTH);
  const p = where[lo];
  if (p < 0) return null;
  for (let i = lo + 1; i < hi; i++) if (where[i] !== p + (i - lo)) return null;
  // A context cut short by an edge of the text must still end at that edge.
  if (lo === 0 && p !== 0) return null;
  if (hi === n && p + (hi - lo) !== finalLength) return null;
  return where[start];
}

export const failures = (o: Outcome) => o.lost + o.changed + o.misplaced + o.orphaned;
