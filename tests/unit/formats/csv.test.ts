import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExportedPaper } from '../../../lib/interchange/export';
import { CSV_COLUMNS, csvCell, toCsv } from '../../../lib/interchange/csv/csv';

const paper = (p: Partial<ExportedPaper> & { title: string }): ExportedPaper => ({ id: 'p-x', authors: [], sources: [], ...p });
const HEADER =
  'id,title,authors,year,venue,citations,doi,arxiv,openreview,url,pdfUrl,codeUrl,categories,keywords,abstract,tldr,sources,starred,status,tags,note\r\n';

/** A strict RFC 4180 reader, to check that what toCsv writes parses back cell for cell. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let cell = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quote');
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
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error('quote in unquoted field');
        cell += text[i++];
      }
    }
    row.push(cell);
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
      if (i >= text.length) return rows;
      continue;
    }
    throw new Error(`bad character at ${i}: ${JSON.stringify(text[i])}`);
  }
}

describe('toCsv', () => {
  it('writes a header and one CRLF-terminated row per paper', () => {
    expect(CSV_COLUMNS.join(',') + '\r\n').toBe(HEADER);
    expect(toCsv([])).toBe(HEADER);
    const p = paper({
      id: 'p-1',
      title: 'Attention Is All You Need',
      authors: ['Ashish Vaswani', 'Noam Shazeer'],
      authorsTruncated: true,
      year: 2017,
      venue: 'NeurIPS',
      citations: 120000,
      ids: { doi: '10.5555/3295222.3295349', arxiv: '1706.03762', openreview: 'abc' },
      url: 'https://papers.nips.cc/paper/7181',
      pdfUrl: 'https://arxiv.org/pdf/1706.03762',
      codeUrl: 'https://github.com/tensorflow/tensor2tensor',
      categories: ['cs.CL', 'cs.LG'],
      keywords: ['attention'],
      abstract: 'The dominant models, "recurrent" ones,\nare slow.',
      tldr: 'Attention suffices.',
      sources: [
        { site: 'google-scholar', url: 'u1', capturedAt: 't' },
        { site: 'arxiv', url: 'u2', capturedAt: 't' },
        { site: 'google-scholar', url: 'u3', capturedAt: 't' },
      ],
    });
    expect(toCsv([p])).toBe(
      HEADER +
        'p-1,Attention Is All You Need,"Ashish Vaswani; Noam Shazeer; et al.",2017,NeurIPS,120000,10.5555/3295222.3295349,1706.03762,abc,' +
        'https://papers.nips.cc/paper/7181,https://arxiv.org/pdf/1706.03762,https://github.com/tensorflow/tensor2tensor,"cs.CL; cs.LG",attention,' +
        '"The dominant models, ""recurrent"" ones,\nare slow.",Attention suffices.,"google-scholar; arxiv",,,,\r\n',
    );
  });

  it('leaves empty cells for missing values', () => {
    expect(toCsv([paper({ id: 'p-2', title: 'T' })])).toBe(HEADER + 'p-2,T,,,,,,,,,,,,,,,,,,,\r\n');
  });

  it('guards against formula injection but keeps numbers numeric', () => {
    const p = paper({
      id: 'p-3',
      title: '=HYPERLINK("http://evil.example","click")',
      authors: ["+cmd|' /C calc'!A0", '@SUM(1+1)'],
      venue: '-2+3',
      abstract: '\t=1+1',
      tldr: '\rhello',
      keywords: ['@x'],
      year: 2020,
      citations: 0,
    });
    expect(toCsv([p])).toBe(
      HEADER +
        'p-3,"\'=HYPERLINK(""http://evil.example"",""click"")","\'+cmd|\' /C calc\'!A0; \'@SUM(1+1)",2020,\'-2+3,0,,,,,,,,\'@x,' +
        '"\'\t\'=1+1","\'\rhello",,,,,\r\n',
    );
  });

  it('quotes commas, semicolons, quotes, tabs, CR and LF; strips NUL and other controls', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('a\tb')).toBe('"a\tb"');
    expect(csvCell('plain text')).toBe('plain text');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line1\r\nline2')).toBe('"line1\r\nline2"');
    expect(csvCell('a\u0000b\u0007c\u001bd')).toBe('abcd');
    expect(csvCell('{braces} and }')).toBe('{braces} and }');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(3.5)).toBe('3.5');
    expect(csvCell(NaN)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('')).toBe('');
  });

  it('prefixes a UTF-8 BOM on request', () => {
    const out = toCsv([paper({ id: 'p-4', title: 'Über Straßen — 深度学习' })], { bom: true });
    expect(out.startsWith('\ufeffid,title,')).toBe(true);
    expect(out).toContain('p-4,Über Straßen — 深度学习,');
    expect(toCsv([]).startsWith('\ufeff')).toBe(false);
  });

  it('always parses back to the same cells, with formula cells guarded (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'=+-@\t\r\n",; aZ\u0000é'.split('')), maxLength: 12 }),
        fc.string({ maxLength: 12 }),
        (title, venue) => {
          const rows = readCsv(toCsv([paper({ title, venue, year: 1999 })]));
          expect(rows).toHaveLength(2);
          expect(rows[1]).toHaveLength(CSV_COLUMNS.length);
          // The rule, stated char by char: a `'` goes before a formula prefix that follows the cell's
          // start or a `;`, TAB, CR or LF, with only spaces and quotes in between.
          const expected = (input: string) => {
            let out = '';
            let fieldStart = true;
            for (const c of input.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')) {
              if (fieldStart && '=+-@\t\r'.includes(c)) out += "'";
              out += c;
              if (';\t\r\n'.includes(c)) fieldStart = true;
              else if (c !== ' ' && c !== '"') fieldStart = false;
            }
            return out;
          };
          expect(rows[1][1]).toBe(expected(title));
          expect(rows[1][4]).toBe(expected(venue));
          expect(rows[1][3]).toBe('1999');
        },
      ),
      { numRuns: 500 },
    );
  });
});
