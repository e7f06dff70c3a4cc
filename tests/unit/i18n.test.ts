// The four locales agree with each other and with the code: every key in every locale, the same
// placeholders, both plural forms, no key unused and no English prose left in the views; and the
// wrapper picks plural forms and formats numbers and dates per locale.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ensureMessages, formatAgo, formatDate, formatNumber, localeFolder, setMessageSource, t, tn, tParts } from '../../lib/i18n/i18n';
import { localeFolders, messagesOf } from '../helpers/messages';

const ROOT = new URL('../../', import.meta.url).pathname;
const FOLDERS = localeFolders();
const en = messagesOf('en');
const KEYS = Object.keys(en);
const AREAS = [
  'meta',
  'ext',
  'common',
  'popup',
  'page',
  'search',
  'results',
  'paper',
  'copy',
  'panel',
  'author',
  'compare',
  'chart',
  'metric',
  'collections',
  'import',
  'export',
  'settings',
  'wipe',
  'welcome',
  'hosts',
  'badge',
  'capture',
  'toast',
  'help',
  'backup',
  'sync',
];

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(join(ROOT, dir))) {
    const rel = join(dir, name);
    if (statSync(join(ROOT, rel)).isDirectory()) sourceFiles(rel, out);
    else if (/\.(ts|tsx)$/.test(name)) out.push(rel);
  }
  return out;
}
const SOURCES = [...sourceFiles('components'), ...sourceFiles('lib'), ...sourceFiles('entrypoints'), 'wxt.config.ts'];
const CODE = SOURCES.map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n');

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  it('ships English, German, Japanese and Simplified Chinese', () => {
    expect(FOLDERS).toEqual(['de', 'en', 'ja', 'zh_CN']);
  });

  it.each(FOLDERS)('%s has exactly the English keys, each with a message', (folder) => {
    const m = messagesOf(folder);
    expect(Object.keys(m).sort()).toEqual([...KEYS].sort());
    for (const [k, v] of Object.entries(m)) expect(v.trim(), `${folder}: ${k}`).not.toBe('');
  });

  it.each(FOLDERS)('%s uses the same placeholders as English, and no browser $-substitutions', (folder) => {
    const m = messagesOf(folder);
    for (const k of KEYS) {
      // A plural "one" form may leave out {count} ("ein Paper"); every other placeholder must be there.
      const want = placeholders(en[k]).filter((p) => !(k.endsWith('_one') && p === 'count'));
      const got = placeholders(m[k]).filter((p) => !(k.endsWith('_one') && p === 'count'));
      expect(got, `${folder}: ${k}`).toEqual(want);
      expect(m[k], `${folder}: ${k}`).not.toContain('$');
    }
  });

  it('names keys by area, and gives every plural both forms', () => {
    for (const k of KEYS) {
      expect(k).toMatch(/^[a-z]+_[A-Za-z0-9]+(_one|_other)?$/);
      expect(AREAS, k).toContain(k.split('_')[0]);
      if (k.endsWith('_one')) expect(KEYS).toContain(k.replace(/_one$/, '_other'));
      if (k.endsWith('_other')) expect(KEYS).toContain(k.replace(/_other$/, '_one'));
    }
  });

  it('keeps the store description within its 132-character limit in every locale', () => {
    for (const folder of FOLDERS) expect(messagesOf(folder).ext_description.length).toBeLessThanOrEqual(132);
  });

  it('uses every key somewhere in the code (plural keys by their base)', () => {
    const unused = KEYS.filter((k) => k !== 'meta_locale').filter((k) => {
      const base = k.replace(/_(one|other)$/, '');
      return !CODE.includes(`'${base}'`) && !CODE.includes(`"${base}"`) && !CODE.includes(`__MSG_${base}__`);
    });
    expect(unused).toEqual([]);
  });

  it('leaves no English prose in the views: text and labels go through t()', () => {
    const offenders: string[] = [];
    for (const f of SOURCES.filter((f) => f.startsWith('components/') && f.endsWith('.tsx'))) {
      readFileSync(join(ROOT, f), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/^\s*(\/\/|\*|\/\*)/.test(line)) return;
          // JSX text of two or more words, or a label attribute written as a literal.
          if (
            />\s*[A-Za-z][a-z]+ [a-z]+[^<{]*</.test(line) ||
            /^\s*[A-Z][a-z]+( [a-z]+)+[.:…]?\s*$/.test(line) ||
            /\b(aria-label|title|placeholder|label|alt)="[A-Za-z][a-z]/.test(line)
          )
            offenders.push(`${f}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });
});

describe('t(), tn() and Intl formatting', () => {
  afterEach(() => {
    const enM = messagesOf('en');
    setMessageSource((key) => enM[key] ?? '', 'en-US');
  });

  it('fills placeholders and picks English plural forms', () => {
    expect(tn('common_papers', 1)).toBe('1 paper');
    expect(tn('common_papers', 0)).toBe('0 papers');
    expect(tn('common_papers', 1338)).toBe('1,338 papers');
    expect(tParts('common_authorsMore_other', { shown: 'A, B', count: 9 })).toEqual(['A, B', ', … (', '9', ' authors)']);
  });

  it('formats numbers and dates in the user locale and plurals in the language shown', () => {
    const de = messagesOf('de');
    setMessageSource((key) => de[key] ?? '', 'de-DE');
    expect(formatNumber(1338)).toBe('1.338');
    expect(tn('common_citations', 1)).toBe('1 Zitation');
    expect(tn('common_citations', 2)).toBe('2 Zitationen');
    expect(formatDate(Date.UTC(2026, 11, 4, 12), { dateStyle: 'long', timeZone: 'UTC' })).toBe('4. Dezember 2026');
    expect(formatAgo(Date.now() - 3 * 86400_000)).toBe('vor 3 Tagen');
    expect(t('common_justNow')).toBe('gerade eben');

    const ja = messagesOf('ja');
    setMessageSource((key) => ja[key] ?? '', 'ja');
    expect(tn('common_papers', 1)).toBe('1 件の論文');
    expect(formatDate(Date.UTC(2026, 11, 4, 12), { dateStyle: 'long', timeZone: 'UTC' })).toBe('2026年12月4日');

    const zh = messagesOf('zh_CN');
    setMessageSource((key) => zh[key] ?? '', 'zh-CN');
    expect(tn('common_citations', 12000)).toBe('被引用 12,000 次');
  });

  it('shows the key, not nothing, for a missing message', () => {
    setMessageSource(() => '', 'en');
    expect(t('common_undo')).toBe('common_undo');
  });
});

describe('the messages fallback', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    const enM = messagesOf('en');
    setMessageSource((key) => enM[key] ?? '', 'en-US');
  });

  it('picks the folder Chrome would: locale, then language, then English', () => {
    expect(localeFolder('de-AT')).toBe('de');
    expect(localeFolder('ja')).toBe('ja');
    expect(localeFolder('zh-CN')).toBe('zh_CN');
    expect(localeFolder('zh')).toBe('zh_CN');
    expect(localeFolder('zh-TW')).toBe('en');
    expect(localeFolder('fr-FR')).toBe('en');
    expect(localeFolder('en-GB')).toBe('en');
  });

  it('reads the packaged messages when the browser gives none, and leaves working ones alone', async () => {
    const de = readFileSync(join(ROOT, 'public/_locales/de/messages.json'), 'utf8');
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return new Response(de);
    });
    fakeBrowser.runtime.getURL = ((p: string) => `chrome-extension://x${p}`) as typeof fakeBrowser.runtime.getURL;
    await ensureMessages();
    expect(fetched).toEqual([]);
    expect(t('common_undo')).toBe('Undo');

    setMessageSource(() => '', 'de-DE');
    await ensureMessages();
    expect(fetched).toEqual(['chrome-extension://x/_locales/de/messages.json']);
    expect(t('common_undo')).toBe('Rückgängig');
    expect(tn('common_citations', 1338)).toBe('1.338 Zitationen');
  });
});
