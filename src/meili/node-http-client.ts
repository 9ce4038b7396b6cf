/**
 * An `httpClient` for the official Meilisearch client that talks node:http
 * over a keep-alive agent instead of global fetch (undici). Measured on
 * loopback (bench/README.md): the same search costs ~1 ms less per request,
 * which is most of what the API adds on top of Meilisearch. It never asks for
 * compressed responses — Meilisearch's gzip cost ~45 ms per 10 KB page.
 *
 * It keeps the official client's error contract: a 4xx/5xx becomes a
 * MeilisearchApiError (carrying Meilisearch's `code` on the error itself too,
 * because the client wraps whatever a custom client throws in a
 * MeilisearchRequestError — see toMeiliError), socket failures keep their
 * codes (ECONNREFUSED → 503), and an abort rejects with the signal's reason,
 * which is how the client's own timeout is recognised.
 */
import http from 'node:http';
import https from 'node:https';
import { MeilisearchApiError } from 'meilisearch';

/** A Meilisearch 4xx/5xx, with its error code where the client's wrapping leaves it findable. */
export class MeiliHttpApiError extends MeilisearchApiError {
  readonly code: string | undefined;
  constructor(status: number, body: { code?: string; message?: string } | undefined, text: string) {
    super(new Response(text || null, { status }), body as never);
    this.code = body?.code;
  }
}

export interface NodeHttpClient {
  (input: string | URL | Request, init?: RequestInit): Promise<unknown>;
  /** Closes the pooled sockets. */
  close(): void;
}

/**
 * Creates the client.
 * @param opts.maxSockets per host (default 64: enough for the API's concurrency, bounded so a burst cannot exhaust ports)
 */
export function createNodeHttpClient(opts: { maxSockets?: number } = {}): NodeHttpClient {
  const agentOpts = { keepAlive: true, maxSockets: opts.maxSockets ?? 64 };
  const agents = { 'http:': new http.Agent(agentOpts), 'https:': new https.Agent(agentOpts) };

  const request = (input: string | URL | Request, init: RequestInit = {}): Promise<unknown> => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((v, k) => (headers[k] = v));
    headers['accept-encoding'] = 'identity';
    const body = typeof init.body === 'string' ? init.body : init.body == null ? undefined : String(init.body);
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    const signal = init.signal ?? undefined;
    const lib = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const req = lib.request(url, { method: init.method ?? 'GET', headers, agent: agents[url.protocol as 'http:' | 'https:'] }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          signal?.removeEventListener('abort', onAbort);
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown;
          try {
            parsed = text === '' ? undefined : JSON.parse(text);
          } catch (err) {
            return reject(err);
          }
          const status = res.statusCode ?? 0;
          if (status >= 400) return reject(new MeiliHttpApiError(status, parsed as never, text));
          resolve(parsed);
        });
      });
      const onAbort = () => {
        reject(signal?.reason);
        req.destroy();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      req.on('error', (err) => {
        signal?.removeEventListener('abort', onAbort);
        reject(signal?.aborted ? signal.reason : err);
      });
      req.end(body);
    });
  };
  return Object.assign(request, {
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  });
}
