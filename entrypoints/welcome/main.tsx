import { render } from 'preact';
import { WelcomePage } from '@/components/WelcomePage';
import { getDb } from '@/lib/store/db';
import '@/components/theme.css';

render(<WelcomePage db={getDb()} />, document.getElementById('app')!);
