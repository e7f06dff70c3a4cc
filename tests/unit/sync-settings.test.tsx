// @vitest-environment happy-dom
// Settings → Sync as a user meets it: off, the explanation and a form that checks the server URL and
// database before anything is asked or sent; "Turn on sync" asks the browser for the server's origin
// first (inside the click), then hands the configuration to the background; on, every state of the
// engine's status row in plain words (with what to do about an error), the kept papers, and the
// buttons that send their commands. The stored password is never rendered.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setMessageSource } from '@/lib/i18n/i18n';
import { PaperdexDB, setDb } from '@/lib/store/db';
import { syncConfigItem } from '@/lib/sync/sync-config';
import { SYNC_STATUS_KEY, type SyncConfig, type SyncStatus } from '@/lib/sync/sync-types';
import { SyncSettings } from '@/components/SyncSettings';
import { messagesOf } from '../helpers/messages';

const EN = messagesOf('en');
const SECRET = 'correct-horse-battery-staple';
const CONFIG: SyncConfig = {
  url: 'https://couch.example.org',
  database: 'paperdex',
  username: 'maria',
  password: SECRET,
  enabled: true,
  paused: false,
};
/** An English message with its placeholders filled in (numbers as given). */
const en = (key: string, subs: Record<string, string | number> = {}) =>
  EN[key].replace(/\{(\w+)\}/g, (all, name: string) => (name in subs ? String(subs[name]) : all));

let root: HTMLElement;
let db: PaperdexDB;
let n = 0;
let request: ReturnType<typeof vi.fn>;
let send: ReturnType<typeof vi.fn>;
let calls: string[];

