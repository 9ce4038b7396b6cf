/**
 * `npx tsx bench/measure-understanding.ts`: what query understanding costs per
 * request, in CPU, apart from Meilisearch and HTTP — the planner alone
 * (`exact=true`) against the planner with understanding, over the judged
 * queries, with the real corpus's lexicon. Writes bench/understanding-cost.json.
 */
import { writeFile } from 'node:fs/promises';
import { readRealCorpus } from '../tests/helpers/corpus.js';
import { loadManifest } from '../ingest/run-ingest.js';
import { buildCorpus } from '../ingest/pipeline.js';
import { CORPUS_DIR } from '../tests/helpers/corpus.js';
import { loadDepartmentRegistry } from '../core/departments/index.js';
import { createSegmenter } from '../core/segment/index.js';
import { segmenterWords } from '../core/segment/vocabulary.js';
import { toIndexPayload } from '../ingest/to-index/index.js';
import { LEXICON_ID, type LexiconDoc } from '../core/thesaurus/lexicon.js';
import { createLexicon, planSearch } from '../src/services/query/index.js';
import { loadJudgments } from '../tests/eval/judgments.js';

const ROUNDS = 200;

const [files, manifest, registry] = await Promise.all([readRealCorpus(), loadManifest(CORPUS_DIR), loadDepartmentRegistry()]);
const segmenter = createSegmenter({ userWords: segmenterWords(registry) });
const built = buildCorpus(files, { manifest, registry });
const payload = toIndexPayload(built, { segmenter, registry, corpusHash: 'bench', ingestedAt: new Date().toISOString() });
const doc = payload.meta.find((d) => d.id === LEXICON_ID) as LexiconDoc;
const t0 = performance.now();
const lexicon = createLexicon(JSON.parse(JSON.stringify(doc)));
const loadMs = performance.now() - t0;
const source = { get: async () => lexicon };
const queries = [...new Set((await loadJudgments()).map((q) => q.query))];

async function perQuery(exact: boolean): Promise<number> {
  for (const q of queries) await planSearch(q, { exact, segmenter, registry, lexicon: source });
  const start = performance.now();
  for (let r = 0; r < ROUNDS; r++) for (const q of queries) await planSearch(q, { exact, segmenter, registry, lexicon: source });
  return ((performance.now() - start) / (ROUNDS * queries.length)) * 1000;
}
// Alternated, twice each, to even out the machine's load.
const plain: number[] = [];
const understood: number[] = [];
for (let i = 0; i < 2; i++) {
  plain.push(await perQuery(true));
  understood.push(await perQuery(false));
}
const us = (xs: number[]) => +Math.min(...xs).toFixed(1);
const result = {
  date: new Date().toISOString(),
  queries: queries.length,
  rounds: ROUNDS,
  planPerQueryMicroseconds: { exact: us(plain), understood: us(understood), added: +(us(understood) - us(plain)).toFixed(1) },
  lexicon: { words: doc.words.length, abbreviations: doc.abbreviations.length, titles: doc.titles.length, definitions: doc.definitions.length, bytes: Buffer.byteLength(JSON.stringify(doc)), loadMs: +loadMs.toFixed(1) },
};
console.log(JSON.stringify(result, null, 2));
await writeFile(new URL('./understanding-cost.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
