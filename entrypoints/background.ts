import { startBackground } from '@/lib/background/background';
import { ensureMessages } from '@/lib/i18n/i18n';

export default defineBackground(() => {
  // Listeners first (MV3 wakes the worker for them); the messages fallback loads beside them.
  startBackground();
  void ensureMessages();
});
