// Issue 18, sync, in Chromium: two browser profiles A and B and a real CouchDB-protocol server
// started by the test on 127.0.0.1 (pouchdb-server, tests/helpers/couch-server.ts), one door (port)
// per profile so the test can tell their requests apart. Each profile holds the server's origin
// (http://127.0.0.1/*) from the start, written into the profile as Chrome records an accepted
// request (its permission prompt cannot be clicked headless; the form's own request then resolves
// at once, as it does for a user who allowed it). The steps are the shared scenario
// (./sync-scenario.ts), which Firefox runs too (./sync-firefox.e2e.ts).
import { afterAll, beforeAll, describe } from 'vitest';
import { startCouch, type CouchDoor, type CouchServer } from '../helpers/couch-server';
import { chromiumDriver } from './drivers/chromium';
import type { Driver } from './scenarios';
import { syncSteps, syncTests } from './sync-scenario';

describe('sync between two profiles (Chromium)', () => {
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
    const profile = (door: CouchDoor) => chromiumDriver({ launch: { direct: [new URL(door.url).host] }, grant: ['http://127.0.0.1/*'] });
    [a, b] = await Promise.all([profile(doorA), profile(doorB)]);
    steps = syncSteps({ a, b, server, doorA, doorB });
  });
  afterAll(async () => {
    await steps?.closePages();
    await Promise.all([a?.close(), b?.close()].map((p) => p?.catch((e: unknown) => console.warn(e))));
    await server?.close();
  });

  syncTests(() => steps);
});
