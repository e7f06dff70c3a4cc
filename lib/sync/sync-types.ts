/**
 * The shapes sync is made of, shared by the engine (lib/sync/sync-engine.ts), the background that
 * configures it, and the Settings → Sync view: what the user configures ({@link SyncConfig}), what
 * the engine reports ({@link SyncStatus}, kept in the `meta` table so every extension page sees it
 * live), and the kinds of record that travel ({@link SyncKind}). Owns no logic but the URL rules.
 */

/** The kinds of record that sync: one CouchDB document each, `<kind>:<id>`. */
export type SyncKind = 'paper' | 'author' | 'collection' | 'settings';

/** What the user sets in Settings → Sync (kept in extension storage, never logged or exported). */
export interface SyncConfig {
  /** The server's base URL, e.g. `https://couch.example.org` or `http://127.0.0.1:5984`. */
  url: string;
  /** The database on that server (created on first sync when the user may create it). */
  database: string;
  username: string;
  password: string;
  /** Sync is switched on (false after "Stop syncing": the settings stay filled in). */
  enabled: boolean;
  /** Switched on but paused by the user ("Pause"): nothing is sent or received until "Resume". */
  paused: boolean;
}

/** What the engine is doing, in one word (worded for the user by the Sync view). */
export type SyncState =
  /** Sync is off (never set up, or stopped). */
  | 'off'
  /** The user paused it. */
  | 'paused'
  /** Starting: opening the local log, reaching the server. */
  | 'connecting'
  /** Sending or receiving changes now. */
  | 'syncing'
  /** Caught up both ways; listening for changes on either side. */
  | 'idle'
  /** The server cannot be reached; retrying by itself. */
  | 'offline'
  /** Stopped on an error the user must fix (wrong password, no permission, …): see `errorCode`. */
  | 'error';

/** Errors the user must act on. */
export type SyncErrorCode =
  /** The server refused the username or password (401): nothing is sent again until they change. */
  | 'auth'
  /** The user may not read or write that database (403). */
  | 'forbidden'
  /** The database does not exist and the user may not create it. */
  | 'notFound'
  /** The browser's permission for the server's origin is missing (granted in Settings). */
  | 'permission'
  /** An http:// URL that is not this machine: HTTPS is required. */
  | 'insecure'
  /** Anything else the server answered (5xx, not a CouchDB server). */
  | 'server';

/** A paper that was deleted on one side while edited on the other: kept, and the user told. */
export interface KeptPaper {
  id: string;
  title: string;
  /** Epoch ms when it was kept. */
  at: number;
}

/** The engine's report (meta row {@link SYNC_STATUS_KEY}), rewritten as it works. */
export interface SyncStatus {
  state: SyncState;
  /** Epoch ms when both directions were last caught up. */
  lastSyncedAt?: number;
  /** Local changes not yet on the server (0 when caught up). */
  pending: number;
  /** Documents sent to and received from the server since sync started in this browser session. */
  sent: number;
  received: number;
  /** With state `error` (and `offline`: the network error, for the details line). */
  errorCode?: SyncErrorCode;
  /** Technical detail of the last error (never holds the password). */
  error?: string;
  /** Epoch ms of the next retry while `offline`. */
  retryAt?: number;
  /** Papers kept because they were edited on one machine while deleted on another (newest first, at most 20). */
  kept?: KeptPaper[];
  /** The server and database this status is about (no credentials), e.g. `http://127.0.0.1:5984/paperdex`. */
  target?: string;
  /** Epoch ms of this report. */
  updatedAt: number;
}

/** Key of the status row in the `meta` table. */
export const SYNC_STATUS_KEY = 'syncStatus';

/** The status before sync ever ran. */
export const SYNC_OFF: SyncStatus = { state: 'off', pending: 0, sent: 0, received: 0, updatedAt: 0 };

/** Hosts that count as this machine: plain http is allowed only to them. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);

/** What is wrong with a server URL the user typed, or null when it can be used. */
export function serverUrlProblem(url: string): 'invalid' | 'insecure' | 'credentials' | null {
  if (!URL.canParse(url)) return 'invalid';
  const u = new URL(url);
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return 'invalid';
  // Credentials belong in their own fields (kept out of URLs, which end up in logs and status lines).
  if (u.username || u.password) return 'credentials';
  if (u.protocol === 'http:' && !LOCAL_HOSTS.has(u.hostname)) return 'insecure';
  return null;
}

/** A CouchDB database name: lower case letter first, then `a-z 0-9 _ $ ( ) + - /` (CouchDB's rule). */
export function databaseNameOk(name: string): boolean {
  return /^[a-z][a-z0-9_$()+/-]{0,237}$/.test(name);
}

/** The server's origin as a host-permission pattern (any port), e.g. `https://couch.example.org/*`. */
export function originPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}

/** The database's URL, without credentials: `http://127.0.0.1:5984/paperdex`. */
export function databaseUrl(c: Pick<SyncConfig, 'url' | 'database'>): string {
  return `${c.url.replace(/\/+$/, '')}/${encodeURIComponent(c.database)}`;
}
