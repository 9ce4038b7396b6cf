/**
 * Runs the bundled Meilisearch as a child process for `npm start` with no
 * configuration. The only process-lifetime code in the project: it binds to
 * loopback, keeps its state under DATA_DIR, and makes sure the server dies
 * with us (see watchdog.ts for the SIGKILL case).
 */
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { prepareMeiliBinary } from './binary.js';
import { acquireDataDirLock, readOrCreateMasterKey, type DataDirLock } from './data-dir.js';
import { MeiliStartError } from './errors.js';
import { isProcessAlive, liveGroupMembers } from './processes.js';
import { WATCHDOG_SCRIPT } from './watchdog.js';

export interface EmbeddedMeili {
  /** e.g. `http://127.0.0.1:41234` */
  url: string;
  masterKey: string;
  /** pid of the meilisearch server itself. */
  pid: number;
  /** pid of the watchdog shell that owns it (also its process group id). */
  watchdogPid: number;
  /** SIGTERM, wait for exit (SIGKILL after a timeout), release the data dir. Idempotent. */
  stop(): Promise<void>;
  /**
   * Settles when the server exits on its own (killed, crashed) — never after
   * stop() — with its exit status and the tail of its output. The supervisor
   * (supervise.ts) restarts it from there.
   */
  died: Promise<MeiliExit>;
}

/** How an embedded server ended, for the log line an operator reads. */
export interface MeiliExit {
  /** e.g. "exited with status 137 (killed by SIGKILL)" */
  status: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The last lines of its output, ANSI codes removed, master key redacted. */
  outputTail: string;
}

export type MeiliLogLevel = 'OFF' | 'ERROR' | 'WARN' | 'INFO' | 'DEBUG' | 'TRACE';

export interface StartEmbeddedMeiliOptions {
  /** The app's DATA_DIR; Meilisearch keeps everything under `${dataDir}/meili`. */
  dataDir: string;
  /** Defaults to a free port chosen by the OS. */
  port?: number;
  /** Loopback address to bind; defaults to '127.0.0.1'. Non-loopback addresses are refused. */
  host?: string;
  /** Receives meilisearch's output line by line (ANSI codes removed, master key redacted). */
  log?: (line: string) => void;
  /** Meilisearch's own log level; defaults to 'WARN' (INFO logs every HTTP request, which costs CPU under load). */
  logLevel?: MeiliLogLevel;
  /** How long to wait for /health to report available; defaults to 30000 ms. */
  startTimeoutMs?: number;
  /** How long stop() waits after SIGTERM before SIGKILL; defaults to 10000 ms. */
  stopTimeoutMs?: number;
  /** Binary to run; defaults to the verified bundled one (injectable for tests). */
  binaryPath?: string;
}

const STDERR_TAIL_LINES = 40;
const PORT_RETRIES = 3;

/**
 * Starts Meilisearch under a watchdog and resolves once `GET /health` reports
 * `available`. The child does not keep Node's event loop alive: when Node
 * exits (normally, by signal, by crash, even by SIGKILL) the server goes too. Rejects with MeiliStartError (including the tail of
 * meilisearch's stderr) when it exits early, never becomes healthy within
 * `startTimeoutMs` (default 30000), or the data dir is in use; with
 * MeiliBinaryError when the binary cannot be used.
 */
export async function startEmbeddedMeili(opts: StartEmbeddedMeiliOptions): Promise<EmbeddedMeili> {
  const prepared = await prepareEmbeddedMeili(opts);
  try {
    for (let attempt = 1; ; attempt++) {
      const port = opts.port ?? (await findFreePort(prepared.host));
      try {
        return await launchEmbeddedMeili({ ...prepared, port });
      } catch (err) {
        // The free port can be taken between our probe and meilisearch's bind.
        const portRace = err instanceof MeiliStartError && /address already in use|os error 98/i.test(err.stderrTail);
        if (!portRace || opts.port !== undefined || attempt >= PORT_RETRIES) throw err;
      }
    }
  } catch (err) {
    await prepared.lock.release();
    throw err;
  }
}

/** Everything a launch needs except the port, the data dir lock already held. For startEmbeddedMeili and supervise.ts. */
export type PreparedMeili = Omit<LaunchArgs, 'port'>;

