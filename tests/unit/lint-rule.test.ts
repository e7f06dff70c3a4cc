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
