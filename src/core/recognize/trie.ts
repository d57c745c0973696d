/**
 * A character trie over normalized forms. The root is a flat table indexed by
 * UTF-16 unit (the hot path: most text positions stop there); deeper edges
 * live in one open-addressing hash table (node, unit) → child, which avoids a
 * map object per node. Probes of that table were the scan's main cost, and most
 * found nothing (the text's next unit continues no form), so each node keeps a
 * 32-bit mask of the units its children start with (one bit per unit hash): a
 * unit whose bit is clear ends the walk without probing. A slot's three numbers
 * sit side by side, so a probe touches one cache line. Walking from every
 * position finds all forms starting there, so a scan costs O(text length ×
 * longest form).
 */
export class Trie<T> {
  private readonly root = new Int32Array(0x10000);
  private nodes = 1;
  private values: Array<T[] | undefined> = [undefined];
  /** Per node: whether values[node] is set; and the bits (unitBit) of the units its children start with. */
  private flags: Uint8Array;
  private masks: Uint32Array;
  private capacity: number;
  /** Per slot h: [3h] the parent node (-1: empty), [3h + 1] the unit, [3h + 2] the child. */
  private table: Int32Array;
  private edges = 0;

  /** `capacity`: hash slots (a power of two); a trie filled by add() grows them (and `nodes`) as needed. */
  constructor(capacity = 1 << 10, nodes = 1 << 10) {
    this.capacity = capacity;
    this.table = emptyTable(capacity);
    this.flags = new Uint8Array(nodes);
    this.masks = new Uint32Array(nodes);
  }

