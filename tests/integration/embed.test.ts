import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, getJson } from './helpers.js';
import { OEmbedRich, escapeHtml } from '../../src/services/oembed.js';

/** /oembed, its discovery and the hover-card script, on the shared real index. */
let app: FastifyInstance;
let clause: { id: string; text: string; citation: string; docId: string };
beforeAll(async () => {
  app = await buildTestApp();
  const hit = (await getJson(app, `/v1/search?q=${encodeURIComponent('网络安全')}&kind=article&limit=1`)).body.hits[0];
  clause = (await getJson(app, `/v1/clauses/${hit.id}`)).body;
});
afterAll(async () => {
  await app?.close();
});

const oembed = (url: string, extra = '') => app.inject({ method: 'GET', url: `/oembed?url=${encodeURIComponent(url)}${extra}` });

describe('/oembed', () => {
  it('answers a clause page with a valid rich card whose HTML escapes the clause text', async () => {
    const res = await oembed(`http://localhost/clauses/${clause.id}`, '&format=json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    const card = OEmbedRich.parse(res.json());
    expect(card.title).toBe(clause.citation);
    expect(card.html).toContain(escapeHtml(clause.text.slice(0, 100)));
    expect(card.html).toContain(`href="http://localhost/clauses/${clause.id}"`);
    expect(res.headers.etag).toBeTruthy();
    expect(res.headers['cache-control']).toContain('max-age=300');
  });

  it('answers a document page, and a path alone', async () => {
    const card = (await oembed(`/documents/${clause.docId}`)).json();
    expect(card).toMatchObject({ type: 'rich', version: '1.0' });
    expect(card.title).toMatch(/^《.+》$/);
  });

  it('404 for pages it does not have or URLs that are not its pages, 501 for xml, 400 without url', async () => {
    expect((await oembed('/clauses/doc-000000000000--art_1')).json().error.code).toBe('CLAUSE_NOT_FOUND');
    const other = await oembed(`https://elsewhere.example/clauses/${clause.id}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('NOT_EMBEDDABLE');
    expect((await oembed('/v1/search')).statusCode).toBe(404);
    const xml = await oembed(`/clauses/${clause.id}`, '&format=xml');
    expect(xml.statusCode).toBe(501);
    expect(xml.json().error.code).toBe('FORMAT_NOT_SUPPORTED');
    expect((await app.inject({ method: 'GET', url: '/oembed' })).statusCode).toBe(400);
  });

  it('is discoverable from a clause page: a <link> in its head and a Link header', async () => {
    // The web app's real clause page (src/web): the hook adds the header, the page's head slot the <link>.
    const page = await app.inject({ method: 'GET', url: `/clauses/${clause.id}`, headers: { accept: 'text/html' } });
    expect(page.headers.link).toBe(
      `<http://localhost/oembed?url=${encodeURIComponent(`http://localhost/clauses/${clause.id}`)}&format=json>; rel="alternate"; type="application/json+oembed"`,
    );
    const href = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(page.body)![1]!.replace(/&amp;/g, '&');
    const res = await app.inject({ method: 'GET', url: href.replace('http://localhost', '') });
    expect(res.statusCode).toBe(200);
    expect(res.json().title).toBe(clause.citation);
  });
});

describe('/embed', () => {
  it('serves the hover-card script with a long cache lifetime and validators', async () => {
    const res = await app.inject({ method: 'GET', url: '/embed/cards.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/javascript');
    expect(res.headers['cache-control']).toBe('public, max-age=86400');
    expect(res.body).toContain('textContent');
    expect(res.body).not.toMatch(/innerHTML|insertAdjacentHTML|document\.write|eval\(/);
    const again = await app.inject({ method: 'GET', url: '/embed/cards.js', headers: { 'if-none-match': res.headers.etag as string } });
    expect(again.statusCode).toBe(304);
  });

  it('has a demo page linking to clause pages, with no inline script', async () => {
    const res = await app.inject({ method: 'GET', url: '/embed/demo' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<a href="http:\/\/localhost\/clauses\/[^"]+">《/);
    expect([...res.body.matchAll(/<script\b[^>]*>/g)].every((m) => m[0].includes('src='))).toBe(true);
  });
});
