// Fixture-driven adapter tests and the adapter conventions (as Refined GitHub's meta-tests):
// - every `tests/fixtures/<dir>/<name>.html` has `<name>.expected.json` = { url, adapter, result };
//   the registry run on that page at that URL must pick `adapter` and produce exactly `result`;
// - every registered adapter has a fixture directory named after its id with at least one case it
//   claims, and every adapter module in lib/scrapers/ is registered;
// - `tests/fixtures/negative/` holds ordinary pages (news, README, shop, ...) that must capture nothing.
// Set UPDATE_FIXTURES=1 to (re)write expected files from current output; review the diff by hand.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { adapters, scrapePage } from '../../../lib/scrapers/registry';
import { fixturesDir, parseHtml, repoRoot } from '../../helpers/dom';

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

for (const dir of dirs) {
  describe(`fixtures/${dir}`, () => {
    for (const name of casesIn(dir)) {
      it(name, () => {
        const htmlPath = join(fixturesDir, dir, `${name}.html`);
        const expPath = join(fixturesDir, dir, `${name}.expected.json`);
        expect(existsSync(expPath), `${expPath} missing`).toBe(true);
        const exp = JSON.parse(readFileSync(expPath, 'utf8')) as Expected;
        const doc = parseHtml(readFileSync(htmlPath, 'utf8'), exp.url);
        const got = scrapePage(doc, new URL(exp.url));
        const actual = JSON.parse(JSON.stringify(got.result));
        if (process.env.UPDATE_FIXTURES) {
          writeFileSync(expPath, JSON.stringify({ url: exp.url, adapter: got.adapter ?? null, result: actual }, null, 2) + '\n');
          return;
        }
        expect(got.errors).toEqual([]);
        expect(got.adapter ?? null).toBe(exp.adapter);
        expect(actual).toEqual(exp.result);
      });
    }
  });
}

describe('adapter conventions', () => {
  it('every registered adapter has fixtures it claims', () => {
    for (const a of adapters) {
      expect(dirs, `tests/fixtures/${a.id}/ missing`).toContain(a.id);
      const claimed = casesIn(a.id).filter((name) => {
        const exp = JSON.parse(readFileSync(join(fixturesDir, a.id, `${name}.expected.json`), 'utf8')) as Expected;
        return exp.adapter === a.id && exp.result !== null;
      });
      expect(claimed.length, `${a.id} has no positive fixture`).toBeGreaterThan(0);
    }
  });

  it('every fixture directory belongs to a registered adapter (or is negative/)', () => {
    const ids = adapters.map((a) => a.id as string);
    for (const d of dirs) if (d !== 'negative') expect(ids, `fixtures/${d} has no adapter`).toContain(d);
  });

  it('every adapter module in lib/scrapers is registered', () => {
    const helpers = new Set(['dom.ts', 'registry.ts']);
    const files = readdirSync(resolve(repoRoot, 'lib/scrapers')).filter((f) => f.endsWith('.ts') && !helpers.has(f) && !f.startsWith('_'));
    const ids = adapters.map((a) => `${a.id}.ts`);
    for (const f of files) expect(ids, `lib/scrapers/${f} is not registered`).toContain(f);
  });

  it('negative pages capture nothing', () => {
    expect(casesIn('negative').length).toBeGreaterThanOrEqual(0);
    for (const name of casesIn('negative')) {
      const exp = JSON.parse(readFileSync(join(fixturesDir, 'negative', `${name}.expected.json`), 'utf8')) as Expected;
      expect(exp.result, `negative/${name} must expect nothing`).toBeNull();
    }
  });
});
