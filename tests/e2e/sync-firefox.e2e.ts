// Issue 18, sync, in Firefox ESR: the shared scenario (./sync-scenario.ts) with two Firefox
// profiles (two browsers, each through puppeteer-core over WebDriver BiDi, tests/e2e/drivers/firefox.ts)
// and a real CouchDB-protocol server on 127.0.0.1 (pouchdb-server, tests/helpers/couch-server.ts).
// Firefox's test profile answers the form's permission request for http://127.0.0.1/* without its
// doorhanger (extensions.webextOptionalPermissionPrompts = false): the request itself still runs,
// inside the real click on "Turn on sync". Chromium runs the same steps in ./sync.e2e.ts.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startCouch, type CouchDoor, type CouchServer } from '../helpers/couch-server';
import { firefoxAvailable, firefoxDriver, firefoxExtensionDir, FIREFOX } from './drivers/firefox';
import type { Driver } from './scenarios';
import { syncSteps, syncTests } from './sync-scenario';

const suite = 'sync between two profiles (Firefox)';
// On CI the Firefox build and firefox-esr must be there (.ci/run installs them).
if (!process.env.CI && !firefoxAvailable()) {
  console.warn(`[paperdex] ${FIREFOX} or ${firefoxExtensionDir} not found (npm run build:firefox): skipped: ${suite}`);
  describe.skip(suite, () => it.skip('needs Firefox ESR and the Firefox build', () => undefined));
} else
  describe(suite, () => {
    let server: CouchServer;
    let doorA: CouchDoor;
    let doorB: CouchDoor;
    let a: Driver;
    let b: Driver;
    let steps: ReturnType<typeof syncSteps>;

    beforeAll(async () => {
      server = await startCouch({ user: 'researcher', password: 'correct horse battery', db: 'paperdex' });
      doorA = await server.door('A');
      doorB = await server.door('B');
      [a, b] = await Promise.all([firefoxDriver(), firefoxDriver()]);
      steps = syncSteps({ a, b, server, doorA, doorB });
    });
    afterAll(async () => {
      await steps?.closePages();
      await Promise.all([a?.close(), b?.close()].map((p) => p?.catch((e: unknown) => console.warn(e))));
      await server?.close();
    });

    syncTests(() => steps);
  });
