// The one fixture runner: every `tests/fixtures/<dir>/<name>.html` has `<name>.expected.json` =
// { url, adapter, result }, written by a person reading the page (never generated from the adapter's
// output). The registry run on that page at that URL must pick `adapter` and produce exactly
// `result`, in automatic capture and in click-capture alike, with no adapter errors. When an
// adapter's output changes, the failing comparison shows the diff: read the page, then edit the
// expected file by hand. Per-adapter test files keep only what this runner does not check.
// The conventions (fixture folders per site id, negative/ pages) are in registry-meta.test.ts.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scrapePage, type CaptureMode } from '../../../lib/scrapers/registry';
import { fixturesDir, parseHtml } from '../../helpers/dom';

interface Expected {
  url: string;
  adapter: string | null;
  result: unknown;
}

const dirs = readdirSync(fixturesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

function casesIn(dir: string): string[] {
  return readdirSync(join(fixturesDir, dir))
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.slice(0, -'.html'.length));
}

const modes: CaptureMode[] = ['auto', 'click'];

for (const dir of dirs) {
  describe(`fixtures/${dir}`, () => {
    for (const name of casesIn(dir)) {
      it(name, () => {
        const expPath = join(fixturesDir, dir, `${name}.expected.json`);
        expect(existsSync(expPath), `${expPath} missing`).toBe(true);
        const exp = JSON.parse(readFileSync(expPath, 'utf8')) as Expected;
        const html = readFileSync(join(fixturesDir, dir, `${name}.html`), 'utf8');
        for (const mode of modes) {
          const got = scrapePage(parseHtml(html, exp.url), new URL(exp.url), { mode });
          const actual = JSON.parse(JSON.stringify(got.result)) as unknown;
          expect(got.errors, mode).toEqual([]);
          expect(got.adapter ?? null, mode).toBe(exp.adapter);
          expect(actual, mode).toEqual(exp.result);
          // What is sent survives JSON exactly: nothing undefined, no empty strings, no empty titles.
          expect(actual, mode).toStrictEqual(got.result);
          expect(JSON.stringify(actual), mode).not.toMatch(/"":|:""/);
          for (const p of got.result?.papers ?? []) expect(p.title, mode).not.toBe('');
        }
      });
    }
  });
}
