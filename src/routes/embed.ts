import { readFileSync } from 'node:fs';
import type { FastifyPluginAsync } from 'fastify';
import { INDEX } from '../../core/index/index-names.js';
import type { ClauseDoc } from '../../core/index/schemas.js';
import { CACHE } from '../plugins/cache-validators.js';
import { eq } from '../services/filter.js';
import { escapeHtml, originOf } from '../services/oembed.js';
import { clausePage } from '../services/urls.js';

/** Read once: the script is part of the build, like the code serving it. */
const CARDS_JS = readFileSync(new URL('../embed/cards.js', import.meta.url), 'utf8');

/**
 * The embeddable hover cards: the script other sites include, and a demo page
 * showing it on a few of the index's articles.
 */
const embed: FastifyPluginAsync = async (app) => {
  app.get(
    '/embed/cards.js',
    { config: { cache: { cacheControl: CACHE.asset, fromIndex: false } }, schema: { hide: true } },
    // Other sites load it with <script src>: a same-origin Cross-Origin-Resource-Policy (helmet's default) would block it.
    async (_req, reply) => reply.type('text/javascript; charset=utf-8').header('cross-origin-resource-policy', 'cross-origin').send(CARDS_JS),
  );
  app.get('/embed/demo', { schema: { hide: true } }, async (req, reply) => {
    const { hits } = await app.reader.list<ClauseDoc>(INDEX.clauses, { filter: eq('kind', 'article'), limit: 3, fields: ['id', 'citation'] });
    const origin = originOf(req);
    const items = hits
      .map((c) => `<li><a href="${escapeHtml(origin + clausePage(c.id))}">${escapeHtml(c.citation)}</a></li>`)
      .join('\n      ');
    const tag = `<script src="${origin}/embed/cards.js" defer></script>`;
    return reply.type('text/html; charset=utf-8').send(`<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8">
    <title>Hover cards — demo</title>
    <script src="/embed/cards.js" defer></script>
  </head>
  <body>
    <h1>Hover cards for clause links</h1>
    <p>Point at a link (or tab to it): a card shows the clause. To do the same on your site, add one line:</p>
    <pre><code>${escapeHtml(tag)}</code></pre>
    <ul>
      ${items}
    </ul>
  </body>
</html>
`);
  });
};
export default embed;
