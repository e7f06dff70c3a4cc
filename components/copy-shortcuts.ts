/**
 * The keyboard shortcuts that copy the selected search result (popup and side panel), as one table:
 * the result list (components/ResultList.tsx) reads it to act, the search help popover
 * (components/QueryHelp.tsx) and the welcome page list it.
 *
 * Why these keys. They work while the search box has focus, so they must neither type nor edit
 * text, and must not take a key the browser already uses:
 * - Ctrl/⌘+Shift+C, +B and +M are taken in Chrome (DevTools inspect, bookmarks bar, profile menu)
 *   and in Firefox (Inspector, Library, responsive design mode); Alt+Shift+B is Chrome's "focus the
 *   bookmarks bar", Alt+letter opens Firefox's menus, and Ctrl+Alt is AltGr on Windows (it types
 *   "ć" on a Polish keyboard).
 * - Alt+Shift+C / X / M are not used by Chrome or Firefox on Windows and Linux (nor by text fields).
 * - On macOS Option+Shift types characters (⌥⇧C is "Ç"), so the same letters go with Control+Shift
 *   there, which neither Chrome, Firefox nor macOS text fields use.
 * X is BibTeX (bibteX) because B is taken; C is the citation, M the Markdown link.
 */

import { t } from '@/lib/i18n/i18n';

/** What a copy action puts on the clipboard. */
export type CopyKind = 'bibtex' | 'markdown' | 'citation';

/** One shortcut: the action, its letter and the keys as shown on each platform. */
export interface CopyShortcut {
  kind: CopyKind;
  /** The action's name as the menus show it, in the user's language: "Copy BibTeX". */
  readonly action: string;
  /** The letter key (matched by the character, else by the physical key on non-Latin layouts). */
  letter: string;
  /** As written on macOS: "⌃⇧X". */
  mac: string;
  /** As written on Windows, Linux and ChromeOS: "Alt+Shift+X". */
  other: string;
}

/**
 * The copy shortcuts, in menu order. `action` is a getter: the message is looked up when a view
 * renders it, never when the module loads (the build imports modules where there is no browser.i18n).
 */
export const COPY_SHORTCUTS: readonly CopyShortcut[] = [
  {
    kind: 'bibtex',
    get action() {
      return t('copy_bibtex');
    },
    letter: 'X',
    mac: '⌃⇧X',
    other: 'Alt+Shift+X',
  },
  {
    kind: 'markdown',
    get action() {
      return t('copy_markdown');
    },
    letter: 'M',
    mac: '⌃⇧M',
    other: 'Alt+Shift+M',
  },
  {
    kind: 'citation',
    get action() {
      return t('copy_citation');
    },
    letter: 'C',
    mac: '⌃⇧C',
    other: 'Alt+Shift+C',
  },
];

/** Whether this browser runs on macOS (or iPadOS), where the shortcuts use Control+Shift. */
export function isMacPlatform(nav: { platform?: string; userAgent?: string } = globalThis.navigator ?? {}): boolean {
  return /Mac|iPhone|iPad/i.test(nav.platform || nav.userAgent || '');
}

/** The keys of a shortcut as this platform writes them. */
export function shortcutKeys(s: CopyShortcut, mac = isMacPlatform()): string {
  return mac ? s.mac : s.other;
}

/** The parts of a key event a shortcut looks at. */
export type KeyLike = Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>;

/**
 * The copy action a key event asks for, if any: Alt+Shift+letter (Control+Shift+letter on macOS),
 * no other modifier. The letter is the typed character, or the physical key when the layout types
 * a letter of another script there (Cyrillic, Greek, …).
 */
export function matchCopyShortcut(e: KeyLike, mac = isMacPlatform()): CopyKind | undefined {
  if (!e.shiftKey || e.metaKey) return undefined;
  if (mac ? !e.ctrlKey || e.altKey : !e.altKey || e.ctrlKey) return undefined;
  // A Latin letter is taken as typed; another script's letter ("С") by its physical key; a key that
  // types punctuation (AZERTY's "," where QWERTY has "M") is no letter at all.
  const letter = /^[a-z]$/i.test(e.key) ? e.key.toUpperCase() : /^\p{L}$/u.test(e.key) ? /^Key([A-Z])$/.exec(e.code)?.[1] : undefined;
  return COPY_SHORTCUTS.find((s) => s.letter === letter)?.kind;
}
