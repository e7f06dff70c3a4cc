// The lint rule that keeps page data inert: HTML sinks are errors in extension code.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { repoRoot } from '../helpers/dom';

const eslint = new ESLint({ cwd: repoRoot });
async function lint(code: string, file = 'components/Example.tsx'): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath: `${repoRoot}/${file}` });
  return r.messages.filter((m) => m.severity === 2).map((m) => m.message);
}

describe('no HTML sinks', () => {
  it('forbids innerHTML, outerHTML, insertAdjacentHTML, document.write, dangerouslySetInnerHTML, eval', async () => {
    expect((await lint('export function f(el: HTMLElement, s: string) { el.innerHTML = s; }', 'lib/x.ts')).join()).toMatch(/No innerHTML/);
    expect((await lint('export function f(el: HTMLElement) { return el.outerHTML; }', 'lib/x.ts')).join()).toMatch(/outerHTML/);
    expect(
      (await lint("export function f(el: HTMLElement, s: string) { el.insertAdjacentHTML('beforeend', s); }", 'lib/x.ts')).join(),
    ).toMatch(/insertAdjacentHTML/);
    expect((await lint('export function f(s: string) { document.write(s); }', 'entrypoints/x.ts')).join()).toMatch(/Never write HTML/);
    expect((await lint('export const A = ({ s }: { s: string }) => <div dangerouslySetInnerHTML={{ __html: s }} />;')).join()).toMatch(
      /dangerouslySetInnerHTML/,
    );
    expect((await lint('export const f = (s: string) => eval(s);', 'lib/x.ts')).join()).toMatch(/never execute strings/);
  });
  it('allows rendering text', async () => {
    expect(await lint('export const A = ({ s }: { s: string }) => <div>{s}</div>;')).toEqual([]);
    expect(await lint('export function f(el: HTMLElement, s: string) { el.textContent = s; }', 'lib/x.ts')).toEqual([]);
  });
});

// The architecture's import rules (README "Architecture"): lint fails on an import across a boundary.
describe('import rules', () => {
  const use = (spec: string) => `import { x } from '${spec}';\nexport const y = x;`;
  it('keeps scrapers, core and metrics pure', async () => {
    expect((await lint(use('../../store/db'), 'lib/scrapers/sites/x.ts')).join()).toMatch(/Scrapers are pure/);
    expect((await lint(use('../search/query'), 'lib/core/x.ts')).join()).toMatch(/lib\/core is the base layer/);
    expect((await lint(use('../store/db'), 'lib/metrics/x.ts')).join()).toMatch(/Metrics are pure/);
    expect(await lint(use('../../core/normalize'), 'lib/scrapers/sites/x.ts')).toEqual([]);
  });
  it('keeps the store free of file formats and content scripts free of the database', async () => {
    expect((await lint(use('../interchange/export'), 'lib/store/x.ts')).join()).toMatch(/never imports file formats/);
    expect((await lint(use('../store/db'), 'lib/content/x.ts')).join()).toMatch(/Content scripts run in the page/);
    expect((await lint(use('@/lib/store/db'), 'entrypoints/capture.content.ts')).join()).toMatch(/Content scripts run in the page/);
  });
  it('keeps the search engine out of extension pages', async () => {
    expect((await lint(use('@/lib/search/engine'), 'components/X.tsx')).join()).toMatch(/never load the engine/);
    expect((await lint(use('minisearch'), 'components/X.tsx')).join()).toMatch(/Only lib\/search\/engine uses MiniSearch/);
    expect(await lint(use('@/lib/search/search-types'), 'components/X.tsx')).toEqual([]);
  });
});
