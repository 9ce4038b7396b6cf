/** idempotentWrite: which failures send a write again (the socket's), and how often (once). */
import { describe, expect, it } from 'vitest';
import type { Task } from 'meilisearch';
import { idempotentWrite, socketFailureCode, type Enqueued } from '../../meili/tasks.js';

const task = { uid: 1, status: 'succeeded' } as unknown as Task;
const failing = (err: unknown): Enqueued => ({ waitTask: () => Promise.reject(err) });
const ok: Enqueued = { waitTask: () => Promise.resolve(task) };
/** fetch's wrapping: TypeError('fetch failed') whose cause carries the code, inside the client's own error. */
const wrapped = (code: string) => Object.assign(new Error('request failed'), { cause: Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('socket'), { code }) }) });

describe('idempotentWrite', () => {
  it('sends again once after a socket failure, found among the causes', async () => {
    const tries: Enqueued[] = [failing(wrapped('EPIPE')), ok];
    const retried: string[] = [];
    const w = idempotentWrite(() => tries.shift()!, (code) => retried.push(code));
    await expect(w.waitTask()).resolves.toBe(task);
    expect(retried).toEqual(['EPIPE']);
  });

  it('gives up after the second socket failure', async () => {
    let sent = 0;
    const w = idempotentWrite(() => (sent++, failing(wrapped('ECONNRESET'))));
    await expect(w.waitTask()).rejects.toThrow('request failed');
    expect(sent).toBe(2);
  });

  it('never sends again what Meilisearch itself refused', async () => {
    let sent = 0;
    const refused = Object.assign(new Error('invalid document id'), { code: 'invalid_document_id' });
    const w = idempotentWrite(() => (sent++, failing(refused)));
    await expect(w.waitTask()).rejects.toBe(refused);
    expect(sent).toBe(1);
  });

  it('reads socket codes only', () => {
    expect(socketFailureCode(wrapped('UND_ERR_SOCKET'))).toBe('UND_ERR_SOCKET');
    expect(socketFailureCode(wrapped('ECONNREFUSED'))).toBeUndefined();
    expect(socketFailureCode(new Error('x'))).toBeUndefined();
  });
});