  /**
   * The trie as plain arrays, its hash table as the occupied slots in slot order, so that
   * fromArrays rebuilds the very same table writing it front to back (cheap on caches).
   */
  exportArrays(): TrieArrays<T> {
    const rootUnit: number[] = [];
    const rootChild: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (this.root[c] !== 0) {
        rootUnit.push(c);
        rootChild.push(this.root[c]);
      }
    }
    const slot = new Int32Array(this.edges);
    const node = new Int32Array(this.edges);
    const unit = new Uint16Array(this.edges);
    const child = new Int32Array(this.edges);
    const t = this.table;
    for (let h = 0, k = 0; h < this.capacity; h++) {
      if (t[3 * h] === -1) continue;
      slot[k] = h;
      node[k] = t[3 * h];
      unit[k] = t[3 * h + 1];
      child[k++] = t[3 * h + 2];
    }
    const values = this.values.slice(0, this.nodes);
    return { capacity: this.capacity, rootUnit: Uint16Array.from(rootUnit), rootChild: Int32Array.from(rootChild), slot, node, unit, child, values };
  }

  /**
   * The inverse of exportArrays (takes ownership of `values`). Throws RangeError on arrays
   * that are not a trie table: an edge must lead to a later node (so walks end) and leave
   * an empty slot (so probes end).
   */
  static fromArrays<T>(a: TrieArrays<T>): Trie<T> {
    const nodes = a.values.length;
    const edges = a.slot.length;
    const { capacity, slot, node, unit, child } = a;
    if (!(capacity >= 1 && (capacity & (capacity - 1)) === 0 && edges * 2 <= capacity)) throw new RangeError(`trie table of ${capacity} slots for ${edges} edges`);
    if (node.length !== edges || unit.length !== edges || child.length !== edges || a.rootChild.length !== a.rootUnit.length) {
      throw new RangeError('trie arrays differ in length');
    }
    const trie = new Trie<T>(capacity, nodes);
    for (let i = 0; i < a.rootUnit.length; i++) {
      const k = a.rootChild[i];
      if (!(k > 0 && k < nodes)) throw new RangeError(`trie root edge to node ${k}`);
      trie.root[a.rootUnit[i]] = k;
    }
    const { table, flags, masks } = trie;
    let last = -1;
    for (let i = 0; i < edges; i++) {
      const h = slot[i];
      const p = node[i];
      const k = child[i];
      if (!(h > last && h < capacity && p > 0 && k > p && k < nodes)) throw new RangeError(`trie edge ${p} → ${k} in slot ${h}`);
      table[3 * h] = p;
      table[3 * h + 1] = unit[i];
      table[3 * h + 2] = k;
      masks[p] |= unitBit(unit[i]);
      last = h;
    }
    for (let k = 0; k < nodes; k++) if (a.values[k] !== undefined) flags[k] |= HAS_VALUE;
    trie.edges = edges;
    trie.nodes = nodes;
    trie.values = a.values;
    return trie;
  }

  add(form: string, value: T): void {
    if (!form) return;
    let node = 0;
    for (let i = 0; i < form.length; i++) {
      const c = form.charCodeAt(i);
      let next = node === 0 ? this.root[c] : this.get(node, c);
      if (next === 0) {
        next = this.nodes++;
        this.values.push(undefined);
        this.growNodes(next);
        if (node === 0) this.root[c] = next;
        else this.put(node, c, next);
      }
      node = next;
    }
    (this.values[node] ??= []).push(value);
    this.flags[node] |= HAS_VALUE;
  }

  /** Calls `hit(end, values)` for every form that starts at `start` in `text`, shortest first. */
  walk(text: string, start: number, hit: (end: number, values: readonly T[]) => void): void {
    let node = this.root[text.charCodeAt(start)];
    let i = start + 1;
    const n = text.length;
    const { flags, masks } = this;
    while (node !== 0) {
      if (flags[node] & HAS_VALUE) hit(i, this.values[node]!);
      if (i >= n) return;
      const c = text.charCodeAt(i);
      if ((masks[node] & unitBit(c)) === 0) return;
      node = this.get(node, c);
      i++;
    }
  }

  /** Whether any form starts with this unit (lets a scan skip positions cheaply). */
  starts(c: number): boolean {
    return this.root[c] !== 0;
  }

  get nodeCount(): number {
    return this.nodes;
  }

  private slot(node: number, c: number): number {
    return (Math.imul(node, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) >>> 0;
  }

  private get(node: number, c: number): number {
    const mask = this.capacity - 1;
    const t = this.table;
    for (let h = this.slot(node, c) & mask; ; h = (h + 1) & mask) {
      const k = t[3 * h];
      if (k === -1) return 0;
      if (k === node && t[3 * h + 1] === c) return t[3 * h + 2];
    }
  }

  private put(node: number, c: number, child: number): void {
    // At most half full: with the masks most probes are of edges that exist, and end at their first slot.
    if ((this.edges + 1) * 2 > this.capacity) this.grow();
    const mask = this.capacity - 1;
    const t = this.table;
    let h = this.slot(node, c) & mask;
    while (t[3 * h] !== -1) h = (h + 1) & mask;
    t[3 * h] = node;
    t[3 * h + 1] = c;
    t[3 * h + 2] = child;
    this.edges++;
    this.growNodes(node);
    this.masks[node] |= unitBit(c);
  }

  /** Room in the per-node arrays for `node`. */
  private growNodes(node: number): void {
    if (node < this.flags.length) return;
    const size = Math.max(node + 1, this.flags.length * 2);
    const flags = new Uint8Array(size);
    flags.set(this.flags);
    this.flags = flags;
    const masks = new Uint32Array(size);
    masks.set(this.masks);
    this.masks = masks;
  }

  private grow(): void {
    const old = this.table;
    this.capacity *= 2;
    this.table = emptyTable(this.capacity);
    this.edges = 0;
    for (let h = 0; 3 * h < old.length; h++) if (old[3 * h] !== -1) this.put(old[3 * h], old[3 * h + 1], old[3 * h + 2]);
  }
}

const HAS_VALUE = 1;

/** A unit's bit in a node's child mask (its low bits mixed with the next five). */
function unitBit(c: number): number {
  return 1 << ((c ^ (c >>> 5)) & 31);
}

/** A hash table of `capacity` empty slots (see Trie.table). */
function emptyTable(capacity: number): Int32Array {
  const t = new Int32Array(3 * capacity);
  for (let h = 0; h < capacity; h++) t[3 * h] = -1;
  return t;
}

/** A trie's state as arrays (see exportArrays). */
export interface TrieArrays<T> {
  /** Hash table slots, a power of two. */
  capacity: number;
  /** Edges from the root: unit → child. */
  rootUnit: Uint16Array;
  rootChild: Int32Array;
  /** The other edges, in slot order: (node, unit) → child, stored in `slot`. */
  slot: Int32Array;
  node: Int32Array;
  unit: Uint16Array;
  child: Int32Array;
  /** Per node (index 0 is the root). */
  values: Array<T[] | undefined>;
}
