import { render } from 'preact';
import { PopupApp } from '@/components/PopupApp';
import { getDb } from '@/lib/store/db';
import '@/components/theme.css';

render(<PopupApp db={getDb()} />, document.getElementById('app')!);
