/**
 * The compiled matcher as a build artifact (dist/kb.compiled.bin): activation loads
 * what the build compiled instead of compiling every form of the built-in KB again.
 *
 * Layout: magic "AAKB", format version (u32 LE), header length (u32 LE), the header
 * (UTF-8 JSON: fingerprint, entity count, value shapes, strings, section lengths,
 * orgBySuffix), then per trie five little-endian typed arrays, each 4-byte aligned:
 * parent (i32) and unit (u16) per node, value count per node (u16), shape per value
 * (u16) and the values' fields (i32: integers, booleans, indexes into the strings).
 * Values are plain objects; their shapes (keys in order) are kept so that loaded
 * values are indistinguishable from compiled ones.
 *
 * The fingerprint hashes compile()'s own bundle, code and data alike (esbuild.js): the
 * build embeds it in the bundles and in the artifact, so an artifact is used only by
 * the bundles built with it.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { KnowledgeBase } from '../kb';
import type { CompiledKb } from './compile';
import { Trie } from './trie';

export const ARTIFACT_FILE = 'kb.compiled.bin';
const MAGIC = 'AAKB';
export const FORMAT_VERSION = 1;
const PREAMBLE = 12;

export class ArtifactError extends Error {}

declare const __KB_FINGERPRINT__: string | undefined;
/** The fingerprint the build embedded in this bundle (esbuild define); undefined when running from source or a watch build. */
export const BUILD_FINGERPRINT: string | undefined = typeof __KB_FINGERPRINT__ === 'string' ? __KB_FINGERPRINT__ : undefined;

/** Value field types: int32, string (index into the strings), boolean, undefined (no payload). */
type Tag = 'i' | 's' | 'b' | 'u';
type Shape = [key: string, tag: Tag][];
const TAGS: readonly Tag[] = ['i', 's', 'b', 'u'];
const [I, , B, U] = [0, 1, 2, 3];

interface Header {
  fingerprint: string;
  entities: number;
  shapes: Shape[];
  strings: string[];
  /** Element counts of the sections, in writing order (five per trie: trie, then suffixes). */
  sections: number[];
  orgBySuffix: [string, number][];
}

const SECTION_TYPES = [Int32Array, Uint16Array, Uint16Array, Uint16Array, Int32Array] as const;
type TrieSections = [parent: Int32Array, unit: Uint16Array, counts: Uint16Array, shapes: Uint16Array, fields: Int32Array];

