import { z } from 'zod';
import { SAFE_ID, SAFE_ID_RULE } from '../../core/ids/ids.js';

/** Meilisearch document ids: what our ids are made of. Anything else cannot exist, so it is a 400, not a 404. */
export const Id = z.string().min(1).max(400).regex(SAFE_ID, SAFE_ID_RULE);

export const Limit = (max: number, dflt = 20) => z.coerce.number().int().min(1).max(max).default(dflt);
export const Offset = z.coerce.number().int().min(0).max(100_000).default(0);

/** A short free-text parameter (a name, an issuer): bounded so filters stay small. */
export const ShortText = z.string().trim().min(1).max(100);

export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

/** What each error status means, for the OpenAPI document (codes in src/errors.ts). */
const ERROR_STATUS_DESCRIPTIONS = {
  400: 'INVALID_REQUEST: a parameter failed validation, a parameter the route does not take, a malformed URL or body',
  401: 'UNAUTHORIZED: no `Authorization: Bearer` token (admin routes)',
  403: 'FORBIDDEN: a wrong token (admin routes)',
  404: 'not found: the code names what (DOCUMENT_NOT_FOUND, CLAUSE_NOT_FOUND, DEPARTMENT_NOT_FOUND, CITATION_NOT_RESOLVED)',
  408: 'REQUEST_TIMEOUT: the request headers did not arrive in time',
  413: 'PAYLOAD_TOO_LARGE: the body is over 256 KiB',
  414: 'URI_TOO_LONG: the URL is over 16 KiB',
  415: 'UNSUPPORTED_MEDIA_TYPE: the body is not application/json',
  429: 'RATE_LIMITED: too many requests to this expensive route from one client; see Retry-After',
  431: 'HEADERS_TOO_LARGE: the request headers are over 16 KiB',
  500: 'INTERNAL: a bug; no internals in the message',
  501: 'FORMAT_NOT_SUPPORTED: a format this route does not serve (oEmbed xml)',
  503: 'SEARCH_UNAVAILABLE (the search engine is down or restarting), INDEX_NOT_READY or SHUTTING_DOWN; see Retry-After',
} as const;
type ErrorStatus = keyof typeof ERROR_STATUS_DESCRIPTIONS;

/**
 * The error responses of a route for its schema: the ones every route can
 * give (400 for a bad URL or parameter, 408, 414, 431, 500, 503) plus `extra`
 * (404 for a route that looks something up, 413/415 for a body, 429 for a rate-limited route, 401/403 for the
 * admin routes, 501 for a format not served).
 */
export function errorResponses(...extra: Array<401 | 403 | 404 | 413 | 415 | 429 | 501>): Partial<Record<ErrorStatus, typeof ErrorBody>> {
  const statuses: ErrorStatus[] = [400, 408, 414, 431, 500, 503, ...extra];
  return Object.fromEntries(statuses.map((s) => [s, ErrorBody.describe(ERROR_STATUS_DESCRIPTIONS[s])]));
}
