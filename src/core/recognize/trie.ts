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
   * The trie as plain arrays: node k ≥ 1 hangs under `parent[k]` by unit `unit[k]`
   * (a node is always created after its parent, so parent[k] < k), with `values[k]`.
   */
  exportArrays(): { parent: Int32Array; unit: Uint16Array; values: ReadonlyArray<readonly T[] | undefined> } {
    const parent = new Int32Array(this.nodes);
    const unit = new Uint16Array(this.nodes);
    parent[0] = -1;
    for (let c = 0; c < 0x10000; c++) {
      const k = this.root[c];
      if (k !== 0) unit[k] = c;
    }
    for (let h = 0; h < this.capacity; h++) {
      const k = this.keyNode[h];
      if (k === -1) continue;
      parent[this.child[h]] = k;
      unit[this.child[h]] = this.keyUnit[h];
    }
    return { parent, unit, values: this.values };
  }

  /**
   * The inverse of exportArrays (takes ownership of `values`), with its hash table sized to
   * the edges, as sparse as add() keeps it. Throws RangeError on arrays that are not a tree.
   */
  static fromArrays<T>(parent: Int32Array, unit: Uint16Array, values: Array<T[] | undefined>): Trie<T> {
    const n = parent.length;
    if (n < 1 || unit.length !== n || values.length !== n) throw new RangeError('trie arrays differ in length');
    let capacity = 1 << 10;
    while ((n - 1) * 4 > capacity) capacity *= 2;
    const trie = new Trie<T>(capacity, n);
    for (let k = 1; k < n; k++) {
      const p = parent[k];
      if (!(p >= 0 && p < k)) throw new RangeError(`trie node ${k} has parent ${p}`);
      if (p === 0) trie.root[unit[k]] = k;
      else trie.put(p, unit[k], k);
    }
    trie.nodes = n;
    trie.values = values;
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
