/**
 * The CSV export read the way spreadsheets in different locales read it: Excel en splits on `,`,
 * Excel de/fr (double-click) on `;`, LibreOffice's import dialog on several separators at once, the
 * legacy Text Import Wizard on TAB by default. No field any of them sees may start with a formula
 * prefix (OWASP CSV injection: = + - @ TAB CR), spaces trimmed as some readers do.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExportedPaper } from '../../../lib/interchange/export';
import { CSV_COLUMNS, toCsv } from '../../../lib/interchange/csv/csv';

const paper = (p: Partial<ExportedPaper> & { title: string }): ExportedPaper => ({ id: 'p-x', authors: [], sources: [], ...p });

/**
 * A small RFC 4180 reader with a choice of separators, lenient the way Excel is: a `"` opens a
 * quoted field only at the start of a field (`""` inside is one quote, line breaks are kept); after
 * the closing quote, or in a field that did not start with one, characters (quotes too) are taken
 * literally up to the next separator or line break. CRLF, CR or LF ends a row.
 */
function readCsvWith(text: string, separators: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  const isSep = (c: string | undefined) => c !== undefined && separators.includes(c);
  while (i < n) {
    let cell = '';
    if (text[i] === '"') {
      i++;
      while (i < n) {
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else cell += text[i++];
      }
    }
    while (i < n && !isSep(text[i]) && text[i] !== '\r' && text[i] !== '\n') cell += text[i++];
    row.push(cell);
    if (isSep(text[i])) {
      i++;
      if (i >= n) row.push('');
      continue;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    rows.push(row);
    row = [];
  }
  if (row.length) rows.push(row);
  return rows;
}

/** The readers: Excel en; Excel de/fr; LibreOffice with Comma and Semicolon ticked; the Text Import Wizard's default. */
const READERS: [string, string][] = [
  ['comma (Excel en)', ','],
  ['semicolon (Excel de/fr)', ';'],
  ['comma and semicolon (LibreOffice, both ticked)', ',;'],
  ['tab (Text Import Wizard default)', '\t'],
];

const FORMULA = /^ *[=+\-@\t\r]/;

/** Every field, as each reader sees it, that starts with a formula prefix. */
function formulaFields(csv: string): { reader: string; field: string }[] {
  const found: { reader: string; field: string }[] = [];
  for (const [reader, seps] of READERS) {
    for (const r of readCsvWith(csv, seps)) for (const field of r) if (FORMULA.test(field)) found.push({ reader, field });
  }
  return found;
}

describe('the reader used by these tests', () => {
  it('splits the way Excel does: quotes only at a field start, line breaks end a row outside them', () => {
    expect(readCsvWith('a,"b;c",d\r\n', ',')).toEqual([['a', 'b;c', 'd']]);
    expect(readCsvWith('a,"b;c",d\r\n', ';')).toEqual([['a,"b', 'c",d']]);
    expect(readCsvWith('a,"x\ny",z\r\n', ';')).toEqual([['a,"x'], ['y",z']]);
    expect(readCsvWith('"x\ny",z\r\n', ';')).toEqual([['x\ny,z']]);
    // The unguarded cell of issue 16: a semicolon reader finds a formula in the middle of the author list.
    expect(formulaFields('p-1,"A; =1+1",2020\r\n')).toEqual([{ reader: 'semicolon (Excel de/fr)', field: ' =1+1",2020' }]);
  });
});

describe('toCsv in comma and semicolon locales', () => {
  const cases: [string, Partial<ExportedPaper> & { title: string }, string][] = [
    ['a title `x;=1+1`', { title: 'x;=1+1' }, "x;'=1+1"],
    ['a title `=1+1`', { title: '=1+1' }, "'=1+1"],
    ['a title `a,b`', { title: 'a,b' }, 'a,b'],
    ['a title with a tab', { title: 'a\tb' }, 'a\tb'],
    ['a title with a tab before a formula', { title: 'a\t=1+1' }, "a\t'=1+1"],
    ['an abstract with line breaks', { title: 'T', abstract: 'first\r\n=1+1\n-2\rsecond' }, "first\r\n'=1+1\n'-2\rsecond"],
    ['a title with quotes', { title: 'say "=1+1"; "@x"' }, 'say "=1+1"; "\'@x"'],
    [
      'an author list joined with "; "',
      { title: 'T', authors: ['Ann Lee', '=HYPERLINK("http://evil.example","x")', '-2+3', '@SUM(A1)', '+1'] },
      'Ann Lee; \'=HYPERLINK("http://evil.example","x"); \'-2+3; \'@SUM(A1); \'+1',
    ],
  ];

  for (const [what, p, shown] of cases) {
    it(`${what}: no reader sees a formula, and a comma reader gets the cell back with only \`'\` added`, () => {
      const csv = toCsv([paper({ id: 'p-1', year: 2020, venue: 'Venue; 2020', ...p })]);
      expect(formulaFields(csv)).toEqual([]);
      const rows = readCsvWith(csv, ',');
      expect(rows).toHaveLength(2);
      expect(rows[1]).toHaveLength(CSV_COLUMNS.length);
      const column = p.abstract !== undefined ? 'abstract' : p.authors ? 'authors' : 'title';
      expect(rows[1][CSV_COLUMNS.indexOf(column)]).toBe(shown);
      expect(rows[1][CSV_COLUMNS.indexOf('venue')]).toBe('Venue; 2020');
      expect(rows[1][CSV_COLUMNS.indexOf('year')]).toBe('2020');
    });
  }

  it('a semicolon reader splits an unguarded "; " author list where the guard now stands', () => {
    const csv = toCsv([paper({ id: 'p-1', title: 'T', authors: ['A', '=1+1'] })]);
    const fields = readCsvWith(csv, ';')[1];
    expect(fields.some((f) => f.startsWith(" '=1+1"))).toBe(true);
  });

  it('every cell containing `,` `;` TAB, a quote or a line break is quoted, so comma + semicolon readers keep it whole', () => {
    const csv = toCsv([paper({ id: 'p-1', title: 'a;b', venue: 'c,d', abstract: 'e\tf', tldr: 'g"h', keywords: ['i', 'j'] })]);
    expect(csv).toContain(',"a;b",');
    expect(csv).toContain(',"c,d",');
    expect(csv).toContain(',"e\tf",');
    expect(csv).toContain(',"g""h",');
    expect(csv).toContain(',"i; j",');
    for (const seps of [',', ',;', ',\t']) {
      const row = readCsvWith(csv, seps)[1];
      expect(row).toHaveLength(CSV_COLUMNS.length);
      expect(row[CSV_COLUMNS.indexOf('title')]).toBe('a;b');
      expect(row[CSV_COLUMNS.indexOf('keywords')]).toBe('i; j');
    }
  });

  it('no reader ever sees a formula field, whatever the text (property)', () => {
    const text = fc.string({ unit: fc.constantFrom(...'=+-@\t\r\n",; \'aZ'.split('')), maxLength: 16 });
    fc.assert(
      fc.property(text, text, fc.array(text, { maxLength: 4 }), text, (title, venue, authors, abstract) => {
        const csv = toCsv([paper({ id: 'p-1', title, venue, authors, abstract, year: 1999, citations: 3 })]);
        expect(formulaFields(csv)).toEqual([]);
        const row = readCsvWith(csv, ',')[1];
        expect(row).toHaveLength(CSV_COLUMNS.length);
        // Only `'` was added: the comma reader gets the text back once the guards are taken out.
        if (!title.includes("'")) expect(row[CSV_COLUMNS.indexOf('title')].replace(/'/g, '')).toBe(title);
      }),
      { numRuns: 1000 },
    );
  });
});
