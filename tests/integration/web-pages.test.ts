import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, enc, getJson } from './helpers.js';
import { CONTENT_SECURITY_POLICY } from '../../src/web/csp.js';
import { ASSETS } from '../../src/web/assets.js';

/** The pages through app.inject: escaping, the CSP, assets, the page addresses in API answers, the master key. */
let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

const get = (url: string, accept = 'text/html') => app.inject({ method: 'GET', url, headers: { accept } });
/** Hostile input: a script, both quotes, a closing em (the snippet markup), an attribute breaker. */
const EVIL = `<script>alert(1)</script>"'</em><img src=x onerror=alert(2)>数据`;

function assertEscaped(body: string): void {
  expect(body).not.toContain('<script>alert(1)');
  expect(body).not.toContain('<img src=x');
  expect(body).not.toMatch(/<\/em>"|"'<\/em>/);
  // The only scripts are the app's own file.
  const scripts = body.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts).toEqual([`<script src="${ASSETS.js.path}" defer>`]);
  // No event-handler attribute on any real tag (quoted values, which may hold the words harmlessly, set aside).
  const attributes = (body.match(/<[a-z][^>]*>/gi) ?? []).map((tag) => tag.replace(/"[^"]*"/g, '""'));
  expect(attributes.filter((t) => /\son[a-z]+=/i.test(t))).toEqual([]);
  expect(body).not.toContain(' style=');
}

describe('escaping user input on every page', () => {
  it('in a search query (search page and the query plan, hidden fields, facet links)', async () => {
    const res = await get(`/search?q=${enc(EVIL)}&issuer=${enc(EVIL.slice(0, 60))}`);
    expect(res.statusCode).toBe(200);
    assertEscaped(res.body);
    expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&lt;/em&gt;');
  });

  it('in a snippet: only the service’s own markers become <mark>; a query holding </em> is text', async () => {
    const res = await get(`/search?q=${enc('数据安全')}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<mark>数据安全</mark>');
    expect(res.body).not.toContain('<em>');
    const odd = await get(`/search?q=${enc('</em>数据安全')}`);
    expect(odd.statusCode).toBe(200);
    assertEscaped(odd.body);
    expect(odd.body).toContain('&lt;/em&gt;数据安全');
  });

  it('in a draft to cite (POST form and GET) and in a citation to resolve', async () => {
    const post = await app.inject({
      method: 'POST',
      url: '/cite',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: new URLSearchParams({ text: `${EVIL}根据《${EVIL}》第三条和《中华人民共和国数据安全法》第三十一条` }).toString(),
    });
    expect(post.statusCode).toBe(200);
    assertEscaped(post.body);
    expect(post.body).toContain('cite-mark--resolved');
    const one = await get(`/cite?cite=${enc(EVIL)}`);
    expect(one.statusCode).toBe(200);
    assertEscaped(one.body);
  });

  it('in a department name (404 page) and a department search', async () => {
    const res = await get(`/departments/${enc(EVIL)}`);
    expect(res.statusCode).toBe(404);
    assertEscaped(res.body);
    const list = await get(`/departments?q=${enc(EVIL.slice(0, 90))}`);
    expect(list.statusCode).toBe(200);
    assertEscaped(list.body);
  });

  it('in an unknown path', async () => {
    const res = await get(`/${enc(EVIL)}`);
    expect(res.statusCode).toBe(404);
    assertEscaped(res.body);
  });
});

describe('structure', () => {
  it('ids are unique on the document page (anchors of clauses inside units included)', async () => {
    const res = await get('/documents/doc-583618190d67');
    const ids = [...res.body.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(200);
    expect(ids.length - new Set(ids).size).toBe(0);
    expect(ids).toContain('doc-583618190d67--chp_3__sec_1__art_21__para_1');
  });
});

describe('headers and assets', () => {
  it('every page carries the CSP; API 404s stay JSON', async () => {
    for (const url of ['/', `/search?q=${enc('数据')}`, '/documents', '/departments', '/cite', '/catalogue', '/nope']) {
      const res = await get(url);
      expect(res.headers['content-security-policy'], url).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
    }
    const api = await get('/v1/nope', 'application/json');
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('ROUTE_NOT_FOUND');
    const apiFromBrowser = await get('/v1/nope');
    expect(apiFromBrowser.headers['content-type']).toMatch(/json/);
  });

  it('serves hashed assets compressed, cached for a year; an old hash is a 404', async () => {
    for (const a of [ASSETS.css, ASSETS.js]) {
      expect(a.path).toMatch(/^\/assets\/app\.[0-9a-f]{12}\.(css|js)$/);
      const res = await app.inject({ method: 'GET', url: a.path, headers: { 'accept-encoding': 'br, gzip' } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['cache-control']).toContain('immutable');
    }
    expect((await get('/assets/app.000000000000.css')).statusCode).toBe(404);
  });

  it('a bad parameter is a 400 page saying which', async () => {
    const res = await get(`/search?q=${enc('数据')}&year=abc`);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('year');
  });
});

describe('the API points at the pages', () => {
  it('search hits, clause, document, resolve and suggest carry `page` beside `url`', async () => {
    const s = await getJson(app, `/v1/search?q=${enc('数据安全')}&limit=2`);
    expect(s.body.hits[0].page).toBe(`/clauses/${s.body.hits[0].id}`);
    const c = await getJson(app, s.body.hits[0].url);
    expect(c.body.page).toBe(s.body.hits[0].page);
    const d = await getJson(app, `/v1/documents/${s.body.hits[0].docId}`);
    expect(d.body.page).toBe(`/documents/${s.body.hits[0].docId}`);
    const r = await getJson(app, `/v1/resolve?cite=${enc('数据安全法第三十一条')}`);
    expect(r.body.page).toMatch(/^\/clauses\//);
    const g = await getJson(app, `/v1/suggest?q=${enc('大数据')}`);
    expect(g.body.suggestions.every((x: { page: string }) => /^\/(documents|departments)\//.test(x.page))).toBe(true);
    // Every page the API names exists.
    for (const page of [s.body.hits[0].page, d.body.page, r.body.page, g.body.suggestions[0].page]) {
      expect((await get(page)).statusCode, page).toBe(200);
    }
  });

  it('facets include document kind, and role once a department is chosen', async () => {
    const s = await getJson(app, `/v1/search?q=${enc('数据')}&facets=true&department=${enc('大数据局')}`);
    expect(Object.keys(s.body.facets.docKind).length).toBeGreaterThan(0);
    const roles = s.body.facets.role as Record<string, number>;
    expect(Object.keys(roles).every((r) => ['lead', 'responsible', 'cooperating'].includes(r))).toBe(true);
    const lead = await getJson(app, `/v1/search?q=${enc('数据')}&department=${enc('大数据局')}&role=lead`);
    expect(lead.body.total).toBe(roles.lead);
  });
});

describe('secrets', () => {
  it('the master key never reaches a page', async () => {
    const { masterKey } = inject('meili');
    for (const url of ['/', `/search?q=${enc('数据')}`, '/documents/doc-583618190d67', '/clauses/doc-583618190d67--chp_3__sec_1__art_21', `/departments/${enc('大数据局')}`, '/cite', '/catalogue', ASSETS.js.path]) {
      const res = await get(url);
      expect(res.body.includes(masterKey), url).toBe(false);
    }
  });
});

describe('effect status on the pages (issue 15)', () => {
  it('search hits carry the status badge and effective date the API gives; unknown shows none', async () => {
    const api = await getJson(app, `/v1/search?q=${enc('数据安全')}&limit=20&facets=true`);
    const res = await get(`/search?q=${enc('数据安全')}`);
    expect(res.statusCode).toBe(200);
    const items = res.body.split('<li class="hit').slice(1);
    expect(items.length).toBe(api.body.hits.length);
    api.body.hits.forEach((h: { status: string; effectiveFrom?: string }, i: number) => {
      const badge = /class="badge badge--status badge--[a-z-]+"[^>]*>([^<]+)</.exec(items[i]!)?.[1];
      expect(badge, `hit ${i}`).toBe(h.status === '未知' ? undefined : h.status);
      if (h.effectiveFrom) expect(items[i]).toContain(h.effectiveFrom);
    });
    expect(api.body.hits.some((h: { status: string }) => h.status !== '未知')).toBe(true);
  });

  it('a 时效性 facet with the API’s counts; choosing one filters, shows as a chip, and stays in the URL', async () => {
    const api = await getJson(app, `/v1/search?q=${enc('数据')}&facets=true`);
    const counts = api.body.facets.status as Record<string, number>;
    const [status, n] = Object.entries(counts).filter(([s, c]) => c > 0 && s !== '未知').sort((a, b) => a[1] - b[1])[0]!;
    const res = await get(`/search?q=${enc('数据')}`);
    expect(res.body).toContain('<h3 id="facet-status">时效性</h3>');
    const link = `/search?q=${enc('数据')}&amp;status=${enc(status)}`;
    expect(res.body).toMatch(new RegExp(`href="${link.replace(/[?]/g, '\\?')}"><span class="facet__name">${status}</span><span class="facet__count">${n}</span>`));
    const filtered = await get(link.replace('&amp;', '&'));
    expect(filtered.statusCode).toBe(200);
    const total = Number(/<p class="result-count"[^>]*>共 (?:约 )?<strong>(\d+)</.exec(filtered.body)?.[1]);
    const apiFiltered = await getJson(app, `/v1/search?q=${enc('数据')}&status=${enc(status)}`);
    expect(total).toBe(apiFiltered.body.total);
    expect(filtered.body).toContain(`时效性：${status}`);
    // The sort form and the big box keep the filter.
    expect(filtered.body).toContain(`<input type="hidden" name="status" value="${status}">`);
    expect((await get(`/search?q=${enc('数据')}&status=bogus`)).statusCode).toBe(400);
  });

  it('the document page shows status and effective date; the list filters by status with counts', async () => {
    const list = await getJson(app, '/v1/documents?facets=true&limit=200');
    const known = list.body.documents.find((d: { status: string; effectiveFrom?: string }) => d.status !== '未知' && d.effectiveFrom);
    expect(known).toBeDefined();
    const page = await get(known.page);
    expect(page.body).toMatch(new RegExp(`<dt>时效性</dt><dd><span class="badge badge--status[^"]*"[^>]*>${known.status}</span>`));
    expect(page.body).toContain(known.effectiveFrom);
    const docs = await get(`/documents?status=${enc(known.status)}`);
    expect(docs.statusCode).toBe(200);
    const rows = docs.body.split('<tr><td>').length - 1;
    expect(rows).toBe(list.body.facets.status[known.status]);
    expect(docs.body).toContain(`aria-current="true">${known.status} ${rows}</a>`);
  });

  it('the clause page shows its document’s status', async () => {
    const s = await getJson(app, `/v1/search?q=${enc('数据安全')}&limit=20`);
    const hit = s.body.hits.find((h: { status: string }) => h.status !== '未知');
    const res = await get(hit.page);
    expect(res.body).toMatch(new RegExp(`<p class="clause-status"><span class="badge badge--status[^>]*>${hit.status}</span>`));
  });
});

describe('oEmbed discovery in the head (issue 18)', () => {
  it('clause and document pages link their oEmbed card in <head>, and the link answers', async () => {
    for (const url of ['/clauses/doc-74b705f5770f--chp_4__art_31', '/documents/doc-74b705f5770f']) {
      const res = await get(url);
      const head = res.body.slice(0, res.body.indexOf('</head>'));
      const link = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)" title="([^"]+)">/.exec(head);
      expect(link, url).not.toBeNull();
      const href = link![1]!.replace(/&amp;/g, '&');
      const asked = new URL(href);
      expect(asked.pathname).toBe('/oembed');
      expect(asked.searchParams.get('url')).toBe(`${asked.origin}${url}`);
      const card = await app.inject({ method: 'GET', url: asked.pathname + asked.search });
      expect(card.statusCode).toBe(200);
      expect(card.json().type).toBe('rich');
    }
    // Search and list pages have no card.
    expect((await get('/documents')).body).not.toContain('json+oembed');
  });
});

describe('subscribing to a search (issue 16)', () => {
  it('every results page links the Atom feed of the same words and filters, in the body and the head', async () => {
    const url = `/search?q=${enc('数据 安全')}&docKind=law&status=${enc('现行有效')}&sort=newest&page=2`;
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    const feed = `/feeds/search.atom?q=${enc('数据 安全')}&amp;status=${enc('现行有效')}&amp;docKind=law`;
    expect(res.body).toContain(`<a class="subscribe" href="${feed}"`);
    const head = res.body.slice(0, res.body.indexOf('</head>'));
    expect(head).toContain(`<link rel="alternate" type="application/atom+xml" title="订阅：数据 安全" href="${feed}">`);
    const atom = await app.inject({ method: 'GET', url: feed.replace(/&amp;/g, '&') });
    expect(atom.statusCode).toBe(200);
    expect(atom.headers['content-type']).toMatch(/^application\/atom\+xml/);
    // Also when nothing is found, and a role without its department is left out (the feed would refuse it).
    const none = await get(`/search?q=${enc('zzzz不存在的词qqq')}&role=lead`);
    const href = /<a class="subscribe" href="([^"]+)"/.exec(none.body)?.[1];
    expect(href).toBe(`/feeds/search.atom?q=${enc('zzzz不存在的词qqq')}`);
    expect((await app.inject({ method: 'GET', url: href! })).statusCode).toBe(200);
  });

  it('hostile words stay text in the feed link and its title', async () => {
    const res = await get(`/search?q=${enc(EVIL)}`);
    assertEscaped(res.body);
    const head = res.body.slice(0, res.body.indexOf('</head>'));
    expect(head).toContain('title="订阅：&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;');
    expect(head).toContain(`href="/feeds/search.atom?q=${enc(EVIL).replace(/'/g, '%27')}"`);
  });
});

