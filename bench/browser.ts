/**
 * How the benchmarks start Debian's Chromium with the built extension (bench/run.ts, bench/sync.ts):
 * headless, the extension loaded from .output/chrome-mv3, nothing of Chromium's own that would use
 * the network or the CPU meanwhile.
 */
import { join, resolve } from 'node:path';

/** The built Chrome extension. */
export const EXTENSION_DIR = join(resolve(import.meta.dirname, '..'), '.output/chrome-mv3');
/** Debian's Chromium (never a downloaded browser). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium's command line for a benchmark run; `extra` adds flags. */
export function chromiumArgs(...extra: string[]): string[] {
  return [
    `--disable-extensions-except=${EXTENSION_DIR}`,
    `--load-extension=${EXTENSION_DIR}`,
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
    ...extra,
  ];
}
