/**
 * `npx tsx bench/ab-search.ts --base <dir> [--rounds 2] [--judged-before DATE] [--out FILE]`: the search bench
 * (`run-bench.ts --only search --quick`) run alternately in another checkout (`--base`, e.g. a `git worktree` of the
 * commit before a change) and in this one, so that both meet the same machine load; writes each run's figures and
 * the medians per side. The figure a change to query understanding must keep is the API's own time over a bare
 * proxy of the same request (one client, the queries answered by one Meilisearch request) and the one-client median
 * over all judged queries. Pass the same `--judged-before` on both sides so that they search the same queries.
 */
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const arg = (name: string, fallback?: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
};
const base = arg('base');
if (!base) throw new Error('usage: bench/ab-search.ts --base <checkout of the commit to compare against>');
const rounds = Number(arg('rounds', '2'));
const judgedBefore = arg('judged-before');
const out = arg('out', path.join(HERE, 'results-ab-search.json'))!;

interface Run {
  side: 'base' | 'this';
  meiliRequestsPerQuery: { mean: number; max: number };
  oneRequest: { api: number; proxy: number; meilisearch: number; apiOverProxy: number };
  allQueriesOneClient: { p50: number; p90: number; requestsPerSecond: number };
}

function runOnce(side: Run['side'], dir: string): Run {
  const args = ['tsx', 'bench/run-bench.ts', '--only', 'search', '--quick', ...(judgedBefore ? ['--judged-before', judgedBefore] : [])];
  const res = spawnSync('npx', args, { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const text = res.stdout ?? '';
  if (res.status !== 0 || !text.includes('{')) throw new Error(`bench failed in ${dir} (exit ${res.status}): ${res.stderr?.slice(-2000)}`);
  const s = JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)).search;
  const p = s.oneClientPrecise;
  return {
    side,
    meiliRequestsPerQuery: s.meiliRequestsPerQuery,
    oneRequest: { api: p.api.p50, proxy: p.proxyFloor.p50, meilisearch: p.meilisearch.p50, apiOverProxy: +(p.api.p50 - p.proxyFloor.p50).toFixed(3) },
    allQueriesOneClient: { p50: s.c1.apiAllQueries.p50, p90: s.c1.apiAllQueries.p90, requestsPerSecond: s.c1.apiAllQueries.requestsPerSecond },
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const runs: Run[] = [];
for (let r = 0; r < rounds; r++) {
  // Alternate which side goes first, so neither always meets the warmer machine.
  const order: Array<[Run['side'], string]> = r % 2 ? [['this', process.cwd()], ['base', base]] : [['base', base], ['this', process.cwd()]];
  for (const [side, dir] of order) {
    console.error(`[ab] round ${r + 1}/${rounds}: ${side}…`);
    runs.push(runOnce(side, dir));
  }
}
const summary = (side: Run['side']) => {
  const mine = runs.filter((x) => x.side === side);
  return {
    runs: mine.length,
    meiliRequestsPerQuery: mine[0]!.meiliRequestsPerQuery,
    oneRequestApiOverProxyP50: median(mine.map((x) => x.oneRequest.apiOverProxy)),
    allQueriesOneClientP50: median(mine.map((x) => x.allQueriesOneClient.p50)),
  };
};
const result = { date: new Date().toISOString(), base, judgedBefore, runs, median: { base: summary('base'), this: summary('this') } };
console.log(JSON.stringify(result.median, null, 2));
await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
