/**
 * A character trie over normalized forms. The root is a flat table indexed by
 * UTF-16 unit (the hot path: most text positions stop there); deeper nodes
 * use maps. Walking from every position finds all forms starting there, so a
 * scan costs O(text length × longest form), linear in the text.
 */
export class Trie<T> {
  private readonly root = new Int32Array(0x10000);
  private readonly children: Array<Map<number, number> | undefined> = [undefined];
  private readonly values: Array<T[] | undefined> = [undefined];

  add(form: string, value: T): void {
    if (!form) return;
    let node = 0;
    for (let i = 0; i < form.length; i++) {
      const c = form.charCodeAt(i);
      let next: number | undefined;
      if (node === 0) next = this.root[c] || undefined;
      else next = this.children[node]?.get(c);
      if (next === undefined) {
        next = this.children.length;
        this.children.push(undefined);
        this.values.push(undefined);
        if (node === 0) this.root[c] = next;
        else (this.children[node] ??= new Map()).set(c, next);
      }
      node = next;
    }
    (this.values[node] ??= []).push(value);
  }

  /** Calls `hit(end, values)` for every form that starts at `start` in `text`, shortest first. */
  walk(text: string, start: number, hit: (end: number, values: readonly T[]) => void): void {
    let node = this.root[text.charCodeAt(start)];
    let i = start + 1;
    while (node !== 0) {
      const v = this.values[node];
      if (v) hit(i, v);
      if (i >= text.length) return;
      const m = this.children[node];
      if (!m) return;
      node = m.get(text.charCodeAt(i)) ?? 0;
      i++;
    }
  }

  /** Whether any form starts with this unit (lets a scan skip positions cheaply). */
  starts(c: number): boolean {
    return this.root[c] !== 0;
  }

  get nodeCount(): number {
    return this.children.length;
  }
}
