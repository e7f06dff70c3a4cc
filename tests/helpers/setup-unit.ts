// Unit-test setup: an in-memory IndexedDB for Dexie (fresh per test file), and WXT's fake browser
// (`wxt/browser` is aliased to it by the WxtVitest plugin) reset before every test, so one test's
// listeners, storage and badge text never leak into the next.
import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  fakeBrowser.reset();
});
