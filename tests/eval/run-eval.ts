/**
 * `npm run eval [-- --variants [name,name]] [--json out.json] [--show id,id|all]`: relevance of clause
 * search on hand-judged queries (tests/eval/judgments), for the product's
 * configuration and for a baseline — the same clauses in Meilisearch with
 * DEFAULT settings, raw text, the query as typed. Prints nDCG@10, recall@10
 * and MRR per configuration and per kind of query; exits 1 when the product
 * does not beat the baseline on nDCG@10 and recall@10.
 *
 * It starts its own Meilisearch (a temporary one) and ingests the corpus
 * itself. `--variants` also measures ablations (each one setting or
 * segmentation choice undone), which is how the settings were chosen.
 */
import { readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Meilisearch, type Settings } from 'meilisearch';
import { startTestMeili } from '../helpers/meili.js';
import { CORPUS_DIR, readRealCorpus } from '../helpers/corpus.js';
import { loadManifest } from '../../ingest/run-ingest.js';
import { buildCorpus } from '../../ingest/pipeline.js';
import { loadDepartmentRegistry, type DepartmentRegistry } from '../../core/departments/index.js';
import { createSegmenter, type Segmenter, type SegmenterOptions } from '../../core/segment/index.js';
import { SEARCH_VOCABULARY, segmenterWords } from '../../core/segment/vocabulary.js';
import { decodeSearchWord, toSearchField } from '../../core/segment/search-field.js';
import { toIndexPayload } from '../../ingest/to-index/index.js';
import { toClauseDocs, originalTexts } from '../../ingest/to-index/clauses.js';
import { INDEX_SETTINGS } from '../../core/index/settings.js';
import { INDEX } from '../../core/index/index-names.js';
import { payloadEntries, pushIndexes } from '../../ingest/push.js';
import type { BuiltCorpus } from '../../ingest/pipeline.js';
import { createIndexReader, type IndexReader } from '../../src/services/index-reader.js';
import { createSearchService } from '../../src/services/search-service.js';
import { createLexiconSource } from '../../src/services/query/index.js';
import { gradeHits, loadJudgments, type JudgedHit, type JudgedQuery } from './judgments.js';
import { mean, ndcgAt, recallAt, reciprocalRank } from './metrics.js';

const K = 10;
const TASK = { timeout: 600_000, interval: 200 };

interface Config {
  name: string;
  describe: string;
  run(q: JudgedQuery): Promise<JudgedHit[]>;
}

interface Scores {
  ndcg: number;
  recall: number;
  rr: number;
}

function score(hits: JudgedHit[], q: JudgedQuery): Scores {
  const grades = gradeHits(hits.slice(0, K), q.relevant);
  const judged = q.relevant.map((j) => j.grade);
  return { ndcg: ndcgAt(grades, judged, K), recall: recallAt(grades, q.relevant.length, K), rr: reciprocalRank(grades, K) };
}

/** The product's search service over a clauses index of the given uid. */
function productSearch(
  reader: IndexReader,
  uid: string,
  segmenter: Segmenter,
  registry: DepartmentRegistry,
  opts: { encodeQuery?: (w: string[]) => string; relaxOrder?: 'typed' | 'informative'; relaxation?: 'last' | 'leave-one-out'; typedFirst?: boolean; exact?: boolean } = {},
) {
  const redirected: IndexReader = { ...reader, search: (index, q, p) => reader.search((index === INDEX.clauses ? uid : index) as never, q, p) };
  const { exact = false, ...rest } = opts;
  const svc = createSearchService({ reader: redirected, segmenter, registry, lexicon: createLexiconSource(reader), ...rest });
  return async (q: JudgedQuery): Promise<JudgedHit[]> => {
    const res = await svc.search({ q: q.query, limit: K, offset: 0, sort: 'relevance', facets: false, exact });
    return res.hits;
  };
}

