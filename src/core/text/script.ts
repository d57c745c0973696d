/** Character classes the recognizer's boundary rules need (UTF-16 code units). */

export const isKatakana = (c: number): boolean => (c >= 0x30a1 && c <= 0x30fa) || c === 0x30fc || c === 0x30fd || c === 0x30fe;
export const isHiragana = (c: number): boolean => c >= 0x3041 && c <= 0x309f;
export const isKanji = (c: number): boolean =>
  (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3005;
export const isHangul = (c: number): boolean =>
  (c >= 0xac00 && c <= 0xd7a3) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f);
export const isLatinLetter = (c: number): boolean =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
export const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
export const isLatinWordChar = (c: number): boolean => isLatinLetter(c) || isDigit(c);
/** The normalized middle dot (all variants fold to U+30FB). */
export const MIDDLE_DOT = 0x30fb;
export const LONG_VOWEL = 0x30fc;
export const isCjkWordChar = (c: number): boolean => isKanji(c) || isKatakana(c) || isHiragana(c) || isHangul(c);
