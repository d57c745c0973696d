#!/usr/bin/env node
// How the diff library for re-anchoring was chosen (README, "Where annotations are saved"):
// maps spans through each library's diff after random edits of our articles and times it.
// The candidates other than the one we ship are not dependencies; install them first:
//   npm install --no-save diff-match-patch@1.0.5 fast-diff@1.3.0 diff@9.0.0 fast-myers-diff@3.2.0
// Reads test/fixtures/articles and ../shared/seeds when that folder exists.
const fs = require('fs'), path = require('path');
const DMP = require('diff-match-patch');
const sanity = require('@sanity/diff-match-patch');
const fastDiff = require('fast-diff');
const jsdiff = require('diff');
const fmd = require('fast-myers-diff');
const root = path.join(__dirname, '..');
const dirs = [path.join(root, 'test/fixtures/articles'), path.join(root, '..', 'shared', 'seeds')].filter((d) => fs.existsSync(d));
if (dirs.length < 2) console.log('(../shared/seeds not found: fixtures only)');
const texts = dirs.flatMap(d => fs.readdirSync(d).map(f => fs.readFileSync(path.join(d, f), 'utf8')));
// PRNG
let seed = 42; const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2**32);
const ri = n => Math.floor(rnd() * n);
const pieces = ['日', '米', 'Japan', 'ﾆｯﾎﾟﾝ', '😀', '\r\n', '\n', 'の', ' ', '韓国', 'x'];
// text as array of {ch, origin}
function edit(chars) {
  const k = ri(5);
  const n = chars.length;
  if (k === 0) { const p = ri(n + 1); const ins = [...pieces[ri(pieces.length)].repeat(1 + ri(3))].map(ch => ({ ch, o: -1 })); chars.splice(p, 0, ...ins); }
  else if (k === 1) { const p = ri(n); chars.splice(p, 1 + ri(20)); }
  else if (k === 2) { const p = ri(n); const ins = [...pieces[ri(pieces.length)]].map(ch => ({ ch, o: -1 })); chars.splice(p, 1 + ri(5), ...ins); }
  else if (k === 3) { // delete a line
    const nl = chars.map((c, i) => c.ch === '\n' ? i : -1).filter(i => i >= 0); if (nl.length < 2) return; const j = ri(nl.length - 1); chars.splice(nl[j] + 1, nl[j + 1] - nl[j]);
  } else { // move a line
    const nl = chars.map((c, i) => c.ch === '\n' ? i : -1).filter(i => i >= 0); if (nl.length < 3) return; const j = ri(nl.length - 1); const line = chars.splice(nl[j] + 1, nl[j + 1] - nl[j]);
    const nl2 = chars.map((c, i) => c.ch === '\n' ? i : -1).filter(i => i >= 0); const t = nl2[ri(nl2.length)] + 1; chars.splice(t, 0, ...line);
  }
}
const libs = {
  'diff-match-patch': (a, b) => { const d = new DMP(); d.Diff_Timeout = 2; return u16segs(d.diff_main(a, b, false).map(x => [x[0], x[1]]), a, b); },
  '@sanity/diff-match-patch': (a, b) => u16segs(sanity.makeDiff(a, b, { checkLines: false, timeout: 2 }), a, b),
  'fast-diff': (a, b) => u16segs(fastDiff(a, b), a, b),
  'diff (jsdiff)': (a, b) => u16segs(jsdiff.diffChars(a, b, { timeout: 2000 }) ?.map(p => [p.added ? 1 : p.removed ? -1 : 0, p.value]) ?? [[-1, a], [1, b]], a, b),
  'fast-myers-diff': (a, b) => { const A = Uint32Array.from([...a].map(c => c.codePointAt(0))), B = Uint32Array.from([...b].map(c => c.codePointAt(0))); const segs = []; let x = 0, y = 0; for (const [sx, ex, , ey] of fmd.diff(A, B)) { if (sx > x) segs.push([x, y, sx - x]); x = ex; y = ey; } if (x < A.length) segs.push([x, y, A.length - x]); return segs; },
};
// utf16 ops -> code point equal segments (units to cps via prefix counting)
function u16segs(ops, a, b) {
  const cpA = cpIndex(a), cpB = cpIndex(b); const segs = []; let ua = 0, ub = 0;
  for (const [op, t] of ops) { const n = t.length; if (op === 0) { const s = cpA[ua], e = cpA[ua + n], s2 = cpB[ub]; if (e > s) segs.push([s, s2, e - s]); ua += n; ub += n; } else if (op === -1) ua += n; else ub += n; }
  return segs;
}
function cpIndex(s) { const m = new Int32Array(s.length + 1); let c = 0; for (let i = 0; i < s.length; i++) { m[i] = c; const x = s.charCodeAt(i); if (x >= 0xd800 && x <= 0xdbff && i + 1 < s.length) { m[i + 1] = c + 1; i++; } c++; } m[s.length] = c; return m; }
function mapSpan(segs, s, e) { let lo = 0, hi = segs.length - 1; while (lo <= hi) { const m = (lo + hi) >> 1; const [a, b, n] = segs[m]; if (s < a) hi = m - 1; else if (s >= a + n) lo = m + 1; else return e <= a + n ? s - a + b : null; } return null; }
const C = 32;
const stats = {}; for (const k in libs) stats[k] = { ms: 0, good: 0, bad: 0, orphan: 0, touchedMapped: 0 };
let untouchedTotal = 0;
for (let round = 0; round < 40; round++) for (const text of texts) {
  const orig = [...text]; const chars = orig.map((ch, i) => ({ ch, o: i }));
  const nEdits = 1 + ri(4); for (let i = 0; i < nEdits; i++) edit(chars);
  const newText = chars.map(c => c.ch).join('');
  const pos = new Int32Array(orig.length).fill(-1); chars.forEach((c, i) => { if (c.o >= 0) pos[c.o] = i; });
  // spans: every 37th cp, length 1..6
  const spans = []; for (let s = 0; s + 6 < orig.length; s += 37) spans.push([s, s + 1 + (s % 6)]);
  const truth = spans.map(([s, e]) => { const lo = Math.max(0, s - C), hi = Math.min(orig.length, e + C); const p = pos[lo]; if (p < 0) return null; for (let i = lo; i < hi; i++) if (pos[i] !== p + (i - lo)) return null; if (lo === 0 && p !== 0) return null; if (hi === orig.length && p + hi - lo !== chars.length) return null; return pos[s]; });
  untouchedTotal += truth.filter(t => t !== null).length;
  for (const [name, fn] of Object.entries(libs)) {
    const t0 = performance.now(); const segs = fn(text, newText); stats[name].ms += performance.now() - t0;
    spans.forEach(([s, e], i) => { const m = mapSpan(segs, s, e); const t = truth[i]; if (t === null) return; if (m === t) stats[name].good++; else if (m === null) stats[name].orphan++; else stats[name].bad++; });
  }
}
console.log('untouched spans', untouchedTotal);
for (const [k, v] of Object.entries(stats)) console.log(k.padEnd(26), 'ms', v.ms.toFixed(0).padStart(6), 'good', v.good, 'misplaced', v.bad, 'orphaned', v.orphan);
// big: 1MB
const big = texts.join('\n').repeat(Math.ceil(1e6 / texts.join('\n').length)).slice(0, 1e6);
const big2 = big.slice(0, 500000) + '米国' + big.slice(500003);
const big3 = big.slice(0, 200000) + big.slice(300000, 300500) + big.slice(200000, 300000) + big.slice(300500);
for (const [name, fn] of Object.entries(libs)) { if (name.startsWith('diff (')) continue; for (const [lbl, b] of [['1MB 1 edit', big2], ['1MB line move 100KB', big3]]) { const t0 = performance.now(); const segs = fn(big, b); console.log(name.padEnd(26), lbl, (performance.now() - t0).toFixed(0), 'ms', 'segs', segs.length); } }
