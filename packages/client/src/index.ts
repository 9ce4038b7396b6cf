/**
 * A typed client for the policy knowledge base's /v1 API. The types come from
 * the API's OpenAPI document (./schema.ts, generated); requests go through
 * openapi-fetch, so every path, parameter and answer is checked by the
 * compiler:
 *
 *   const kb = createPolicyKbClient('https://kb.example.gov.cn');
 *   const { data, error } = await kb.GET('/v1/resolve', { params: { query: { cite: '网络安全法第二十一条' } } });
 *
 * Errors come back as `error` in the API's one shape `{ error: { code, message, details? } }`.
 */
import createClient, { type ClientOptions } from 'openapi-fetch';
import type { components, paths } from './schema.js';

export type { components, paths };

/** The API's error body: switch on `error.code` (the codes never change; messages may). */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/**
 * Creates a client for one server.
 * @param baseUrl the server's origin, e.g. `http://127.0.0.1:3000` (no trailing /v1)
 * @param options openapi-fetch options (headers, a custom fetch…)
 */
export function createPolicyKbClient(baseUrl: string, options: Omit<ClientOptions, 'baseUrl'> = {}) {
  return createClient<paths>({ ...options, baseUrl: baseUrl.replace(/\/+$/, '') });
}
export type PolicyKbClient = ReturnType<typeof createPolicyKbClient>;

/** Thrown by the helpers below when the API answers with an error. */
export class PolicyKbError extends Error {
  override name = 'PolicyKbError';
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(`${status} ${body.error.code}: ${body.error.message}`);
  }
}

/** Unwraps an openapi-fetch answer: the data, or a PolicyKbError. */
export function unwrap<T>(res: { data?: T; error?: unknown; response: Response }): T {
  if (res.data !== undefined && res.response.ok) return res.data;
  throw new PolicyKbError(res.response.status, res.error as ApiErrorBody);
}
