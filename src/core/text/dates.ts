/**
 * An article's date: the front matter's `date:` when it has one, else the
 * first date written in the text (2025年9月8日, 2025-05-11, 2025. 5. 10.,
 * 2025년 5월 10일, May 10, 2025, 10 May 2025). A date without a year
 * (5월 10일, 9月8日, May 10) takes the year of the first full date or year
 * written elsewhere in the article; with none, it is no date. Returns ISO
 * `YYYY-MM-DD`, or null. Only real calendar dates count (no 2月30日).
 */

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};
const MONTH_NAME = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const YEAR = '((?:19|20)\\d\\d)';

interface Found {
  index: number;
  year: number | null;
  month: number;
  day: number;
}

type Reader = (m: RegExpExecArray) => Omit<Found, 'index'>;

// Patterns with a year come first so that, at the same position, "2025年9月8日" wins over "9月8日".
const PATTERNS: Array<[RegExp, Reader]> = [
  [new RegExp(`${YEAR}\\s*[年년]\\s*(\\d{1,2})\\s*[月월]\\s*(\\d{1,2})\\s*[日일]`, 'g'), (m) => ymd(m[1], m[2], m[3])],
  // 2025-05-11, 2025/5/11, 2025.5.11, 2025. 5. 10. (Korean papers); not inside a longer number.
  [new RegExp(`(?<![\\d.])${YEAR}(?:-(\\d\\d)-(\\d\\d)|/(\\d{1,2})/(\\d{1,2})|\\.\\s?(\\d{1,2})\\.\\s?(\\d{1,2}))(?!\\d)`, 'g'), (m) => ymd(m[1], m[2] ?? m[4] ?? m[6], m[3] ?? m[5] ?? m[7])],
  [new RegExp(`\\b${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,\\s*|\\s+)${YEAR}\\b`, 'gi'), (m) => ({ year: +m[3], month: MONTHS[m[1].toLowerCase()], day: +m[2] })],
  [new RegExp(`\\b(\\d{1,2})\\s+${MONTH_NAME}\\s+${YEAR}\\b`, 'gi'), (m) => ({ year: +m[3], month: MONTHS[m[2].toLowerCase()], day: +m[1] })],
  // Without a year.
  [/(?<!\d)(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/g, (m) => ({ year: null, month: +m[1], day: +m[2] })],
  [new RegExp(`\\b${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*[:\\d])`, 'gi'), (m) => ({ year: null, month: MONTHS[m[1].toLowerCase()], day: +m[2] })],
];

function ymd(y: string, m: string, d: string): Omit<Found, 'index'> {
  return { year: +y, month: +m, day: +d };
}

/** The article's date, ISO `YYYY-MM-DD`, or null when it names none. */
export function articleDate(text: string): string | null {
  const fm = frontMatter(text);
  if (fm) {
    const value = /^date\s*:\s*["']?([^"'\n]+)/im.exec(fm.body)?.[1];
    const d = value ? firstDate(value.normalize('NFKC'), null) : null;
    if (d) return d;
  }
  const body = (fm ? text.slice(fm.end) : text).normalize('NFKC');
  return firstDate(body, yearOf(body));
}

/** The first date of `text`; one without a year takes `fallbackYear`. */
function firstDate(text: string, fallbackYear: number | null): string | null {
  let best: Found | null = null;
  for (const [re, read] of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (best && m.index >= best.index) break;
      const f = read(m);
      const year = f.year ?? fallbackYear;
      if (year !== null && valid(year, f.month, f.day)) {
        best = { index: m.index, year, month: f.month, day: f.day };
        break;
      }
    }
  }
  return best && iso(best.year!, best.month, best.day);
}

/** The year of the article's first full date, else of the first year written (2025年, 2025년, 2025). */
function yearOf(text: string): number | null {
  let first: { index: number; year: number } | null = null;
  for (const [re, read] of PATTERNS.slice(0, 4)) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const f = read(m);
      if (f.year !== null && valid(f.year, f.month, f.day)) {
        if (!first || m.index < first.index) first = { index: m.index, year: f.year };
        break;
      }
    }
  }
  if (first) return first.year;
  const bare = /(?<!\d)((?:19|20)\d\d)(?:\s*[年년]|(?!\d))/.exec(text);
  return bare ? +bare[1] : null;
}

function valid(y: number, m: number, d: number): boolean {
  if (!(m >= 1 && m <= 12 && d >= 1)) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** YAML front matter at the very start (after an optional BOM): its body and where the article text begins. */
export function frontMatter(text: string): { body: string; end: number } | null {
  const m = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  return m ? { body: m[1], end: m[0].length } : null;
}
