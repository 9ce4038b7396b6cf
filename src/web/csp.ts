/**
 * The Content-Security-Policy of every page, in one constant: scripts, styles,
 * fonts and fetches from this server only, no inline script or style (so the
 * pages carry none: every script and style is an asset file), no plugins, no
 * framing by other sites. The same policy the API's helmet setup sends.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');