export function serializeCompiled(ckb: CompiledKb, fingerprint: string): Buffer {
  if (!LITTLE_ENDIAN) throw new ArtifactError('compiled KB: the artifact is little-endian; build it on a little-endian host');
  const shapes: Shape[] = [];
  const shapeIndex = new Map<string, number>();
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const intern = (s: string) => {
    let i = stringIndex.get(s);
    if (i === undefined) stringIndex.set(s, (i = strings.push(s) - 1));
    return i;
  };

  const encodeTrie = (trie: Trie<unknown>): TrieSections => {
    const { parent, unit, values } = trie.exportArrays();
    const counts = new Uint16Array(parent.length);
    const shapeOf: number[] = [];
    const fields: number[] = [];
    values.forEach((vs, node) => {
      if (!vs) return;
      if (vs.length > 0xffff) throw new ArtifactError(`trie node ${node} has ${vs.length} values`);
      counts[node] = vs.length;
      for (const v of vs) {
        const shape: Shape = Object.entries(v as object).map(([k, x]) => [k, tagOf(x, k)]);
        const key = JSON.stringify(shape);
        let si = shapeIndex.get(key);
        if (si === undefined) shapeIndex.set(key, (si = shapes.push(shape) - 1));
        shapeOf.push(si);
        for (const x of Object.values(v as object)) {
          if (typeof x === 'number') fields.push(x);
          else if (typeof x === 'string') fields.push(intern(x));
          else if (typeof x === 'boolean') fields.push(x ? 1 : 0);
        }
      }
    });
    if (shapes.length > 0xffff) throw new ArtifactError('too many value shapes');
    return [parent, unit, counts, Uint16Array.from(shapeOf), Int32Array.from(fields)];
  };

  const arrays = [...encodeTrie(ckb.trie), ...encodeTrie(ckb.suffixes)];
  const header: Header = {
    fingerprint,
    entities: ckb.entities.length,
    shapes,
    strings,
    sections: arrays.map((a) => a.length),
    orgBySuffix: [...ckb.orgBySuffix],
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

function tagOf(x: unknown, key: string): Tag {
  if (typeof x === 'number' && (x | 0) === x) return 'i';
  if (typeof x === 'string') return 's';
  if (typeof x === 'boolean') return 'b';
  if (x === undefined) return 'u';
  throw new ArtifactError(`cannot store value field '${key}' (${typeof x})`);
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
  if (jsonEnd > buf.length) throw new ArtifactError(`compiled KB: truncated (${buf.length} bytes, header needs ${jsonEnd})`);
  let header: Header;
  try {
    header = JSON.parse(Buffer.from(buf.buffer, buf.byteOffset + PREAMBLE, jsonEnd - PREAMBLE).toString('utf8'));
  } catch (e) {
    throw new ArtifactError(`compiled KB: unreadable header (${(e as Error).message})`);
  }
  if (header.fingerprint !== fingerprint) throw new ArtifactError(`compiled KB: stale (fingerprint ${header.fingerprint}, this build ${fingerprint})`);
  if (header.entities !== kb.size) throw new ArtifactError(`compiled KB: made for ${header.entities} entities, the KB has ${kb.size}`);
  if (!Array.isArray(header.sections) || header.sections.length !== 2 * SECTION_TYPES.length) throw new ArtifactError('compiled KB: malformed header');

  // Sections are views, which need aligned offsets: a buffer cut from a shared pool may not start aligned.
  if (buf.byteOffset % 4 !== 0) buf = new Uint8Array(buf);
  let at = align(jsonEnd);
  const sections = header.sections.map((length, i) => {
    const Type = SECTION_TYPES[i % SECTION_TYPES.length];
    const bytes = length * Type.BYTES_PER_ELEMENT;
    if (!(Number.isInteger(length) && length >= 0) || at + bytes > buf.length) {
      throw new ArtifactError(`compiled KB: truncated (${buf.length} bytes, section ${i} needs ${at + bytes})`);
    }
    const array = new Type(buf.buffer as ArrayBuffer, buf.byteOffset + at, length);
    at = align(at + bytes);
    return array;
  });
  if (at !== align(buf.length)) throw new ArtifactError(`compiled KB: ${buf.length - at} bytes past the last section`);

  const trie = decodeTrie<CompiledKb['trie'] extends Trie<infer T> ? T : never>(sections.slice(0, 5) as TrieSections, header);
  const suffixes = decodeTrie<CompiledKb['suffixes'] extends Trie<infer T> ? T : never>(sections.slice(5) as TrieSections, header);
  const entities = kb.all();
  const indexOf = new Map(entities.map((e, i) => [e.id, i]));
  return { kb, trie, entities, indexOf, orgBySuffix: new Map(header.orgBySuffix), suffixes };
}

function decodeTrie<T>([parent, unit, counts, shapeOf, fields]: TrieSections, header: Header): Trie<T> {
  const { strings } = header;
  // Index loops over plain arrays: this runs once, mostly before the optimizing compiler steps in.
  const keys = header.shapes.map((s) => s.map(([k]) => k));
  const tags = header.shapes.map((s) => s.map(([, t]) => TAGS.indexOf(t)));
  const values: Array<T[] | undefined> = [];
  let v = 0;
  let f = 0;
  for (let node = 0; node < counts.length; node++) {
    const count = counts[node];
    if (count === 0) {
      values.push(undefined);
      continue;
    }
    if (v + count > shapeOf.length) throw new ArtifactError('compiled KB: value counts exceed the values');
    const list: T[] = [];
    for (let end = v + count; v < end; v++) {
      const sk = keys[shapeOf[v]];
      const st = tags[shapeOf[v]];
      if (sk === undefined) throw new ArtifactError(`compiled KB: value ${v} has an unknown shape`);
      if (f + sk.length > fields.length) throw new ArtifactError('compiled KB: value fields run short');
      const value: Record<string, unknown> = {};
      for (let j = 0; j < sk.length; j++) {
        const tag = st[j];
        if (tag === U) value[sk[j]] = undefined;
        else {
          const x = fields[f++];
          if (tag === I) value[sk[j]] = x;
          else if (tag === B) value[sk[j]] = x !== 0;
          else if (x >= 0 && x < strings.length) value[sk[j]] = strings[x];
          else throw new ArtifactError(`compiled KB: string ${x} out of range`);
        }
      }
      list.push(value as T);
    }
    values.push(list);
  }
  if (v !== shapeOf.length || f !== fields.length) throw new ArtifactError('compiled KB: value counts disagree with the values');
  try {
    return Trie.fromArrays(parent, unit, values);
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

/** The artifact the build wrote next to the running bundle, for the built-in KB; undefined when there is none to trust. */
export function bundledCompiled(kb: KnowledgeBase): CompiledKb | undefined {
  return BUILD_FINGERPRINT ? readCompiled(path.join(__dirname, ARTIFACT_FILE), kb, BUILD_FINGERPRINT) : undefined;
}

const align = (n: number) => (n + 3) & ~3;

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
