// A real CouchDB-protocol server for tests: `pouchdb-server` (npm, devDependency) in a child
// process on 127.0.0.1, in memory (its LevelDOWN and SQLite backends are native modules that are
// not built here; memdown is the pure-JS one, and it keeps nothing on disk either), with real
// authentication: an admin user (no "admin party") and one database whose _security admits only
// that user, so a wrong password gets 401 as from Apache CouchDB.
//
// Clients never talk to the process directly: they come in through "doors", small HTTP reverse
// proxies in the test process (127.0.0.1, one port each), which log every request and can be shut:
// - `stop()` shuts every door (listeners closed, open connections — the replication's long-poll —
//   cut): to a client that is exactly a stopped server (connection refused), while the data stays,
//   which an in-memory pouchdb-server would lose on a real restart; `restart()` opens them again on
//   the same ports.
// - `door(name)` opens another entrance on its own port, e.g. one per browser profile, so a test
//   can count the requests of each client apart (`door.requests`).
// The process dies with `close()`, and also when the test process exits (its stdin closes).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HOST = '127.0.0.1';
const BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../..', 'node_modules/pouchdb-server/bin/pouchdb-server');

export interface CouchOptions {
  /** The main door's port (default: a free one). */
  port?: number;
  /** The admin user (created on start) and the only member of `db`. */
  user: string;
  password: string;
  /** The database, created on start with a _security object that admits only `user`. */
  db: string;
  /** Bound for start-up (ms, default 30 s). */
  timeout?: number;
}

/** A request a door let through (or refused while shut: never; a shut door refuses connections). */
export interface CouchRequest {
  door: string;
  method: string;
  /** Path and query, e.g. `/paperdex/_changes?feed=longpoll&since=3`. */
  url: string;
  /** The server's answer (undefined while it is still streaming, e.g. a long-poll). */
  status?: number;
  /** The request carried credentials (an Authorization header; its value is never kept). */
  auth: boolean;
  at: number;
}

/** An entrance to the server on its own port. */
export interface CouchDoor {
  name: string;
  port: number;
  /** `http://127.0.0.1:<port>` (no trailing slash, no credentials). */
  url: string;
  /** Every request that came in through this door, oldest first. */
  requests: CouchRequest[];
}

/** A document as read back for assertions (with its conflicting revisions, if any). */
export interface CouchDoc {
  _id: string;
  _rev: string;
  _conflicts?: string[];
  _deleted?: boolean;
  [k: string]: unknown;
}

