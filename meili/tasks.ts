import type { Task } from 'meilisearch';
import { MeiliTaskFailedError } from './errors.js';

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
