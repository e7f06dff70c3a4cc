// The messages files of public/_locales, read for tests (unit tests install English as the message
// source; the locale test compares them).
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** public/_locales, where the browser reads messages from. */
// A path from this file's own path: under happy-dom the global URL is the DOM's, not Node's.
export const LOCALES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../public/_locales/');

/** The locale folders shipped (en, de, ja, zh_CN). */
export function localeFolders(): string[] {
  return readdirSync(LOCALES_DIR).sort();
}

/** One locale's messages as key → message text. */
export function messagesOf(folder: string): Record<string, string> {
  const raw = JSON.parse(readFileSync(`${LOCALES_DIR}${folder}/messages.json`, 'utf8')) as Record<string, { message: string }>;
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v.message]));
}
