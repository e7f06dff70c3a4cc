// The sync worker (opt-in sync through CouchDB replication): see lib/sync/sync-worker.ts. Started by
// Chrome's offscreen document and by Firefox's background page.
import { startSyncWorker } from '@/lib/sync/sync-worker';

export default defineUnlistedScript({
  main() {
    startSyncWorker();
  },
});
