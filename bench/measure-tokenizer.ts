/**
 * `npx tsx bench/measure-tokenizer.ts`: the measurements the search design
 * rests on, reproduced on small synthetic documents against the embedded
 * Meilisearch (1.21). Each line states a behaviour, what Meilisearch does
 * with its own Chinese handling (raw text, default settings), and what the
 * product's pipeline does (core/segment + core/index/settings.ts).
 * Prints a table and writes bench/tokenizer-findings.json.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Meilisearch, type Settings } from 'meilisearch';
import { startTestMeili } from '../tests/helpers/meili.js';
import { createSegmenter, toSearchField, toSearchQuery, segmenterWords } from '../core/segment/index.js';
import { loadDepartmentRegistry } from '../core/departments/index.js';
import { INDEX_SETTINGS } from '../core/index/settings.js';
import { planQuery } from '../src/services/search-query.js';

const TASK = { timeout: 120_000, interval: 50 };
const TEXTS = [
  '省工业和信息化厅负责待处理的数据。', // 0
  '到2025年，建成5G基站20万个，IPv6规模部署。', // 1
  '个人信息处理者应当采取必要措施。', // 2
  '国家建立数据分类分级保护制度，保障数据安全。', // 3
  '加快建设千兆光网和算力网络。', // 4
  '数据交易场所。', // 5
  '数据资源依法交易。', // 6
  '工信厅牵头推进。', // 7
  '甲乙丙丁戊己庚辛壬癸子丑寅卯', // 8: fourteen one-character words
  '网络安全等级保护制度。', // 9
  '网络与信息安全。', // 10
];

interface Finding {
  behaviour: string;
  query: string;
  expected: string;
  meilisearchDefault: string;
  product: string;
  productOk: boolean;
  defaultOk: boolean;
}

async function main() {
  const registry = await loadDepartmentRegistry();
  const segmenter = createSegmenter({ userWords: segmenterWords(registry) });
  const meili = await startTestMeili();
  const findings: Finding[] = [];
  try {
    const client = new Meilisearch({ host: meili.url, apiKey: meili.masterKey });
    const make = async (uid: string, settings: Settings, docs: Array<Record<string, unknown>>) => {
      await client.createIndex(uid, { primaryKey: 'id' }).waitTask(TASK);
      await client.index(uid).updateSettings(settings).waitTask(TASK);
      await client.index(uid).addDocuments(docs).waitTask(TASK);
    };
    const { searchableAttributes: _s, filterableAttributes: _f, sortableAttributes: _o, ...productSettings } = INDEX_SETTINGS.clauses;
    await make('raw', {}, TEXTS.map((t, id) => ({ id, text: t })));
    await make('product', { ...productSettings, searchableAttributes: ['textSeg'] }, TEXTS.map((t, id) => ({ id, textSeg: toSearchField(segmenter.indexTokens(t)) })));
    // The same tokens as Chinese text: what pre-segmenting alone would give.
    await make('pretokenized', { searchableAttributes: ['textSeg'], localizedAttributes: [{ attributePatterns: ['textSeg'], locales: ['cmn'] }] }, TEXTS.map((t, id) => ({ id, textSeg: segmenter.indexTokens(t).join(' ') })));

    const ids = async (uid: string, q: string, params: Record<string, unknown> = {}) =>
      (await client.index(uid).search(q, { limit: 20, ...params })).hits.map((h) => Number(h.id)).sort((a, b) => a - b);
    const product = async (q: string) => {
      const plan = planQuery(q, { segmenter, registry });
      const hits = await ids('product', toSearchQuery(plan.words), { matchingStrategy: 'all' });
      // Unknown department names must occur verbatim (the service checks phrases after Meilisearch).
      return plan.phrases.length ? hits.filter((i) => plan.phrases.every((p) => TEXTS[i]!.includes(p))) : hits;
    };
    const show = (xs: number[]) => (xs.length ? `[${xs.join(',')}]` : 'nothing');
    const check = async (behaviour: string, query: string, want: number[], defaultParams: Record<string, unknown> = {}) => {
      const d = await ids('raw', query, defaultParams);
      const p = await product(query);
      const same = (xs: number[]) => xs.length === want.length && xs.every((x, i) => x === want[i]);
      findings.push({ behaviour, query, expected: show(want), meilisearchDefault: show(d), product: show(p), defaultOk: same(d), productOk: same(p) });
    };

    await check('a number of 3+ digits touching Chinese', '2025', [1]);
    await check('a word inside a longer word', '处理', [0, 2]);
    await check('a word spanning jieba’s own split (个人|信息处理)', '个人信息', [2]);
    await check('traditional characters', '數據安全', [3]);
    await check('an abbreviation of a department', '工信厅', [0, 7]);
    await check('a department that does not exist, default matching strategy (last)', '省工业和信息化局', []);
    await check('Latin and digits in a Chinese sentence', 'IPv6', [1]);
    await check('a query that has no full match, default strategy (last)', '数据交易', [5, 6]);

    // Re-splitting: a dictionary word given to Meilisearch as Chinese text is cut into pieces again.
    const split = await ids('pretokenized', '网络安全', { matchingStrategy: 'all' });
    const pieces = (await client.index('pretokenized').search('网络安全', { showMatchesPosition: true, matchingStrategy: 'all' })).hits.map(
      (h) => `doc ${h.id}: ${(h._matchesPosition?.textSeg ?? []).length} pieces`,
    );
    const whole = await product('网络安全');
    findings.push({
      behaviour: 'a word pre-segmented by jieba, given to Meilisearch as Chinese, is split again',
      query: '网络安全',
      expected: '[9] (网络与信息安全 does not say 网络安全)',
      meilisearchDefault: `${show(split)}; ${pieces.join(', ')}`,
      product: show(whole),
      defaultOk: split.join() === '9',
      productOk: whole.join() === '9',
    });

    // Typo tolerance turns 局 into 厅 once both are whole words.
    await make('typos', { searchableAttributes: ['t'], dictionary: ['省工业和信息化厅', '省工业和信息化局'] }, [{ id: 0, t: '省工业和信息化厅' }]);
    const typo = await ids('typos', '省工业和信息化局', { matchingStrategy: 'all' });
    findings.push({
      behaviour: 'default typo tolerance on whole Chinese words',
      query: '省工业和信息化局',
      expected: 'nothing',
      meilisearchDefault: `${show(typo)} (省工业和信息化厅 matched with one “typo”)`,
      product: show(await product('省工业和信息化局')),
      defaultOk: typo.length === 0,
      productOk: (await product('省工业和信息化局')).length === 0,
    });

    // The ten-word limit: an eleventh, absent word is ignored.
    const eleven = '甲 乙 丙 丁 戊 己 庚 辛 壬 癸 寅';
    const absent = '甲 乙 丙 丁 戊 己 庚 辛 壬 癸 无';
    findings.push({
      behaviour: 'only the first ten query words count',
      query: absent,
      expected: 'nothing (the 11th word is absent)',
      meilisearchDefault: `${show(await ids('raw', absent, { matchingStrategy: 'all' }))} (and ${show(await ids('raw', eleven, { matchingStrategy: 'all' }))} with the 11th present)`,
      product: `planned to ≤ 10 words: ${planQuery('甲乙丙丁戊己庚辛壬癸子丑寅卯无', { segmenter, registry }).words.length}`,
      defaultOk: false,
      productOk: planQuery('甲乙丙丁戊己庚辛壬癸子丑寅卯无', { segmenter, registry }).words.length <= 10,
    });

    // `frequency` returns only its best level; `last` returns every level.
    const q3 = toSearchQuery(['数据', '交易', '场所']);
    const freq = await ids('product', q3, { matchingStrategy: 'frequency' });
    const last = await ids('product', q3, { matchingStrategy: 'last' });
    findings.push({
      behaviour: 'matchingStrategy frequency vs last for partial matches',
      query: '数据 交易 场所',
      expected: 'the full match, then partial ones',
      meilisearchDefault: `frequency ${show(freq)}`,
      product: `last ${show(last)}`,
      defaultOk: freq.length > 1,
      productOk: last.length > 1,
    });

    // Compression: fetch asks for gzip; Meilisearch compresses.
    const big = await (async () => {
      await make('big', {}, Array.from({ length: 20 }, (_, id) => ({ id, text: '数据安全'.repeat(150) })));
      const body = JSON.stringify({ q: '数据', limit: 20 });
      const timeIt = async (headers: Record<string, string>) => {
        const xs: number[] = [];
        for (let i = 0; i < 30; i++) {
          const t = performance.now();
          await (await fetch(`${meili.url}/indexes/big/search`, { method: 'POST', body, headers: { 'content-type': 'application/json', authorization: `Bearer ${meili.masterKey}`, ...headers } })).text();
          if (i >= 5) xs.push(performance.now() - t);
        }
        return +xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(2);
      };
      return { gzip: await timeIt({}), identity: await timeIt({ 'accept-encoding': 'identity' }) };
    })();
    findings.push({
      behaviour: 'response compression (fetch sends Accept-Encoding: gzip)',
      query: '20 hits of 600 characters',
      expected: 'no compression on loopback',
      meilisearchDefault: `${big.gzip} ms median with gzip`,
      product: `${big.identity} ms median uncompressed`,
      defaultOk: big.gzip <= big.identity * 1.5,
      productOk: true,
    });
  } finally {
    await meili.stop();
  }

  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].reduce((w, c) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1), 0)));
  for (const f of findings) {
    console.log(`${pad(f.behaviour, 62)} ${pad(f.query, 20)} default: ${pad(f.meilisearchDefault, 44)} ${f.defaultOk ? 'ok ' : 'BAD'}   product: ${pad(f.product, 30)} ${f.productOk ? 'ok' : 'BAD'}`);
  }
  const here = path.dirname(fileURLToPath(import.meta.url));
  await writeFile(path.join(here, 'tokenizer-findings.json'), `${JSON.stringify({ date: new Date().toISOString(), meilisearch: '1.21', findings }, null, 2)}\n`);
  if (findings.some((f) => !f.productOk)) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
