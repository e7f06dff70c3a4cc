// Localised text: a small typed wrapper over the browser's own mechanism (`_locales/<lang>/messages.json`
// read by `browser.i18n.getMessage`), with named `{placeholders}`, plural forms chosen by
// `Intl.PluralRules`, and numbers, dates and relative times formatted by `Intl` in the user's locale.
//
// Why not the browser's `$1`/`$name$` placeholders: they need a `placeholders` block per message and
// treat `$` specially in every language; named `{count}` placeholders read naturally to translators
// and are checked by a unit test (every locale uses the same names). The browser picks the messages
// file (UI language, else `default_locale` en); the `meta_locale` message says which one it picked,
// so plural rules follow the language of the words shown, and numbers follow the user's locale.
import { browser } from 'wxt/browser';
import type en from '../../public/_locales/en/messages.json';

/** Every message key (the English messages file is the list; a unit test keeps the others equal). */
export type MessageKey = keyof typeof en;
type PluralBase<K> = K extends `${infer B}_other` ? B : never;
/** Keys with plural forms: `<key>_one` and `<key>_other` exist in every locale. */
export type PluralKey = PluralBase<MessageKey>;
/** Values for a message's `{name}` placeholders. Numbers are formatted for the locale (pass years as strings). */
export type Subs = Record<string, string | number>;

type Source = (key: string) => string;
// WXT types getMessage() with the keys it found at `wxt prepare`; this wrapper has its own key type.
let source: Source = (key) => (browser.i18n.getMessage as (k: string) => string)(key);
let cached: { ui: string; words: string } | undefined;
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();
let relative: Intl.RelativeTimeFormat | undefined;

/**
 * Where messages come from: the browser by default; unit tests and the build (Node, where there is no
 * `browser.i18n`) install a lookup over a messages file. Clears the cached locales.
 */
export function setMessageSource(lookup: Source, uiLanguage?: string): void {
  source = lookup;
  cached = undefined;
  numberFormats.clear();
  dateFormats.clear();
  pluralRules.clear();
  relative = undefined;
  if (uiLanguage) cached = { ui: uiLanguage, words: lookup('meta_locale') || 'en' };
}

function locales(): { ui: string; words: string } {
  if (!cached) {
    let ui = 'en';
    try {
      ui = browser.i18n.getUILanguage() || 'en';
    } catch {
      // No browser.i18n (Node): English.
    }
    // Chrome reports e.g. "en-US" or "zh-CN"; Intl wants valid BCP 47 tags ("zh_CN" is not one).
    ui = ui.replace(/_/g, '-');
    try {
      Intl.getCanonicalLocales(ui);
    } catch {
      ui = 'en';
    }
    cached = { ui, words: lookupRaw('meta_locale') || 'en' };
  }
  return cached;
}

function lookupRaw(key: string): string {
  try {
    return source(key) ?? '';
  } catch {
    return '';
  }
}

/** The `_locales` folders Paperdex ships. */
const FOLDERS = ['en', 'de', 'ja', 'zh_CN'] as const;

/**
 * The `_locales` folder the browser picks for a UI language, as Chrome does: the exact locale, then
 * its language, then `default_locale` (en). Traditional Chinese (zh-TW, zh-HK) has no folder of its
 * own and gets English, not Simplified Chinese.
 */
export function localeFolder(uiLanguage: string): string {
  const [lang = '', region = ''] = uiLanguage.split(/[-_]/);
  if (lang.toLowerCase() === 'zh') return /^(cn|sg|hans)$/i.test(region) || !region ? 'zh_CN' : 'en';
  return (FOLDERS as readonly string[]).find((f) => f === lang.toLowerCase()) ?? 'en';
}

/**
 * Make sure there are messages before a page's first render. Chromium sometimes starts an extension
 * with an empty message bundle — `getMessage` returns "" for every key, in every page and the service
 * worker, until the browser restarts (seen in about one fresh-profile start in ten in the E2E runs).
 * Then the same messages.json is read from the package and used instead, so nobody sees raw keys.
 */
export async function ensureMessages(): Promise<void> {
  if (lookupRaw('meta_locale')) return;
  const ui = uiLocale();
  const folder = localeFolder(ui);
  for (const f of new Set([folder, 'en'])) {
    try {
      const res = await fetch((browser.runtime.getURL as (p: string) => string)(`/_locales/${f}/messages.json`));
      const raw = (await res.json()) as Record<string, { message?: unknown }>;
      const map = new Map(Object.entries(raw).map(([k, v]) => [k, typeof v?.message === 'string' ? v.message : '']));
      if (!map.get('meta_locale')) continue;
      setMessageSource((key) => map.get(key) ?? '', ui);
      console.warn(`[paperdex] the browser gave no messages; using _locales/${f} from the package`);
      return;
    } catch {
      // Try the next folder; with none, t() shows keys (and says so in the console).
    }
  }
}

