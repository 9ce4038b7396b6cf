/**
 * oEmbed (https://oembed.com): the card a site embeds for a clause or a
 * document page, and the discovery links that point consumers at it. Pure
 * functions; src/routes/oembed.ts reads the index and answers.
 */
import { z } from 'zod';
import { clausePage, documentPage } from './urls.js';

export const OEMBED_PATH = '/oembed';
export const PROVIDER_NAME = '政策知识库';

/** What a page URL embeds. Page paths are the ones urls.ts builds; anything else is not embeddable. */
export type EmbedTarget = { kind: 'clause'; id: string } | { kind: 'document'; id: string };

const PAGE = /^\/(clauses|documents)\/([A-Za-z0-9_-]{1,400})\/?$/;

/**
 * Reads a page URL given to /oembed: a path, or an absolute http(s) URL on
 * `ownHost` (this server as the client reached it). undefined: not one of
 * this product's clause or document pages.
 */
export function parseEmbedTarget(url: string, ownHost: string): EmbedTarget | undefined {
  let u: URL;
  try {
    u = new URL(url, `http://${ownHost}`);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  if (u.host !== new URL(`http://${ownHost}`).host) return undefined;
  const m = PAGE.exec(u.pathname);
  if (!m) return undefined;
  return { kind: m[1] === 'clauses' ? 'clause' : 'document', id: m[2]! };
}

/** This server's origin as a client reached it, default port dropped: `http://localhost:80` → `http://localhost`. */
export function originOf(req: { protocol: string; host: string }): string {
  return new URL(`${req.protocol}://${req.host}`).origin;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for HTML content and attribute values alike. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

export const OEmbedQuery = z.object({
  url: z.string().trim().min(1).max(2000),
  format: z.enum(['json', 'xml']).default('json'),
  maxwidth: z.coerce.number().int().min(200).max(4000).optional(),
  maxheight: z.coerce.number().int().min(100).max(4000).optional(),
});

export const OEmbedRich = z.object({
  version: z.literal('1.0'),
  type: z.literal('rich'),
  title: z.string(),
  provider_name: z.string(),
  provider_url: z.string(),
  /** Seconds a consumer may keep the card. */
  cache_age: z.number().int(),
  html: z.string(),
  width: z.number().int(),
  height: z.number().int(),
});
export type OEmbedRich = z.infer<typeof OEmbedRich>;

export interface CardInput {
  /** Absolute URL of the page the card links to. */
  pageUrl: string;
  /** The canonical citation (clause) or the full title (document). */
  citation: string;
  /** The clause text, or a line describing the document (issuer, date, 文号). */
  text: string;
  /** Where it sits (document › chapter › article), optional. */
  breadcrumb?: string;
}

/** Longest text shown on a card; the rest is behind the link. */
const CARD_TEXT_CHARS = 400;
const DEFAULT_WIDTH = 560;

/**
 * The rich card: a <blockquote> with the text and a link to the page —
 * every interpolated value escaped, no script, no style sheet, so it embeds
 * under any Content-Security-Policy.
 * @param opts.maxwidth the consumer's limit (default 560 px)
 */
export function renderCard(card: CardInput, opts: { maxwidth?: number; maxheight?: number; origin: string; cacheAge: number }): OEmbedRich {
  const width = Math.min(opts.maxwidth ?? DEFAULT_WIDTH, DEFAULT_WIDTH);
  const text = card.text.length > CARD_TEXT_CHARS ? `${card.text.slice(0, CARD_TEXT_CHARS)}…` : card.text;
  const html =
    `<blockquote class="policy-kb-card" cite="${escapeHtml(card.pageUrl)}">` +
    (card.breadcrumb ? `<p class="policy-kb-card-path">${escapeHtml(card.breadcrumb)}</p>` : '') +
    `<p class="policy-kb-card-text">${escapeHtml(text)}</p>` +
    `<footer>— <a href="${escapeHtml(card.pageUrl)}">${escapeHtml(card.citation)}</a></footer>` +
    `</blockquote>`;
  // About 16 px per CJK character, 26 px a line, and room for the path and the footer.
  const perLine = Math.max(1, Math.floor((width - 40) / 16));
  const lines = Math.ceil(text.length / perLine) + (card.breadcrumb ? 1 : 0) + 1;
  const height = Math.min(opts.maxheight ?? Infinity, lines * 26 + 48);
  return {
    version: '1.0',
    type: 'rich',
    title: card.citation,
    provider_name: PROVIDER_NAME,
    provider_url: `${opts.origin}/`,
    cache_age: opts.cacheAge,
    html,
    width,
    height,
  };
}

/** The /oembed address for a page. */
export function oembedUrl(origin: string, pageUrl: string): string {
  return `${origin}${OEMBED_PATH}?url=${encodeURIComponent(pageUrl)}&format=json`;
}

/**
 * The discovery tags a clause or document page puts in its <head>, so oEmbed
 * consumers (editors, chat apps, wikis) find the card from the page URL alone.
 * @param origin this server as the reader reached it, e.g. `https://kb.example.gov.cn`
 * @param target the page's clause or document
 * @param title the page title, for the link's title attribute (optional)
 */
export function oembedDiscoveryLinks(origin: string, target: EmbedTarget, title?: string): string {
  const page = `${origin}${target.kind === 'clause' ? clausePage(target.id) : documentPage(target.id)}`;
  const t = title ? ` title="${escapeHtml(title)}"` : '';
  return `<link rel="alternate" type="application/json+oembed" href="${escapeHtml(oembedUrl(origin, page))}"${t}>`;
}

/** The same discovery as an HTTP Link header value, for pages whose <head> cannot be changed. */
export function oembedLinkHeader(origin: string, pageUrl: string): string {
  return `<${oembedUrl(origin, pageUrl)}>; rel="alternate"; type="application/json+oembed"`;
}
