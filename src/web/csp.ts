import { CSP_DIRECTIVES } from '../plugins/security.js';

/**
 * The Content-Security-Policy of every page: the one policy helmet sends for
 * the whole server (src/plugins/security.ts), written as a header value —
 * scripts, styles, fonts and fetches from this server only, no inline script
 * or style (so the pages carry none: every script and style is an asset file),
 * no plugins, no framing by other sites. Pages set it themselves too, so a page
 * rendered by a plugin registered without helmet still carries it.
 */
export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([name, sources]) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${sources.join(' ')}`)
  .join('; ');
