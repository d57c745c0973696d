/**
 * A scan result as the text the CLI prints: made where the scan ran (a pool worker), so the main thread
 * only writes strings, and no mention objects are cloned between threads.
 */
import type { ScanResult, ScannedMention } from './scanFile';

export type ScanFormat = 'text' | 'json';
/** One article's output (`--json`/`--jsonl`: one JSON object; text: its lines), or why it failed. */
export type ScanOutput = { out: string } | { error: string };

export function formatResult(r: ScanResult, format: ScanFormat): ScanOutput {
  if ('error' in r) return r;
  if ('id' in r) return { out: `{"id":${JSON.stringify(r.id) ?? 'null'},"mentions":${mentionsJson(r.mentions)}}` };
  if (format === 'text') return { out: textLines(r) };
  return { out: `{"path":${JSON.stringify(r.path)},"mentions":${mentionsJson(r.mentions)},"orphans":${JSON.stringify(r.orphans)}}` };
}

// The same text as JSON.stringify of { start, end, text, kind, type, entity, qid, parties, status } (an undefined
// qid or parties left out), written directly: no copy of each mention to pick its fields.
function mentionsJson(ms: ScannedMention[]): string {
  let s = '[';
  for (let i = 0; i < ms.length; i++) {
    const m = ms[i];
    s += `${i ? ',' : ''}{"start":${m.start},"end":${m.end},"text":${JSON.stringify(m.text)},"kind":${JSON.stringify(m.kind)},"type":${JSON.stringify(m.type)},"entity":${JSON.stringify(m.entity)}${m.qid === undefined ? '' : `,"qid":${JSON.stringify(m.qid)}`}${m.parties === undefined ? '' : `,"parties":${JSON.stringify(m.parties)}`},"status":${JSON.stringify(m.status)}}`;
  }
  return s + ']';
}

function textLines(f: Extract<ScanResult, { path: string }>): string {
  const lines = [`${f.path}: ${f.mentions.length} mentions${f.orphans.length ? `, ${f.orphans.length} orphaned annotations` : ''}`];
  for (const m of f.mentions) {
    const status = m.status === 'confirmed' ? ' ✓' : '';
    lines.push(`  ${String(m.start).padStart(6)}-${String(m.end).padEnd(6)} ${m.kind.padEnd(9)} ${m.type.padEnd(12)} ${m.text}  → ${m.entity}${m.qid ? ` (${m.qid})` : ''}${status}`);
  }
  for (const o of f.orphans) lines.push(`  orphan ${o.id}: "${o.text}" → ${o.entity}`);
  return lines.join('\n');
}
