import { render } from 'preact';
import { WelcomePage } from '@/components/WelcomePage';
import { ensureMessages, messageLocale, t } from '@/lib/i18n/i18n';
import { getDb } from '@/lib/store/db';
import '@/components/theme.css';

void ensureMessages().then(() => {
  // The language of the messages shown (index.html says "en" until now), and the title in it.
  document.documentElement.lang = messageLocale();
  document.title = t('welcome_title');
  render(<WelcomePage db={getDb()} />, document.getElementById('app')!);
});
