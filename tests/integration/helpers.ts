import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';

/** The Fastify app against the shared, already-ingested Meilisearch. */
export async function buildTestApp(): Promise<FastifyInstance> {
  const { url, masterKey } = inject('meili');
  return buildApp({ meili: { host: url, apiKey: masterKey } });
}

/** GET a JSON endpoint through app.inject; returns status and parsed body. */
export async function getJson<T = any>(app: FastifyInstance, url: string): Promise<{ status: number; body: T }> {
  const res = await app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json() as T };
}

export const enc = encodeURIComponent;
