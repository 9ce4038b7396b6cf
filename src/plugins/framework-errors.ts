/**
 * The errors Fastify and Node's HTTP parser raise themselves, translated into
 * the API's one shape with a message that says what was wrong. Pure: the
 * errors plugin and app.ts's clientErrorHandler call these.
 */
import { ErrorCodes, type ErrorCode } from '../errors.js';

export interface Answer {
  status: number;
  code: ErrorCode;
  message: string;
}

const answer = (code: ErrorCode, message: string = ErrorCodes[code].message): Answer => ({ status: ErrorCodes[code].status, code, message });

/**
 * A Fastify error (code FST_ERR_…, or any error with a 4xx statusCode) as an
 * answer; undefined when it is not a client error (then it is a 500).
 * @param limits.bodyLimit the body limit in bytes, for the 413 message
 */
export function frameworkErrorAnswer(
  err: { code?: string; statusCode?: number; message?: string },
  limits: { bodyLimit: number },
): Answer | undefined {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return answer('PAYLOAD_TOO_LARGE', `The request body is larger than ${limits.bodyLimit / 1024} KiB.`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return answer('UNSUPPORTED_MEDIA_TYPE', 'The request body must be JSON: send it with Content-Type: application/json.');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return answer('INVALID_REQUEST', 'The Content-Length header does not match the body sent.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return answer('INVALID_REQUEST', 'The body is empty but Content-Type says JSON: send a JSON object.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_BAD_JSON':
      return answer('INVALID_REQUEST', `The body is not valid JSON: ${err.message ?? 'it could not be parsed'}.`);
    case 'FST_ERR_BAD_URL':
      return answer('INVALID_REQUEST', 'The URL path has a malformed percent-encoding (a % not followed by two hex digits, or bytes that are not UTF-8).');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return answer('URI_TOO_LONG', 'A path segment of the URL is longer than the server reads.');
  }
  if (err.statusCode === 429) return answer('RATE_LIMITED', err.message || ErrorCodes.RATE_LIMITED.message);
  if (err.statusCode === 415) return answer('UNSUPPORTED_MEDIA_TYPE');
  if (err.statusCode === 413) return answer('PAYLOAD_TOO_LARGE');
  if (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500) {
    // A JSON SyntaxError carries statusCode 400 and a parser message: accurate enough to pass on.
    return answer('INVALID_REQUEST', err.message || ErrorCodes.INVALID_REQUEST.message);
  }
  return undefined;
}

/**
 * An error from Node's HTTP parser (before Fastify sees the request) as an
 * answer. A too-long request line and too-large headers both come as
 * HPE_HEADER_OVERFLOW; the first line's length tells them apart.
 * @param limits.maxHeaderSize bytes (Node's default 16 KiB)
 */
export function parserErrorAnswer(err: NodeJS.ErrnoException & { rawPacket?: Buffer }, limits: { maxHeaderSize: number }): Answer {
  const kib = Math.round(limits.maxHeaderSize / 1024);
  switch (err.code) {
    case 'HPE_HEADER_OVERFLOW': {
      const raw = err.rawPacket;
      const lineEnd = raw ? raw.indexOf('\r\n') : -1;
      const longLine = !raw || lineEnd < 0 || lineEnd > limits.maxHeaderSize / 2;
      return longLine
        ? answer('URI_TOO_LONG', `The URL is too long: the request line and headers together may hold ${kib} KiB. Send long text in a POST body.`)
        : answer('HEADERS_TOO_LARGE', `The request headers are too large: together they may hold ${kib} KiB.`);
    }
    case 'ERR_HTTP_REQUEST_TIMEOUT':
    case 'ERR_HTTP_HEADERS_TIMEOUT':
      return answer('REQUEST_TIMEOUT');
    case 'HPE_INVALID_URL':
    case 'HPE_INVALID_METHOD':
    case 'HPE_INVALID_CONSTANT':
      return answer(
        'INVALID_REQUEST',
        err.code === 'HPE_INVALID_URL'
          ? 'The URL could not be parsed: percent-encode non-ASCII characters and spaces (e.g. curl -G URL --data-urlencode "q=数据安全").'
          : 'The HTTP request line could not be parsed.',
      );
    default:
      return answer('INVALID_REQUEST', `The HTTP request could not be parsed (${err.code ?? 'malformed'}).`);
  }
}
