/**
 * An article's language, for filtering a corpus: the front matter's `lang:`
 * or `language:` when it has one, else guessed from the script of its
 * letters — Hangul → ko, kana → ja, Han without kana → zh, Latin → en.
 * The three languages of the genre are told apart by script alone; a
 * finer guess (en vs fr) is beyond what the filter needs.
 */
import { frontMatter } from './dates';

export type ArticleLanguage = string;

/** Letters read for the guess: the start of a long article says as much as the whole. */
const SAMPLE = 20000;

export function articleLanguage(text: string): ArticleLanguage {
  const fm = frontMatter(text);
  const declared = fm && /^(?:lang|language)\s*:\s*["']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?/im.exec(fm.body)?.[1];
  if (declared) return declared.toLowerCase();
  const body = fm ? text.slice(fm.end, fm.end + SAMPLE) : text.slice(0, SAMPLE);
  let hangul = 0;
  let kana = 0;
  let han = 0;
  let latin = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c < 0x80) {
      if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) latin++;
    } else if ((c >= 0xac00 && c <= 0xd7a3) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f)) hangul++;
    else if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0xff66 && c <= 0xff9d)) kana++;
    else if (c >= 0x4e00 && c <= 0x9fff) han++;
    else if ((c >= 0xc0 && c <= 0x24f) || (c >= 0xff21 && c <= 0xff5a)) latin++;
  }
  // A CJK article quotes English names and site menus; a few CJK letters are enough to outweigh them.
  const cjk = hangul + kana + han;
  if (cjk * 4 >= latin && cjk > 0) {
    if (hangul >= kana + han / 4 && hangul > 0) return 'ko';
    if (kana > 0) return 'ja';
    return 'zh';
  }
  return latin > 0 ? 'en' : 'und';
}
