import { CHANGES_INDEX, type ChangeEvent } from '../../core/index/changes.js';
import { MeiliRequestError } from '../../meili/errors.js';
import type { SearchQuery } from '../schemas/search.js';
import { and, anyOf, eq } from './filter.js';
import type { IndexReader } from './index-reader.js';
import type { createSearchService } from './search-service.js';
import { clauseUrl, documentUrl } from './urls.js';

/**
 * What changed in the library, from the change log (core/index/changes.ts):
 * as JSON for programs (`/v1/changes`) and as Atom for feed readers — new
 * documents, and the clauses of new documents that match a saved search.
 * Pure apart from the reader; the Atom is built here as text (escaped).
 */

/** Documents a feed looks back over (newest first), and entries it shows at most. */
export const FEED_DOCUMENTS = 50;
export const FEED_ENTRIES = 100;
/** Clauses of one new document a saved-search feed shows at most. */
export const CLAUSES_PER_DOCUMENT = 10;

const NEW_CONTENT: Array<ChangeEvent['action']> = ['added', 'replaced'];

export type ChangeFilters = { kind?: string; issuer?: string };

/** `since` as a filter: a sequence number, or an ISO date/time; undefined when it is neither. */
export function sinceFilter(since: string | undefined): string | undefined | null {
  if (!since) return undefined;
  if (/^\d{1,12}$/.test(since)) return `seq > ${Number(since)}`;
  const t = Date.parse(since);
  return Number.isNaN(t) ? null : `atMs > ${t}`;
}

