import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, getJson } from './helpers.js';
import { launchChromium, type Browser as TestBrowser } from '../browser/chromium.js';

/**
 * The hover cards in real Chromium: a page on ANOTHER origin (its own HTTP
 * server, another port) includes only <script src=…/embed/cards.js>, links to
 * clause pages of the API's origin, and gets cards with the clause text —
 * fetched cross-origin from the JSON API.
 */
let app: FastifyInstance;
let api: string;
let host: http.Server;
let hostUrl: string;
let browser: TestBrowser;
let clause: { id: string; text: string; citation: string };

function hostPage(): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src ${api}; connect-src ${api}">
<title>An OA system</title><script src="${api}/embed/cards.js" defer></script></head>
<body><p>依据 <a id="cite" href="${api}/clauses/${clause.id}">${clause.citation}</a> 办理。</p>
<p><a id="other" href="https://elsewhere.example/clauses/${clause.id}">not ours</a></p>
<p><a id="missing" href="${api}/clauses/doc-000000000000--art_1">a clause that does not exist</a></p></body></html>`;
}

beforeAll(async () => {
  app = await buildTestApp();
  await app.listen({ port: 0, host: '127.0.0.1' });
  api = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const hit = (await getJson(app, `/v1/search?q=${encodeURIComponent('数据安全')}&kind=article&limit=1`)).body.hits[0];
  clause = (await getJson(app, `/v1/clauses/${hit.id}`)).body;
  host = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostPage()));
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}/`;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => host?.close(resolve));
  await app?.close();
});

describe('hover cards on another site', () => {
  it('show the clause text on hover and on keyboard focus, fetched cross-origin', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(hostUrl);
    expect(new URL(hostUrl).origin).not.toBe(api);

    await page.hover('#cite');
    const card = page.locator('[role="tooltip"]');
    await card.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await card.locator('strong').textContent()).toBe(clause.citation);
    const shown = (await card.locator('p').textContent()) ?? '';
    expect(clause.text.startsWith(shown.replace(/…$/, ''))).toBe(true);
    expect(shown.length).toBeGreaterThan(10);
    expect(await page.getAttribute('#cite', 'aria-describedby')).toBe(await card.getAttribute('id'));

    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden' });
    await page.focus('#cite');
    await card.waitFor({ state: 'visible' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('leave links to other sites and clauses that do not exist alone', async () => {
    const page = await browser.context.newPage();
    await page.goto(hostUrl);
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(r.url()));
    await page.hover('#other');
    await page.waitForTimeout(600);
    expect(fetched.filter((u) => u.includes('/v1/clauses/'))).toEqual([]);
    await page.hover('#missing');
    await page.waitForResponse((r) => r.url().includes('/v1/clauses/doc-000000000000'));
    await page.waitForTimeout(300);
    expect(await page.locator('[role="tooltip"]').isVisible()).toBe(false);
    await page.close();
  });
});
