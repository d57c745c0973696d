/**
 * The compiled matcher as a build artifact (dist/kb.compiled.bin): activation loads
 * what the build compiled instead of compiling every form of the built-in KB again.
 *
 * Layout: magic "AAKB", format version (u32 LE), header length (u32 LE), the header
 * (UTF-8 JSON: fingerprint, entity count, per trie its node and slot counts, the
 * distinct values, orgBySuffix, section lengths), then per trie nine little-endian
 * typed arrays, each 4-byte aligned: its edges (Trie.exportArrays), then the nodes
 * that have values, how many each, and which (indexes into the distinct values).
 *
 * Values are plain JSON-safe objects, never mutated: equal ones (the same entity's
 * forms) are stored once and shared, and keep their keys in order, so loaded values
 * equal compiled ones field by field.
 *
 * The fingerprint hashes compile()'s own bundle, code and data alike (esbuild.js): the
 * build embeds it in the bundles and in the artifact, so an artifact is used only by
 * the bundles built with it.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { KnowledgeBase } from '../kb';
import type { CompiledKb } from './compile';
import { Trie, type TrieArrays } from './trie';

export const ARTIFACT_FILE = 'kb.compiled.bin';
const MAGIC = 'AAKB';
export const FORMAT_VERSION = 1;
const PREAMBLE = 12;

export class ArtifactError extends Error {}

declare const __KB_FINGERPRINT__: string | undefined;
/** The fingerprint the build embedded in this bundle (esbuild define); undefined when running from source or a watch build. */
const BUILD_FINGERPRINT: string | undefined = typeof __KB_FINGERPRINT__ === 'string' ? __KB_FINGERPRINT__ : undefined;

/** Where an artifact is and the fingerprint it must carry. */
export interface Artifact {
  file: string;
  fingerprint: string;
}

/** The artifact the build wrote next to this bundle; none when running from source. */
export const BUNDLED_ARTIFACT: Artifact | undefined = BUILD_FINGERPRINT ? { file: path.join(__dirname, ARTIFACT_FILE), fingerprint: BUILD_FINGERPRINT } : undefined;

interface Header {
  fingerprint: string;
  entities: number;
  /** Per trie (the forms, then the suffixes): node count and hash table slots. */
  nodes: number[];
  capacities: number[];
  values: object[];
  orgBySuffix: [string, number][];
  /** Element counts of the sections, in writing order (SECTIONS per trie). */
  sections: number[];
}

const SECTIONS = [Uint16Array, Int32Array, Int32Array, Int32Array, Uint16Array, Int32Array, Int32Array, Uint16Array, Int32Array] as const;
type TrieSections = [
  rootUnit: Uint16Array,
  rootChild: Int32Array,
  slot: Int32Array,
  node: Int32Array,
  unit: Uint16Array,
  child: Int32Array,
  valueNode: Int32Array,
  valueCount: Uint16Array,
  valueIndex: Int32Array,
];