export function escapeXml(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

export interface AtomEntry {
  id: string;
  title: string;
  updated: string;
  link: string;
  summary: string;
  author?: string;
  categories?: string[];
}

export interface AtomFeed {
  id: string;
  title: string;
  /** The feed's own address (rel=self). */
  self: string;
  /** Where a person would read the same thing. */
  alternate?: string;
  updated: string;
  entries: AtomEntry[];
}

/** RFC 4287 Atom: feed id, title, updated and author; per entry id, title, updated, link and summary. */
export function renderAtom(feed: AtomFeed): string {
  const x = escapeXml;
  const entries = feed.entries.map(
    (e) =>
      `  <entry>\n    <id>${x(e.id)}</id>\n    <title>${x(e.title)}</title>\n    <updated>${x(e.updated)}</updated>\n` +
      `    <link rel="alternate" href="${x(e.link)}"/>\n` +
      (e.author ? `    <author><name>${x(e.author)}</name></author>\n` : '') +
      (e.categories ?? []).map((c) => `    <category term="${x(c)}"/>\n`).join('') +
      `    <summary type="text">${x(e.summary)}</summary>\n  </entry>\n`,
  );
  return (
    `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n` +
    `  <id>${x(feed.id)}</id>\n  <title>${x(feed.title)}</title>\n  <updated>${x(feed.updated)}</updated>\n` +
    `  <author><name>政策知识库</name></author>\n  <link rel="self" type="application/atom+xml" href="${x(feed.self)}"/>\n` +
    (feed.alternate ? `  <link rel="alternate" href="${x(feed.alternate)}"/>\n` : '') +
    `  <generator>policy-kb</generator>\n${entries.join('')}</feed>\n`
  );
}

type Search = ReturnType<typeof createSearchService>;

export function createFeedService(deps: { reader: IndexReader; search: Search }) {
  const { reader } = deps;

  /** Events matching the filters, in log order (or newest first). An empty log is not an error. */
  async function events(opts: { filter?: string; filters?: ChangeFilters; limit: number; newestFirst?: boolean; actions?: ChangeEvent['action'][] }) {
    const filter = and(
      opts.filter,
      opts.filters?.kind ? eq('kind', opts.filters.kind) : undefined,
      opts.filters?.issuer ? eq('issuer', opts.filters.issuer) : undefined,
      opts.actions ? anyOf('action', opts.actions) : undefined,
    );
    try {
      const { hits } = await reader.list<ChangeEvent>(CHANGES_INDEX, { filter, limit: opts.limit, sort: [opts.newestFirst ? 'seq:desc' : 'seq:asc'] });
      return hits;
    } catch (err) {
      // No change yet: the log's index is created by the first one.
      if (err instanceof MeiliRequestError && err.code === 'index_not_found') return [];
      throw err;
    }
  }

  return {
    /** Changes after `since` (a sequence number or a time), oldest first, with the cursor for the next call. */
    async changes(q: { since?: string; limit: number } & ChangeFilters) {
      const since = sinceFilter(q.since);
      if (since === null) return null;
      const hits = await events({ filter: since, filters: q, limit: q.limit });
      const changes = hits.map(({ atMs: _t, ...e }) => (e.action === 'removed' ? e : { ...e, url: documentUrl(e.docId) }));
      return { changes, next: String(hits.at(-1)?.seq ?? q.since ?? 0) };
    },

    /** New documents (added or replaced), newest first. */
    async documentsFeed(filters: ChangeFilters, base: { self: string; origin: string }): Promise<AtomFeed> {
      const hits = await events({ filters, limit: FEED_ENTRIES, newestFirst: true, actions: NEW_CONTENT });
      const what = [filters.kind, filters.issuer].filter(Boolean).join(' · ');
      return {
        id: `${base.origin}/feeds/documents.atom${what ? `?${new URL(base.self).search.slice(1)}` : ''}`,
        title: `政策知识库：新增文件${what ? `（${what}）` : ''}`,
        self: base.self,
        alternate: `${base.origin}/v1/documents`,
        updated: hits[0]?.at ?? new Date(0).toISOString(),
        entries: hits.map((e) => ({
          id: `${base.origin}/changes/${e.seq}`,
          title: `《${e.title}》${e.action === 'replaced' ? '（更新）' : ''}`,
          updated: e.at,
          link: `${base.origin}${documentUrl(e.docId)}`,
          summary: [e.issuer, e.kind, e.action === 'replaced' ? '已替换为新文本' : '新增', `来源：${e.sources.join('、')}`].filter(Boolean).join(' · '),
          ...(e.issuer ? { author: e.issuer } : {}),
          categories: [e.kind],
        })),
      };
    },

    /**
     * A saved search as a feed: the clauses matching it in documents added or
     * replaced lately (the last {@link FEED_DOCUMENTS}), newest document first.
     * Each entry's id names the clause and the change, so a clause of a
     * replaced document shows again as new.
     */
    async searchFeed(query: SearchQuery, base: { self: string; origin: string }): Promise<AtomFeed> {
      const hits = await events({ filters: { ...(query.docKind ? { kind: query.docKind } : {}), ...(query.issuer ? { issuer: query.issuer } : {}) }, limit: FEED_DOCUMENTS, newestFirst: true, actions: NEW_CONTENT });
      const latest = new Map<string, ChangeEvent>();
      for (const e of hits) if (!latest.has(e.docId)) latest.set(e.docId, e);
      const entries: AtomEntry[] = [];
      for (const e of latest.values()) {
        if (entries.length >= FEED_ENTRIES) break;
        const page = await deps.search.search({ ...query, docId: e.docId, limit: CLAUSES_PER_DOCUMENT, offset: 0, facets: false });
        for (const h of page.hits) {
          entries.push({
            id: `${base.origin}/changes/${e.seq}/${h.id}`,
            title: h.citation,
            updated: e.at,
            link: `${base.origin}${clauseUrl(h.id)}`,
            summary: h.snippet.replace(/<\/?em>/g, ''),
            ...(e.issuer ? { author: e.issuer } : {}),
          });
        }
      }
      return {
        id: base.self,
        title: `政策知识库：“${query.q}”的新条款`,
        self: base.self,
        alternate: `${base.origin}/v1/search?q=${encodeURIComponent(query.q)}`,
        updated: entries[0]?.updated ?? new Date(0).toISOString(),
        entries: entries.slice(0, FEED_ENTRIES),
      };
    },
  };
}
