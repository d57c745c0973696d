/**
 * A character trie over normalized forms. The root is a flat table indexed by
 * UTF-16 unit (the hot path: most text positions stop there); deeper edges
 * live in one open-addressing hash table of typed arrays (node, unit) → child,
 * which avoids a map object per node. Walking from every position finds all
 * forms starting there, so a scan costs O(text length × longest form).
 */
export class Trie<T> {
  private readonly root = new Int32Array(0x10000);
  private nodes = 1;
  private values: Array<T[] | undefined> = [undefined];
  /** Whether a node has any child (lets a walk stop without probing). */
  private hasChild: Uint8Array;
  private capacity: number;
  private keyNode: Int32Array;
  private keyUnit: Uint16Array;
  private child: Int32Array;
  private edges = 0;

  /** `capacity`: hash slots (a power of two); a trie filled by add() grows them as needed. */
  constructor(capacity = 1 << 19, nodes = 1 << 17) {
    this.capacity = capacity;
    this.keyNode = new Int32Array(capacity).fill(-1);
    this.keyUnit = new Uint16Array(capacity);
    this.child = new Int32Array(capacity);
    this.hasChild = new Uint8Array(nodes);
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
    for (let h = 0, k = 0; h < this.capacity; h++) {
      if (this.keyNode[h] === -1) continue;
      slot[k] = h;
      node[k] = this.keyNode[h];
      unit[k] = this.keyUnit[h];
      child[k++] = this.child[h];
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
    if (!(capacity >= 1 && (capacity & (capacity - 1)) === 0 && edges * 4 <= capacity)) throw new RangeError(`trie table of ${capacity} slots for ${edges} edges`);
    if (node.length !== edges || unit.length !== edges || child.length !== edges || a.rootChild.length !== a.rootUnit.length) {
      throw new RangeError('trie arrays differ in length');
    }
    const trie = new Trie<T>(capacity, nodes);
    for (let i = 0; i < a.rootUnit.length; i++) {
      const k = a.rootChild[i];
      if (!(k > 0 && k < nodes)) throw new RangeError(`trie root edge to node ${k}`);
      trie.root[a.rootUnit[i]] = k;
    }
    const { keyNode, keyUnit, child: childAt, hasChild } = trie;
    let last = -1;
    for (let i = 0; i < edges; i++) {
      const h = slot[i];
      const p = node[i];
      const k = child[i];
      if (!(h > last && h < capacity && p > 0 && k > p && k < nodes)) throw new RangeError(`trie edge ${p} → ${k} in slot ${h}`);
      keyNode[h] = p;
      keyUnit[h] = unit[i];
      childAt[h] = k;
      hasChild[p] = 1;
      last = h;
    }
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
        if (node === 0) this.root[c] = next;
        else this.put(node, c, next);
      }
      node = next;
    }
    (this.values[node] ??= []).push(value);
  }

  /** Calls `hit(end, values)` for every form that starts at `start` in `text`, shortest first. */
  walk(text: string, start: number, hit: (end: number, values: readonly T[]) => void): void {
    let node = this.root[text.charCodeAt(start)];
    let i = start + 1;
    const n = text.length;
    while (node !== 0) {
      const v = this.values[node];
      if (v !== undefined) hit(i, v);
      if (i >= n || this.hasChild[node] === 0) return;
      node = this.get(node, text.charCodeAt(i));
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
    for (let h = this.slot(node, c) & mask; ; h = (h + 1) & mask) {
      const k = this.keyNode[h];
      if (k === -1) return 0;
      if (k === node && this.keyUnit[h] === c) return this.child[h];
    }
  }

  private put(node: number, c: number, child: number): void {
    if ((this.edges + 1) * 4 > this.capacity) this.grow(); // a sparse table: most probes end at the first slot
    const mask = this.capacity - 1;
    let h = this.slot(node, c) & mask;
    while (this.keyNode[h] !== -1) h = (h + 1) & mask;
    this.keyNode[h] = node;
    this.keyUnit[h] = c;
    this.child[h] = child;
    this.edges++;
    if (node >= this.hasChild.length) {
      const bigger = new Uint8Array(Math.max(node + 1, this.hasChild.length * 2));
      bigger.set(this.hasChild);
      this.hasChild = bigger;
    }
    this.hasChild[node] = 1;
  }

  private grow(): void {
    const { keyNode, keyUnit, child } = this;
    this.capacity *= 2;
    this.keyNode = new Int32Array(this.capacity).fill(-1);
    this.keyUnit = new Uint16Array(this.capacity);
    this.child = new Int32Array(this.capacity);
    this.edges = 0;
    for (let h = 0; h < keyNode.length; h++) if (keyNode[h] !== -1) this.put(keyNode[h], keyUnit[h], child[h]);
  }
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
