import { captureOnce } from '@/lib/content/content-capture';
import { sendMessage } from '@/lib/messaging/messaging';

// Injected on demand (toolbar "Capture this page" or the keyboard shortcut) via activeTab +
// scripting: no host permission. Scrapes once with every adapter, including the generic fallback.
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  async main() {
    return captureOnce(document, location.href, (req) => sendMessage('capture', { ...req, onDemand: true }));
  },
});
