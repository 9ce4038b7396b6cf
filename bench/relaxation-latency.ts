/**
 * `npx tsx bench/relaxation-latency.ts [--rounds N]`: what leave-one-out relaxation costs in latency, against
 * Meilisearch's `last` alone, measured in one run (bench/results-relaxation.json).
 *
 * The real corpus is ingested into a fresh Meilisearch (not timed); two search services over the same index, one
 * per relaxation, answer every judged query in turns (query by query, so the machine's drift hits both alike),
 * in process over the API's transport — what is measured is the service and Meilisearch, not the API's HTTP. Reported apart: the queries the product
 * answers with relaxed matches (where leave-one-out sends its extra queries) and all of them.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Meilisearch } from 'meilisearch';
import { startTestMeili } from '../tests/helpers/meili.js';
import { CORPUS_DIR } from '../tests/helpers/corpus.js';
import { loadJudgments } from '../tests/eval/judgments.js';
import { runIngest } from '../ingest/run-ingest.js';
import { createMeiliTransport } from '../meili/http-transport.js';
import { loadDepartmentRegistry } from '../core/departments/index.js';
import { createSegmenter, segmenterWords } from '../core/segment/index.js';
import { INDEX } from '../core/index/index-names.js';
import { createIndexReader, type IndexReader } from '../src/services/index-reader.js';
import { createSearchService } from '../src/services/search-service.js';
import { createLexiconSource } from '../src/services/query/index.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROUNDS = process.argv.includes('--rounds') ? Number(process.argv[process.argv.indexOf('--rounds') + 1]) : 10;
const WARMUP_ROUNDS = 2;
const RELAXATIONS = ['leave-one-out', 'last'] as const;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return +s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!.toFixed(2);
};
const stats = (xs: number[]) => ({ p50: pct(xs, 50), p90: pct(xs, 90), p99: pct(xs, 99), samples: xs.length });

async function main() {
  const meili = await startTestMeili();
  try {
    const client = new Meilisearch({ host: meili.url, apiKey: meili.masterKey });
    console.error('ingesting the corpus (not timed)…');
    await runIngest({ client, paths: [CORPUS_DIR] });
    // The API's own transport (keep-alive pool, no gzip): the official client's default would add its own cost.
    const transport = createMeiliTransport({ host: meili.url, apiKey: meili.masterKey });
    const reader = createIndexReader(new Meilisearch({ host: meili.url, apiKey: meili.masterKey, httpClient: transport.httpClient }), { search: transport.search });
    const registry = await loadDepartmentRegistry();
    const segmenter = createSegmenter({ userWords: segmenterWords(registry) });
    const queries = [...new Set((await loadJudgments()).map((j) => j.query))];
    const requests = new Map<string, number>();
    const services = RELAXATIONS.map((relaxation) => {
      const counting: IndexReader = {
        ...reader,
        search: (index, q, p) => {
          if (index === INDEX.clauses) requests.set(relaxation, (requests.get(relaxation) ?? 0) + 1);
          return reader.search(index, q, p);
        },
      };
      return createSearchService({ reader: counting, segmenter, registry, lexicon: createLexiconSource(reader), relaxation });
    });
    const relaxed = new Set<string>();
    const times = RELAXATIONS.map(() => ({ relaxed: [] as number[], all: [] as number[] }));
    for (let round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
      if (round === 0) requests.clear();
      for (const q of queries) {
        for (let s = 0; s < services.length; s++) {
          const t0 = process.hrtime.bigint();
          const res = await services[s]!.search({ q, limit: 10, offset: 0, sort: 'relevance', facets: false, exact: false });
          const ms = Number(process.hrtime.bigint() - t0) / 1e6;
          if (s === 0 && res.matchingStrategy === 'relaxed') relaxed.add(q);
          if (round < 0) continue;
          times[s]!.all.push(ms);
          if (relaxed.has(q)) times[s]!.relaxed.push(ms);
        }
      }
    }
    const per = Object.fromEntries(
      RELAXATIONS.map((r, i) => [r, { relaxedQueries: stats(times[i]!.relaxed), allQueries: stats(times[i]!.all), clauseRequestsPerQuery: +((requests.get(r) ?? 0) / (ROUNDS * queries.length)).toFixed(2) }]),
    );
    const [loo, last] = [per['leave-one-out']!, per.last!];
    const results = {
      date: new Date().toISOString(),
      rounds: ROUNDS,
      queries: queries.length,
      relaxedQueries: relaxed.size,
      ...per,
      ratio: {
        relaxedP50: +(loo.relaxedQueries.p50 / last.relaxedQueries.p50).toFixed(2),
        relaxedP90: +(loo.relaxedQueries.p90 / last.relaxedQueries.p90).toFixed(2),
        allP50: +(loo.allQueries.p50 / last.allQueries.p50).toFixed(2),
      },
    };
    await writeFile(path.join(HERE, 'results-relaxation.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.log(JSON.stringify(results, null, 2));
    await transport.close();
  } finally {
    await meili.stop();
  }
}

await main();
