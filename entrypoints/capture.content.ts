import { AUTO_CAPTURE_MATCHES } from '@/lib/core/hosts';
import { createCapturer } from '@/lib/content/content-capture';
import { answerWhereQueries, watchPage } from '@/lib/content/page-watch';
import { runtimeAlive } from '@/lib/content/script-context';
import { sendMessage } from '@/lib/messaging/messaging';

// Auto-capture on the known scholarly hosts only (listed explicitly in the manifest). The script
// owns its lifecycle (lib/content/page-watch.ts): WXT's context is not used, so nothing the page
// does can stop it; it ends only when the extension is gone.
export default defineContentScript({
  matches: [...AUTO_CAPTURE_MATCHES],
  runAt: 'document_idle',
  main() {
    const capturer = createCapturer({
      doc: document,
      href: () => location.href,
      send: (req) => sendMessage('capture', req),
      newVisitId: () => crypto.randomUUID(),
      alive: runtimeAlive,
    });
    void capturer.run();
    answerWhereQueries(() => location.href);
    watchPage({
      win: window,
      doc: document,
      href: () => location.href,
      run: () => void capturer.run(),
      // In-app navigation: the popup must not show the old route's capture while this one is read.
      moved: (url) => void sendMessage('pageMoved', { url }).catch(() => undefined),
      alive: () => !capturer.stopped && runtimeAlive(),
    });
  },
});