/** The user's locale for numbers and dates (the browser's UI language), e.g. "de-AT". */
export function uiLocale(): string {
  return locales().ui;
}

/** The language of the messages shown (the `_locales` folder the browser chose), e.g. "ja". */
export function messageLocale(): string {
  return locales().words;
}

/** A number in the user's locale ("1,338", "1.338", "1 338"); "—" for a missing one. */
export function formatNumber(n: number | undefined | null, options?: Intl.NumberFormatOptions): string {
  if (n === undefined || n === null || Number.isNaN(n)) return '—';
  const id = options ? JSON.stringify(options) : '';
  let f = numberFormats.get(id);
  if (!f) {
    f = new Intl.NumberFormat(uiLocale(), options);
    numberFormats.set(id, f);
  }
  return f.format(n);
}

function interpolate(text: string, subs: Subs | undefined): string {
  if (!subs) return text;
  return text.replace(/\{(\w+)\}/g, (all, name: string) => {
    const v = subs[name];
    if (v === undefined) return all;
    return typeof v === 'number' ? formatNumber(v) : v;
  });
}

function message(key: string): string {
  const text = lookupRaw(key);
  if (!text) {
    // A missing message is a bug the unit test catches; show the key rather than nothing.
    console.warn(`[paperdex] missing message: ${key}`);
    return key;
  }
  return text;
}

/** The message `key` with its `{placeholders}` filled in. */
export function t(key: MessageKey, subs?: Subs): string {
  return interpolate(message(key), subs);
}

function pluralKey(key: string, count: number): string {
  const lang = messageLocale();
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  const form = rules.select(count);
  // Only "one" and "other" are written for every locale (en, de: both; ja, zh-CN: one form).
  return form === 'one' ? `${key}_one` : `${key}_other`;
}

/** The plural form of `key` for `count` ("1 paper", "3 papers"); `{count}` is filled in, formatted. */
export function tn(key: PluralKey, count: number, subs?: Subs): string {
  return interpolate(message(pluralKey(key, count)), { count, ...subs });
}

/**
 * The message split around its placeholders, for text that holds elements (a link, a `<kbd>`):
 * `tParts('welcome_openPanel', { icon: <img …/> })` → `['Click ', <img/>, ' to open …']`. Strings and
 * numbers are filled in as text, anything else is returned in place for the caller to render.
 */
export function tParts<T>(key: MessageKey, subs: Record<string, string | number | T>): Array<string | T> {
  return splitParts(message(key), subs);
}

/** {@link tParts} for a plural message. */
export function tnParts<T>(key: PluralKey, count: number, subs: Record<string, string | number | T>): Array<string | T> {
  return splitParts<T>(message(pluralKey(key, count)), { count, ...subs });
}

function splitParts<T>(text: string, subs: Record<string, string | number | T>): Array<string | T> {
  const out: Array<string | T> = [];
  let last = 0;
  for (const m of text.matchAll(/\{(\w+)\}/g)) {
    const v = subs[m[1]];
    if (v === undefined) continue;
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push(typeof v === 'number' ? formatNumber(v) : (v as string | T));
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** A date (and optionally time) in the user's locale: "4 Dec 2026", "2026年12月4日". */
export function formatDate(when: number | Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  const t0 = typeof when === 'number' ? when : when.getTime();
  if (!Number.isFinite(t0)) return '';
  const id = JSON.stringify(options);
  let f = dateFormats.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat(uiLocale(), options);
    dateFormats.set(id, f);
  }
  return f.format(t0);
}

/**
 * How long ago, in the language shown: "just now", "5 min. ago", "3 days ago"; older than two
 * weeks, the date.
 */
export function formatAgo(when: number, now = Date.now()): string {
  if (!Number.isFinite(when)) return '';
  const s = Math.max(0, (now - when) / 1000);
  if (s < 60) return t('common_justNow');
  relative ??= new Intl.RelativeTimeFormat(messageLocale(), { numeric: 'auto', style: 'short' });
  if (s < 3600) return relative.format(-Math.floor(s / 60), 'minute');
  if (s < 86400) return relative.format(-Math.floor(s / 3600), 'hour');
  if (s < 86400 * 14) return relative.format(-Math.floor(s / 86400), 'day');
  return formatDate(when);
}

/** "A, B and C" in the language shown (Intl.ListFormat). */
export function formatList(items: string[], type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  return new Intl.ListFormat(messageLocale(), { style: 'long', type }).format(items);
}
