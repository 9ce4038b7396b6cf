/**
 * How the API talks to Meilisearch: one keep-alive undici Pool to one server,
 * never asking for compressed answers (Meilisearch's gzip cost ~45 ms per
 * 10 KB page). Two faces over the same sockets:
 *
 * - `search(index, body)`, the hot path: the request is dispatched with headers
 *   built once, the answer collected and parsed as JSON. No URL, Headers,
 *   AbortController or timer objects per call, no stream wrapped around the
 *   body: measured on loopback (bench/README.md), the official client over
 *   keep-alive node:http spent ~0.2 ms more per search, which is most of what
 *   the API adds on top of Meilisearch. Failures come out as the named errors
 *   of errors.ts.
 * - `httpClient`, the same pool as the official client's `httpClient`, for
 *   everything else (documents, stats, health). It keeps that client's error
 *   contract: a 4xx/5xx becomes a MeilisearchApiError (carrying Meilisearch's
 *   `code` on the error itself too, because the client wraps whatever a custom
 *   client throws in a MeilisearchRequestError — see toMeiliError), socket
 *   failures keep their codes (ECONNREFUSED → 503), and an abort rejects with
 *   the signal's reason, which is how the client's own timeout is recognised.
 */
import { MeilisearchApiError, type SearchParams, type SearchResponse } from 'meilisearch';
import { Pool, type Dispatcher } from 'undici';
import { MeiliRequestError, MeiliTimeoutError, toMeiliError } from './errors.js';

/** A Meilisearch 4xx/5xx on the official client's path, with its error code where the client's wrapping leaves it findable. */
export class MeiliHttpApiError extends MeilisearchApiError {
  readonly code: string | undefined;
  constructor(status: number, body: { code?: string; message?: string } | undefined, text: string) {
    super(new Response(text || null, { status }), body as never);
    this.code = body?.code;
  }
}

/** What is POSTed to /indexes/{index}/search: the query and its parameters, as the official client sends them. */
export type SearchBody = SearchParams & { q?: string | null };

export interface MeiliTransport {
  /**
   * POST /indexes/{index}/search. Rejects with MeiliRequestError (Meilisearch's
   * 4xx/5xx, with its `code`), MeiliTimeoutError or MeiliUnavailableError.
   */
  search<T extends Record<string, unknown> = Record<string, unknown>>(index: string, body: SearchBody): Promise<SearchResponse<T>>;
  /** The same lean path for another JSON POST (POST /multi-search for a federated search over shards). */
  post<T>(path: string, body: unknown): Promise<T>;
  /** For `new Meilisearch({ host, httpClient })` with the same host. */
  readonly httpClient: (input: string | URL | Request, init?: RequestInit) => Promise<unknown>;
  /** Closes the pooled sockets at once. */
  close(): Promise<void>;
}

export interface MeiliTransportOptions {
  host: string;
  /** The master key or a search key; sent as a Bearer token. Omit for an unsecured server. */
  apiKey?: string;
  /**
   * Longest wait for the answer's headers, and then for each part of its body,
   * on the search path, ms (default 10000; undici's timers tick coarsely, so it
   * may fire up to ~1 s late). The official client's path uses the client's own
   * `timeout`.
   */
  timeoutMs?: number;
  /** Sockets kept to the server (default 64: enough for the API's concurrency, bounded so a burst cannot exhaust ports). */
  connections?: number;
}

/** Creates the transport for one Meilisearch server. */
export function createMeiliTransport(opts: MeiliTransportOptions): MeiliTransport {
  const origin = new URL(opts.host).origin;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const pool = new Pool(origin, { connections: opts.connections ?? 64 });
  const searchHeaders: Record<string, string> = { 'content-type': 'application/json', 'accept-encoding': 'identity' };
  if (opts.apiKey) searchHeaders.authorization = `Bearer ${opts.apiKey}`;

  const post = <T>(path: string, body: unknown): Promise<T> =>
    new Promise((resolve, reject) => {
      const fail = (err: unknown) => reject(toTransportError(err, `${origin}${path}`, timeoutMs));
      pool.dispatch(
        { origin, path, method: 'POST', headers: searchHeaders, body: JSON.stringify(body), headersTimeout: timeoutMs, bodyTimeout: timeoutMs },
        jsonHandler((status, text) => {
          let parsed: unknown;
          try {
            parsed = text === '' ? undefined : JSON.parse(text);
          } catch (err) {
            return fail(status >= 400 ? new MeiliRequestError(`Meilisearch answered ${status}`, { status, cause: err }) : err);
          }
          if (status >= 400) {
            const b = parsed as { message?: string; code?: string; type?: string } | undefined;
            return fail(new MeiliRequestError(b?.message ?? `Meilisearch answered ${status}`, { status, code: b?.code, type: b?.type }));
          }
          resolve(parsed as T);
        }, fail),
      );
    });
  const search = <T extends Record<string, unknown>>(index: string, body: SearchBody): Promise<SearchResponse<T>> =>
    post<SearchResponse<T>>(`/indexes/${encodeURIComponent(index)}/search`, body);

  const httpClient = async (input: string | URL | Request, init: RequestInit = {}): Promise<unknown> => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    if (url.origin !== origin) throw new Error(`This transport talks to ${origin}, not ${url.origin}`);
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((v, k) => (headers[k] = v));
    headers['accept-encoding'] = 'identity';
    const body = typeof init.body === 'string' ? init.body : init.body == null ? undefined : String(init.body);
    const signal = init.signal ?? undefined;
    if (signal?.aborted) throw signal.reason;
    try {
      const res = await pool.request({ path: url.pathname + url.search, method: (init.method ?? 'GET') as Dispatcher.HttpMethod, headers, body, signal });
      const text = await res.body.text();
      const parsed: unknown = text === '' ? undefined : JSON.parse(text);
      if (res.statusCode >= 400) throw new MeiliHttpApiError(res.statusCode, parsed as never, text);
      return parsed;
    } catch (err) {
      throw signal?.aborted ? signal.reason : err;
    }
  };

  return { search, post, httpClient, close: () => pool.destroy() };
}

/** Collects an answer's body; `done` gets its status and bytes. */
export function bodyHandler(done: (status: number, body: Buffer) => void, fail: (err: Error) => void): Dispatcher.DispatchHandlers {
  let status = 0;
  const chunks: Buffer[] = [];
  return {
    onConnect() {},
    onHeaders(statusCode) {
      status = statusCode;
      return true;
    },
    onData(chunk) {
      chunks.push(chunk);
      return true;
    },
    onComplete() {
      done(status, chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    },
    onError: fail,
  };
}

/** The same, as text. */
function jsonHandler(done: (status: number, text: string) => void, fail: (err: Error) => void): Dispatcher.DispatchHandlers {
  return bodyHandler((status, body) => done(status, body.toString('utf8')), fail);
}

/** undici's own timeouts become MeiliTimeoutError; the rest is what toMeiliError makes of it (sockets nobody answers → unavailable). */
function toTransportError(err: unknown, url: string, timeoutMs: number): Error {
  if (err instanceof MeiliRequestError) return err;
  const code = (err as { code?: unknown } | undefined)?.code;
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new MeiliTimeoutError(`Meilisearch did not answer within ${timeoutMs} ms`, { timeoutMs, cause: err });
  }
  return toMeiliError(err, { url });
}
