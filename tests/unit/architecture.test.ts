// The shape of lib/ that README "Architecture" promises and lint cannot see: no import cycle even
// through type-only imports (ESLint's import-x/no-cycle skips those), and no module over 600 lines.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

const files = ['lib', 'components', 'entrypoints'].flatMap(sources);
const known = new Set(files);

/** The project files `file` imports (static, dynamic and type-only), by relative or `@/` path. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"]([^'"]+)['"]/g)) {
    const spec = m[1];
    const base = spec.startsWith('@/') ? spec.slice(2) : spec.startsWith('.') ? normalize(join(dirname(file), spec)) : null;
    if (base === null) continue;
    const hit = ['.ts', '.tsx', '/index.ts', ''].map((e) => base + e).find((p) => known.has(p));
    if (hit) out.push(hit);
  }
  return out;
}

/** Every cycle of the import graph as its strongly connected component (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  let n = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, n);
    low.set(v, n++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || graph.get(v)?.includes(v)) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

describe('architecture', () => {
  it('finds the modules it checks', () => {
    expect(files).toContain('lib/core/fields.ts');
    expect(importsOf('lib/store/migration.ts')).toContain('lib/core/assemble-export.ts');
  });

  it('has no import cycle, type-only imports included', () => {
    expect(cycles(new Map(files.map((f) => [f, importsOf(f)])))).toEqual([]);
  });

  it('detects a cycle when there is one', () => {
    expect(
      cycles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
          ['d', ['a']],
        ]),
      ),
    ).toEqual([['a', 'b', 'c']]);
  });

  it('keeps every lib module at or under 600 lines', () => {
    const long = files
      .filter((f) => f.startsWith('lib/'))
      .map((f) => [relative(root, join(root, f)), readFileSync(join(root, f), 'utf8').split('\n').length] as const)
      .filter(([, lines]) => lines > 600);
    expect(long).toEqual([]);
  });
});