describe('indicator pages (issue 15)', () => {
  it('the index lists indicators and finds them by name; hostile words stay text', async () => {
    const api = await getJson(app, '/v1/indicators?limit=5');
    expect(api.body.total).toBeGreaterThan(0);
    const res = await get('/indicators');
    expect(res.statusCode).toBe(200);
    for (const i of api.body.indicators) expect(res.body).toContain(`href="/indicators/${i.id}"`);
    const name = api.body.indicators[0].name as string;
    const found = await get(`/indicators?q=${enc(name)}`);
    expect(found.body).toContain(`href="/indicators/${api.body.indicators[0].id}"`);
    const evil = await get(`/indicators?q=${enc(EVIL)}`);
    expect(evil.statusCode).toBe(200);
    assertEscaped(evil.body);
  });

  it('an indicator page draws its series as SVG, every target point linked to its clause page', async () => {
    const api = await getJson(app, '/v1/indicators?limit=1');
    const d = await getJson(app, `/v1/indicators/${api.body.indicators[0].id}`);
    const res = await get(`/indicators/${d.body.id}`);
    expect(res.statusCode).toBe(200);
    assertEscaped(res.body);
    const svg = res.body.slice(res.body.indexOf('<svg class="chart"'), res.body.lastIndexOf('</svg>'));
    const linked = [...svg.matchAll(/<a href="(\/clauses\/[^"]+)"><circle class="chart__point"/g)].map((m) => m[1]);
    expect(linked.length).toBe(d.body.points.length);
    expect(new Set(linked)).toEqual(new Set(d.body.points.map((p: { clauseId: string }) => `/clauses/${p.clauseId}`)));
    expect(res.body).toContain(`href="${d.body.csv}"`);
    expect((await get(linked[0]!)).statusCode).toBe(200);
    expect((await get('/indicators/no-such-indicator')).statusCode).toBe(404);
  });

  it('a clause that states a target links to its indicator page', async () => {
    const d = await getJson(app, `/v1/indicators/${(await getJson(app, '/v1/indicators?limit=1')).body.indicators[0].id}`);
    const res = await get(`/clauses/${d.body.points[0].clauseId}`);
    expect(res.body).toContain(`<a href="/indicators/${d.body.id}">`);
  });
});
