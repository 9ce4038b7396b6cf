import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z, ZodError } from 'zod';
import { EffectStatus } from '../../core/model/dates.js';
import { ApiError } from '../errors.js';
import { MeiliTimeoutError, MeiliUnavailableError } from '../../meili/errors.js';
import { Id, ShortText } from '../schemas/common.js';
import { SearchQuery } from '../schemas/search.js';
import { Role } from '../schemas/search.js';
import { MAX_EXTRACT_CHARS } from '../services/citation-service.js';
import { IndicatorParams } from '../schemas/indicators.js';
import { originOf } from '../services/oembed.js';
import { clausePage, departmentPage } from '../services/urls.js';
import { ASSETS_BY_PATH, ASSET_CACHE_CONTROL } from './assets.js';
import { SNIPPET_MARKS } from './components.js';
import { CONTENT_SECURITY_POLICY } from './csp.js';
import { renderLayout, type Page } from './layout.js';
import { renderCataloguePage } from './pages/catalogue.js';
import { renderCitePage, type CitePageData } from './pages/cite.js';
import { renderClausePage } from './pages/clause.js';
import { renderDepartmentIndex, renderDepartmentPage } from './pages/department.js';
import { renderDocumentPage } from './pages/document.js';
import { renderDocumentsPage } from './pages/documents.js';
import { renderIndicatorIndex, renderIndicatorPage } from './pages/indicator.js';
import { renderBadRequest, renderNotFound, renderUnavailable } from './pages/errors.js';
import { PAGE_SIZE, SearchPageQuery, renderSearchPage } from './pages/search.js';

/** Pages answer with this status and body; the CSP goes with every one. */
function sendPage(reply: FastifyReply, page: Page, status = 200): FastifyReply {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('content-security-policy', CONTENT_SECURITY_POLICY)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'same-origin')
    .send(renderLayout(page));
}

/** True when a request for an unknown path should get the HTML 404 page (a browser, not an API client). */
export function wantsPage(req: FastifyRequest): boolean {
  return !req.url.startsWith('/v1/') && !req.url.startsWith('/docs') && (req.headers.accept ?? '').includes('text/html');
}

/** The HTML 404 for paths no route serves (errors.ts asks for it when wantsPage). */
export function sendNotFoundPage(req: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendPage(reply, renderNotFound(`没有地址为 ${req.url.split('?')[0]} 的页面。`), 404);
}

/** How the pages answer what the services throw: 404 and 503 pages in words, 400 with what to fix. */
function sendError(req: FastifyRequest, reply: FastifyReply, err: unknown): FastifyReply {
  if (err instanceof ZodError) {
    return sendPage(reply, renderBadRequest(err.issues.map((i) => `${i.path.join('.') || '参数'}：${i.message}`), '/'), 400);
  }
  if (err instanceof MeiliUnavailableError || err instanceof MeiliTimeoutError || (err instanceof ApiError && err.statusCode === 503)) {
    req.log.warn({ err: (err as Error).message }, 'page: search engine unavailable');
    reply.header('retry-after', '30');
    return sendPage(reply, renderUnavailable(req.url, err instanceof ApiError && err.code === 'INDEX_NOT_READY'), 503);
  }
  if (err instanceof ApiError && err.statusCode === 404) {
    const details = err.details as { suggestions?: string[] } | undefined;
    const what: Record<string, string> = {
      DOCUMENT_NOT_FOUND: '没有这个文件。',
      CLAUSE_NOT_FOUND: '没有这个条款。文件重新整理后，旧的条款地址仍然有效；这个地址可能抄写有误。',
      DEPARTMENT_NOT_FOUND: '没有这个名称的部门或单位。',
      INDICATOR_NOT_FOUND: '没有这个指标。',
    };
    const suggestions = (details?.suggestions ?? []).map((s) => ({ href: departmentPage(s), text: s }));
    return sendPage(reply, renderNotFound(what[err.code] ?? err.message, suggestions), 404);
  }
  req.log.error({ err }, 'page failed');
  return sendPage(reply, renderBadRequest(['页面生成出错，请稍后重试。'], '/'), 500);
}

/** Caches a value for `ms` (failures are not cached): the document list behind facet names and the home page. */
function cacheFor<T>(ms: number, load: () => Promise<T>): () => Promise<T> {
  let value: { at: number; v: Promise<T> } | undefined;
  return () => {
    if (!value || Date.now() - value.at > ms) {
      const v = load();
      value = { at: Date.now(), v };
      v.catch(() => (value = undefined));
    }
    return value.v;
  };
}

