import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError } from '../errors.js';
import { errorResponses } from '../schemas/common.js';
import { CACHE } from '../plugins/cache-validators.js';
import { OEMBED_PATH, OEmbedQuery, OEmbedRich, originOf, parseEmbedTarget, renderCard, type CardInput } from '../services/oembed.js';
import { clausePage, documentPage } from '../services/urls.js';

/** Seconds a consumer may keep a card: as long as a cache may (CACHE.short). */
const CARD_CACHE_AGE = 300;

const oembed: FastifyPluginAsyncZod = async (app) => {
  const docs = app.services.documents;
  app.get(
    OEMBED_PATH,
    {
      config: { cache: { cacheControl: CACHE.short } },
      schema: {
        tags: ['embed'],
        summary: 'oEmbed: a rich card (text, citation, link) for a clause or document page URL',
        querystring: OEmbedQuery,
        response: { 200: OEmbedRich, ...errorResponses(404, 501) },
      },
    },
    async (req) => {
      const q = req.query;
      if (q.format !== 'json') throw new ApiError('FORMAT_NOT_SUPPORTED');
      const target = parseEmbedTarget(q.url, req.host);
      if (!target) throw new ApiError('NOT_EMBEDDABLE', undefined, { url: q.url });
      const origin = originOf(req);
      let card: CardInput;
      if (target.kind === 'clause') {
        const c = await docs.clause(target.id);
        card = { pageUrl: origin + clausePage(c.id), citation: c.citation, text: c.text, breadcrumb: c.breadcrumb };
      } else {
        const d = await docs.get(target.id);
        const title = d.version && !d.title.endsWith(d.version) ? d.title + d.version : d.title;
        card = {
          pageUrl: origin + documentPage(d.id),
          citation: `《${title}》`,
          text: [d.issuer, d.date, d.docNumber].filter(Boolean).join(' · ') || title,
        };
      }
      return renderCard(card, { origin, cacheAge: CARD_CACHE_AGE, maxwidth: q.maxwidth, maxheight: q.maxheight });
    },
  );
};
export default oembed;
