import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ConsoleMessage, Page } from 'playwright-core';
import { startTestMeili } from '../helpers/meili.js';
import { launchChromium, type Browser } from './chromium.js';
import { startServer, type RunningServer } from './server.js';

/**
 * The web app in Debian's Chromium against the real server and the shared,
 * ingested Meilisearch: the journeys researchers and staff take, with
 * JavaScript on and off, under the Content-Security-Policy, and the
 * screenshots the README shows (docs/screenshots, rewritten by every run).
 */
const SHOTS = path.resolve('docs/screenshots');
const enc = encodeURIComponent;

let server: RunningServer;
let browser: Browser;
/** Every console message about a CSP violation or a page error, over all tests. */
const violations: string[] = [];

function watch(page: Page): Page {
  page.on('console', (m: ConsoleMessage) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  page.on('pageerror', (e) => violations.push(`pageerror: ${e.message}`));
  return page;
}

async function open(url: string): Promise<Page> {
  const page = watch(await browser.context.newPage());
  await page.goto(server.base + url);
  return page;
}

beforeAll(async () => {
  server = await startServer(inject('meili'));
  browser = await launchChromium();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.base });
  await mkdir(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a researcher', () => {
  it('searches, filters, opens a clause, copies its citation, follows a reference and lands on the anchored clause', async () => {
    const page = await open(`/search?q=${enc('网络安全等级保护制度')}`);
    await page.locator('.hit').first().waitFor();
    const total = await page.locator('.result-count strong').first().innerText();
    expect(Number(total)).toBeGreaterThan(1);

    // Filter: document kind = law (a facet link), reflected in the URL.
    await page.locator('#facet-docKind + ul a', { hasText: '法律' }).click();
    await page.waitForURL(/docKind=law/);
    const filtered = Number(await page.locator('.result-count strong').first().innerText());
    expect(filtered).toBeLessThanOrEqual(Number(total));
    expect(await page.locator('.chip--filter').count()).toBe(1);

    // Open the clause (第二十一条 of the law that sets up the system).
    await page.locator('.hit__title a', { hasText: '第二十一条' }).first().click();
    await page.waitForURL(/\/clauses\//);
    const clauseUrl = page.url();
    expect(await page.locator('h1').innerText()).toBe('第二十一条');

    // Copy its citation: the clipboard holds the citation and this page's address.
    await page.locator('.cite-box button[data-copy]').first().click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('第二十一条');
    expect(copied).toContain(new URL(clauseUrl).pathname);
    await expect(page.locator('.cite-box button[data-copied]').count()).resolves.toBe(1);

    // Follow a reference (a clause citing this one) to the document page, anchored and highlighted.
    const ref = page.locator('#refs-in ~ .ref-group a[href*="/documents/"][href*="#"]').first();
    const href = (await ref.getAttribute('href'))!;
    await ref.click();
    await page.waitForURL((u) => u.hash.length > 1);
    const anchor = decodeURIComponent(new URL(page.url()).hash.slice(1));
    expect(href.endsWith(`#${anchor}`)).toBe(true);
    const highlighted = await page.evaluate((id) => {
      const el = document.getElementById(id)!;
      const unit = el.classList.contains('unit') ? el : el.closest('.unit')!;
      return { background: getComputedStyle(unit).backgroundColor, top: unit.getBoundingClientRect().top };
    }, anchor);
    expect(highlighted.background).not.toBe('rgba(0, 0, 0, 0)');
    expect(Math.abs(highlighted.top)).toBeLessThan(200);
    // The outline beside the text marks where the reader is.
    expect(await page.locator('.outline a[aria-current="location"]').count()).toBe(1);

    // Back twice: the filtered results again, as they were.
    await page.goBack();
    await page.goBack();
    await page.waitForURL(/docKind=law/);
    expect(Number(await page.locator('.result-count strong').first().innerText())).toBe(filtered);
    await page.close();
  });

  it('filters by 时效性, sees the status on every hit, subscribes to the search, and reads an indicator chart', async () => {
    const page = await open(`/search?q=${enc('数据安全')}`);
    const facet = page.locator('#facet-status + ul a').first();
    await facet.waitFor();
    const status = await facet.locator('.facet__name').innerText();
    const count = Number(await facet.locator('.facet__count').innerText());
    await facet.click();
    await page.waitForURL((u) => u.searchParams.get('status') === status);
    expect(Number(await page.locator('.result-count strong').first().innerText())).toBe(count);
    await expect(page.locator('.chip--filter').innerText()).resolves.toContain(`时效性：${status}`);
    // Every hit shown carries the chosen status as a visible badge (未知 has none).
    const badges = await page.locator('.hit .badge--status').allInnerTexts();
    const hits = await page.locator('.hit').count();
    expect(badges).toEqual(status === '未注明时效' ? [] : Array(hits).fill(status));

    // 订阅: the same words and filters as an Atom feed a reader can open.
    const href = (await page.locator('a.subscribe').getAttribute('href'))!;
    const feed = new URL(href, server.base);
    expect(feed.pathname).toBe('/feeds/search.atom');
    expect(feed.searchParams.get('q')).toBe('数据安全');
    expect(feed.searchParams.get('status')).toBe(new URL(page.url()).searchParams.get('status'));
    const res = await page.request.get(feed.toString());
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(await page.locator('head link[type="application/atom+xml"]').getAttribute('href')).toBe(href);

    // An indicator's chart: a point is a link to the clause that states the target.
    await page.goto(server.base + '/indicators');
    await page.locator('.indicator-list a').first().click();
    await page.waitForURL(/\/indicators\/[^/]+$/);
    const point = page.locator('svg.chart a').first();
    expect(await point.locator('circle').boundingBox()).not.toBeNull();
    // Playwright's actionability wait timed out on the SVG circle (cause not found); force skips only that wait: still a real mouse click on its box.
    await point.locator('circle').click({ force: true });
    await page.waitForURL(/\/clauses\//);
    expect(await page.locator('.clause-targets a[href^="/indicators/"]').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('types ahead: suggestions for documents and departments, chosen with the keyboard', async () => {
    const page = await open('/');
    await page.locator('#q').pressSequentially('大数据', { delay: 30 });
    const options = page.locator('#q-list [role="option"]');
    await options.first().waitFor();
    expect(await page.locator('#q').getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/(documents|departments)\//);
    await page.close();
  });

  it('moves by keyboard: the first Tab reaches the skip link, which is visible when focused', async () => {
    const page = await open('/search?q=' + enc('数据'));
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ cls: document.activeElement?.className, left: document.activeElement?.getBoundingClientRect().left ?? -1 }));
    expect(focused.cls).toBe('skip-link');
    expect(focused.left).toBeGreaterThanOrEqual(0);
    // Landmarks and one h1.
    expect(await page.locator('header, nav[aria-label="主导航"], main, footer').count()).toBe(4);
    expect(await page.locator('h1').count()).toBe(1);
    await page.close();
  });

  it('checks a draft: every citation marked in place, resolved ones linked to their clause', async () => {
    const page = await open('/cite');
    await page.locator('#draft').fill('根据《中华人民共和国数据安全法》第三十一条和网络安全法第二十一条，参照某某办发〔2099〕99号文件。');
    await page.locator('form[action="/cite"] button[type="submit"]').first().click();
    await page.waitForSelector('.cite-result');
    const resolved = page.locator('.draft a.cite-mark--resolved');
    expect(await resolved.count()).toBe(2);
    expect(await resolved.first().getAttribute('href')).toMatch(/^\/clauses\/doc-[0-9a-f]+--/);
    expect(await page.locator('.draft .cite-mark--unresolved').count()).toBeGreaterThanOrEqual(1);
    // The draft text is kept around the marks, in order.
    expect(await page.locator('.draft').innerText()).toContain('参照');
    await resolved.first().click();
    await page.waitForURL(/\/clauses\//);
    expect(await page.locator('h1').innerText()).toBe('第三十一条');
    await page.close();
  });
});

describe('government staff', () => {
  it('open a department by its alias, filter by role and download its 台账', async () => {
    const page = await open('/departments?q=' + enc('大数据局'));
    await page.locator('.departments-table a', { hasText: '省大数据局' }).first().click();
    await page.waitForURL(/\/departments\//);
    // By alias straight away: the abbreviation lands on the same body.
    await page.goto(server.base + '/departments/' + enc('大数据局'));
    expect(await page.locator('h1').innerText()).toBe('省大数据局');
    await page.locator('.role-filter a', { hasText: '牵头' }).click();
    await page.waitForURL(/role=lead/);
    const leads = Number((await page.locator('.role-filter a[aria-current] .facet__count').innerText()).trim());
    expect(leads).toBeGreaterThan(0);
    expect(await page.locator('.task').count()).toBe(leads);
    expect(await page.locator('.task .badge--role-lead').count()).toBe(leads);

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a[download]').click()]);
    const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
    const rows = csv.trim().split(/\r?\n/);
    expect(rows[0]).toMatch(/^序号,文件,条款/);
    expect(rows.length - 1).toBe(leads);
    expect(rows.slice(1).every((r) => r.includes('牵头'))).toBe(true);
    await page.close();
  });
});

describe('pages without JavaScript', () => {
  it('search, document, clause and department all work', async () => {
    const noJs = await launchChromium({ javaScriptEnabled: false });
    try {
      const page = watch(await noJs.context.newPage());
      await page.goto(server.base + '/');
      await page.locator('#q').fill('个人信息');
      await page.locator('#q').press('Enter');
      await page.waitForURL(/\/search\?q=/);
      expect(await page.locator('.hit').count()).toBeGreaterThan(0);
      // The sort form submits with its button when no script does it.
      await page.locator('#sort').selectOption('newest');
      await page.locator('.sort__apply').click();
      await page.waitForURL(/sort=newest/);
      await page.locator('.hit__title a').first().click();
      await page.waitForURL(/\/clauses\//);
      expect(await page.locator('.clause-text p').count()).toBeGreaterThan(0);
      // Copy buttons need script: hidden, the citation stays selectable text.
      expect(await page.locator('button[data-copy]:visible').count()).toBe(0);
      await page.locator('.original summary').click();
      expect(await page.locator('.original__text').isVisible()).toBe(true);
      await page.locator('a', { hasText: '在全文中查看' }).click();
      await page.waitForURL(/\/documents\/.*#/);
      expect(await page.locator('.document-text .unit').count()).toBeGreaterThan(0);
      await page.goto(server.base + '/documents/doc-583618190d67');
      expect(await page.locator('.outline a').count()).toBeGreaterThan(50);
      await page.goto(server.base + '/departments/' + enc('工信厅') + '?role=cooperating');
      expect(await page.locator('h1').innerText()).toBe('省工业和信息化厅');
      expect(await page.locator('.task').count()).toBeGreaterThan(0);
    } finally {
      await noJs.close();
    }
  });
});

describe('error pages', () => {
  it('a 404 page for an unknown path, clause and department', async () => {
    const page = watch(await browser.context.newPage());
    for (const url of ['/no/such/page', '/clauses/doc-000000000000--art_1', '/departments/' + enc('不存在的局')]) {
      const res = await page.goto(server.base + url);
      expect(res!.status()).toBe(404);
      expect(await page.locator('h1').innerText()).toBe('找不到这个页面');
      expect(await page.locator('form[role="search"]').count()).toBeGreaterThan(0);
    }
    await page.close();
  });

  it('a friendly 503 page when the engine is down', async () => {
    const meili = await startTestMeili();
    const down = await startServer(meili);
    try {
      await meili.stop();
      const page = watch(await browser.context.newPage());
      const res = await page.goto(`${down.base}/search?q=${enc('数据')}`);
      expect(res!.status()).toBe(503);
      expect(await page.locator('h1').innerText()).toBe('检索服务暂时不可用');
      expect(await page.locator('main a', { hasText: '重试' }).getAttribute('href')).toBe(`/search?q=${enc('数据')}`);
      await page.screenshot({ path: path.join(SHOTS, 'unavailable-desktop.png') });
      await page.close();
    } finally {
      await down.close();
      await meili.stop();
    }
  });
});

describe('screenshots (docs/screenshots)', () => {
  /** The indicator with most targets (the index's own order), read when the screenshots start. */
  let indicatorId = '';
  beforeAll(async () => {
    const res = await fetch(`${server.base}/v1/indicators?limit=1`);
    indicatorId = ((await res.json()) as { indicators: Array<{ id: string }> }).indicators[0]!.id;
  });
  const PAGES: Array<[string, () => string]> = [
    ['home', () => '/'],
    ['search', () => `/search?q=${enc('数据 安全')}&docKind=law`],
    ['document', () => '/documents/doc-583618190d67#doc-583618190d67--chp_3__sec_1__art_21'],
    ['clause', () => '/clauses/doc-74b705f5770f--chp_4__art_31'],
    ['department', () => `/departments/${enc('大数据局')}?role=lead`],
    ['cite', () => `/cite?cite=${enc('数据安全法第三十一条')}`],
    ['indicator', () => `/indicators/${indicatorId}`],
  ];
  for (const [name, url] of PAGES) {
    it(`${name} at desktop and phone width`, async () => {
      for (const [size, viewport] of [
        ['desktop', { width: 1280, height: 860 }],
        ['phone', { width: 390, height: 844 }],
      ] as const) {
        const page = watch(await browser.context.newPage());
        await page.setViewportSize(viewport);
        const res = await page.goto(server.base + url());
        expect(res!.status()).toBe(200);
        // Nothing wider than the phone: no sideways scrolling.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(1);
        await page.screenshot({ path: path.join(SHOTS, `${name}-${size}.png`) });
        await page.close();
      }
    });
  }
});

describe('the Content-Security-Policy', () => {
  it('was never violated on any page above', () => {
    expect(violations).toEqual([]);
  });
});
