import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';

export interface RunningServer {
  app: FastifyInstance;
  /** http://127.0.0.1:<free port> */
  base: string;
  close(): Promise<void>;
}

/** The real server (the same app server.ts listens with) on a free port, against the given Meilisearch. */
export async function startServer(meili: { url: string; masterKey: string }): Promise<RunningServer> {
  const app = await buildApp({ meili: { host: meili.url, apiKey: meili.masterKey, timeoutMs: 3000 } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { app, base: `http://127.0.0.1:${port}`, close: () => app.close() };
}
