/**
 * Infrastructure failures around Meilisearch, as named classes with a `cause`
 * (the same idea as meilisearch-js `src/errors/`). The API maps them to HTTP
 * statuses by class, so callers never parse messages.
 *
 * Two groups:
 * - talking to a server: MeiliUnavailableError, MeiliRequestError,
 *   MeiliTaskFailedError, MeiliTimeoutError (produced by `toMeiliError`);
 * - running our own server: MeiliBinaryError, MeiliStartError.
 */
import {
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  MeilisearchTaskTimeOutError,
} from 'meilisearch';

/** The server could not be reached at all (refused, reset, DNS, TLS). The API answers 503. */
export class MeiliUnavailableError extends Error {
  override name = 'MeiliUnavailableError';
  /** The URL that was being requested, when known. */
  readonly url: string | undefined;
  constructor(message: string, options: { url?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.url = options.url;
  }
}

/** The server answered with a 4xx/5xx; `code` is Meilisearch's error code (e.g. `index_not_found`). */
export class MeiliRequestError extends Error {
  override name = 'MeiliRequestError';
  readonly status: number;
  readonly code: string | undefined;
  readonly type: string | undefined;
  constructor(message: string, options: { status: number; code?: string; type?: string; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.status = options.status;
    this.code = options.code;
    this.type = options.type;
  }
}

/** An asynchronous task ended as `failed` or `canceled`. */
export class MeiliTaskFailedError extends Error {
  override name = 'MeiliTaskFailedError';
  readonly taskUid: number;
  readonly status: string;
  readonly code: string | undefined;
  constructor(message: string, options: { taskUid: number; status: string; code?: string; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.taskUid = options.taskUid;
    this.status = options.status;
    this.code = options.code;
  }
}

/** A request or a wait for a task took longer than allowed. */
export class MeiliTimeoutError extends Error {
  override name = 'MeiliTimeoutError';
  readonly timeoutMs: number | undefined;
  readonly taskUid: number | undefined;
  constructor(message: string, options: { timeoutMs?: number; taskUid?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.timeoutMs = options.timeoutMs;
    this.taskUid = options.taskUid;
  }
}

/** The bundled Meilisearch binary cannot be used (wrong platform, missing, checksum mismatch, not executable). */
export class MeiliBinaryError extends Error {
  override name = 'MeiliBinaryError';
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
  }
}

/** The embedded Meilisearch did not come up (exited early, data dir in use, never became healthy). */
export class MeiliStartError extends Error {
  override name = 'MeiliStartError';
  /** The last lines meilisearch wrote to stderr, ANSI codes removed. */
  readonly stderrTail: string;
  constructor(message: string, options: { stderrTail?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.stderrTail = options.stderrTail ?? '';
  }
}

/** Network-level error codes from Node's fetch (undici) and sockets that mean "nobody answered". */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * Converts an error thrown by the official client, by `fetch` itself or by
 * the API's transport (http-transport.ts) into one of the named classes
 * above. Errors it does not recognise — programmer mistakes, an invalid host
 * string, a caller's own abort — pass through unchanged, so nothing is
 * mislabelled as an outage.
 * @param context.url the URL requested, for the message, when the error does not carry it
 */
export function toMeiliError(err: unknown, context: { url?: string } = {}): Error {
  if (
    err instanceof MeiliUnavailableError ||
    err instanceof MeiliRequestError ||
    err instanceof MeiliTaskFailedError ||
    err instanceof MeiliTimeoutError
  ) {
    return err;
  }
  if (err instanceof MeilisearchApiError) {
    const body = err.cause;
    return new MeiliRequestError(err.message, {
      status: err.response.status,
      code: body?.code,
      type: body?.type,
      cause: err,
    });
  }
  if (err instanceof MeilisearchTaskTimeOutError) {
    return new MeiliTimeoutError(err.message, {
      timeoutMs: err.cause.timeout,
      taskUid: err.cause.taskUid,
      cause: err,
    });
  }
  if (err instanceof MeilisearchRequestError) {
    const inner = err.cause;
    // A custom httpClient's API error arrives wrapped (see http-transport.ts): it is an answer, not an outage.
    if (inner instanceof MeilisearchApiError) return toMeiliError(inner);
    const url = requestUrlOf(err.message);
    if (inner instanceof MeilisearchRequestTimeOutError) {
      return new MeiliTimeoutError(`Meilisearch did not answer within ${inner.cause.timeout} ms`, {
        timeoutMs: inner.cause.timeout,
        cause: err,
      });
    }
    if (isTimeoutAbort(inner)) {
      return new MeiliTimeoutError('Meilisearch did not answer in time', { cause: err });
    }
    // The caller aborted on purpose: not an outage, keep the client's error.
    if (isAbort(inner)) return err;
    return new MeiliUnavailableError(unreachableMessage(url, inner), { url, cause: err });
  }
  // Raw failures: fetch's TypeError('fetch failed') with a coded cause, or a socket error from undici itself.
  if (err instanceof Error && networkCodeOf(err) !== undefined) {
    return new MeiliUnavailableError(unreachableMessage(context.url, err), { url: context.url, cause: err });
  }
  if (isTimeoutAbort(err)) {
    return new MeiliTimeoutError('Meilisearch request timed out', { cause: err });
  }
  return err instanceof Error ? err : new Error(String(err), { cause: err });
}

function unreachableMessage(url: string | undefined, cause: unknown): string {
  const code = networkCodeOf(cause);
  const where = url ? ` at ${new URL(url).origin}` : '';
  return `Meilisearch is unreachable${where}${code ? ` (${code})` : ''}`;
}

/** meilisearch-js puts the URL only in the message: "Request to <url> has failed". */
function requestUrlOf(message: string): string | undefined {
  const m = /^Request to (\S+) has failed$/.exec(message);
  if (!m?.[1]) return undefined;
  try {
    return new URL(m[1]).toString();
  } catch {
    return undefined;
  }
}

/** Walks the cause chain (undici nests: TypeError → Error{code} or AggregateError) for a known socket code. */
export function networkCodeOf(err: unknown, depth = 0): string | undefined {
  if (depth > 5 || typeof err !== 'object' || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) return code;
  if (err instanceof AggregateError) {
    for (const e of err.errors) {
      const c = networkCodeOf(e, depth + 1);
      if (c) return c;
    }
  }
  return networkCodeOf((err as { cause?: unknown }).cause, depth + 1);
}

function isAbort(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'AbortError';
}

function isTimeoutAbort(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'TimeoutError';
}
