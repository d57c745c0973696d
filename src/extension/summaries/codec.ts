/**
 * A compact form of a batch of summaries for postMessage. Structured clone copies every string and
 * object of every mention (the same kind, type, status and entity ids thousands of times) and the
 * extension host then holds those copies; here each distinct string is sent once per batch, lists of
 * plain objects become one Float64Array of codes, and the decoded mentions share their strings.
 * Lossless: keys keep their order, `undefined` values their keys, an array shared by several
 * objects (an agreement's parties) stays shared; anything else is passed through as it is.
 * No vscode here.
 */

export interface EncodedBatch {
  strings: string[];
  /** Per shape: its keys and, per key, how the value is coded (see `Tag`). */
  shapes: Array<{ keys: string[]; tags: string }>;
  /** Arrays of strings (as string indexes) referenced by code: shared arrays are stored once. */
  arrays: number[][];
  /** Values no tag fits, passed to structured clone as they are. */
  other: unknown[];
  codes: Float64Array;
  /** Per item, its top-level object (lists of objects there as null, in `lists`: where in codes they start). */
  items: Array<{ top: Record<string, unknown>; lists: Array<[key: string, start: number]> }>;
}

// A value's tag: number, string, null, undefined, true, false, array of strings, other.
const TAGS = 'nszutfao';

function sameShape(shape: { keys: string[]; tags: string }, keys: string[], tags: number[]): boolean {
  if (shape.keys.length !== keys.length) return false;
  for (let k = 0; k < keys.length; k++) if (shape.keys[k] !== keys[k] || shape.tags.charCodeAt(k) !== TAGS.charCodeAt(tags[k])) return false;
  return true;
}

export function encodeBatch(items: readonly object[]): EncodedBatch {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const shapes: EncodedBatch['shapes'] = [];
  const shapeIndex = new Map<string, number>();
  const arrays: number[][] = [];
  const arrayIndex = new Map<readonly unknown[], number>();
  const other: unknown[] = [];
  let codes = new Float64Array(1024);
  let n = 0;
  const push = (x: number) => {
    if (n === codes.length) {
      const grown = new Float64Array(codes.length * 2);
      grown.set(codes);
      codes = grown;
    }
    codes[n++] = x;
  };
  const str = (s: string) => {
    // Long strings (text hashes, a long mention's text) are seldom repeated: not worth hashing.
    if (s.length > 32) return strings.push(s) - 1;
    let i = stringIndex.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      stringIndex.set(s, i);
    }
    return i;
  };
  // Per key of the object being encoded, its tag (TAGS[i]).
  const tagBuf: number[] = [];
  const shapeOf = (keys: string[], last: number): number => {
    // Most objects of a list have the shape of the one before, and a batch has few shapes.
    if (last >= 0 && sameShape(shapes[last], keys, tagBuf)) return last;
    for (let i = shapes.length - 1; i >= Math.max(0, shapes.length - 8); i--) if (sameShape(shapes[i], keys, tagBuf)) return i;
    const tags = tagBuf.slice(0, keys.length).map((t) => TAGS[t]).join('');
    const shapeKey = `${tags}\u0000${keys.join('\u0000')}`;
    let shape = shapeIndex.get(shapeKey);
    if (shape === undefined) {
      shape = shapes.length;
      shapes.push({ keys, tags });
      shapeIndex.set(shapeKey, shape);
    }
    return shape;
  };
  const encodeList = (list: readonly object[]): number => {
    const start = n;
    push(list.length);
    let shape = -1;
    for (const item of list) {
      const obj = item as Record<string, unknown>;
      const keys = Object.keys(obj);
      const at = n;
      push(0); // the shape, known once the values are
      for (let k = 0; k < keys.length; k++) {
        const v = obj[keys[k]];
        let tag: number;
        switch (typeof v) {
          case 'number':
            tag = 0;
            push(v);
            break;
          case 'string':
            tag = 1;
            push(str(v));
            break;
          case 'undefined':
            tag = 3;
            break;
          case 'boolean':
            tag = v ? 4 : 5;
            break;
          default:
            if (v === null) tag = 2;
            else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) {
              tag = 6;
              let i = arrayIndex.get(v);
              if (i === undefined) {
                i = arrays.length;
                arrays.push(v.map(str));
                arrayIndex.set(v, i);
              }
              push(i);
            } else {
              tag = 7;
              push(other.length);
              other.push(v);
            }
        }
        tagBuf[k] = tag;
      }
      shape = shapeOf(keys, shape);
      codes[at] = shape;
    }
    return start;
  };
  const encoded = items.map((item) => {
    const top: Record<string, unknown> = {};
    const lists: Array<[string, number]> = [];
    for (const [k, v] of Object.entries(item)) {
      if (isObjectList(v)) {
        top[k] = null;
        lists.push([k, encodeList(v)]);
      } else top[k] = v;
    }
    return { top, lists };
  });
  return { strings, shapes, arrays, other, codes: codes.slice(0, n), items: encoded };
}

export function decodeBatch<T>(batch: EncodedBatch): T[] {
  const { strings, shapes, other, codes } = batch;
  const arrays = batch.arrays.map((a) => a.map((i) => strings[i]));
  const decodeList = (at: number): object[] => {
    let p = at;
    const count = codes[p++];
    const list: object[] = new Array(count);
    for (let i = 0; i < count; i++) {
      const { keys, tags } = shapes[codes[p++]];
      const obj: Record<string, unknown> = {};
      for (let k = 0; k < keys.length; k++) {
        switch (tags.charCodeAt(k)) {
          case 110 /* n */:
            obj[keys[k]] = codes[p++];
            break;
          case 115 /* s */:
            obj[keys[k]] = strings[codes[p++]];
            break;
          case 97 /* a */:
            obj[keys[k]] = arrays[codes[p++]];
            break;
          case 111 /* o */:
            obj[keys[k]] = other[codes[p++]];
            break;
          case 122 /* z */:
            obj[keys[k]] = null;
            break;
          case 117 /* u */:
            obj[keys[k]] = undefined;
            break;
          case 116 /* t */:
            obj[keys[k]] = true;
            break;
          default:
            obj[keys[k]] = false;
        }
      }
      list[i] = obj;
    }
    return list;
  };
  return batch.items.map(({ top, lists }) => {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(top)) {
      const list = lists.find(([key]) => key === k);
      out[k] = list ? decodeList(list[1]) : top[k];
    }
    return out as T;
  });
}

/** A non-empty array of plain objects (not arrays, not class instances). */
function isObjectList(v: unknown): v is readonly object[] {
  return Array.isArray(v) && v.length > 0 && v.every((x) => x !== null && typeof x === 'object' && Object.getPrototypeOf(x) === Object.prototype);
}
