/**
 * `npm run bench:web [-- --quick]`: the web app's costs, written to
 * bench/results-web.json (see bench/README.md, "The web app").
 *
 * 1. Server time of the search page (GET /search?q=…, HTML) against the JSON
 *    API for the same query (GET /v1/search?q=…&limit=20&facets=true — what
 *    the page asks the service for), p50 latency at 1 and 32 clients
 *    (autocannon), over a list of queries, the same server process for both.
 * 2. Bytes of the search page: HTML + CSS + JS, raw, gzip and brotli.
 * 3. First contentful paint of the search page in Debian's Chromium (median of runs).
 *
 * The server runs in its own process (bench/serve-api.ts) so the load
 * generator does not share its event loop; everything on 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { Meilisearch } from 'meilisearch';
import { startTestMeili } from '../tests/helpers/meili.js';
import { CORPUS_DIR } from '../tests/helpers/corpus.js';
import { runIngest } from '../ingest/run-ingest.js';
import { launchChromium } from '../tests/browser/chromium.js';
import { renderLayout } from '../src/web/layout.js';
import { SearchPageQuery, renderSearchPage } from '../src/web/pages/search.js';

const require = createRequire(import.meta.url);
type Cannon = (opts: Record<string, unknown>) => Promise<{ latency: { p50: number; p90: number; p99: number }; requests: { average: number }; non2xx: number; errors: number }>;
const autocannon = require('autocannon') as Cannon;

const HERE = path.dirname(fileURLToPath(import.meta.url));
const QUICK = process.argv.includes('--quick');
const DURATION = QUICK ? 3 : 8;
const WARMUP = QUICK ? 500 : 2000;
/** Everyday queries of the kinds researchers type: words, a department, an article, a phrase. */
const QUERIES = ['数据安全', '个人信息 处理', '算力', '大数据局 牵头', '第二十一条', '“公共数据”', '数字政府 建设', '网络安全 等级保护'];
const log = (line: string) => console.error(`[bench:web] ${line}`);
const ratio = (a: number, b: number) => +(a / b).toFixed(2);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function serve(meiliUrl: string, key: string): Promise<{ port: number; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(HERE, 'serve-api.ts'), meiliUrl, key], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout.once('data', (d: Buffer) => resolve({ ...(JSON.parse(d.toString().trim().split('\n')[0]!) as { port: number }), stop: () => child.kill('SIGTERM') }));
    child.once('exit', (code) => reject(new Error(`serve-api exited with ${code}`)));
  });
}

async function load(base: string, paths: string[], connections: number) {
  const requests = paths.map((p) => ({ method: 'GET', path: p, headers: { accept: 'text/html' } }));
  await autocannon({ url: base, connections, amount: Math.max(WARMUP / 4, connections * 20), requests });
  const r = await autocannon({ url: base, connections, duration: DURATION, requests });
  if (r.non2xx || r.errors) throw new Error(`${r.non2xx} non-2xx answers, ${r.errors} errors`);
  return { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, rps: Math.round(r.requests.average) };
}

const meili = await startTestMeili();
let server: Awaited<ReturnType<typeof serve>> | undefined;
try {
  log('ingesting the corpus (not timed)…');
  await runIngest({ client: new Meilisearch({ host: meili.url, apiKey: meili.masterKey }), paths: [CORPUS_DIR] });
  server = await serve(meili.url, meili.masterKey);
  const base = `http://127.0.0.1:${server.port}`;
  const enc = encodeURIComponent;
  const pagePaths = QUERIES.map((q) => `/search?q=${enc(q)}`);
  const apiPaths = QUERIES.map((q) => `/v1/search?q=${enc(q)}&limit=20&facets=true`);
  // Both warmed before either is measured: the JIT then serves both code paths hot.
  await load(base, [...pagePaths, ...apiPaths], 1);

  const latency: Record<string, unknown> = {};
  for (const c of [1, 32]) {
    log(`${c} client(s)…`);
    const page = await load(base, pagePaths, c);
    const api = await load(base, apiPaths, c);
    latency[`clients${c}`] = { page, api, p50Ratio: ratio(page.p50 || 0.5, api.p50 || 0.5) };
  }

  // The page's own cost, independent of load on the machine: rendering the HTML from the service's answer.
  const documents = ((await (await fetch(`${base}/v1/documents?limit=200`)).json()) as { documents: [] }).documents;
  const renderMs: number[] = [];
  for (const q of QUERIES) {
    const result = await (await fetch(`${base}/v1/search?q=${enc(q)}&limit=20&facets=true`)).json();
    const data = { query: SearchPageQuery.parse({ q }), result, documents };
    for (let i = 0; i < 50; i++) renderLayout(renderSearchPage(data));
    const t0 = performance.now();
    for (let i = 0; i < 200; i++) renderLayout(renderSearchPage(data));
    renderMs.push((performance.now() - t0) / 200);
  }
  const renderPerPage = +median(renderMs).toFixed(3);

  // Bytes a first visit downloads for the search page.
  const html = Buffer.from(await (await fetch(`${base}${pagePaths[0]}`)).text());
  const assetPaths = [...html.toString().matchAll(/(?:href|src)="(\/assets\/app\.[0-9a-f]+\.(?:css|js))"/g)].map((m) => m[1]!);
  const assets = await Promise.all(assetPaths.map(async (p) => Buffer.from(await (await fetch(base + p, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer())));
  const all = [html, ...assets];
  const sum = (f: (b: Buffer) => number) => all.reduce((n, b) => n + f(b), 0);
  const bytes = {
    html: html.length,
    assets: Object.fromEntries(assetPaths.map((p, i) => [p, assets[i]!.length])),
    raw: sum((b) => b.length),
    gzip: sum((b) => gzipSync(b, { level: 6 }).length),
    brotli: sum((b) => brotliCompressSync(b).length),
    budgetCompressed: 100 * 1024,
  };

  log('first contentful paint in Chromium…');
  const browser = await launchChromium();
  const fcp: number[] = [];
  try {
    // One visible tab, navigated afresh each run: a background tab never paints, so it reports no FCP.
    const page = await browser.context.newPage();
    await page.bringToFront();
    for (let i = 0; i < (QUICK ? 3 : 7); i++) {
      await page.goto('about:blank');
      await page.goto(`${base}/search?q=${enc(QUERIES[i % QUERIES.length]!)}`, { waitUntil: 'load' });
      const t = await page.evaluate(
        () => new Promise<number>((resolve) => {
          const seen = performance.getEntriesByName('first-contentful-paint')[0];
          if (seen) return resolve(seen.startTime);
          new PerformanceObserver((list) => resolve(list.getEntries()[0]!.startTime)).observe({ type: 'paint', buffered: true });
          setTimeout(() => resolve(-1), 5000);
        }),
      );
      fcp.push(+t.toFixed(1));
    }
  } finally {
    await browser.close();
  }

  const results = {
    measuredAt: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
    quick: QUICK,
    queries: QUERIES,
    searchPageVsApi: latency,
    /** Median over the queries of the time to render the page's HTML from the service's answer, in this process (ms). */
    renderSearchPageMs: renderPerPage,
    searchPageBytes: bytes,
    firstContentfulPaintMs: { median: median(fcp), runs: fcp },
  };
  await writeFile(path.join(HERE, 'results-web.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(JSON.stringify(results, null, 2));
} finally {
  server?.stop();
  await meili.stop();
}
