/** An article text seen in code points, with the quote helpers anchoring needs. */
import { OffsetIndex } from '../text/offsets';
import { CONTEXT_LENGTH } from './schema';

/** What an annotation remembers of its text: the span and the context on each side. */
export interface Quote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** One version of a text; build a new one after every edit. */
export class TextView {
  readonly index: OffsetIndex;

  constructor(
    readonly text: string,
    index?: OffsetIndex,
  ) {
    this.index = index ?? new OffsetIndex(text);
  }

  /** Length in code points. */
  get length(): number {
    return this.index.codePointLength;
  }

  slice(start: number, end: number): string {
    return this.text.slice(this.index.toUtf16(start), this.index.toUtf16(end));
  }

  quote(start: number, end: number): Quote {
    return {
      exact: this.slice(start, end),
      prefix: this.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: this.slice(end, Math.min(this.length, end + CONTEXT_LENGTH)),
    };
  }

  /** Whether [start, end) is inside the text and reads `exact`. */
  reads(start: number, end: number, exact: string): boolean {
    return start >= 0 && end <= this.length && start < end && this.slice(start, end) === exact;
  }

  /**
   * Code point starts of every occurrence of `exact` whose start lies in [from, to]. A UTF-16 match
   * that cuts a surrogate pair (a lone surrogate in `exact` against half of an emoji) is no occurrence.
   */
  occurrences(exact: string, from = 0, to = this.length): number[] {
    const found: number[] = [];
    const u0 = this.index.toUtf16(Math.max(0, from));
    const u1 = this.index.toUtf16(Math.min(this.length, Math.max(0, to)));
    const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
    const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
    for (let u = this.text.indexOf(exact, u0); u >= 0 && u <= u1; u = this.text.indexOf(exact, u + 1)) {
      const e = u + exact.length;
      if (u > 0 && isHigh(this.text.charCodeAt(u - 1)) && isLow(this.text.charCodeAt(u))) continue;
      if (e < this.text.length && isHigh(this.text.charCodeAt(e - 1)) && isLow(this.text.charCodeAt(e))) continue;
      found.push(this.index.toCodePoint(u));
    }
    return found;
  }

  /** How many code points before `start` agree with the end of `prefix`, plus after `end` with the start of `suffix`. */
  contextAgreement(start: number, end: number, prefix: number[], suffix: number[]): { before: number; after: number } {
    // Walks the text from the span outwards (a context is 32 code points): no code point array of the whole text.
    const text = this.text;
    let before = 0;
    for (let u = this.index.toUtf16(Math.max(0, Math.min(start, this.length))); before < prefix.length && u > 0 && start - before > 0 && start <= this.length; before++) {
      const low = text.charCodeAt(u - 1);
      const pair = u > 1 && low >= 0xdc00 && low <= 0xdfff && text.charCodeAt(u - 2) >= 0xd800 && text.charCodeAt(u - 2) <= 0xdbff;
      u -= pair ? 2 : 1;
      if (text.codePointAt(u) !== prefix[prefix.length - before - 1]) break;
    }
    let after = 0;
    for (let u = this.index.toUtf16(Math.max(0, Math.min(end, this.length))); after < suffix.length && u < text.length; after++) {
      const c = text.codePointAt(u)!;
      if (c !== suffix[after]) break;
      u += c > 0xffff ? 2 : 1;
    }
    return { before, after };
  }
}

export function toCodePoints(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0)!);
  return out;
}

export function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
