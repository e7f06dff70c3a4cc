import { AUTO_CAPTURE_MATCHES } from '@/lib/core/hosts';
import { createCapturer, debounce } from '@/lib/content/content-capture';
import { sendMessage } from '@/lib/messaging/messaging';

// Auto-capture on the known scholarly hosts only (listed explicitly in the manifest).
export default defineContentScript({
  matches: [...AUTO_CAPTURE_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    const capturer = createCapturer({
      doc: document,
      href: () => location.href,
      send: (req) => sendMessage('capture', req),
      newVisitId: () => crypto.randomUUID(),
    });
    void capturer.run();
    const later = debounce(() => void capturer.run(), 600);
    const observer = new MutationObserver(later);
    observer.observe(document.documentElement, { childList: true, subtree: true });
    ctx.onInvalidated(() => observer.disconnect());
    ctx.addEventListener(window, 'wxt:locationchange', later);
  },
});
