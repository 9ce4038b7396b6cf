import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MeilisearchApiError, MeilisearchRequestError } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeiliClient } from '../../meili/client.js';
import { findFreePort } from '../../meili/embedded.js';
import {
  MeiliRequestError,
  MeiliTaskFailedError,
  MeiliTimeoutError,
  MeiliUnavailableError,
  toMeiliError,
} from '../../meili/errors.js';
import { startTestMeili, type TestMeili } from '../helpers/meili.js';

/** A fake server whose behaviour each test sets, for failures a real Meilisearch will not produce on demand. */
function fakeServer(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; server: Server }> {
  return new Promise((res) => {
    const server = createServer(handler);
    server.listen(0, '127.0.0.1', () => {
      res({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server });
    });
  });
}

describe('toMeiliError (no server needed)', () => {
  it('turns a refused connection into MeiliUnavailableError with the cause kept', async () => {
    const port = await findFreePort(); // nothing listens there now
    const meili = createMeiliClient({ host: `http://127.0.0.1:${port}`, apiKey: 'x'.repeat(32) });
    const err = await meili.run((c) => c.getIndexes()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MeiliUnavailableError);
    expect((err as Error).message).toContain(`127.0.0.1:${port}`);
    expect((err as Error).message).toContain('ECONNREFUSED');
    expect((err as Error).cause).toBeInstanceOf(MeilisearchRequestError);
    expect((err as Error).message).not.toContain('x'.repeat(32));
    await expect(meili.isHealthy()).resolves.toBe(false);
    await expect(meili.health()).rejects.toBeInstanceOf(MeiliUnavailableError);
  });

  it('turns a raw fetch failure into MeiliUnavailableError', async () => {
    const port = await findFreePort();
    const err = await fetch(`http://127.0.0.1:${port}/health`).catch((e: unknown) => e);
    expect(toMeiliError(err)).toBeInstanceOf(MeiliUnavailableError);
  });

  it('passes unknown errors through unchanged', () => {
    const plain = new RangeError('not ours');
    expect(toMeiliError(plain)).toBe(plain);
    const already = new MeiliTimeoutError('t');
    expect(toMeiliError(already)).toBe(already);
    expect(toMeiliError('a string')).toBeInstanceOf(Error);
  });

  it('turns a per-request timeout into MeiliTimeoutError', async () => {
    const { url, server } = await fakeServer(() => {
      /* never answers */
    });
    try {
      const meili = createMeiliClient({ host: url, timeoutMs: 200 });
      const err = await meili.run((c) => c.getVersion()).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(MeiliTimeoutError);
      expect((err as MeiliTimeoutError).timeoutMs).toBe(200);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('turns a task that never finishes into MeiliTimeoutError carrying the task uid', async () => {
    const { url, server } = await fakeServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ uid: 7, status: 'processing', type: 'documentAdditionOrUpdate' }));
    });
    try {
      const meili = createMeiliClient({ host: url });
      const err = await meili.waitForTask(7, { timeoutMs: 300, intervalMs: 20 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(MeiliTimeoutError);
      expect((err as MeiliTimeoutError).taskUid).toBe(7);
    } finally {
      server.close();
    }
  });

  it('maps a 5xx answer to MeiliRequestError with status and code', async () => {
    const { url, server } = await fakeServer((_req, res) => {
      res.statusCode = 500;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ message: 'boom', code: 'internal', type: 'internal', link: '' }));
    });
    try {
      const err = await createMeiliClient({ host: url })
        .run((c) => c.getStats())
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(MeiliRequestError);
      expect((err as MeiliRequestError).status).toBe(500);
      expect((err as MeiliRequestError).code).toBe('internal');
      expect((err as Error).cause).toBeInstanceOf(MeilisearchApiError);
    } finally {
      server.close();
    }
  });
});

describe('createMeiliClient against a real Meilisearch', () => {
  let meili: TestMeili;
  beforeAll(async () => {
    meili = await startTestMeili();
  });
  afterAll(async () => {
    await meili?.stop();
  });

  it('reports health', async () => {
    const client = createMeiliClient({ host: meili.url, apiKey: meili.masterKey });
    await expect(client.isHealthy()).resolves.toBe(true);
    await expect(client.health()).resolves.toEqual({ status: 'available' });
  });

  it('maps a missing index to MeiliRequestError with Meilisearch’s code', async () => {
    const client = createMeiliClient({ host: meili.url, apiKey: meili.masterKey });
    const err = await client.run((c) => c.getIndex('does-not-exist')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MeiliRequestError);
    expect((err as MeiliRequestError).status).toBe(404);
    expect((err as MeiliRequestError).code).toBe('index_not_found');
  });

  it('maps a wrong key to MeiliRequestError (403 invalid_api_key)', async () => {
    const client = createMeiliClient({ host: meili.url, apiKey: 'wrong-key-wrong-key-wrong-key' });
    const err = await client.run((c) => c.getIndexes()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MeiliRequestError);
    expect((err as MeiliRequestError).code).toBe('invalid_api_key');
  });

  it('waits for a task and resolves when it succeeded', async () => {
    const client = createMeiliClient({ host: meili.url, apiKey: meili.masterKey });
    const enqueued = await client.run((c) => c.createIndex('client-test-ok', { primaryKey: 'id' }));
    const task = await client.waitForTask(enqueued.taskUid);
    expect(task.status).toBe('succeeded');
  });

  it('rejects with MeiliTaskFailedError when the task failed', async () => {
    const client = createMeiliClient({ host: meili.url, apiKey: meili.masterKey });
    // No field ends in "id", so Meilisearch cannot infer a primary key and the task fails.
    const enqueued = await client.run((c) => c.index('client-test-fail').addDocuments([{ title: 'x' }]));
    const err = await client.waitForTask(enqueued.taskUid).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MeiliTaskFailedError);
    expect((err as MeiliTaskFailedError).taskUid).toBe(enqueued.taskUid);
    expect((err as MeiliTaskFailedError).status).toBe('failed');
    expect((err as MeiliTaskFailedError).code).toBe('index_primary_key_no_candidate_found');
  });

  it('reports MeiliUnavailableError once the server is down', async () => {
    const other = await startTestMeili();
    const client = createMeiliClient({ host: other.url, apiKey: other.masterKey });
    await expect(client.isHealthy()).resolves.toBe(true);
    await other.stop();
    await expect(client.run((c) => c.getIndexes())).rejects.toBeInstanceOf(MeiliUnavailableError);
    await expect(client.isHealthy()).resolves.toBe(false);
  });
});
