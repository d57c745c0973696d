/**
 * The one place that converts between Unicode code point offsets (what the
 * sidecar, the CLI and the guidelines speak) and UTF-16 code unit offsets
 * (what JavaScript strings and VS Code speak).
 *
 * Text is the file decoded from UTF-8 with a leading BOM removed
 * (see `decodeArticle`); CRLF counts as two code points, as in the file.
 */

const BOM = 0xfeff;
// One decoder for every article (making one costs more than decoding a short article); a
// non-streaming decode starts afresh each time, also after an error.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decode an article's bytes: strict UTF-8, leading BOM dropped. Throws on invalid UTF-8. */
export function decodeArticle(bytes: Uint8Array): { text: string; hadBom: boolean } {
  const text = UTF8.decode(bytes);
  return text.charCodeAt(0) === BOM ? { text: text.slice(1), hadBom: true } : { text, hadBom: false };
}

/** Drop a leading BOM from text that was decoded elsewhere (an editor buffer). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === BOM ? text.slice(1) : text;
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * Converts offsets for one text. Building it is one pass; a text without
 * astral characters (the common case) converts in O(1) with no table.
 */
export class OffsetIndex {
  /** UTF-16 offsets of each surrogate pair's low half, ascending; empty for BMP-only text. */
  private readonly lows: number[] = [];
  readonly utf16Length: number;
  readonly codePointLength: number;

  constructor(
    readonly text: string,
    lows?: number[],
  ) {
    if (lows) this.lows = lows;
    else {
      for (let i = 0; i < text.length; i++) {
        if (isHigh(text.charCodeAt(i)) && i + 1 < text.length && isLow(text.charCodeAt(i + 1))) {
          this.lows.push(i + 1);
          i++;
        }
      }
    }
    this.utf16Length = text.length;
    this.codePointLength = text.length - this.lows.length;
  }

  /**
   * The index of `text` = this text with UTF-16 [u0, u1) replaced by `inserted`, both ends on
   * code point boundaries: the pairs before are kept and those after shifted, so an edit of a
   * long article costs its astral characters, not a pass over its text.
   */
  edited(text: string, u0: number, u1: number, inserted: string): OffsetIndex {
    const lows: number[] = [];
    let k = 0;
    for (; k < this.lows.length && this.lows[k] < u0; k++) lows.push(this.lows[k]);
    for (let i = 0; i + 1 < inserted.length; i++) {
      if (isHigh(inserted.charCodeAt(i)) && isLow(inserted.charCodeAt(i + 1))) {
        lows.push(u0 + i + 1);
        i++;
      }
    }
    const d = inserted.length - (u1 - u0);
    while (k < this.lows.length && this.lows[k] <= u1) k++;
    for (; k < this.lows.length; k++) lows.push(this.lows[k] + d);
    return new OffsetIndex(text, lows);
  }

  /** Code point offset of a UTF-16 offset (an offset inside a pair counts as after its high half). */
  toCodePoint(utf16: number): number {
    if (utf16 < 0 || utf16 > this.utf16Length) throw new RangeError(`UTF-16 offset ${utf16} outside 0..${this.utf16Length}`);
    return utf16 - countBelowOrEqual(this.lows, utf16);
  }

  /** UTF-16 offset of a code point offset. */
  toUtf16(codePoint: number): number {
    if (codePoint < 0 || codePoint > this.codePointLength) {
      throw new RangeError(`code point offset ${codePoint} outside 0..${this.codePointLength}`);
    }
    // Count the pairs that start before `codePoint` (binary search): pair k starts at code point
    // lows[k] - 1 - k, and each such pair adds one UTF-16 unit.
    let lo = 0;
    let hi = this.lows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.lows[mid] - 1 - mid < codePoint) lo = mid + 1;
      else hi = mid;
    }
    return codePoint + lo;
  }
}

function countBelowOrEqual(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Slice by code point offsets. */
export function sliceCodePoints(index: OffsetIndex, start: number, end: number): string {
  return index.text.slice(index.toUtf16(start), index.toUtf16(end));
}