export function serializeCompiled(ckb: CompiledKb, fingerprint: string): Buffer {
  if (!LITTLE_ENDIAN) throw new ArtifactError('compiled KB: the artifact is little-endian; build it on a little-endian host');
  const values: object[] = [];
  const indexOfValue = new Map<string, number>();

  const encode = (trie: Trie<object>) => {
    const a = trie.exportArrays();
    const valueNode: number[] = [];
    const valueCount: number[] = [];
    const valueIndex: number[] = [];
    a.values.forEach((vs, n) => {
      if (!vs) return;
      if (vs.length > 0xffff) throw new ArtifactError(`compiled KB: trie node ${n} has ${vs.length} values`);
      valueNode.push(n);
      valueCount.push(vs.length);
      for (const v of vs) {
        const key = jsonOf(v);
        let i = indexOfValue.get(key);
        if (i === undefined) indexOfValue.set(key, (i = values.push(v) - 1));
        valueIndex.push(i);
      }
    });
    const sections: TrieSections = [
      a.rootUnit, a.rootChild, a.slot, a.node, a.unit, a.child,
      Int32Array.from(valueNode), Uint16Array.from(valueCount), Int32Array.from(valueIndex),
    ];
    return { nodes: a.values.length, capacity: a.capacity, sections };
  };

  const tries = [encode(ckb.trie), encode(ckb.suffixes)];
  const arrays = tries.flatMap((t) => t.sections);
  const header: Header = {
    fingerprint,
    entities: ckb.entities.length,
    nodes: tries.map((t) => t.nodes),
    capacities: tries.map((t) => t.capacity),
    values,
    orgBySuffix: [...ckb.orgBySuffix],
    sections: arrays.map((a) => a.length),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  let size = align(PREAMBLE + json.length);
  for (const a of arrays) size = align(size + a.byteLength);
  const out = Buffer.alloc(size);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(FORMAT_VERSION, 4);
  out.writeUInt32LE(json.length, 8);
  json.copy(out, PREAMBLE);
  let at = align(PREAMBLE + json.length);
  for (const a of arrays) {
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at = align(at + a.byteLength);
  }
  return out;
}

/** A value's JSON, refusing what JSON would not give back as it was (undefined, NaN, nested objects...). */
function jsonOf(v: object): string {
  for (const [k, x] of Object.entries(v)) {
    const ok = typeof x === 'string' || typeof x === 'boolean' || (typeof x === 'number' && Number.isFinite(x));
    if (!ok) throw new ArtifactError(`compiled KB: cannot store value field '${k}' (${x === null ? 'null' : typeof x})`);
  }
  return JSON.stringify(v);
}

/** The matcher stored in `buf` for `kb`. Throws ArtifactError when it is damaged or not for this build (`fingerprint`). */
export function deserializeCompiled(buf: Uint8Array, kb: KnowledgeBase, fingerprint: string): CompiledKb {
  if (!LITTLE_ENDIAN) throw new ArtifactError('compiled KB: big-endian hosts compile instead');
  if (buf.length < PREAMBLE) throw new ArtifactError(`compiled KB: truncated (${buf.length} bytes, no header)`);
  const magic = String.fromCharCode(buf[0], buf[1], buf[2], buf[3]);
  if (magic !== MAGIC) throw new ArtifactError(`compiled KB: not an artifact (magic '${magic}')`);
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const version = dv.getUint32(4, true);
  if (version !== FORMAT_VERSION) throw new ArtifactError(`compiled KB: format version ${version}, expected ${FORMAT_VERSION}`);
  const jsonEnd = PREAMBLE + dv.getUint32(8, true);
  if (jsonEnd > buf.length) throw new ArtifactError(`compiled KB: truncated (${buf.length} bytes, the header needs ${jsonEnd})`);
  let header: Header;
  try {
    header = JSON.parse(Buffer.from(buf.buffer, buf.byteOffset + PREAMBLE, jsonEnd - PREAMBLE).toString('utf8'));
  } catch (e) {
    throw new ArtifactError(`compiled KB: unreadable header (${(e as Error).message})`);
  }
  if (typeof header !== 'object' || header === null) throw new ArtifactError('compiled KB: malformed header');
  if (header.fingerprint !== fingerprint) throw new ArtifactError(`compiled KB: stale (fingerprint ${header.fingerprint}, this build ${fingerprint})`);
  if (header.entities !== kb.size) throw new ArtifactError(`compiled KB: made for ${header.entities} entities, the KB has ${kb.size}`);
  const { sections: lengths, values, orgBySuffix } = header;
  if (!Array.isArray(lengths) || lengths.length !== 2 * SECTIONS.length || !Array.isArray(values) || !Array.isArray(orgBySuffix)) throw new ArtifactError('compiled KB: malformed header');

  // Sections are views, which need aligned offsets: a buffer cut from a shared pool may not start aligned.
  if (buf.byteOffset % 4 !== 0) buf = new Uint8Array(buf);
  let at = align(jsonEnd);
  const sections = lengths.map((length, i) => {
    const Type = SECTIONS[i % SECTIONS.length];
    const bytes = length * Type.BYTES_PER_ELEMENT;
    if (!(Number.isInteger(length) && length >= 0) || at + bytes > buf.length) {
      throw new ArtifactError(`compiled KB: truncated (${buf.length} bytes, section ${i} needs ${at + bytes})`);
    }
    const array = new Type(buf.buffer as ArrayBuffer, buf.byteOffset + at, length);
    at = align(at + bytes);
    return array;
  });
  if (at !== align(buf.length)) throw new ArtifactError(`compiled KB: ${buf.length - at} bytes past the last section`);

  const n = SECTIONS.length;
  type V<K extends 'trie' | 'suffixes'> = CompiledKb[K] extends Trie<infer T> ? T : never;
  const trie = decodeTrie(sections.slice(0, n) as TrieSections, header.nodes?.[0], header.capacities?.[0], values as V<'trie'>[]);
  const suffixes = decodeTrie(sections.slice(n) as TrieSections, header.nodes?.[1], header.capacities?.[1], values as V<'suffixes'>[]);
  const entities = kb.all();
  const indexOf = new Map<string, number>();
  for (let i = 0; i < entities.length; i++) indexOf.set(entities[i].id, i);
  return { kb, trie, entities, indexOf, orgBySuffix: new Map(orgBySuffix), suffixes };
}

function decodeTrie<T>(sections: TrieSections, nodes: number, capacity: number, table: T[]): Trie<T> {
  const [rootUnit, rootChild, slot, node, unit, child, valueNode, valueCount, valueIndex] = sections;
  if (!(Number.isInteger(nodes) && nodes >= 1) || valueCount.length !== valueNode.length) throw new ArtifactError('compiled KB: malformed trie');
  const values: Array<T[] | undefined> = new Array(nodes).fill(undefined);
  let v = 0;
  for (let i = 0; i < valueNode.length; i++) {
    const end = v + valueCount[i];
    if (!(valueNode[i] > 0 && valueNode[i] < nodes && end > v && end <= valueIndex.length)) throw new ArtifactError('compiled KB: value lists out of range');
    // Most nodes end one form: an exact-size literal keeps the young heap (and its collections) small.
    const list: T[] = [table[valueIndex[v]]];
    for (v++; v < end; v++) list.push(table[valueIndex[v]]);
    if (list.includes(undefined as T)) throw new ArtifactError('compiled KB: value index out of range');
    values[valueNode[i]] = list;
  }
  if (v !== valueIndex.length) throw new ArtifactError('compiled KB: value lists disagree with the values');
  const arrays: TrieArrays<T> = { capacity, rootUnit, rootChild, slot, node, unit, child, values };
  try {
    return Trie.fromArrays(arrays);
  } catch (e) {
    if (e instanceof RangeError) throw new ArtifactError(`compiled KB: ${e.message}`);
    throw e;
  }
}

/** The artifact at `file` for `kb`, or undefined when it is missing, stale or damaged (the caller compiles instead). */
export function readCompiled(file: string, kb: KnowledgeBase, fingerprint: string): CompiledKb | undefined {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  try {
    return deserializeCompiled(buf, kb, fingerprint);
  } catch (e) {
    if (e instanceof ArtifactError) return undefined;
    throw e;
  }
}

const align = (n: number) => (n + 3) & ~3;

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