/** Checks the host and binary, creates the data dir and takes its lock; the caller releases `lock` when done. */
export async function prepareEmbeddedMeili(opts: StartEmbeddedMeiliOptions): Promise<PreparedMeili> {
  const host = opts.host ?? '127.0.0.1';
  assertLoopback(host);
  const binary = opts.binaryPath ?? (await prepareMeiliBinary());
  const dataDir = resolve(opts.dataDir);
  const meiliDir = join(dataDir, 'meili');
  await mkdir(meiliDir, { recursive: true, mode: 0o700 });
  const dbPath = join(meiliDir, 'data.ms');
  const lock = await acquireDataDirLock(join(meiliDir, 'embedded.lock'), { dbPath });
  try {
    const masterKey = await readOrCreateMasterKey(join(dataDir, 'meili-master-key'));
    return { ...opts, host, binary, meiliDir, dbPath, masterKey, lock };
  } catch (err) {
    await lock.release();
    throw err;
  }
}

interface LaunchArgs extends StartEmbeddedMeiliOptions {
  host: string;
  port: number;
  binary: string;
  meiliDir: string;
  dbPath: string;
  masterKey: string;
  lock: DataDirLock;
  /** Extra meilisearch flags (e.g. --import-dump for a restore). */
  extraArgs?: string[];
  /** stop() keeps the data dir lock (the supervisor relaunches under it). Default false. */
  keepLock?: boolean;
}

