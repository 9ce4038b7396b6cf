/**
 * The project's only door to the Meilisearch network API: a thin adapter over
 * the official client whose every failure comes out as one of the named
 * classes in errors.ts. Index-specific calls go through `run`, e.g.
 * `meili.run((c) => c.index('clauses').search(q))`.
 */
import { Meilisearch, type Task } from 'meilisearch';
import { MeiliTaskFailedError, toMeiliError } from './errors.js';

export interface Meili {
  /** The official client, for calls that need no error conversion (building requests, typing). */
  readonly client: Meilisearch;
  readonly host: string;
  /** Runs `fn` with the client; anything it throws is passed through `toMeiliError`. */
  run<T>(fn: (client: Meilisearch) => Promise<T>): Promise<T>;
  /**
   * Polls a task until it is done. Resolves with the task when it `succeeded`;
   * rejects with MeiliTaskFailedError when it `failed` or was `canceled`, with
   * MeiliTimeoutError after `timeoutMs`.
   * @param opts.timeoutMs defaults to 120000
   * @param opts.intervalMs defaults to 100
   */
  waitForTask(taskUid: number, opts?: { timeoutMs?: number; intervalMs?: number }): Promise<Task>;
  /** True when GET /health answers `available`; never throws. */
  isHealthy(): Promise<boolean>;
  /** GET /health, throwing MeiliUnavailableError (or another named error) when it cannot answer. */
  health(): Promise<{ status: string }>;
}

/**
 * Creates the adapter.
 * @param opts.apiKey the master key or an API key; omit for an unsecured server
 * @param opts.timeoutMs per-HTTP-request timeout; defaults to 30000 (a hung server must not hang the API)
 */
export function createMeiliClient(opts: { host: string; apiKey?: string; timeoutMs?: number }): Meili {
  const client = new Meilisearch({
    host: opts.host,
    apiKey: opts.apiKey,
    timeout: opts.timeoutMs ?? 30_000,
    clientAgents: ['policy-kb'],
  });
  const run = async <T>(fn: (c: Meilisearch) => Promise<T>): Promise<T> => {
    try {
      return await fn(client);
    } catch (err) {
      throw toMeiliError(err);
    }
  };
  return {
    client,
    host: opts.host,
    run,
    async waitForTask(taskUid, { timeoutMs = 120_000, intervalMs = 100 } = {}) {
      const task = await run((c) => c.tasks.waitForTask(taskUid, { timeout: timeoutMs, interval: intervalMs }));
      if (task.status === 'succeeded') return task;
      const reason = task.error ? `: ${task.error.message}` : '';
      throw new MeiliTaskFailedError(`Meilisearch task ${taskUid} (${task.type}) ${task.status}${reason}`, {
        taskUid,
        status: task.status,
        code: task.error?.code,
        cause: task.error ?? undefined,
      });
    },
    async isHealthy() {
      try {
        return (await client.health()).status === 'available';
      } catch {
        return false;
      }
    },
    health: () => run((c) => c.health()),
  };
}