const IdParams = z.object({ id: Id });
const NameParams = z.object({ name: ShortText });
const PageNumber = z.coerce.number().int().min(1).max(10_000).default(1);
const DepartmentPageQuery = z.object({ role: Role.optional() });
const DocumentsPageQuery = z.object({ status: EffectStatus.optional() });
const ListPageQuery = z.object({ q: z.string().trim().max(100).optional().transform((s) => s || undefined), page: PageNumber });
const CiteQuery = z.object({ cite: z.string().trim().max(500).optional(), text: z.string().max(2000).optional() });
const CiteBody = z.object({ text: z.string().optional() });

/**
 * The web app: server-rendered pages for people, each a `render(data) → Page`
 * function fed by the same services as the JSON API (src/services), so the
 * pages and /v1 never disagree. Every page works without JavaScript; the
 * script (assets/app.js) adds type-ahead, copy buttons and auto-submit.
 */
async function web(app: FastifyInstance): Promise<void> {
  // The same service instances as /v1 (src/plugins/services.ts): pages and the JSON API never disagree.
  const { search, suggest, documents: docs, references: refs, citations: cites, departments, catalogue, indicators } = app.services;
  const documentList = cacheFor(60_000, () => docs.list({ limit: 200, offset: 0, sort: 'order', facets: false }));

  /** Pages are for people: the OpenAPI document describes the JSON API only. */
  const PAGE_SCHEMA = { hide: true };

  /** A GET page: the handler's Page, or the error page for what it threw. */
  const page = (path: string, handler: (req: FastifyRequest, reply: FastifyReply) => Promise<Page | { page: Page; status: number }>) =>
    app.get(path, { schema: PAGE_SCHEMA }, async (req, reply) => {
      try {
        const out = await handler(req, reply);
        return 'body' in out ? sendPage(reply, out) : sendPage(reply, out.page, out.status);
      } catch (err) {
        return sendError(req, reply, err);
      }
    });

  app.get('/assets/*', { schema: PAGE_SCHEMA }, async (req, reply) => {
    const asset = ASSETS_BY_PATH.get(req.url.split('?')[0]!);
    if (!asset) return sendPage(reply, renderNotFound('没有这个资源文件（它可能已被新版本替换）。'), 404);
    const accepts = req.headers['accept-encoding'] ?? '';
    const [body, encoding] = /\bbr\b/.test(accepts) ? [asset.br, 'br'] : /\bgzip\b/.test(accepts) ? [asset.gzip, 'gzip'] : [asset.body, undefined];
    if (encoding) reply.header('content-encoding', encoding);
    return reply.type(asset.type).header('cache-control', ASSET_CACHE_CONTROL).header('vary', 'accept-encoding').send(body);
  });

  const searchPage = async (req: FastifyRequest) => {
    const q = SearchPageQuery.parse(req.query);
    if (!q.q) return renderSearchPage({ query: q, documents: (await documentList()).documents });
    const ask = (extra: Partial<Record<string, unknown>>) =>
      search.search(
        SearchQuery.parse({
          q: q.q,
          limit: PAGE_SIZE,
          offset: (q.page - 1) * PAGE_SIZE,
          docId: q.docId,
          kind: q.kind,
          docKind: q.docKind,
          issuer: q.issuer,
          year: q.year,
          department: q.department,
          role: q.department ? q.role : undefined,
          status: q.status,
          sort: q.sort,
          exact: q.exact,
          facets: 'true',
          ...extra,
        }),
        SNIPPET_MARKS,
      );
    const [result, list] = await Promise.all([ask({}), documentList()]);
    const data = { query: q, result, documents: list.documents } as Parameters<typeof renderSearchPage>[0];
    if (!result.hits.length) {
      const filtered = ['docId', 'kind', 'docKind', 'issuer', 'year', 'department', 'status'].some((k) => q[k as keyof typeof q] !== undefined);
      const clear = { status: undefined, docId: undefined, kind: undefined, docKind: undefined, issuer: undefined, year: undefined, department: undefined, role: undefined, offset: 0, limit: 1, facets: 'false' };
      const [without, sugg] = await Promise.all([
        filtered ? ask(clear).then((r) => r.total) : Promise.resolve(undefined),
        suggest.suggest({ q: q.q.slice(0, 50), limit: 6 }).then((s) => s.suggestions),
      ]);
      if (without !== undefined) data.withoutFilters = without;
      data.suggestions = sugg;
    }
    return renderSearchPage(data);
  };
  page('/', searchPage);
  page('/search', searchPage);

  page('/documents', async (req) => {
    const { status } = DocumentsPageQuery.parse(req.query);
    return renderDocumentsPage(await docs.list({ limit: 200, offset: 0, sort: 'order', facets: true, ...(status ? { status } : {}) }), status);
  });
  page('/documents/:id', async (req) => {
    const { id } = IdParams.parse(req.params);
    const document = await docs.get(id);
    const [units, referencesOut, referencesIn, list] = await Promise.all([docs.units(id), refs.forDocument(id, 'out'), refs.forDocument(id, 'in'), documentList()]);
    return renderDocumentPage({
      document,
      units,
      referencesOut,
      referencesIn,
      titles: new Map(list.documents.map((d) => [d.id, d.title])),
      members: list.documents.filter((d) => d.partOf === id),
      origin: originOf(req),
    });
  });

  page('/clauses/:id', async (req) => {
    const { id } = IdParams.parse(req.params);
    const [clause, references, cite, targets] = await Promise.all([docs.clause(id), refs.forClause(id), cites.cite(id), docs.targets(id)]);
    const origin = originOf(req);
    return renderClausePage({ clause: targets.length ? { ...clause, targets } : clause, references, cite, origin, permalink: `${origin}${clausePage(id)}` });
  });

  page('/departments', async (req) => {
    const { q, page: n } = ListPageQuery.parse(req.query);
    const size = 50;
    const list = await departments.list({ ...(q ? { q } : {}), withTasks: !q, limit: size, offset: (n - 1) * size });
    return renderDepartmentIndex(list, q, n, size);
  });
  page('/departments/:name', async (req) => {
    const { name } = NameParams.parse(req.params);
    const { role } = DepartmentPageQuery.parse(req.query);
    const filter = role ? { role } : {};
    const [profile, all] = await Promise.all([departments.profile(name, { ...filter, limit: 50 }), departments.allTasks(name, filter)]);
    return renderDepartmentPage({ profile, tasks: all.tasks, counts: profile.department.counts, ...(role ? { role } : {}) });
  });

  const citePage = async (d: CitePageData): Promise<Page> => {
    const out: CitePageData = { ...d, errors: [] };
    if (d.draft !== undefined) {
      if (!d.draft.trim()) out.errors!.push({ field: 'text', message: '请粘贴要核查的文稿。' });
      else if (d.draft.length > MAX_EXTRACT_CHARS) out.errors!.push({ field: 'text', message: `文稿超过 ${MAX_EXTRACT_CHARS} 字，请分段核查。` });
      else out.extracted = await cites.extract(d.draft);
    }
    if (d.cite !== undefined) {
      if (!d.cite) out.errors!.push({ field: 'cite', message: '请输入要解析的引文。' });
      else {
        try {
          out.resolved = await cites.resolve(d.cite);
        } catch (err) {
          if (!(err instanceof ApiError && err.code === 'CITATION_NOT_RESOLVED')) throw err;
          out.unresolved = err.message;
        }
      }
    }
    return renderCitePage(out);
  };
  page('/cite', async (req) => {
    const q = CiteQuery.parse(req.query);
    return citePage({ ...(q.cite !== undefined ? { cite: q.cite } : {}), ...(q.text !== undefined ? { draft: q.text } : {}) });
  });

  await app.register(async (forms) => {
    // Only the pages take form posts; the API keeps to JSON bodies.
    forms.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    forms.post('/cite', { schema: PAGE_SCHEMA }, async (req, reply) => {
      try {
        const { text } = CiteBody.parse(req.body ?? {});
        return sendPage(reply, await citePage({ draft: text ?? '' }));
      } catch (err) {
        return sendError(req, reply, err);
      }
    });
  });

  page('/indicators', async (req) => {
    const { q, page: n } = ListPageQuery.parse(req.query);
    const size = 50;
    return renderIndicatorIndex(await indicators.list({ ...(q ? { q } : {}), limit: size, offset: (n - 1) * size }), q, n, size);
  });
  page('/indicators/:id', async (req) => renderIndicatorPage(await indicators.get(IndicatorParams.parse(req.params).id)));

  page('/catalogue', async (req) => {
    const { q, page: n } = ListPageQuery.parse(req.query);
    const size = 100;
    const list = await catalogue.list({ ...(q ? { q } : {}), limit: size, offset: (n - 1) * size });
    return renderCataloguePage(list, q, n, size);
  });
}

export default fp(web, { name: 'web', dependencies: ['meili', 'segmenter'] });
