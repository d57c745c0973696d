/**
 * A scan result as the text the CLI prints: made where the scan ran (a pool worker), so the main thread
 * only writes strings, and no mention objects are cloned between threads. The text comes in parts of
 * a few thousand mentions: a 50 MB article's output (hundreds of MB) is never one string.
 */
import type { ScanResult, ScannedMention } from './scanFile';

export type ScanFormat = 'text' | 'json';
/**
 * One article's output (`--json`/`--jsonl`: one JSON object; text: its lines), as parts to write one
 * after the other (together, one line without its final newline), made as they are read (a pool
 * worker makes them all before it posts them); or why it failed.
 */
export type ScanOutput = { parts: Iterable<string> } | { error: string };

/** Mentions per part. */
const PART = 2000;

export function formatResult(r: ScanResult, format: ScanFormat): ScanOutput {
  if ('error' in r) return r;
  if ('id' in r) return { parts: mentionsJson(`{"id":${JSON.stringify(r.id) ?? 'null'},"mentions":`, r.mentions, '}') };
  if (format === 'text') return { parts: textLines(r) };
  return { parts: mentionsJson(`{"path":${JSON.stringify(r.path)},"mentions":`, r.mentions, `,"orphans":${JSON.stringify(r.orphans)}}`) };
}

// `head`, the mentions as a JSON array, `tail`. JSON.stringify of the fields the CLI prints, a part at
// a time (measured faster than writing the JSON by hand); no string for the whole article. Made as
// they are written: a 50 MB article's parts would otherwise all be held at once (about 300 MB).
function* mentionsJson(head: string, ms: ScannedMention[], tail: string): Generator<string> {
  for (let at = 0; at < ms.length || at === 0; at += PART) {
    const json = JSON.stringify(ms.slice(at, at + PART).map(pick));
    const last = at + PART >= ms.length;
    yield (at ? ',' : head + '[') + json.slice(1, -1) + (last ? ']' + tail : '');
  }
}

const pick = (m: ScannedMention) => ({ start: m.start, end: m.end, text: m.text, kind: m.kind, type: m.type, entity: m.entity, qid: m.qid, parties: m.parties, status: m.status });

function textLines(f: Extract<ScanResult, { path: string }>): string[] {
  const parts: string[] = [];
  let lines = [`${f.path}: ${f.mentions.length} mentions${f.orphans.length ? `, ${f.orphans.length} orphaned annotations` : ''}`];
  for (const m of f.mentions) {
    const status = m.status === 'confirmed' ? ' ✓' : '';
    lines.push(`  ${String(m.start).padStart(6)}-${String(m.end).padEnd(6)} ${m.kind.padEnd(9)} ${m.type.padEnd(12)} ${m.text}  → ${m.entity}${m.qid ? ` (${m.qid})` : ''}${status}`);
    if (lines.length === PART) {
      parts.push((parts.length ? '\n' : '') + lines.join('\n'));
      lines = [];
    }
  }
  for (const o of f.orphans) lines.push(`  orphan ${o.id}: "${o.text}" → ${o.entity}`);
  if (lines.length || !parts.length) parts.push((parts.length ? '\n' : '') + lines.join('\n'));
  return parts;
}
