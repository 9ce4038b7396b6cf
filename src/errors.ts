/**
 * Every error code the API can answer with, in one place (like fastify's lib/errors.js).
 * Clients may switch on `code`; never rename one. Messages may change.
 */
export const ErrorCodes = {
  /** A query string, path parameter or body failed validation; `details` holds the zod issues. */
  INVALID_REQUEST: { status: 400, message: 'The request is invalid.' },
  /** An admin request without `Authorization: Bearer <token>`. */
  UNAUTHORIZED: { status: 401, message: 'This endpoint needs Authorization: Bearer <ADMIN_TOKEN>.' },
  /** An admin request with a token that is not the admin token. */
  FORBIDDEN: { status: 403, message: 'The token is not valid for this endpoint.' },
  JOB_NOT_FOUND: { status: 404, message: 'No job has this id.' },
  /** An upload that is not .txt, .md or .pdf. */
  UNSUPPORTED_FILE: { status: 415, message: 'Only .txt, .md and .pdf files can be added.' },
  /** Too many admin jobs are waiting; try again when some have finished. */
  TOO_MANY_JOBS: { status: 429, message: 'Too many jobs are queued; try again shortly.' },
  /** No route matches the method and URL. */
  ROUTE_NOT_FOUND: { status: 404, message: 'No such endpoint.' },
  DOCUMENT_NOT_FOUND: { status: 404, message: 'No document has this id.' },
  CLAUSE_NOT_FOUND: { status: 404, message: 'No clause has this id.' },
  DEPARTMENT_NOT_FOUND: { status: 404, message: 'No department has this name.' },
  INDICATOR_NOT_FOUND: { status: 404, message: 'No indicator has this id.' },
  CITATION_NOT_RESOLVED: { status: 404, message: 'The citation could not be resolved.' },
  /** The route is known but not for this method (e.g. GET on a POST-only route). */
  METHOD_NOT_ALLOWED: { status: 405, message: 'This endpoint does not take this method.' },
  /** The client sent its request too slowly (headers not complete in time). */
  REQUEST_TIMEOUT: { status: 408, message: 'The request took too long to arrive.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  /** The request line (URL) is longer than the server reads. */
  URI_TOO_LONG: { status: 414, message: 'The URL is too long.' },
  /** A body in a format the route does not read (it takes application/json). */
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'The request body has an unsupported media type.' },
  /** Too many requests to an expensive route from one client; `Retry-After` says when to try again. */
  RATE_LIMITED: { status: 429, message: 'Too many requests; try again later.' },
  /** The request headers together are larger than the server reads. */
  HEADERS_TOO_LARGE: { status: 431, message: 'The request headers are too large.' },
  /** /oembed was given a URL that is not a clause or document page of this server. */
  NOT_EMBEDDABLE: { status: 404, message: 'The URL is not a clause or document page of this knowledge base.' },
  /** oEmbed asks for 501 when the format (xml) is not served. */
  FORMAT_NOT_SUPPORTED: { status: 501, message: 'Only format=json is served.' },
  /** The search engine cannot be reached or is still starting. */
  SEARCH_UNAVAILABLE: { status: 503, message: 'The search engine is unavailable; try again shortly.' },
  /** The index has not been built yet (first ingest still running). */
  INDEX_NOT_READY: { status: 503, message: 'The index is being built; try again shortly.' },
  /** The server is shutting down: requests already running finish, new ones get this. */
  SHUTTING_DOWN: { status: 503, message: 'The server is shutting down; try again shortly.' },
  INTERNAL: { status: 500, message: 'Internal server error.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ErrorCodes;

/** An error the API answers with as JSON: `{ error: { code, message, details? } }`. */
export class ApiError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    message: string = ErrorCodes[code].message,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
    this.statusCode = ErrorCodes[code].status;
  }
}
