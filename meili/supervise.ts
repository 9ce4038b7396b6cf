/**
 * Keeps the embedded Meilisearch running: when it dies on its own (killed,
 * crashed, out of memory) it is started again on the same port and data dir,
 * with a growing pause between attempts, so the API — whose client keeps the
 * same URL — recovers without a restart of its own. Every death is reported
 * at error level with its exit status and the tail of its output.
 *
 * After `maxRestarts` attempts in a row that do not bring it back for
 * `stableMs`, the supervisor gives up and calls `onGiveUp`: a database that
 * cannot open, a port taken by someone else, a disk that is full will not mend
 * by trying again, and the process manager (systemd, Docker, Kubernetes) is
 * the right one to decide what comes next — server.ts exits non-zero.
 */
import { findFreePort, launchEmbeddedMeili, prepareEmbeddedMeili, type EmbeddedMeili, type MeiliExit, type StartEmbeddedMeiliOptions } from './embedded.js';

export type EngineState = 'up' | 'restarting' | 'gave-up' | 'stopped';

/** What /health shows about the engine. */
export interface EngineStatus {
  mode: 'embedded';
  state: EngineState;
  /** Restarts since the API started (successful or not). */
  restarts: number;
  /** pid of the meilisearch now running, when up. */
  pid?: number;
  /** The last unexpected exit, e.g. "exited with status 137 (killed by SIGKILL)" at an ISO time. */
  lastExit?: { status: string; at: string };
  /** While restarting: seconds until the next attempt is expected to be serving (for Retry-After). */
  retryAfterSeconds?: number;
}

export interface SuperviseOptions extends StartEmbeddedMeiliOptions {
  /** Consecutive failed restarts before giving up; default 5. */
  maxRestarts?: number;
  /** Pause before the first restart, ms; doubled after each failure up to `maxBackoffMs`. Default 250. */
  backoffMs?: number;
  /** Default 8000. */
  maxBackoffMs?: number;
  /** An engine that stayed up this long resets the count of failed attempts; default 60000 ms. */
  stableMs?: number;
  /** Error-level events: a death (with status and output tail), a failed restart, giving up. */
  onError?: (message: string, detail: Record<string, unknown>) => void;
  /** Info-level events: a successful restart. */
  onInfo?: (message: string, detail: Record<string, unknown>) => void;
  /** Called once when the supervisor gives up; the engine stays down. */
  onGiveUp?: (reason: string) => void;
}

export interface SupervisedMeili {
  url: string;
  masterKey: string;
  /** pid of the meilisearch running now (changes on each restart). */
  pid(): number;
  status(): EngineStatus;
  /** Stops supervising and the server, releases the data dir. Idempotent. */
  stop(): Promise<void>;
}

const delay = (ms: number) => new Promise<void>((res) => setTimeout(res, ms).unref());

/**
 * Starts the embedded Meilisearch (as startEmbeddedMeili) and supervises it.
 * The first start is not retried: a failure there is a configuration problem and rejects at once.
 */
export async function superviseEmbeddedMeili(opts: SuperviseOptions): Promise<SupervisedMeili> {
  const maxRestarts = opts.maxRestarts ?? 5;
  const backoffMs = opts.backoffMs ?? 250;
  const maxBackoffMs = opts.maxBackoffMs ?? 8000;
  const stableMs = opts.stableMs ?? 60_000;
  const prepared = await prepareEmbeddedMeili(opts);
  // The port is fixed for the supervisor's life: the API's client was built with this URL.
  const port = opts.port ?? (await findFreePort(prepared.host));
  let current: EmbeddedMeili;
  try {
    current = await launchEmbeddedMeili({ ...prepared, port, keepLock: true });
  } catch (err) {
    await prepared.lock.release();
    throw err;
  }
  const status: EngineStatus = { mode: 'embedded', state: 'up', restarts: 0, pid: current.pid };
  let upSince = Date.now();
  let failedInARow = 0;
  let stopping = false;

  const watch = (inst: EmbeddedMeili) => {
    void inst.died.then((exit) => {
      if (!stopping) void restart(exit);
    });
  };

  const restart = async (exit: MeiliExit): Promise<void> => {
    status.state = 'restarting';
    status.pid = undefined;
    status.lastExit = { status: exit.status, at: new Date().toISOString() };
    opts.onError?.(`Meilisearch ${exit.status}; restarting it`, { exitCode: exit.code, signal: exit.signal, outputTail: exit.outputTail });
    await current.stop(); // sweeps what is left of it (the watchdog shell); keeps the lock
    if (Date.now() - upSince >= stableMs) failedInARow = 0;
    for (;;) {
      if (stopping) return;
      if (failedInARow >= maxRestarts) {
        status.state = 'gave-up';
        status.retryAfterSeconds = undefined;
        const reason = `Meilisearch could not be brought back after ${maxRestarts} restarts in a row; giving up`;
        opts.onError?.(reason, { lastExit: status.lastExit });
        opts.onGiveUp?.(reason);
        return;
      }
      const pause = Math.min(maxBackoffMs, backoffMs * 2 ** failedInARow);
      // An estimate for clients: the pause plus about two seconds for meilisearch to open its database.
      status.retryAfterSeconds = Math.ceil(pause / 1000) + 2;
      await delay(pause);
      if (stopping) return;
      status.restarts++;
      failedInARow++;
      try {
        current = await launchEmbeddedMeili({ ...prepared, port, keepLock: true });
      } catch (err) {
        opts.onError?.(`Meilisearch restart ${failedInARow}/${maxRestarts} failed`, {
          error: err instanceof Error ? err.message : String(err),
        });
        continue;
      }
      if (stopping) {
        await current.stop();
        return;
      }
      upSince = Date.now();
      status.state = 'up';
      status.pid = current.pid;
      status.retryAfterSeconds = undefined;
      opts.onInfo?.(`Meilisearch restarted (pid ${current.pid}, restart ${status.restarts})`, { pid: current.pid, restarts: status.restarts });
      watch(current);
      return;
    }
  };
  watch(current);

  let stopped: Promise<void> | undefined;
  return {
    url: current.url,
    masterKey: current.masterKey,
    pid: () => current.pid,
    status: () => ({ ...status }),
    stop: () =>
      (stopped ??= (async () => {
        stopping = true;
        status.state = 'stopped';
        try {
          await current.stop();
        } finally {
          await prepared.lock.release();
        }
      })()),
  };
}