/** Starts one meilisearch under a watchdog on `a.port`; see startEmbeddedMeili. */
export async function launchEmbeddedMeili(a: LaunchArgs): Promise<EmbeddedMeili> {
  const hostPart = a.host.includes(':') ? `[${a.host}]` : a.host;
  const url = `http://${hostPart}:${a.port}`;
  const args = [
    '--db-path', a.dbPath,
    '--dump-dir', join(a.meiliDir, 'dumps'),
    '--snapshot-dir', join(a.meiliDir, 'snapshots'),
    '--http-addr', `${hostPart}:${a.port}`,
    '--env', 'production',
    '--no-analytics',
    '--log-level', a.logLevel ?? 'WARN',
    ...(a.extraArgs ?? []),
  ];
  const child = spawn('/bin/sh', ['-c', WATCHDOG_SCRIPT, 'meili-watchdog', String(process.pid), a.binary, ...args], {
    // Its own cwd so a stray ./config.toml in the project is never picked up.
    cwd: a.meiliDir,
    env: childEnv(a.masterKey),
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    // Own process group: a terminal's Ctrl-C reaches only Node, which then
    // stops the server in order (API first); the group also lets stop() SIGKILL everything at once.
    detached: true,
  });
  const watchdogPid = child.pid;
  if (watchdogPid === undefined) {
    throw new MeiliStartError('Could not spawn /bin/sh to run Meilisearch', {});
  }

  const tail: string[] = [];
  const onLine = (line: string) => {
    const clean = line.replace(/\x1b\[[0-9;]*m/g, '').split(a.masterKey).join('<redacted>').trimEnd();
    if (clean.length === 0) return;
    tail.push(clean);
    if (tail.length > STDERR_TAIL_LINES) tail.shift();
    a.log?.(clean);
  };
  const outputDone: Promise<void>[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', onLine);
    outputDone.push(new Promise((res) => stream.once('close', () => res())));
  }

  let exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  let stopRequested = false;
  let started = false;
  let reportDeath: (exit: MeiliExit) => void = () => {};
  const died = new Promise<MeiliExit>((res) => (reportDeath = res));
  const exited = new Promise<void>((res) => {
    child.once('exit', (code, signal) => {
      exitInfo = { code, signal };
      res();
      if (!stopRequested && started) {
        // The last lines are what explains the death; 'exit' can come before they are read.
        void Promise.race([Promise.all(outputDone), delay(500, { unref: true })]).then(() =>
          reportDeath({ status: describeStatus(exitInfo), code, signal, outputTail: tail.join('\n') }),
        );
      }
    });
    child.once('error', () => res());
  });

  // Synchronous by necessity: 'exit' listeners cannot await. The watchdog finishes the job.
  const onProcessExit = () => {
    try {
      process.kill(watchdogPid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  process.on('exit', onProcessExit);

  const stopTimeoutMs = a.stopTimeoutMs ?? 10_000;
  let meiliPid = 0;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      stopRequested = true;
      // Re-ref so that awaiting stop() cannot be cut short by Node exiting with nothing else to do.
      child.ref();
      if (exitInfo === undefined) {
        signal(watchdogPid, 'SIGTERM');
        const inTime = await Promise.race([
          exited.then(() => true),
          delay(stopTimeoutMs, { unref: true }).then(() => false),
        ]);
        if (!inTime) {
          signal(-watchdogPid, 'SIGKILL');
          await exited;
        }
      }
      // If the shell died first (killed from outside), meilisearch may survive it.
      if (meiliPid > 0 && isProcessAlive(meiliPid)) {
        signal(meiliPid, 'SIGTERM');
        if (!(await waitUntilGone(meiliPid, stopTimeoutMs))) signal(meiliPid, 'SIGKILL');
        await waitUntilGone(meiliPid, 2000);
      }
      // The watchdog's parent-polling subshell (and its `sleep`) share the shell's process group. The shell
      // signals the subshell just before it exits, but on a loaded machine the subshell can still be alive
      // when 'exit' arrives; whatever is left in the group now is a leftover, so it goes at once.
      if (liveGroupMembers(watchdogPid).length > 0) {
        signal(-watchdogPid, 'SIGKILL');
        await waitUntil(() => liveGroupMembers(watchdogPid).length === 0, 2000);
      }
      process.off('exit', onProcessExit);
      if (!a.keepLock) await a.lock.release();
    })();
    return stopping;
  };

  const stderrTail = () => tail.join('\n');
  const stopWithoutRelease = async (): Promise<void> => {
    if (exitInfo === undefined) {
      signal(-watchdogPid, 'SIGKILL');
      await exited;
    }
    process.off('exit', onProcessExit);
  };
  try {
    meiliPid = await readPid(child.stdio[3] as Readable | null, exited);
    await a.lock.update(meiliPid, url);
    await waitForHealth(url, {
      timeoutMs: a.startTimeoutMs ?? 30_000,
      hasExited: () => exitInfo !== undefined,
      describeExit: () => describeExit(exitInfo),
    });
  } catch (err) {
    const early = exitInfo !== undefined;
    // Unlike stop(), keep the lock: the caller releases it, or retries on another port.
    await stopWithoutRelease();
    // 'exit' can come before the last output lines are read; those are the ones that explain the failure.
    await Promise.race([Promise.all(outputDone), delay(1000, { unref: true })]);
    const message =
      err instanceof MeiliStartError
        ? err.message
        : early
          ? describeExit(exitInfo)
          : `Meilisearch failed to start: ${(err as Error).message}`;
    throw new MeiliStartError(withTail(message, stderrTail()), { stderrTail: stderrTail(), cause: err });
  }
  // The server serves this process; it must not keep it alive. When Node's
  // event loop drains, Node exits and the 'exit' hook (or the watchdog) stops meilisearch.
  child.unref();
  for (const stream of [child.stdout, child.stderr]) (stream as Socket | null)?.unref();
  started = true;
  if (exitInfo !== undefined) {
    // Died between becoming healthy and here.
    reportDeath({ status: describeStatus(exitInfo), code: exitInfo.code, signal: exitInfo.signal, outputTail: tail.join('\n') });
  }
  return { url, masterKey: a.masterKey, pid: meiliPid, watchdogPid, stop, died };
}

/** The watchdog shell exits with meilisearch's status: 128 + n when a signal n killed it. */
function describeStatus(info: { code: number | null; signal: NodeJS.Signals | null } | undefined): string {
  if (info?.signal) return `was killed by ${info.signal}`;
  const code = info?.code;
  if (code === null || code === undefined) return 'exited with an unknown status';
  const SIGNALS: Record<number, string> = { 1: 'SIGHUP', 2: 'SIGINT', 6: 'SIGABRT', 9: 'SIGKILL', 11: 'SIGSEGV', 15: 'SIGTERM' };
  return code > 128 && SIGNALS[code - 128] ? `exited with status ${code} (killed by ${SIGNALS[code - 128]})` : `exited with status ${code}`;
}

function describeExit(info: { code: number | null; signal: NodeJS.Signals | null } | undefined): string {
  const how = info?.signal ? `was killed by ${info.signal}` : `exited with code ${info?.code ?? 'unknown'}`;
  return `Meilisearch ${how} before becoming healthy`;
}

function withTail(message: string, tail: string): string {
  return tail ? `${message}\n--- meilisearch stderr (last lines) ---\n${tail}` : message;
}

/** Polls GET /health; resolves on `{"status":"available"}`. */
async function waitForHealth(
  url: string,
  o: { timeoutMs: number; hasExited: () => boolean; describeExit: () => string },
): Promise<void> {
  const deadline = Date.now() + o.timeoutMs;
  let lastError = 'no answer yet';
  while (Date.now() < deadline) {
    if (o.hasExited()) throw new MeiliStartError(o.describeExit());
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
      const body = (await res.json().catch(() => ({}))) as { status?: unknown };
      if (res.ok && body.status === 'available') return;
      lastError = `HTTP ${res.status}`;
    } catch (err) {
      lastError = (err as Error).message;
    }
    await delay(100);
  }
  if (o.hasExited()) throw new MeiliStartError(o.describeExit());
  throw new MeiliStartError(
    `Meilisearch at ${url} did not report healthy within ${o.timeoutMs} ms (last: ${lastError})`,
  );
}

