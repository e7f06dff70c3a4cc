/**
 * Settings → Sync: opt-in sync of the library with the user's own CouchDB-protocol server
 * (lib/sync). Off, it explains what sync sends where and offers the form (server URL, database,
 * username, password); "Turn on sync" checks the fields, asks the browser for the server's origin
 * (an optional host permission, requested inside the click: a user gesture), then hands the
 * configuration to the background (`syncCommand`). On, it shows the server, the engine's status in
 * plain words (the `meta` row SYNC_STATUS_KEY, read live) with what to do about an error, the papers
 * kept after a delete/edit conflict, and Sync now, Pause/Resume, Change server… and Stop syncing.
 * The stored password is never shown: a field left empty keeps it (for the same server and user).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import { browser } from 'wxt/browser';
import { getDb } from '@/lib/store/db';
import { syncConfigItem } from '@/lib/sync/sync-config';
import {
  databaseNameOk,
  databaseUrl,
  originPattern,
  serverUrlProblem,
  SYNC_STATUS_KEY,
  type SyncConfig,
  type SyncState,
  type SyncStatus,
} from '@/lib/sync/sync-types';
import { sendMessage, type RequestOf, type SyncCommandError } from '@/lib/messaging/messaging';
import { formatAgo, messageLocale, t, tn } from '@/lib/i18n/i18n';
import { useLive } from './use-live';
import './SyncSettings.css';

/** The fields the user types (the message's `config`). */
type Credentials = Pick<SyncConfig, 'url' | 'database' | 'username' | 'password'>;
type Command = RequestOf<'syncCommand'>;

/** The database a new setup suggests. */
const DEFAULT_DATABASE = 'paperdex';

/** The stored configuration, live: undefined while it loads, null when sync was never set up. */
function useSyncConfig(): SyncConfig | null | undefined {
  const [config, setConfig] = useState<SyncConfig | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void syncConfigItem.getValue().then((c) => live && setConfig(c ?? null));
    const unwatch = syncConfigItem.watch((c) => setConfig(c ?? null));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return config;
}

/** The current time, renewed every `ms` (relative times such as "5 min. ago" stay true). */
function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}

/** A server as the user knows it: its host (and port), e.g. "couch.example.org" or "127.0.0.1:5984". */
function serverName(url: string): string {
  return URL.canParse(url) ? new URL(url).host : url;
}

/** "in 30 sec.", "in 2 min." in the language shown (a retry time; formatAgo is for the past). */
function formatIn(when: number, now: number): string {
  const s = Math.max(1, Math.round((when - now) / 1000));
  const f = new Intl.RelativeTimeFormat(messageLocale(), { numeric: 'auto', style: 'short' });
  return s < 60 ? f.format(s, 'second') : f.format(Math.round(s / 60), 'minute');
}

/** Why the background refused a command, in words. */
function commandErrorText(error: SyncCommandError | string, url: string): string {
  switch (error) {
    case 'invalid':
      return t('sync_urlInvalid');
    case 'insecure':
      return t('sync_urlInsecure');
    case 'credentials':
      return t('sync_urlCredentials');
    case 'database':
      return t('sync_databaseInvalid');
    case 'permission':
      return t('sync_permissionDenied', { server: serverName(url) });
    case 'notConfigured':
      return t('sync_notConfigured');
    default:
      return t('sync_failed', { error });
  }
}

/** Send a sync command; the refusal or failure in words, or null when it went through. */
async function runCommand(cmd: Command, url: string): Promise<string | null> {
  try {
    const res = await sendMessage('syncCommand', cmd);
    if (res?.ok) return null;
    return commandErrorText(res?.error ?? 'unknown', url);
  } catch (e) {
    return t('sync_failed', { error: e instanceof Error ? e.message : String(e) });
  }
}

/**
 * Ask the browser for the server's origin, then send the configuration. Call it straight from a
 * click or submit handler: the permission request must start inside the user's gesture, so nothing
 * is awaited before it.
 */