async function createIndex(client: Meilisearch, uid: string, settings: Settings, docs: Array<Record<string, unknown>>) {
  await client.createIndex(uid, { primaryKey: 'id' }).waitTask(TASK);
  if (Object.keys(settings).length) await client.index(uid).updateSettings(settings).waitTask(TASK);
  for (let i = 0; i < docs.length; i += 2000) await client.index(uid).addDocuments(docs.slice(i, i + 2000)).waitTask(TASK);
}

/** Clause documents of a built corpus segmented by `segmenter` (for variants that change segmentation). */
function clauseDocs(built: BuiltCorpus, segmenter: Segmenter) {
  return built.documents.flatMap((doc) => toClauseDocs(doc, segmenter, originalTexts(doc, built.files)));
}

interface Variant {
  name: string;
  describe: string;
  settings?: (s: Settings) => Settings;
  segmenter?: SegmenterOptions;
  /** Rewrites each clause document (for variants that change what the fields hold). */
  docs?: (d: Record<string, unknown>, segmenter: Segmenter) => Record<string, unknown>;
  encodeQuery?: (words: string[]) => string;
  relaxOrder?: 'typed' | 'informative';
  relaxation?: 'last' | 'leave-one-out';
  typedFirst?: boolean;
}

const SEG_FIELDS = ['headingSeg', 'textSeg', 'pathSeg'];
/**
 * An indexed field's coarse stream alone: the tokens before the stream break (segmenter.ts's STREAM_BREAK, the
 * last `。` when tokens follow it — the extra stream holds no punctuation).
 */
const coarseOnly = (field: string) => {
  const tokens = field.split(' ');
  const at = tokens.lastIndexOf('。');
  return (at >= 0 && at < tokens.length - 1 ? tokens.slice(0, at) : tokens).join(' ');
};

/** Meilisearch keeps each index in a directory of its own: the index uids' directories, for sizes. */
async function indexDirs(dataDir: string): Promise<Set<string>> {
  return new Set(await readdir(join(dataDir, 'meili', 'data.ms', 'indexes')).catch(() => []));
}
async function dirMb(dir: string): Promise<number> {
  let bytes = 0;
  for (const e of await readdir(dir, { withFileTypes: true })) if (e.isFile()) bytes += (await stat(join(dir, e.name))).blocks * 512;
  return +(bytes / 2 ** 20).toFixed(1);
}
/** Creates an index and measures it on disk (allocated blocks of the directory it got). */
async function createMeasuredIndex(dataDir: string, ...args: Parameters<typeof createIndex>): Promise<number | undefined> {
  const before = await indexDirs(dataDir);
  await createIndex(...args);
  const added = [...(await indexDirs(dataDir))].filter((d) => !before.has(d));
  return added.length === 1 ? dirMb(join(dataDir, 'meili', 'data.ms', 'indexes', added[0]!)) : undefined;
}
/** A field of encoded tokens back to the tokens as text: what Meilisearch would get without the encoding. */
const decodeField = (field: string) => field.split(' ').map((t) => (/^(?:[a-z]{4})+$/.test(t) ? decodeSearchWord(t) : t)).join(' ');

