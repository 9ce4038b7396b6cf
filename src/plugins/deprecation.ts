import fp from 'fastify-plugin';

/** A route's deprecation notice (the versioning policy: README, "For developers of other systems"). */
export interface DeprecationNotice {
  /** When it was deprecated: an ISO date such as `2027-01-15`. */
  since: string;
  /** When it stops answering (at least 6 months after `since`): an ISO date. */
  sunset?: string;
  /** A page saying what to use instead. */
  link?: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    deprecated?: DeprecationNotice;
  }
}

const toDate = (iso: string, what: string): Date => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`config.deprecated.${what} is not a date: ${iso}`);
  return d;
};

/**
 * Announces deprecations on every answer of a deprecated route:
 * `Deprecation: @<epoch seconds>` (RFC 9745), `Sunset: <HTTP date>` (RFC 8594)
 * and `Link: <…>; rel="deprecation"`. A route opts in with
 * `config: { deprecated: { since, sunset?, link? } }` and marks its schema
 * `deprecated: true` for the OpenAPI document.
 */
export default fp(
  async (app) => {
    const headers = new Map<string, [string, string][]>();
    app.addHook('onRoute', (route) => {
      const d = route.config?.deprecated;
      if (!d) return;
      const since = toDate(d.since, 'since');
      const out: [string, string][] = [['deprecation', `@${Math.floor(since.getTime() / 1000)}`]];
      if (d.sunset) {
        const sunset = toDate(d.sunset, 'sunset');
        if (sunset <= since) throw new Error(`${route.url}: the sunset must come after the deprecation`);
        out.push(['sunset', sunset.toUTCString()]);
      }
      if (d.link) out.push(['link', `<${d.link}>; rel="deprecation"; type="text/html"`]);
      headers.set(`${route.url}`, out);
    });
    app.addHook('onSend', async (req, reply, payload) => {
      const out = req.routeOptions.url ? headers.get(req.routeOptions.url) : undefined;
      if (!out) return payload;
      for (const [name, value] of out) {
        const prev = name === 'link' ? reply.getHeader('link') : undefined;
        reply.header(name, prev ? `${String(prev)}, ${value}` : value);
      }
      return payload;
    });
  },
  { name: 'deprecation', fastify: '5.x' },
);