function requestAndConfigure(c: Credentials): Promise<string | null> {
  const server = serverName(c.url);
  let asked: Promise<boolean>;
  try {
    asked = browser.permissions.request({ origins: [originPattern(c.url)] });
  } catch (e) {
    return Promise.resolve(t('sync_permissionFailed', { server, error: e instanceof Error ? e.message : String(e) }));
  }
  return asked.then(
    (granted) => (granted ? runCommand({ action: 'configure', config: c }, c.url) : t('sync_permissionDenied', { server })),
    (e: unknown) => t('sync_permissionFailed', { server, error: e instanceof Error ? e.message : String(e) }),
  );
}

type FieldErrors = Partial<Record<'url' | 'database', string>>;

/** What is wrong with the fields, worded per field (empty when they can be sent). */
function checkFields(url: string, database: string): FieldErrors {
  const out: FieldErrors = {};
  const problem = serverUrlProblem(url);
  if (problem === 'invalid') out.url = t('sync_urlInvalid');
  else if (problem === 'insecure') out.url = t('sync_urlInsecure');
  else if (problem === 'credentials') out.url = t('sync_urlCredentials');
  if (!databaseNameOk(database)) out.database = t('sync_databaseInvalid');
  return out;
}

/** The stored password may be reused for the same server origin and username only. */
function samePlace(a: Pick<Credentials, 'url' | 'username'>, b: Pick<Credentials, 'url' | 'username'>): boolean {
  if (!URL.canParse(a.url) || !URL.canParse(b.url)) return false;
  return new URL(a.url).origin === new URL(b.url).origin && a.username === b.username;
}

interface FormProps {
  /** The stored configuration (fields are prefilled from it; its password only fills an empty field). */
  stored: SyncConfig | null;
  submitLabel: string;
  /** Called after the background took the configuration. */
  onDone?: () => void;
  onCancel?: () => void;
  /** Id prefix, unique per form on the page. */
  id: string;
}