beforeEach(async () => {
  db = new PaperdexDB(`test-sync-settings-${n++}`);
  setDb(db);
  calls = [];
  request = vi.fn(async () => {
    calls.push('request');
    return true;
  });
  send = vi.fn(async () => {
    calls.push('send');
    return { ok: true };
  });
  fakeBrowser.permissions.request = request as unknown as typeof fakeBrowser.permissions.request;
  fakeBrowser.runtime.sendMessage = send as unknown as typeof fakeBrowser.runtime.sendMessage;
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(async () => {
  render(null, root);
  root.remove();
  setMessageSource((key) => EN[key] ?? '', 'en-US');
  await db.delete();
  setDb(undefined);
});

/** Wait (re-rendering) until `cond` holds. */
async function until(cond: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (cond()) return;
    await act(() => new Promise((r) => setTimeout(r, 10)));
  }
  throw new Error(`timed out waiting for ${what}`);
}
const mount = async () => {
  render(<SyncSettings />, root);
  await until(() => !!root.querySelector('[data-testid=sync-settings]'), 'the view');
};
const byLabel = (label: string) => {
  const l = [...root.querySelectorAll('label')].find((x) => x.textContent === label);
  return l ? root.querySelector<HTMLInputElement>(`#${l.htmlFor}`) : null;
};
const type = (label: string, value: string) =>
  act(() => {
    const input = byLabel(label)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
const button = (name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === name) ?? null;
const click = (name: string) =>
  act(() => {
    const b = button(name);
    if (!b) throw new Error(`no button ${name}`);
    b.click();
  });
const statusEl = () => root.querySelector<HTMLElement>('[data-testid=sync-status]');
const status = (s: Partial<SyncStatus>): SyncStatus => ({ state: 'idle', pending: 0, sent: 0, received: 0, updatedAt: Date.now(), ...s });
const setStatus = (s: SyncStatus) => db.meta.put({ key: SYNC_STATUS_KEY, value: s });
/** The commands sent to the background, as their `data`. */
const sent = () => send.mock.calls.map(([env]) => (env as { type: string; data: unknown }).data);

describe('sync off: the explanation and the form', () => {
  it('explains what sync sends where, with the four fields and "Turn on sync"', async () => {
    await mount();
    expect(root.textContent).toContain(EN.sync_intro);
    expect(root.textContent).toContain(EN.sync_whatIsSent);
    expect(byLabel('Server URL')!.value).toBe('');
    expect(byLabel('Database')!.value).toBe('paperdex');
    expect(byLabel('Username')!.value).toBe('');
    const pw = byLabel('Password')!;
    expect(pw.type).toBe('password');
    expect(pw.getAttribute('autocomplete')).toBe('new-password');
    expect(button('Turn on sync')).not.toBeNull();
    expect(statusEl()).toBeNull();
  });

  it.each([
    ['http://example.org', 'sync_urlInsecure'],
    ['couch.example.org', 'sync_urlInvalid'],
    ['ftp://couch.example.org', 'sync_urlInvalid'],
    ['https://maria:pw@couch.example.org', 'sync_urlCredentials'],
  ])('refuses %s inline and neither asks nor sends anything', async (url, key) => {
    await mount();
    await type('Server URL', url);
    await click('Turn on sync');
    const input = byLabel('Server URL')!;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const error = root.querySelector(`#${input.getAttribute('aria-describedby')!.split(' ')[0]}`);
    expect(error?.textContent).toBe(EN[key]);
    expect(document.activeElement).toBe(input);
    expect(request).not.toHaveBeenCalled();
    expect(send).not.toHaveBeenCalled();
  });

  it('refuses a bad database name', async () => {
    await mount();
    await type('Server URL', 'https://couch.example.org');
    await type('Database', 'My Papers');
    await click('Turn on sync');
    const input = byLabel('Database')!;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector(`#${input.getAttribute('aria-describedby')!.split(' ')[0]}`)?.textContent).toBe(EN.sync_databaseInvalid);
    expect(byLabel('Server URL')!.getAttribute('aria-invalid')).toBeNull();
    expect(send).not.toHaveBeenCalled();
  });

  it('allows plain http only on this machine', async () => {
    await mount();
    await type('Server URL', 'http://127.0.0.1:5984');
    await click('Turn on sync');
    await until(() => send.mock.calls.length === 1, 'the command');
    expect(request).toHaveBeenCalledWith({ origins: ['http://127.0.0.1/*'] });
  });

  it('"Turn on sync" asks for the server first, then configures the background', async () => {
    await mount();
    await type('Server URL', ' https://couch.example.org:6984 ');
    await type('Username', 'maria');
    await type('Password', SECRET);
    await click('Turn on sync');
    await until(() => send.mock.calls.length === 1, 'the command');
    expect(calls).toEqual(['request', 'send']);
    expect(request).toHaveBeenCalledWith({ origins: ['https://couch.example.org/*'] });
    expect(send.mock.calls[0][0]).toMatchObject({ paperdex: 1, type: 'syncCommand' });
    expect(sent()).toEqual([
      {
        action: 'configure',
        config: { url: 'https://couch.example.org:6984', database: 'paperdex', username: 'maria', password: SECRET },
      },
    ]);
  });

  it('says so when the browser refuses the permission, and sends nothing', async () => {
    request.mockImplementation(async () => false);
    await mount();
    await type('Server URL', 'https://couch.example.org');
    await click('Turn on sync');
    await until(() => !!root.querySelector('[role=alert]')?.textContent, 'the refusal');
    expect(root.querySelector('[role=alert]')!.textContent).toBe(en('sync_permissionDenied', { server: 'couch.example.org' }));
    expect(send).not.toHaveBeenCalled();
  });

  it('words a refusal of the background', async () => {
    send.mockImplementation(async () => ({ ok: false, error: 'insecure' }));
    await mount();
    await type('Server URL', 'https://couch.example.org');
    await click('Turn on sync');
    await until(() => !!root.querySelector('[role=alert]')?.textContent, 'the refusal');
    expect(root.querySelector('[role=alert]')!.textContent).toBe(EN.sync_urlInsecure);
  });

  it('after "Stop syncing", keeps the fields filled in and the saved password for the same server', async () => {
    await syncConfigItem.setValue({ ...CONFIG, enabled: false });
    await mount();
    expect(byLabel('Server URL')!.value).toBe(CONFIG.url);
    expect(byLabel('Username')!.value).toBe('maria');
    expect(byLabel('Password')!.value).toBe('');
    expect(root.textContent).toContain(EN.sync_passwordSaved);
    expect(root.innerHTML).not.toContain(SECRET);
    await click('Turn on sync');
    await until(() => send.mock.calls.length === 1, 'the command');
    expect(sent()[0]).toEqual({
      action: 'configure',
      config: { url: CONFIG.url, database: 'paperdex', username: 'maria', password: SECRET },
    });
  });

  it('does not send the saved password to another server', async () => {
    await syncConfigItem.setValue({ ...CONFIG, enabled: false });
    await mount();
    await type('Server URL', 'https://other.example.net');
    expect(root.textContent).not.toContain(EN.sync_passwordSaved);
    await click('Turn on sync');
    await until(() => send.mock.calls.length === 1, 'the command');
    expect(sent()[0]).toMatchObject({ config: { url: 'https://other.example.net', password: '' } });
  });
});

describe('sync on: the status in plain words', () => {
  beforeEach(async () => {
    await syncConfigItem.setValue(CONFIG);
  });
  const shows = async (s: SyncStatus | null, ...want: string[]) => {
    if (s) await setStatus(s);
    await mount();
    await until(() => statusEl()?.getAttribute('data-state') === (s?.state ?? 'off'), `state ${s?.state}`);
    await until(() => want.every((w) => statusEl()!.textContent!.includes(w)), want.join(' / '));
    return statusEl()!;
  };

  it('shows the server and the user, never the password', async () => {
    await shows(status({ target: 'https://couch.example.org/paperdex', lastSyncedAt: Date.now() - 5 * 60_000 }), EN.sync_stateIdle);
    expect(root.querySelector('[data-testid=sync-target]')!.textContent).toBe('https://couch.example.org/paperdex');
    expect(root.textContent).toContain('maria');
    expect(root.innerHTML).not.toContain(SECRET);
  });

  it('before the engine reports: connecting', async () => {
    const el = await shows(null, EN.sync_stateConnecting);
    expect(el.getAttribute('data-state')).toBe('off');
    expect(el.textContent).toContain(EN.sync_notSyncedYet);
  });

  it('connecting, syncing with its counts', async () => {
    await shows(status({ state: 'connecting' }), EN.sync_stateConnecting);
    render(null, root);
    await shows(
      status({ state: 'syncing', sent: 1200, received: 3 }),
      EN.sync_stateSyncing,
      en('sync_counts', { sent: '1,200', received: 3 }),
    );
  });

  it('up to date, with when it last synced', async () => {
    const el = await shows(status({ state: 'idle', lastSyncedAt: Date.now() - 5 * 60_000 }), EN.sync_stateIdle, 'Last synced 5 min. ago');
    expect(el.getAttribute('data-error')).toBe('');
    // The headline is in a polite live region.
    const live = el.querySelector('[role=status]')!;
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.textContent).toBe(EN.sync_stateIdle);
  });

  it('changes waiting', async () => {
    await shows(status({ state: 'idle', pending: 3 }), '3 changes waiting to be sent');
    render(null, root);
    await setStatus(status({ state: 'offline', pending: 1 }));
    await shows(null, '1 change waiting to be sent');
  });

  it('offline: nothing is lost, and when it tries again', async () => {
    await shows(
      status({ state: 'offline', retryAt: Date.now() + 30_000, lastSyncedAt: Date.now() - 3 * 3600_000 }),
      "Can't reach the server. Paperdex retries by itself; nothing is lost.",
      'Next try in 30 sec.',
      'Last synced 3 hr. ago',
    );
  });

  it('paused, with Resume instead of Pause and no Sync now', async () => {
    await syncConfigItem.setValue({ ...CONFIG, paused: true });
    await shows(status({ state: 'paused' }), EN.sync_statePaused);
    expect(button('Pause')).toBeNull();
    expect(button('Sync now')!.disabled).toBe(true);
    await click('Resume');
    await until(() => send.mock.calls.length === 1, 'the command');
    expect(sent()).toEqual([{ action: 'resume' }]);
  });

  it('wrong password: says so, and offers the form to correct it (password empty), "Save and retry"', async () => {
    const el = await shows(
      status({ state: 'error', errorCode: 'auth', error: 'HTTP 401 unauthorized' }),
      'The server refused the username or password. Paperdex sends nothing until you correct them.',
      en('sync_errorDetail', { error: 'HTTP 401 unauthorized' }),
    );
    expect(el.getAttribute('data-error')).toBe('auth');
    expect(byLabel('Server URL')!.value).toBe(CONFIG.url);
    expect(byLabel('Username')!.value).toBe('maria');
    expect(byLabel('Password')!.value).toBe('');
    expect(root.innerHTML).not.toContain(SECRET);
    await type('Password', 'new-secret');
    await click('Save and retry');
    await until(() => send.mock.calls.length === 1, 'the command');
    expect(request).toHaveBeenCalledWith({ origins: ['https://couch.example.org/*'] });
    expect(sent()[0]).toEqual({
      action: 'configure',
      config: { url: CONFIG.url, database: 'paperdex', username: 'maria', password: 'new-secret' },
    });
  });

  it.each([
    ['forbidden', en('sync_errorForbidden', { database: 'paperdex' }), EN.sync_errorForbiddenTodo],
    ['notFound', en('sync_errorNotFound', { database: 'paperdex' }), EN.sync_errorNotFoundTodo],
    ['insecure', en('sync_errorInsecure', { server: 'couch.example.org' }), EN.sync_errorInsecureTodo],
    ['server', EN.sync_errorServer, EN.sync_errorServerTodo],
  ] as const)('error %s: what is wrong and what to do', async (code, what, todo) => {
    const el = await shows(status({ state: 'error', errorCode: code }), what, todo);
    expect(el.getAttribute('data-error')).toBe(code);
    expect(button('Change server…')).not.toBeNull();
  });

  it('error permission: a button asks the browser again (in the click) and reconfigures', async () => {
    await shows(
      status({ state: 'error', errorCode: 'permission' }),
      en('sync_errorPermission', { server: 'couch.example.org' }),
      EN.sync_errorPermissionTodo,
    );
    await click(en('sync_grant', { server: 'couch.example.org' }));
    await until(() => send.mock.calls.length === 1, 'the command');
    expect(calls).toEqual(['request', 'send']);
    expect(sent()[0]).toEqual({
      action: 'configure',
      config: { url: CONFIG.url, database: 'paperdex', username: 'maria', password: SECRET },
    });
  });

  it('lists the papers kept after a delete on another machine, titles as text', async () => {
    await shows(
      status({
        kept: [
          { id: 'p1', title: '<b>Graph</b> networks', at: Date.now() - 60_000 },
          { id: 'p2', title: 'Attention', at: Date.now() - 7200_000 },
        ],
      }),
      EN.sync_stateIdle,
    );
    const kept = root.querySelector('[data-testid=sync-kept]')!;
    expect(kept.textContent).toContain(en('sync_kept_other', { count: 2 }));
    expect([...kept.querySelectorAll('li .sync-kept-title')].map((x) => x.textContent)).toEqual(['<b>Graph</b> networks', 'Attention']);
    expect(kept.querySelector('b')).toBeNull();
  });

  it('in German', async () => {
    const de = messagesOf('de');
    setMessageSource((key) => de[key] ?? '', 'de-DE');
    await shows(
      status({ state: 'idle', pending: 2, lastSyncedAt: Date.now() - 3 * 86400_000 }),
      'Auf dem neuesten Stand',
      'Zuletzt synchronisiert vor 3 Tagen',
    );
    expect(statusEl()!.textContent).toContain('2 Änderungen noch nicht gesendet');
    expect(button('Jetzt synchronisieren')).not.toBeNull();
  });
});

describe('sync on: the buttons', () => {
  beforeEach(async () => {
    await syncConfigItem.setValue(CONFIG);
    await setStatus(status({ state: 'idle' }));
    await mount();
    await until(() => !!statusEl(), 'the status');
  });

  it('Sync now and Pause send their commands', async () => {
    await click('Sync now');
    await until(() => send.mock.calls.length === 1, 'now');
    await until(() => !button('Pause')!.disabled, 'the buttons to come back');
    await click('Pause');
    await until(() => send.mock.calls.length === 2, 'pause');
    expect(sent()).toEqual([{ action: 'now' }, { action: 'pause' }]);
  });

  it('Stop syncing asks first, saying local data stays; Cancel and Esc send nothing', async () => {
    await click('Stop syncing');
    const question = root.querySelector('#sync-stop-question')!;
    expect(question.textContent).toBe(`${EN.sync_stopQuestion} ${EN.sync_stopKeeps}`);
    expect(root.querySelector('[role=group]')!.getAttribute('aria-labelledby')).toBe('sync-stop-question');
    await click('Cancel');
    expect(root.querySelector('#sync-stop-question')).toBeNull();
    expect(document.activeElement?.textContent).toBe('Stop syncing');
    await click('Stop syncing');
    await act(() => {
      document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(root.querySelector('#sync-stop-question')).toBeNull();
    expect(send).not.toHaveBeenCalled();
    await click('Stop syncing');
    expect(document.activeElement?.textContent).toBe('Stop syncing');
    expect(document.activeElement?.classList.contains('danger')).toBe(true);
    await click('Stop syncing');
    await until(() => send.mock.calls.length === 1, 'stop');
    expect(sent()).toEqual([{ action: 'stop' }]);
  });

  it('Change server… edits the settings; an empty password keeps the stored one', async () => {
    await click('Change server…');
    await click('Cancel');
    expect(byLabel('Database')).toBeNull();
    expect(document.activeElement?.textContent).toBe('Change server…');
    await click('Change server…');
    expect(byLabel('Password')!.value).toBe('');
    expect(root.innerHTML).not.toContain(SECRET);
    await type('Database', 'papers2');
    await click('Save');
    await until(() => send.mock.calls.length === 1, 'configure');
    expect(sent()[0]).toEqual({
      action: 'configure',
      config: { url: CONFIG.url, database: 'papers2', username: 'maria', password: SECRET },
    });
    await until(() => !byLabel('Database'), 'the form to close');
  });

  it('goes back to the form when the configuration says sync is off', async () => {
    await act(() => syncConfigItem.setValue({ ...CONFIG, enabled: false }));
    await until(() => !!button('Turn on sync'), 'the form');
    expect(statusEl()).toBeNull();
  });
});
