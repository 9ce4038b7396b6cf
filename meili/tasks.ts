import type { Task } from 'meilisearch';
import { MeiliTaskFailedError, networkCodeOf } from './errors.js';

/**
 * Waits for a Meilisearch task and returns it, or throws MeiliTaskFailedError
 * when it did not succeed. `interval` (default 100 ms) is how often it polls:
 * a full ingest's big batches need no more, an incremental change's small
 * ones finish in tens of ms and poll every 25 (ingest/incremental/index-writer.ts).
 */
export async function waitOk(promise: { waitTask(o?: { timeout?: number; interval?: number }): Promise<Task> }, timeout: number, interval = 100): Promise<Task> {
  const task = await promise.waitTask({ timeout, interval });
  if (task.status !== 'succeeded') {
    throw new MeiliTaskFailedError(`Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? ''}`, {
      taskUid: task.uid,
      status: task.status,
      code: task.error?.code,
      cause: task.error,
    });
  }
  return task;
}

/** Something that becomes a Meilisearch task: what the official client's write calls return. */
export type Enqueued = { waitTask(o?: { timeout?: number; interval?: number }): Promise<Task> };

/**
 * Socket failures after which the request may never have reached Meilisearch: a keep-alive connection the server
 * closed just as the client reused it (EPIPE on write, ECONNRESET, undici's "other side closed"). Looked for on the
 * error and its causes, where the official client and fetch wrap it.
 */
const SOCKET_CODES = new Set(['EPIPE', 'ECONNRESET', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
export function socketFailureCode(err: unknown): string | undefined {
  const code = networkCodeOf(err);
  return code !== undefined && SOCKET_CODES.has(code) ? code : undefined;
}

/**
 * A write that is safe to send twice (documents with their primary key replace themselves), sent again once when
 * the first try fails on the socket. Anything else — Meilisearch refusing the documents, a task that failed, a
 * timeout — is not retried: it would fail again, or it is the caller's to handle.
 * @param onRetry told the socket error's code before the second try (for the ingest's log)
 */
export function idempotentWrite(send: () => Enqueued, onRetry: (code: string) => void = () => {}): Enqueued {
  let current = send();
  // The first try's own rejection is read through waitTask below; this keeps it from counting as unhandled meanwhile.
  (current as unknown as Promise<unknown>).catch?.(() => {});
  let retried = false;
  return {
    async waitTask(o) {
      for (;;) {
        try {
          return await current.waitTask(o);
        } catch (err) {
          const code = socketFailureCode(err);
          if (retried || code === undefined) throw err;
          retried = true;
          onRetry(code);
          current = send();
        }
      }
    },
  };
}
