import fp from 'fastify-plugin';
import { oembedLinkHeader, originOf } from '../services/oembed.js';

/** The web app's routes whose pages have a card (src/services/urls.ts builds their paths). */
const EMBEDDABLE_ROUTES = new Set(['/clauses/:id', '/documents/:id']);

/**
 * oEmbed discovery over HTTP: every HTML answer of a clause or document page
 * carries `Link: <…/oembed?url=…>; rel="alternate"; type="application/json+oembed"`,
 * whoever renders the page. Pages add the same in their <head> with
 * oembedDiscoveryLinks (src/services/oembed.ts).
 */
export default fp(
  async (app) => {
    app.addHook('onSend', async (req, reply, payload) => {
      if (reply.statusCode !== 200 || !EMBEDDABLE_ROUTES.has(req.routeOptions.url ?? '')) return payload;
      if (!String(reply.getHeader('content-type') ?? '').startsWith('text/html')) return payload;
      const origin = originOf(req);
      const link = oembedLinkHeader(origin, origin + req.url.split('?')[0]);
      const prev = reply.getHeader('link');
      reply.header('link', prev ? `${String(prev)}, ${link}` : link);
      return payload;
    });
  },
  { name: 'oembed-discovery', fastify: '5.x' },
);