export interface CouchServer extends CouchDoor {
  user: string;
  password: string;
  db: string;
  /** `<url>/<db>`. */
  dbUrl: string;
  /** Whether the doors are open. */
  readonly running: boolean;
  /** Every request through any door. */
  allRequests(): CouchRequest[];
  /** Open another door (see the file's header); shut and opened with the others. */
  door(name: string): Promise<CouchDoor>;
  /** Shut every door, cutting open connections: clients see a stopped server. The data stays. */
  stop(): Promise<void>;
  /** Open the doors again, on the same ports. */
  restart(): Promise<void>;
  /** All documents of the database (not `_local`), with `_conflicts`; read past the doors (works while stopped). */
  docs(): Promise<CouchDoc[]>;
  /** A request straight to the server process (past the doors), with the admin's credentials unless `auth: false`. */
  fetch(path: string, init?: RequestInit & { auth?: boolean | { user: string; password: string } }): Promise<Response>;
  /** Kill the server process and shut the doors. Safe to call twice. */
  close(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released). */
export async function freePort(): Promise<number> {
  const s = createNetServer();
  await new Promise<void>((r, j) => s.once('error', j).listen(0, HOST, () => r()));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** Every child started here, killed when the test process exits however it ends. */
const children = new Set<ChildProcess>();
let exitHook = false;
function track(child: ChildProcess): void {
  children.add(child);
  child.once('exit', () => children.delete(child));
  if (exitHook) return;
  exitHook = true;
  process.once('exit', () => {
    for (const c of children) c.kill('SIGKILL');
  });
}

/** A reverse proxy on 127.0.0.1:`port` (0: any) to the backend, logging requests; can be shut and opened again. */
class Door implements CouchDoor {
  requests: CouchRequest[] = [];
  port: number;
  private server?: Server;
  private sockets = new Set<Socket>();
  private upstream = new Set<IncomingMessage | ReturnType<typeof httpRequest>>();

  constructor(
    readonly name: string,
    port: number,
    private backendPort: number,
    private log: CouchRequest[],
  ) {
    this.port = port;
  }

  get url(): string {
    return `http://${HOST}:${this.port}`;
  }

  get open(): boolean {
    return !!this.server;
  }

  async listen(): Promise<void> {
    if (this.server) return;
    const server = createServer((req, res) => this.forward(req, res));
    server.keepAliveTimeout = 5_000;
    server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('error', () => undefined);
      s.once('close', () => this.sockets.delete(s));
    });
    server.on('clientError', (_e, s) => s.destroy());
    // The port was free a moment ago (or is this door's own, just released): retry briefly if the kernel is slow to let go.
    for (let attempt = 0; ; attempt++) {
      try {
        await new Promise<void>((r, j) => {
          server.once('error', j);
          server.listen(this.port, HOST, () => {
            server.off('error', j);
            r();
          });
        });
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 20) throw e;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async shut(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    const closed = new Promise<void>((r) => server.close(() => r()));
    for (const u of this.upstream) u.destroy();
    for (const s of this.sockets) s.destroy();
    await closed;
  }

  private forward(req: IncomingMessage, res: ServerResponse): void {
    const rec: CouchRequest = {
      door: this.name,
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      auth: !!req.headers.authorization,
      at: Date.now(),
    };
    this.requests.push(rec);
    this.log.push(rec);
    const headers = { ...req.headers, host: `${HOST}:${this.backendPort}` };
    const up = httpRequest({ host: HOST, port: this.backendPort, method: req.method, path: req.url, headers }, (answer) => {
      this.upstream.add(answer);
      answer.once('close', () => this.upstream.delete(answer));
      rec.status = answer.statusCode;
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      answer.on('error', () => res.destroy());
    });
    this.upstream.add(up);
    up.once('close', () => this.upstream.delete(up));
    up.on('error', () => {
      rec.status ??= 502;
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' }).end('{"error":"bad_gateway"}');
      else res.destroy();
    });
    req.pipe(up);
    // The client went away (or the door was shut): stop the upstream request too.
    res.once('close', () => up.destroy());
  }
}

/**
 * Start pouchdb-server in memory on a free internal port, make `user` its admin, create `db` with
 * a _security object that admits only `user`, and open the main door. Resolves once the server
 * answers; rejects (and cleans up) after `timeout`.
 */
export async function startCouch(opts: CouchOptions): Promise<CouchServer> {
  const timeout = opts.timeout ?? 30_000;
  const dir = mkdtempSync(join(tmpdir(), 'paperdex-couch-'));
  const backendPort = await freePort();
  // The server's own CLI, run so that it dies with its parent: it exits when its stdin closes.
  const boot = `process.stdin.on('end', () => process.exit(0)); process.stdin.resume(); require(${JSON.stringify(BIN)});`;
  const child = spawn(
    process.execPath,
    [
      '-e',
      boot,
      'pouchdb-server',
      '--in-memory',
      '--port',
      String(backendPort),
      '--host',
      HOST,
      '--config',
      join(dir, 'config.json'),
      '--no-stdout-logs',
      '--no-color',
    ],
    { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  track(child);
  let output = '';
  child.stdout!.on('data', (b: Buffer) => (output = (output + b.toString()).slice(-4000)));
  child.stderr!.on('data', (b: Buffer) => (output = (output + b.toString()).slice(-4000)));
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));

  const backend = `http://${HOST}:${backendPort}`;
  const adminAuth = basic(opts.user, opts.password);
  const direct = (path: string, init: RequestInit & { auth?: boolean | { user: string; password: string } } = {}) => {
    const { auth = true, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (auth) headers.set('authorization', auth === true ? adminAuth : basic(auth.user, auth.password));
    if (rest.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
    return fetch(`${backend}${path}`, { ...rest, headers, signal: rest.signal ?? AbortSignal.timeout(15_000) });
  };

  const doors: Door[] = [];
  const log: CouchRequest[] = [];
  let closed = false;
  const kill = async () => {
    if (exited !== undefined) return;
    const gone = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    const t = setTimeout(() => child.kill('SIGKILL'), 3_000);
    await gone;
    clearTimeout(t);
  };

  try {
    // Wait until it answers.
    const end = Date.now() + timeout;
    for (;;) {
      if (exited !== undefined) throw new Error(`pouchdb-server exited (${exited}) on start:\n${output}`);
      const ok = await fetch(`${backend}/`, { signal: AbortSignal.timeout(2_000) }).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() > end) throw new Error(`pouchdb-server did not answer within ${timeout} ms:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const must = async (what: string, r: Promise<Response>, ok: number[]) => {
      const res = await r;
      if (!ok.includes(res.status)) throw new Error(`pouchdb-server: ${what}: ${res.status} ${await res.text()}`);
    };
    // End the admin party: the first admin is created without credentials.
    await must(
      'create the admin',
      direct(`/_config/admins/${encodeURIComponent(opts.user)}`, { method: 'PUT', auth: false, body: JSON.stringify(opts.password) }),
      [200],
    );
    // (pouchdb-server 4.2.0 crashes on an unauthenticated PUT /<db> once an admin exists: always send credentials.)
    await must('create the database', direct(`/${encodeURIComponent(opts.db)}`, { method: 'PUT' }), [201]);
    const security = { admins: { names: [opts.user], roles: [] }, members: { names: [opts.user], roles: [] } };
    await must(
      'set _security',
      direct(`/${encodeURIComponent(opts.db)}/_security`, { method: 'PUT', body: JSON.stringify(security) }),
      [200],
    );
    // Check what the tests rely on: no access without the right password.
    await must('refuse anonymous', direct(`/${encodeURIComponent(opts.db)}`, { auth: false }), [401]);
    await must(
      'refuse a wrong password',
      direct(`/${encodeURIComponent(opts.db)}`, { auth: { user: opts.user, password: `${opts.password}-wrong` } }),
      [401],
    );

    const main = new Door('main', opts.port ?? 0, backendPort, log);
    await main.listen();
    doors.push(main);

    const server: CouchServer = {
      name: main.name,
      get port() {
        return main.port;
      },
      get url() {
        return main.url;
      },
      get requests() {
        return main.requests;
      },
      user: opts.user,
      password: opts.password,
      db: opts.db,
      get dbUrl() {
        return `${main.url}/${encodeURIComponent(opts.db)}`;
      },
      get running() {
        return main.open;
      },
      allRequests: () => [...log],
      async door(name) {
        if (closed) throw new Error('the server is closed');
        const d = new Door(name, 0, backendPort, log);
        await d.listen();
        // A door opened while the server is stopped stays shut until restart(), on its port.
        if (!main.open) await d.shut();
        doors.push(d);
        return d;
      },
      async stop() {
        await Promise.all(doors.map((d) => d.shut()));
      },
      async restart() {
        if (closed) throw new Error('the server is closed');
        for (const d of doors) await d.listen();
      },
      async docs() {
        const res = await direct(`/${encodeURIComponent(opts.db)}/_all_docs?include_docs=true&conflicts=true`);
        if (!res.ok) throw new Error(`_all_docs: ${res.status} ${await res.text()}`);
        const body = (await res.json()) as { rows: { id: string; doc?: CouchDoc }[] };
        return body.rows.map((r) => r.doc).filter((d): d is CouchDoc => !!d);
      },
      fetch: direct,
      async close() {
        if (closed) return;
        closed = true;
        await Promise.all(doors.map((d) => d.shut()));
        await kill();
        rmSync(dir, { recursive: true, force: true });
      },
    };
    return server;
  } catch (e) {
    await Promise.all(doors.map((d) => d.shut()));
    await kill();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
