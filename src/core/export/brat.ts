/**
 * brat standoff (.ann): `T1\t<type> <start> <end>\t<text>` per annotation,
 * `N1\tReference T1 Wikidata:<QID>\t<name>` for linked entities and
 * `#1\tAnnotatorNotes T1\t<note>` for notes, `R1\tParty Arg1:T3 Arg2:T7` for a
 * party (T7) of an agreement (T3; see partyRelations). Offsets are code points, which
 * is how brat counts characters — in the text without its BOM, so export that
 * text alongside.
 */
import { OffsetIndex } from '../text/offsets';
import { entityName, exported, partyRelations, type ExportDocument } from './types';

const oneLine = (s: string) => s.replace(/[\t\r\n]+/g, ' ');

export function toBrat(doc: ExportDocument): string {
  const index = new OffsetIndex(doc.text);
  const lines: string[] = [];
  let n = 0;
  let notes = 0;
  const items = exported(doc);
  for (const a of items) {
    const t = `T${++n}`;
    const fragments = splitAtLineBreaks(doc.text, index, a.start, a.end);
    const offsets = fragments.map((f) => `${f.start} ${f.end}`).join(';');
    lines.push(`${t}\t${a.type} ${offsets}\t${fragments.map((f) => f.text).join(' ')}`);
    const qid = a.qid;
    if (qid) lines.push(`N${n}\tReference ${t} Wikidata:${qid}\t${oneLine(entityName(doc, a.entity))}`);
    if (a.note) lines.push(`#${++notes}\tAnnotatorNotes ${t}\t${oneLine(a.note)}`);
  }
  partyRelations(items).forEach((r, i) => lines.push(`R${i + 1}\tParty Arg1:T${r.agreement + 1} Arg2:T${r.party + 1}`));
  return lines.map((l) => l + '\n').join('');
}

/** brat spans cannot contain a line break: a span crossing one becomes fragments around it. */
function splitAtLineBreaks(text: string, index: OffsetIndex, start: number, end: number): { start: number; end: number; text: string }[] {
  const fragments: { start: number; end: number; text: string }[] = [];
  const u0 = index.toUtf16(start);
  const slice = text.slice(u0, index.toUtf16(end));
  const re = /[^\r\n]+/g;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const s = index.toCodePoint(u0 + m.index);
    const e = index.toCodePoint(u0 + m.index + m[0].length);
    fragments.push({ start: s, end: e, text: m[0] });
  }
  return fragments;
}
