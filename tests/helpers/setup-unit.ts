// Unit-test setup: an in-memory IndexedDB for Dexie (fresh per test file).
import 'fake-indexeddb/auto';
