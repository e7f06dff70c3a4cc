// Fuzzing the adapters with mutated real fixtures: whatever a broken or hostile page looks like,
// no exception escapes the registry and nothing that is not a valid record comes out (the same
// schema the background validates messages with).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as v from 'valibot';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scrapePage } from '../../../lib/scrapers/registry';
import { ScrapeResultSchema } from '../../../lib/core/scraped-schema';
import { fixturesDir, parseHtml } from '../../helpers/dom';

const cases = readdirSync(fixturesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'negative')
  .flatMap((d) =>
    readdirSync(join(fixturesDir, d.name))
      .filter((f) => f.endsWith('.expected.json'))
      .map((f) => {
        const exp = JSON.parse(readFileSync(join(fixturesDir, d.name, f), 'utf8'));
        return {
          name: `${d.name}/${f}`,
          url: exp.url as string,
          html: readFileSync(join(fixturesDir, d.name, f.replace('.expected.json', '.html')), 'utf8'),
        };
      })
      .filter((c) => c.html.length < 60_000),
  );

const PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '\u202E',
  '\u200B\u200D\uFEFF',
  '\u0000',
  '</div></li></table>',
  '<div><div><div>',
  '&#0;&amp;&lt;',
  'javascript:alert(1)',
  'Cited by 99999999999999999999',
  '2019 2020 1850 3000',
  'x'.repeat(5000),
];

type Op = { kind: 'delete' | 'dup' | 'insert' | 'truncate'; at: number; len: number; payload: number };
const op: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom('delete', 'dup', 'insert', 'truncate'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  len: fc.integer({ min: 1, max: 400 }),
  payload: fc.integer({ min: 0, max: PAYLOADS.length - 1 }),
});

function mutate(html: string, ops: Op[]): string {
  let s = html;
  for (const o of ops) {
    const i = Math.floor(o.at * s.length);
    if (o.kind === 'delete') s = s.slice(0, i) + s.slice(i + o.len);
    else if (o.kind === 'dup') s = s.slice(0, i + o.len) + s.slice(i, i + o.len) + s.slice(i + o.len);
    else if (o.kind === 'insert') s = s.slice(0, i) + PAYLOADS[o.payload] + s.slice(i);
    else s = s.slice(0, Math.max(i, 200));
  }
  return s;
}

describe('adapter fuzzing', () => {
  it(`mutated fixtures (${cases.length} pages) never throw and yield only valid records`, () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: cases.length - 1 }), fc.array(op, { minLength: 1, maxLength: 6 }), (ci, ops) => {
        const c = cases[ci];
        const doc = parseHtml(mutate(c.html, ops), c.url);
        const got = scrapePage(doc, new URL(c.url));
        expect(Array.isArray(got.errors)).toBe(true);
        if (got.result) {
          const parsed = v.safeParse(ScrapeResultSchema, JSON.parse(JSON.stringify(got.result)));
          expect(parsed.success, `${c.name}: ${JSON.stringify(parsed.issues?.slice(0, 2))}`).toBe(true);
          for (const p of got.result.papers) expect(p.title.trim().length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300, seed: 20261122 },
    );
  }, 120_000);

  it('huge and deeply nested pages finish and capture nothing bogus', () => {
    const deep = '<div>'.repeat(3000) + 'Deep text' + '</div>'.repeat(3000);
    for (const url of ['https://arxiv.org/list/cs/new', 'https://scholar.google.com/scholar?q=x', 'https://example.org/page']) {
      const got = scrapePage(parseHtml(`<html><body>${deep}</body></html>`, url), new URL(url));
      expect(got.result).toBeNull();
    }
    const rows = Array.from({ length: 10_000 }, (_, i) => `<tr><td>row ${i}</td><td>${i}</td></tr>`).join('');
    const big = scrapePage(
      parseHtml(`<html><body><table>${rows}</table></body></html>`, 'https://example.org/table'),
      new URL('https://example.org/table'),
    );
    expect(big.result).toBeNull();
  }, 120_000);
});
