/**
 * Dates and month names as scholarly pages print them, in the languages the adapters meet:
 * English, German, French, Spanish, Portuguese, Italian and Dutch month names (full, abbreviated,
 * with or without a dot, accents optional), numeric `2018-05-06` / `2018/05/06`, and the CJK
 * `2018年5月6日` / Korean `2018년 5월 6일` forms. Everything returns ISO (`YYYY-MM-DD`, `YYYY-MM`)
 * and never guesses a day/month order it cannot tell (`05/06/2018` gives no date). Pure.
 */
import { clean, parseYear } from './dom';

/** Full month names, January first, per language. Abbreviations are their prefixes ("Sept", "févr."). */
const MONTH_NAMES: Record<string, readonly string[]> = {
  en: ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
  de: ['januar', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  pt: ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
  it: ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
};

/** Abbreviations that are not prefixes of the full name (German "Mrz", Dutch "mrt"). */
const EXTRA_ABBREVIATIONS: Record<string, number> = { mrz: 3, mrt: 3 };

/** Lower-case, accents off, trailing dot off: "Févr." → "fevr". */
function fold(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\.$/, '');
}

/** Every folded full name with its month number. */
const FOLDED: readonly [string, number][] = Object.values(MONTH_NAMES).flatMap((names) =>
  names.map((n, i) => [fold(n), i + 1] as [string, number]),
);

/**
 * The month (1–12) a word names: a full name or an abbreviation of at least three letters in any
 * language above ("Sep", "Sept", "Mär", "févr.", "dic"). Undefined for other words and for
 * abbreviations two months share (French "jui" is juin or juillet).
 */
export function monthNumber(word: string | null | undefined): number | undefined {
  const w = fold(clean(word));
  if (w.length < 3) return undefined;
  if (EXTRA_ABBREVIATIONS[w]) return EXTRA_ABBREVIATIONS[w];
  const months = new Set(FOLDED.filter(([name]) => name.startsWith(w)).map(([, m]) => m));
  return months.size === 1 ? [...months][0] : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO date of year/month/day (`YYYY-MM-DD`, or `YYYY-MM` without a day); undefined when out of range. */
export function isoDate(year: number, month: number, day?: number): string | undefined {
  if (parseYear(String(year)) !== year || !(month >= 1 && month <= 12)) return undefined;
  if (day === undefined) return `${year}-${pad(month)}`;
  return day >= 1 && day <= 31 ? `${year}-${pad(month)}-${pad(day)}` : undefined;
}

/** The date shapes `findDate` knows, tried in the order the caller lists them. */
export type DateForm =
  /** `2018-05-06`, `2018/05/06`, `2018-05` (also inside `2018-05-06T00:00:00Z`). */
  | 'ymd'
  /** `2018年5月6日`, `2018年5月`, `2018년 5월 6일`. */
  | 'cjk'
  /** `6 May 2018`, `6 May, 2018`, `6. Mai 2018`, `6 de mayo de 2018`. */
  | 'dmy'
  /** `May 6, 2018`, `May 6th 2018`. */
  | 'mdy'
  /** `May 2018`, `May, 2018`, `mayo de 2018`. */
  | 'my'
  /** A bare plausible year anywhere (`Published 2014`). */
  | 'year';

/** Every form, most specific first. */
export const ALL_DATE_FORMS: readonly DateForm[] = ['ymd', 'cjk', 'dmy', 'mdy', 'my', 'year'];

/** A month word: letters only, not glued to a preceding letter. */
const WORD = '(?<!\\p{L})(\\p{L}{3,12})\\.?';
const YEAR = '(\\d{4})(?!\\d)';
const DAY = '(?<!\\d)(\\d{1,2})';

const PATTERNS: Record<Exclude<DateForm, 'year'>, RegExp> = {
  ymd: /(?<!\d)(\d{4})([-/])(\d{1,2})(?:\2(\d{1,2}))?(?!\d)/g,
  cjk: /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월](?:\s*(\d{1,2})\s*[日일])?/g,
  dmy: new RegExp(`${DAY}(?:\\.|er)?\\s+(?:de\\s+)?${WORD},?\\s+(?:de\\s+)?${YEAR}`, 'gu'),
  mdy: new RegExp(`${WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+${YEAR}`, 'gu'),
  my: new RegExp(`${WORD},?\\s+(?:de\\s+)?${YEAR}`, 'gu'),
};

/** year/month/day of one match of a form, or undefined when the match is not a real date. */
function read(form: Exclude<DateForm, 'year'>, m: RegExpExecArray): { year: number; date: string } | undefined {
  let y: number, mo: number | undefined, d: number | undefined;
  if (form === 'ymd') [y, mo, d] = [+m[1], +m[3], m[4] ? +m[4] : undefined];
  else if (form === 'cjk') [y, mo, d] = [+m[1], +m[2], m[3] ? +m[3] : undefined];
  else if (form === 'dmy') [y, mo, d] = [+m[3], monthNumber(m[2]), +m[1]];
  else if (form === 'mdy') [y, mo, d] = [+m[3], monthNumber(m[1]), +m[2]];
  else [y, mo] = [+m[2], monthNumber(m[1])];
  const date = mo === undefined ? undefined : isoDate(y, mo, d);
  return date ? { year: y, date } : undefined;
}

/**
 * The first date in `s` of the first form (in `forms` order) that has one: `{ year, date }`, or
 * `{ year }` alone for the `year` form. Undefined when none of the forms finds anything.
 */
export function findDate(
  s: string | null | undefined,
  forms: readonly DateForm[] = ALL_DATE_FORMS,
): { year: number; date?: string } | undefined {
  const t = clean(s);
  if (!t) return undefined;
  for (const form of forms) {
    if (form === 'year') {
      const year = parseYear(t);
      if (year) return { year };
      continue;
    }
    const re = PATTERNS[form];
    re.lastIndex = 0;
    for (let m = re.exec(t); m; m = re.exec(t)) {
      const got = read(form, m);
      if (got) return got;
    }
  }
  return undefined;
}

/**
 * A publication date as pages print it, in any form above → `{ year, date }` (no `date` for a
 * bare year); `{}` when there is none. "6 May 2018" → 2018-05-06, "Juni 2018" → 2018-06,
 * "2018年5月" → 2018-05, "Published 2014" → { year: 2014 }.
 */
export function parseDate(s: string | null | undefined): { year?: number; date?: string } {
  return findDate(s) ?? {};
}
