/**
 * Dates as listing pages display them on cards and meta lines ("Apr 1, 2022", "1 Apr 2022",
 * "2022-04-01"), found anywhere in a string, even glued to a category code ("CVApr 1, 2022"),
 * with where the match is, so the text around it (categories, a "Code" badge) can be read.
 * Month words and ISO building come from kit/dates; its `findDate` will not do here, since it
 * wants a month word not glued to letters before it.
 */
import { isoDate, monthNumber } from '../kit/dates';

// No leading \b: the meta line prints the category glued to the month ("CVApr 1, 2022").
const MONTH =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DATE_MDY = new RegExp(`${MONTH}\\s+(\\d{1,2}),?\\s+((?:19|20)\\d\\d)(?!\\d)`);
const DATE_DMY = new RegExp(`(?<!\\d)(\\d{1,2})\\s+${MONTH},?\\s+((?:19|20)\\d\\d)(?!\\d)`);
const DATE_ISO = /(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)/;

/** A displayed date ("Apr 1, 2022", "1 Apr 2022", "2022-04-01") as ISO + year, with its match. */
export function parseDisplayDate(s: string): { date: string; year: number; index: number; length: number } | undefined {
  const found = (m: RegExpExecArray, y: number, mo: number | undefined, d: number) => {
    const date = mo === undefined ? undefined : isoDate(y, mo, d);
    return date ? { date, year: y, index: m.index, length: m[0].length } : undefined;
  };
  let m = DATE_MDY.exec(s);
  const mdy = m && found(m, +m[3], monthNumber(m[1]), +m[2]);
  if (mdy) return mdy;
  m = DATE_DMY.exec(s);
  const dmy = m && found(m, +m[3], monthNumber(m[2]), +m[1]);
  if (dmy) return dmy;
  m = DATE_ISO.exec(s);
  return (m && found(m, +m[1], +m[2], +m[3])) || undefined;
}
