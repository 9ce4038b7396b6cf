import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/** A multipart/form-data body as curl -F sends it: files under "file", metadata as a JSON field. */
export function multipart(files: Array<{ name: string; bytes: Buffer }>, metadata?: object): { body: Buffer; contentType: string } {
  const boundary = `----policykb${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
    parts.push(f.bytes, Buffer.from('\r\n'));
  }
  if (metadata) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="metadata"\r\n\r\n${JSON.stringify(metadata)}\r\n`));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * Searches sent one after another until stopped (what a reader does during a
 * change): how many were answered, and every answer that was not a 200.
 */
export function pollSearches(app: FastifyInstance, queries: string[]): { stop(): Promise<{ count: number; errors: string[] }> } {
  let running = true;
  let count = 0;
  const errors: string[] = [];
  const loop = (async () => {
    while (running) {
      const q = queries[count % queries.length]!;
      const res = await app.inject({ method: 'GET', url: `/v1/search?q=${encodeURIComponent(q)}&limit=5` });
      count++;
      if (res.statusCode !== 200) errors.push(`${res.statusCode} ${res.body.slice(0, 200)}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { count, errors };
    },
  };
}
