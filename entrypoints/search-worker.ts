// The search worker (a dedicated worker of Chrome's offscreen document): see lib/search/host/search-worker.ts.
// Firefox runs the search host in its background page instead.
import { startSearchWorker } from '@/lib/search/host/search-worker';

export default defineUnlistedScript({
  exclude: ['firefox'],
  main() {
    startSearchWorker();
  },
});
