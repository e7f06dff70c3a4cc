import { render } from 'preact';
import { SidePanelApp } from '@/components/SidePanelApp';
import { getDb } from '@/lib/store/db';
import '@/components/theme.css';

render(<SidePanelApp db={getDb()} />, document.getElementById('app')!);
