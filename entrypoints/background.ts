import { startBackground } from '@/lib/background/background';

export default defineBackground(() => {
  startBackground();
});