/** Each undoes one choice of the product configuration. */
const VARIANTS: Variant[] = [
  { name: 'control', describe: 'the product again, in another index: the noise floor of these figures' },
  {
    name: 'raw-tokens',
    describe: 'tokens as Chinese text (Meilisearch re-splits them), with dictionary + cmn locale',
    docs: (d) => ({ ...d, ...Object.fromEntries(SEG_FIELDS.map((f) => [f, decodeField(String(d[f]))])) }),
    settings: (s) => ({
      ...s,
      synonyms: SEARCH_VOCABULARY.synonyms,
      dictionary: SEARCH_VOCABULARY.dictionary,
      localizedAttributes: [{ attributePatterns: ['*Seg'], locales: ['cmn'] }],
    }),
    encodeQuery: (words) => words.join(' '),
  },
  { name: 'typed-first', describe: 'a thesaurus word searched as typed first, its alternatives after', typedFirst: true },
  { name: 'relax-last', describe: "relaxed matches by Meilisearch's `last` only (no leave-one-out queries)", relaxation: 'last' },
  { name: 'relax-by-weight', describe: 'relaxed matches give up the least informative words (jieba IDF) first', relaxOrder: 'informative' },
  { name: 'no-synonyms', describe: 'without department synonyms', settings: ({ synonyms: _s, ...s }) => s },
  { name: 'typos-on', describe: 'Meilisearch default typo tolerance', settings: ({ typoTolerance: _t, ...s }) => s },
  {
    name: 'ranking-default',
    describe: "Meilisearch's default ranking rules",
    settings: (s) => ({ ...s, rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'] }),
  },
  {
    name: 'ranking-attribute-first',
    describe: 'attribute before proximity',
    settings: (s) => ({ ...s, rankingRules: ['sort', 'words', 'attribute', 'proximity', 'exactness'] }),
  },
  {
    name: 'exactness-before-attribute',
    describe: 'the query as typed (exact words, phrase) before heading-or-text',
    settings: (s) => ({ ...s, rankingRules: ['sort', 'words', 'proximity', 'exactness', 'attribute'] }),
  },
  {
    name: 'text-first',
    describe: 'text before heading (a heading is also the start of its text): a heading word no longer outranks every word in the text',
    settings: (s) => ({ ...s, searchableAttributes: ['textSeg', 'headingSeg', 'pathSeg'] }),
  },
  {
    name: 'heading-every-token',
    describe: 'headings indexed with their sub-words and characters too, like text (the first version)',
    docs: (d, seg) => ({ ...d, headingSeg: toSearchField(seg.indexTokens([d.label, d.heading].filter(Boolean).join(' '))) }),
  },
  {
    name: 'no-attribute',
    describe: 'heading and text weighed alike',
    settings: (s) => ({ ...s, rankingRules: ['sort', 'words', 'proximity', 'exactness'] }),
  },
  {
    name: 'tiebreak-order',
    describe: 'ties broken by document order (order:asc)',
    settings: (s) => ({ ...s, rankingRules: [...(s.rankingRules ?? []), 'order:asc'] }),
  },
  {
    name: 'tiebreak-length',
    describe: 'ties broken by shorter text first',
    docs: (d) => ({ ...d, textLength: String(d.text).length }),
    settings: (s) => ({ ...s, sortableAttributes: [...(s.sortableAttributes ?? []), 'textLength'], rankingRules: [...(s.rankingRules ?? []), 'textLength:asc', 'order:asc'] }),
  },
  { name: 'one-stream', describe: 'all tokens interleaved in text order (no coarse stream first)', segmenter: { interleave: true } },
  {
    name: 'coarse-only',
    describe: 'one token stream per field: the words as read, no sub-words or characters (the index size question, issue 17)',
    docs: (d) => ({ ...d, ...Object.fromEntries(SEG_FIELDS.map((f) => [f, coarseOnly(String(d[f]))])) }),
  },
  {
    name: 'no-path-field',
    describe: 'document title and breadcrumb not searchable in each clause (pathSeg dropped)',
    docs: ({ pathSeg: _p, ...d }) => d,
    settings: (s) => ({ ...s, searchableAttributes: (s.searchableAttributes ?? []).filter((a) => a !== 'pathSeg') }),
  },
  { name: 'no-single-chars', describe: 'index without single characters', segmenter: { singleChars: false } },
  { name: 'search-mode', describe: 'jieba search mode instead of full mode, no single characters (the first version)', segmenter: { singleChars: false, fullMode: false } },
];

function pad(s: string, n: number): string {
  // Chinese characters take two columns.
  const width = [...s].reduce((w, c) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1), 0);
  return s + ' '.repeat(Math.max(0, n - width));
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const withVariants = args.includes('--variants');
  // --variants a,b: only those (by name); --variants alone: all.
  const variantNames = withVariants && args[args.indexOf('--variants') + 1] && !args[args.indexOf('--variants') + 1]!.startsWith('--')
    ? new Set(args[args.indexOf('--variants') + 1]!.split(','))
    : undefined;
  const jsonAt = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
  // --show id1,id2: print each configuration's top hits for those queries, with their grades.
  const show = new Set(args.includes('--show') ? (args[args.indexOf('--show') + 1] ?? '').split(',') : []);
  // --pool file: write the unjudged hits of every configuration's top ten, to be judged by hand (see README.md).
  const poolAt = args.includes('--pool') ? args[args.indexOf('--pool') + 1] : undefined;
  const pool: Record<string, { query: string; unjudged: Array<{ doc: string; text: string; by: string[] }> }> = {};

  const queries = await loadJudgments();
  const meili = await startTestMeili();
  try {
    const client = new Meilisearch({ host: meili.url, apiKey: meili.masterKey });
    const reader = createIndexReader(client);
    const [files, manifest, registry] = await Promise.all([readRealCorpus(), loadManifest(CORPUS_DIR), loadDepartmentRegistry()]);
    const words = segmenterWords(registry);
    const segmenter = createSegmenter({ userWords: words });
    const built = buildCorpus(files, { manifest, registry });
    const payload = toIndexPayload(built, { segmenter, registry, corpusHash: 'eval', ingestedAt: new Date().toISOString() });
    console.error(`eval: ${queries.length} judged queries; indexing ${payload.clauses.length} clauses…`);
    await pushIndexes(client, payloadEntries(payload));

    // Baseline: the same unit clauses (what search returns by default), raw text, default settings.
    const units = (payload.clauses as Array<Record<string, any>>).filter((c) => c.isUnit);
    const rawPath = (c: Record<string, any>) =>
      (c.path as Array<{ label?: string; heading?: string }>).slice(1).map((p) => [p.label, p.heading].filter(Boolean).join(' ')).join(' ');
    const sizes: Record<string, number | undefined> = {};
    sizes.baseline = await createMeasuredIndex(
      meili.dataDir,
      client,
      'eval_baseline',
      {},
      units.map((c) => ({ id: c.id, docTitle: c.docTitle, path: rawPath(c), label: c.label, heading: c.heading, text: c.text })),
    );

    const configs: Config[] = [
      { name: 'product', describe: 'the product: segmented fields, settings.ts, planned queries', run: productSearch(reader, INDEX.clauses, segmenter, registry) },
      {
        name: 'exact',
        describe: 'the product with exact=true: no query understanding (frames, thesaurus, typos, intents, parts)',
        run: productSearch(reader, INDEX.clauses, segmenter, registry, { exact: true }),
      },
      {
        name: 'baseline',
        describe: 'Meilisearch defaults on raw text, query as typed',
        run: async (q) => (await client.index('eval_baseline').search(q.query, { limit: K })).hits as unknown as JudgedHit[],
      },
    ];
    if (withVariants) {
      for (const v of VARIANTS.filter((x) => !variantNames || variantNames.has(x.name))) {
        const uid = `eval_${v.name.replace(/-/g, '_')}`;
        const seg = v.segmenter ? createSegmenter({ userWords: words, ...v.segmenter }) : segmenter;
        const base = v.segmenter ? clauseDocs(built, seg) : (payload.clauses as Array<Record<string, unknown>>);
        const docs = v.docs ? base.map((d) => v.docs!(d, seg)) : base;
        const settings = v.settings ? v.settings(INDEX_SETTINGS[INDEX.clauses]) : INDEX_SETTINGS[INDEX.clauses];
        console.error(`eval: variant ${v.name}…`);
        sizes[v.name] = await createMeasuredIndex(meili.dataDir, client, uid, settings, docs);
        configs.push({ name: v.name, describe: v.describe, run: productSearch(reader, uid, seg, registry, { encodeQuery: v.encodeQuery, relaxOrder: v.relaxOrder, relaxation: v.relaxation, typedFirst: v.typedFirst }) });
      }
    }

    const perQuery: Record<string, Record<string, Scores>> = {};
    for (const q of queries) {
      perQuery[q.id] = {};
      for (const c of configs) {
        const hits = await c.run(q);
        perQuery[q.id]![c.name] = score(hits, q);
        if (poolAt) {
          const entry = (pool[q.id] ??= { query: q.query, unjudged: [] });
          gradeHits(hits.slice(0, K), q.relevant).forEach((g, i) => {
            if (g > 0) return;
            const h = hits[i]!;
            const seen = entry.unjudged.find((u) => u.doc === h.docTitle && u.text === h.text);
            if (seen) seen.by.push(c.name);
            else entry.unjudged.push({ doc: h.docTitle, text: h.text, by: [c.name] });
          });
        }
        if (show.has(q.id) || show.has('all')) {
          const grades = gradeHits(hits.slice(0, K), q.relevant);
          console.log(`\n${q.id} ${q.query} — ${c.name}`);
          hits.slice(0, K).forEach((h, i) => console.log(`  ${i + 1}. [${grades[i]}] 《${h.docTitle.slice(0, 14)}》 ${h.text.replace(/\s+/g, ' ').slice(0, 50)}`));
        }
      }
    }

    const summary = (name: string, qs: JudgedQuery[]) => ({
      ndcg: mean(qs.map((q) => perQuery[q.id]![name]!.ndcg)),
      recall: mean(qs.map((q) => perQuery[q.id]![name]!.recall)),
      mrr: mean(qs.map((q) => perQuery[q.id]![name]!.rr)),
    });
    const f = (x: number) => x.toFixed(3);

    console.log(`\nPer query (nDCG@${K}: product / baseline)`);
    for (const q of queries) {
      const p = perQuery[q.id]!;
      console.log(`  ${pad(q.id, 34)} ${pad(q.query.slice(0, 22), 46)} ${f(p.product!.ndcg)}  ${f(p.baseline!.ndcg)}`);
    }
    const kinds = [...new Set(queries.map((q) => q.kind))];
    console.log(`\nBy kind of query (nDCG@${K}: ${configs.map((c) => c.name).join(' / ')})`);
    const byKind: Record<string, Record<string, number>> = {};
    for (const kind of kinds) {
      const qs = queries.filter((q) => q.kind === kind);
      byKind[kind] = { queries: qs.length, ...Object.fromEntries(configs.map((c) => [c.name, summary(c.name, qs).ndcg])) };
      const row = configs.map((c) => f(byKind[kind]![c.name]!)).join('  ');
      console.log(`  ${pad(kind, 14)} ${String(qs.length).padStart(3)} queries   ${row}`);
    }
    console.log(`\nOverall, ${queries.length} queries   nDCG@${K}  recall@${K}  MRR    clause index MB`);
    const overall: Record<string, ReturnType<typeof summary>> = {};
    for (const c of configs) {
      const s = (overall[c.name] = summary(c.name, queries));
      const mbText = sizes[c.name] !== undefined ? String(sizes[c.name]).padStart(6) : '     –';
      console.log(`  ${pad(c.name, 26)} ${f(s.ndcg)}    ${f(s.recall)}     ${f(s.mrr)}   ${mbText}   ${c.describe}`);
    }
    const beats = overall.product!.ndcg > overall.baseline!.ndcg && overall.product!.recall > overall.baseline!.recall;
    console.log(`\n${beats ? 'OK' : 'FAIL'}: the product ${beats ? 'beats' : 'does not beat'} the default baseline on nDCG@${K} and recall@${K}.`);
    if (poolAt) await writeFile(poolAt, JSON.stringify(pool, null, 1));
    if (jsonAt) await writeFile(jsonAt, JSON.stringify({ k: K, queries: queries.length, overall, byKind, indexMb: sizes, perQuery }, null, 2));
    return beats ? 0 : 1;
  } finally {
    await meili.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(2);
  },
);
