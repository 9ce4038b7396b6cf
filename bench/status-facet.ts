/**
 * What the effect-status facet costs: search p50 with facets=true (the five
 * stored facets plus one small request per status) against facets=false and
 * against the stored facets alone (the request without the status counts), on
 * the real corpus in its own Meilisearch. Run: npx tsx bench/status-facet.ts
 * Writes bench/status-facet.json. Times move with machine load; read the ratios.
 */
import { writeFileSync } from 'node:fs';
import { Meilisearch } from 'meilisearch';
import { startTestMeili } from '../tests/helpers/meili.js';
import { runIngest } from '../ingest/run-ingest.js';
import { CORPUS_DIR } from '../tests/helpers/corpus.js';
import { buildApp } from '../src/app.js';

const QUERIES = ['数据', '5G基站', '个人信息', '数据安全', '政务服务', '算力', '大数据局', '网络安全', '公共数据开放', '数字政府'];
const ROUNDS = 20;

const meili = await startTestMeili();
try {
  const client = new Meilisearch({ host: meili.url, apiKey: meili.masterKey });
  await runIngest({ client, paths: [CORPUS_DIR] });
  const app = await buildApp({ meili: { host: meili.url, apiKey: meili.masterKey } });
  const time = async (extra: string) => {
    const times: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      for (const q of QUERIES) {
        const t = performance.now();
        const res = await app.inject({ method: 'GET', url: `/v1/search?q=${encodeURIComponent(q)}&limit=10${extra}` });
        if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
        times.push(performance.now() - t);
      }
    }
    times.sort((a, b) => a - b);
    return { p50: times[Math.floor(times.length / 2)]!, p90: times[Math.floor(times.length * 0.9)]!, requests: times.length };
  };
  await time(''); // warm
  const plain = await time('');
  const facets = await time('&facets=true');
  const status = await time(`&status=${encodeURIComponent('现行有效')}`);
  const result = {
    measuredAt: new Date().toISOString(),
    plain,
    facetsWithStatus: facets,
    statusFilter: status,
    ratios: { facetsVsPlain: facets.p50 / plain.p50, statusFilterVsPlain: status.p50 / plain.p50 },
  };
  writeFileSync(new URL('./status-facet.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');
  console.log(JSON.stringify(result, null, 2));
  await app.close();
} finally {
  await meili.stop();
}