/** Reads the pid the watchdog writes on fd 3. */
async function readPid(stream: Readable | null, exited: Promise<void>): Promise<number> {
  if (!stream) throw new MeiliStartError('The watchdog has no pid channel');
  let text = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    text += chunk;
  });
  const ended = new Promise<void>((res) => stream.once('close', () => res()));
  await Promise.race([ended, exited, delay(10_000, { unref: true })]);
  const pid = Number.parseInt(text.trim(), 10);
  if (!Number.isInteger(pid) || pid <= 0) throw new MeiliStartError('The watchdog did not report a meilisearch pid');
  return pid;
}

/**
 * Asks the OS for a free TCP port on `host` (listen on 0, read it, close).
 * @param host defaults to '127.0.0.1'
 */
export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((res, rej) => {
    const server = createServer();
    server.unref();
    server.once('error', rej);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? res(port) : rej(new Error('The OS returned no port'))));
    });
  });
}

function assertLoopback(host: string): void {
  if (!(/^127\.\d+\.\d+\.\d+$/.test(host) || host === '::1' || host === 'localhost')) {
    throw new MeiliStartError(
      `The embedded Meilisearch binds to loopback only; refusing host ${host}. ` +
        'To serve Meilisearch on a network, run it yourself and set MEILI_HOST.',
    );
  }
}

/** The parent's environment minus every MEILI_* variable (they would silently override our flags), plus the key. */
function childEnv(masterKey: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('MEILI_')) env[k] = v;
  env.MEILI_MASTER_KEY = masterKey;
  return env;
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    /* already gone */
  }
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  return waitUntil(() => !isProcessAlive(pid), timeoutMs);
}

async function waitUntil(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (done()) return true;
    await delay(50);
  }
  return done();
}

/** `unref` for timers that only bound a race: they must not keep the process alive after the race is won. */
function delay(ms: number, o: { unref?: boolean } = {}): Promise<void> {
  return new Promise((res) => {
    const t = setTimeout(res, ms);
    if (o.unref) t.unref();
  });
}

const stoppers: Array<() => Promise<void>> = [];
let handlersInstalled = false;
let shuttingDown = false;

/**
 * Runs `stop` (and every other function registered here) before the process
 * ends on SIGINT, SIGTERM, SIGHUP or an uncaught exception, then exits with 130, 143,
 * 129 or 1. Stoppers run one after another, last registered first — like a stack
 * of resources, so `stopOnSignals(meili.stop)` then `stopOnSignals(() => app.close())`
 * closes the API before the search engine under it; a stopper that fails does
 * not prevent the others. The handlers are installed once, however often this
 * is called; a second signal during shutdown exits at once. Returns a function
 * that unregisters `stop`.
 * @param opts.graceMs how long all stoppers together may take before a forced exit;
 *   defaults to 15000 ms (taken from the first call)
 */
export function stopOnSignals(stop: () => Promise<void>, opts: { graceMs?: number } = {}): () => void {
  stoppers.push(stop);
  if (!handlersInstalled) {
    handlersInstalled = true;
    graceMs = opts.graceMs ?? 15_000;
    process.on('SIGINT', () => void shutdown(130));
    process.on('SIGTERM', () => void shutdown(143));
    // A closed terminal or `kill -HUP`: nothing here reloads configuration, so it stops like the others.
    process.on('SIGHUP', () => void shutdown(129));
    process.on('uncaughtException', (err) => {
      // Installing this listener replaces Node's default report, so print it ourselves.
      console.error(err);
      void shutdown(1);
    });
  }
  return () => {
    const i = stoppers.indexOf(stop);
    if (i >= 0) stoppers.splice(i, 1);
  };
}

let graceMs = 15_000;

async function shutdown(code: number): Promise<void> {
  if (shuttingDown) process.exit(code);
  shuttingDown = true;
  setTimeout(() => process.exit(code), graceMs).unref();
  for (const s of [...stoppers].reverse()) {
    try {
      await s();
    } catch (err) {
      console.error(err);
    }
  }
  process.exit(code);
}

/**
 * Stops (as on SIGHUP) when the process that started this one goes away.
 * For `npm start`: npm forwards SIGINT and SIGTERM to its script but not
 * SIGHUP — it dies of it, and the server would be left running, reparented.
 * Only when started by npm (`npm_lifecycle_event` set): a server started with
 * `nohup node …` must outlive its shell on purpose.
 * @param opts.pollMs how often the parent is checked; default 500
 */
export function stopWithNpmParent(opts: { pollMs?: number } = {}): void {
  if (!process.env.npm_lifecycle_event) return;
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void shutdown(129);
  }, opts.pollMs ?? 500).unref();
}
