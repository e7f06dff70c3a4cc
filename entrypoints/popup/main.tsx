import { render } from 'preact';
import { PopupApp } from '@/components/PopupApp';
import { ensureMessages, messageLocale } from '@/lib/i18n/i18n';
import { getDb } from '@/lib/store/db';
import '@/components/theme.css';

void ensureMessages().then(() => {
  // The language of the messages shown (index.html says "en" until now); the title is the brand.
  document.documentElement.lang = messageLocale();
  render(<PopupApp db={getDb()} />, document.getElementById('app')!);
});
