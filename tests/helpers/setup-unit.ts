// Unit-test setup: an in-memory IndexedDB for Dexie (fresh per test file), WXT's fake browser
// (`wxt/browser` is aliased to it by the WxtVitest plugin) reset before every test, so one test's
// listeners, storage and badge text never leak into the next, and the English messages for `t()`
// (the fake browser has no `i18n`).
import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setMessageSource } from '../../lib/i18n/i18n';
import { messagesOf } from './messages';

const en = messagesOf('en');
setMessageSource((key) => en[key] ?? '', 'en-US');

beforeEach(() => {
  fakeBrowser.reset();
  // Also for modules a test re-imports after vi.resetModules(), which start from browser.i18n again.
  fakeBrowser.i18n.getMessage = ((key: string) => en[key] ?? '') as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
});
