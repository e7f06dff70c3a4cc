// The real saved pages and seeds in ../shared beside the checkout (../shared/pages, ../shared/seeds):
// the real-markup checks read them. On a clone without ../shared those checks are skipped, each
// one named in a warning; with CI set, a missing ../shared (or file in it) is an error instead, so
// CI never goes green without the real pages. Unit and e2e tests share this one rule.
import { describe, it } from 'vitest';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** ../shared beside the checkout. */
export const sharedRoot = resolve(repoRoot, '../shared');
/** ../shared/pages: real pages saved from the sites. */
export const sharedPages = resolve(sharedRoot, 'pages');
/** ../shared/seeds: the seed pages the heuristics were written against. */
export const sharedSeeds = resolve(sharedRoot, 'seeds');

/** Warnings already printed (a file asks once per suite). */
const warned = new Set<string>();
function warnSkipped(msg: string): void {
  if (warned.has(msg)) return;
  warned.add(msg);
  console.warn(`[paperdex] ${msg}`);
}

/** Whether CI asks for every real-page check to run. */
const onCi = () => !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';

/** The first of `paths` (absolute, or relative to ../shared) that is missing; undefined when all exist. */
function firstMissing(paths: readonly string[]): string | undefined {
  return [sharedRoot, ...paths.map((p) => resolve(sharedRoot, p))].find((p) => !existsSync(p));
}

/**
 * Whether the real-page check `what` can run: true when ../shared (and each of `paths` in it)
 * exists. Otherwise it warns that `what` was skipped and returns false; with CI set it throws.
 */
export function haveSharedFor(what: string, paths: readonly string[] = []): boolean {
  const missing = firstMissing(paths);
  if (!missing) return true;
  const msg = `${missing} not found: real-page check skipped: ${what}`;
  if (onCi()) throw new Error(`${msg} (CI is set: ../shared must be present)`);
  warnSkipped(msg);
  return false;
}

/**
 * `describe(name, fn)` for checks that read ../shared: skipped, with a warning naming it, when the
 * files are missing; on CI a missing file fails the suite with a test that says what is missing.
 */
export function describeShared(name: string, paths: readonly string[], fn: () => void): void {
  const missing = firstMissing(paths);
  if (!missing) {
    describe(name, fn);
    return;
  }
  if (onCi()) {
    describe(name, () => {
      it(`needs ${missing}`, () => {
        throw new Error(`${missing} not found (CI is set: ../shared must be present)`);
      });
    });
    return;
  }
  warnSkipped(`${missing} not found: real-page check skipped: ${name}`);
  // Not `describe.skip(name, fn)`: collecting `fn` would read the missing files.
  describe.skip(name, () => {
    it.skip(`reads ${missing}`, () => undefined);
  });
}