/** Server URL, database, username, password, checked before anything is asked or sent. */
function SyncForm({ stored, submitLabel, onDone, onCancel, id }: FormProps) {
  const [url, setUrl] = useState(stored?.url ?? '');
  const [database, setDatabase] = useState(stored?.database || DEFAULT_DATABASE);
  const [username, setUsername] = useState(stored?.username ?? '');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const urlInput = useRef<HTMLInputElement>(null);
  const dbInput = useRef<HTMLInputElement>(null);
  const keepsPassword = !!stored?.password && samePlace(stored, { url: url.trim(), username: username.trim() });

  const submit = (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const c: Credentials = { url: url.trim(), database: database.trim(), username: username.trim(), password };
    const found = checkFields(c.url, c.database);
    setErrors(found);
    setFailure(null);
    if (found.url || found.database) {
      (found.url ? urlInput : dbInput).current?.focus();
      return;
    }
    if (!c.password && stored?.password && samePlace(stored, c)) c.password = stored.password;
    setBusy(true);
    void requestAndConfigure(c).then((problem) => {
      setBusy(false);
      if (problem) setFailure(problem);
      else {
        setPassword('');
        onDone?.();
      }
    });
  };

  const describedBy = (...ids: Array<string | false | undefined>) => ids.filter(Boolean).join(' ') || undefined;
  return (
    <form class="sync-form" noValidate onSubmit={submit} aria-busy={busy}>
      <div class="sync-field">
        <label for={`${id}-url`}>{t('sync_serverUrl')}</label>
        <input
          id={`${id}-url`}
          ref={urlInput}
          type="url"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          autoCapitalize="off"
          value={url}
          aria-invalid={errors.url ? true : undefined}
          aria-describedby={describedBy(errors.url && `${id}-url-error`, `${id}-url-help`)}
          onInput={(e) => setUrl((e.target as HTMLInputElement).value)}
        />
        {errors.url && (
          <span class="sync-field-error" id={`${id}-url-error`}>
            {errors.url}
          </span>
        )}
        <span class="small muted" id={`${id}-url-help`}>
          {t('sync_serverUrlHelp')}
        </span>
      </div>
      <div class="sync-field">
        <label for={`${id}-db`}>{t('sync_database')}</label>
        <input
          id={`${id}-db`}
          ref={dbInput}
          type="text"
          autoComplete="off"
          spellcheck={false}
          autoCapitalize="off"
          value={database}
          aria-invalid={errors.database ? true : undefined}
          aria-describedby={describedBy(errors.database && `${id}-db-error`, `${id}-db-help`)}
          onInput={(e) => setDatabase((e.target as HTMLInputElement).value)}
        />
        {errors.database && (
          <span class="sync-field-error" id={`${id}-db-error`}>
            {errors.database}
          </span>
        )}
        <span class="small muted" id={`${id}-db-help`}>
          {t('sync_databaseHelp')}
        </span>
      </div>
      <div class="sync-field">
        <label for={`${id}-user`}>{t('sync_username')}</label>
        <input
          id={`${id}-user`}
          type="text"
          autoComplete="off"
          spellcheck={false}
          autoCapitalize="off"
          value={username}
          onInput={(e) => setUsername((e.target as HTMLInputElement).value)}
        />
      </div>
      <div class="sync-field">
        <label for={`${id}-password`}>{t('sync_password')}</label>
        <input
          id={`${id}-password`}
          type="password"
          autoComplete="new-password"
          value={password}
          aria-describedby={keepsPassword ? `${id}-password-help` : undefined}
          onInput={(e) => setPassword((e.target as HTMLInputElement).value)}
        />
        {keepsPassword && (
          <span class="small muted" id={`${id}-password-help`}>
            {t('sync_passwordSaved')}
          </span>
        )}
      </div>
      <p class="error sync-message" role="alert">
        {failure}
      </p>
      <div class="sync-actions">
        <button type="submit" class="btn primary" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" class="btn" disabled={busy} onClick={onCancel}>
            {t('common_cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

/** The status in words: the headline (what is happening), what to do, and the detail lines. */
export function syncStatusWords(
  status: SyncStatus | undefined,
  config: SyncConfig,
  now = Date.now(),
): { state: SyncState; headline: string; todo?: string; details: string[] } {
  const state: SyncState = config.paused ? 'paused' : !status || status.state === 'off' ? 'connecting' : status.state;
  const server = serverName(config.url);
  const details: string[] = [];
  let headline: string;
  let todo: string | undefined;
  switch (state) {
    case 'connecting':
      headline = t('sync_stateConnecting');
      break;
    case 'syncing':
      headline = t('sync_stateSyncing');
      details.push(t('sync_counts', { sent: status?.sent ?? 0, received: status?.received ?? 0 }));
      break;
    case 'idle':
      headline = t('sync_stateIdle');
      break;
    case 'offline':
      headline = t('sync_stateOffline');
      if (status?.retryAt)
        details.push(status.retryAt > now ? t('sync_nextTry', { when: formatIn(status.retryAt, now) }) : t('sync_retryingNow'));
      break;
    case 'paused':
      headline = t('sync_statePaused');
      break;
    default:
      switch (status?.errorCode) {
        case 'auth':
          headline = t('sync_errorAuth');
          todo = t('sync_errorAuthTodo');
          break;
        case 'forbidden':
          headline = t('sync_errorForbidden', { database: config.database });
          todo = t('sync_errorForbiddenTodo');
          break;
        case 'notFound':
          headline = t('sync_errorNotFound', { database: config.database });
          todo = t('sync_errorNotFoundTodo');
          break;
        case 'permission':
          headline = t('sync_errorPermission', { server });
          todo = t('sync_errorPermissionTodo');
          break;
        case 'insecure':
          headline = t('sync_errorInsecure', { server });
          todo = t('sync_errorInsecureTodo');
          break;
        default:
          headline = t('sync_errorServer');
          todo = t('sync_errorServerTodo');
      }
  }
  if (state !== 'syncing' && status && status.pending > 0) details.push(tn('sync_pending', status.pending));
  details.push(status?.lastSyncedAt ? t('sync_lastSynced', { when: formatAgo(status.lastSyncedAt, now) }) : t('sync_notSyncedYet'));
  if (state === 'error' && status?.error) details.push(t('sync_errorDetail', { error: status.error }));
  return { state, headline, todo, details };
}

/** Sync is on: the server, the status, and what can be done. */
function SyncOn({ config, statusRef }: { config: SyncConfig; statusRef: RefObject<HTMLDivElement> }) {
  const status = useLive(
    () =>
      getDb()
        .meta.get(SYNC_STATUS_KEY)
        .then((r) => r?.value as SyncStatus | undefined),
    [],
    undefined,
  );
  const now = useNow(status?.state === 'offline' ? 5_000 : 30_000);
  const [editing, setEditing] = useState(false);
  const [confirmStop, setConfirmStop] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const changeButton = useRef<HTMLButtonElement>(null);
  const stopButton = useRef<HTMLButtonElement>(null);
  const confirmYes = useRef<HTMLButtonElement>(null);
  const words = syncStatusWords(status, config, now);
  const errorCode = words.state === 'error' ? status?.errorCode : undefined;
  const server = serverName(config.url);

  // Where focus goes once the confirmation or the form has been replaced by the buttons again.
  const refocus = useRef<'stop' | 'change' | null>(null);
  useEffect(() => {
    if (confirmStop) confirmYes.current?.focus();
    else if (refocus.current === 'stop') stopButton.current?.focus();
    else if (refocus.current === 'change') changeButton.current?.focus();
    refocus.current = null;
  }, [confirmStop, editing]);

  const command = (cmd: Command) => {
    setBusy(true);
    setFailure(null);
    void runCommand(cmd, config.url).then((problem) => {
      setBusy(false);
      setFailure(problem);
    });
  };
  const grantAgain = () => {
    setBusy(true);
    setFailure(null);
    // Inside the click: the permission request is the first thing that happens.
    const { url, database, username, password } = config;
    void requestAndConfigure({ url, database, username, password }).then((problem) => {
      setBusy(false);
      setFailure(problem);
    });
  };
  const cancelStop = () => {
    refocus.current = 'stop';
    setConfirmStop(false);
  };

  const kept = status?.kept ?? [];
  const fixForm = errorCode === 'auth';
  return (
    <div class="sync-on">
      <dl class="sync-target">
        <dt>{t('sync_server')}</dt>
        <dd data-testid="sync-target">{status?.target ?? databaseUrl(config)}</dd>
        <dt>{t('sync_username')}</dt>
        <dd>{config.username || t('sync_noUsername')}</dd>
      </dl>
      <div
        class="sync-status"
        ref={statusRef}
        tabIndex={-1}
        data-testid="sync-status"
        data-state={status?.state ?? 'off'}
        data-error={status?.errorCode ?? ''}
        data-shown={words.state}
      >
        <span class={`sync-dot sync-dot-${words.state}`} aria-hidden="true" />
        <div class="sync-status-text">
          {/* Only the headline is live: counters changing while syncing would be read out endlessly. */}
          <p class="sync-headline" role="status" aria-live="polite">
            <strong>{words.headline}</strong>
            {words.todo && <span> {words.todo}</span>}
          </p>
          {words.details.map((d) => (
            <p class="small muted" key={d}>
              {d}
            </p>
          ))}
        </div>
      </div>
      {fixForm && (
        <SyncForm
          id="sync-fix"
          stored={config}
          submitLabel={t('sync_saveRetry')}
          onDone={() => {
            setFailure(null);
            statusRef.current?.focus();
          }}
        />
      )}
      {errorCode === 'permission' && (
        <div class="sync-actions">
          <button type="button" class="btn primary" disabled={busy} onClick={grantAgain}>
            {t('sync_grant', { server })}
          </button>
        </div>
      )}
      {kept.length > 0 && (
        <div class="sync-kept" data-testid="sync-kept">
          <p class="small" id="sync-kept-title">
            {tn('sync_kept', kept.length)}
          </p>
          <ul aria-labelledby="sync-kept-title">
            {kept.map((k) => (
              <li key={k.id}>
                <span class="sync-kept-title">{k.title}</span>{' '}
                <span class="small faint">{t('sync_keptAt', { when: formatAgo(k.at, now) })}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p class="error sync-message" role="alert">
        {failure}
      </p>
      {editing ? (
        <SyncForm
          id="sync-edit"
          stored={config}
          submitLabel={t('sync_save')}
          onDone={() => {
            setEditing(false);
            statusRef.current?.focus();
          }}
          onCancel={() => {
            refocus.current = 'change';
            setEditing(false);
          }}
        />
      ) : confirmStop ? (
        <div class="sync-confirm" role="group" aria-labelledby="sync-stop-question" onKeyDown={(e) => e.key === 'Escape' && cancelStop()}>
          <p class="small" id="sync-stop-question">
            <strong>{t('sync_stopQuestion')}</strong> {t('sync_stopKeeps')}
          </p>
          <div class="sync-actions">
            <button
              type="button"
              ref={confirmYes}
              class="btn danger"
              disabled={busy}
              onClick={() => {
                setConfirmStop(false);
                command({ action: 'stop' });
              }}
            >
              {t('sync_stop')}
            </button>
            <button type="button" class="btn" onClick={cancelStop}>
              {t('common_cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div class="sync-actions">
          {/* After a refused password (or an http:// server elsewhere) nothing is sent until the settings change. */}
          {errorCode !== 'auth' && errorCode !== 'insecure' && (
            <button type="button" class="btn" disabled={busy || config.paused} onClick={() => command({ action: 'now' })}>
              {t('sync_now')}
            </button>
          )}
          {config.paused ? (
            <button type="button" class="btn" disabled={busy} onClick={() => command({ action: 'resume' })}>
              {t('sync_resume')}
            </button>
          ) : (
            <button type="button" class="btn" disabled={busy} onClick={() => command({ action: 'pause' })}>
              {t('sync_pause')}
            </button>
          )}
          {!fixForm && (
            <button type="button" class="btn" ref={changeButton} disabled={busy} onClick={() => setEditing(true)}>
              {t('sync_change')}
            </button>
          )}
          <button type="button" class="btn" ref={stopButton} disabled={busy} onClick={() => setConfirmStop(true)}>
            {t('sync_stop')}
          </button>
        </div>
      )}
    </div>
  );
}

/** The Sync section's body (SettingsView gives it its heading). */
export function SyncSettings() {
  const config = useSyncConfig();
  const statusRef = useRef<HTMLDivElement>(null);
  const introRef = useRef<HTMLParagraphElement>(null);
  const wasOn = useRef<boolean | undefined>(undefined);
  const on = config?.enabled === true;
  // Switching on or off replaces what had focus: focus goes to what replaced it.
  useEffect(() => {
    if (config === undefined) return;
    if (wasOn.current !== undefined && wasOn.current !== on) (on ? statusRef : introRef).current?.focus();
    wasOn.current = on;
  }, [config, on]);
  if (config === undefined) return null;
  return (
    <div class="sync-settings" data-testid="sync-settings">
      {on ? (
        <SyncOn config={config} statusRef={statusRef} />
      ) : (
        <>
          <p class="small muted" ref={introRef} tabIndex={-1}>
            {t('sync_intro')}
          </p>
          <p class="small muted">{t('sync_whatIsSent')}</p>
          <SyncForm id="sync-setup" stored={config} submitLabel={t('sync_turnOn')} />
        </>
      )}
    </div>
  );
}
