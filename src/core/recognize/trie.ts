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
  private readonly values: Array<T[] | undefined> = [undefined];
  /** Whether a node has any child (lets a walk stop without probing). */
  private hasChild = new Uint8Array(1 << 17);
  private capacity = 1 << 19;
  private keyNode = new Int32Array(this.capacity).fill(-1);
  private keyUnit = new Uint16Array(this.capacity);
  private child = new Int32Array(this.capacity);
  private edges = 0;

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
