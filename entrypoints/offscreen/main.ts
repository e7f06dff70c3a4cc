// Chrome's offscreen document: hosts the in-memory search index (lib/search-host.ts).
import { getDb } from '@/lib/db';
import { registerHandlers } from '@/lib/messaging';
import { SearchHost, searchHostHandlers } from '@/lib/search-host';

registerHandlers(searchHostHandlers(new SearchHost(getDb())));
