import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Meilisearch } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestMeili } from '../helpers/meili.js';
import { buildApp } from '../../src/app.js';
import { runIngest } from '../../ingest/run-ingest.js';
import { payloadEntries, pushIndexes, readCorpusMeta, type IndexPayload } from '../../ingest/push.js';
import { ALL_INDEXES, INDEX } from '../../core/index/index-names.js';

/**
 * Re-indexing is atomic: a failed or killed ingest leaves the previous index
 * serving, and a corrupt file is reported while the others are ingested.
 * Uses its own Meilisearch so it can break things.
 */
const LAW = `示例数据管理条例

第一章 总则

第一条 为了规范示例数据处理活动，制定本条例。

第二条 本条例适用于本省行政区域内的示例数据管理。

第二章 管理

第三条 省大数据局负责示例数据的统筹管理。
`;
const PLAN = `示例数字化行动方案

一、重点任务

（一）建设示例网络。

1.加快示例基站建设。到2025年建成示例基站1000个。（责任单位：省通信管理局、省工业和信息化厅）
`;

let meili: Awaited<ReturnType<typeof startTestMeili>>;
let client: Meilisearch;
let dir: string;

/** Total hits of a search through the API (which segments the query as ingest did). */
async function hits(q: string): Promise<number> {
  const app = await buildApp({ meili: { host: meili.url, apiKey: meili.masterKey } });
  try {
    const res = await app.inject({ method: 'GET', url: `/v1/search?q=${encodeURIComponent(q)}` });
    expect(res.statusCode).toBe(200);
    return (res.json() as { total: number }).total;
  } finally {
    await app.close();
  }
}

async function indexUids(): Promise<string[]> {
  return (await client.getRawIndexes({ limit: 1000 })).results.map((i) => i.uid);
}

beforeAll(async () => {
  meili = await startTestMeili();
  client = new Meilisearch({ host: meili.url, apiKey: meili.masterKey });
  dir = await mkdtemp(path.join(os.tmpdir(), 'policy-corpus-'));
  await writeFile(path.join(dir, 'law.txt'), LAW);
  await writeFile(path.join(dir, 'plan.txt'), PLAN);
  await runIngest({ client, paths: [dir] });
});
afterAll(async () => {
  await meili?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('atomic re-indexing', () => {
  it('serves the first ingest', async () => {
    expect(await hits('统筹管理')).toBeGreaterThan(0);
    expect((await readCorpusMeta(client))?.corpusHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports a corrupt file and still ingests the others', async () => {
    await writeFile(path.join(dir, 'broken.pdf'), Buffer.from('%PDF-1.4\n%\u00e2\u00e3\nthis is not really a pdf\n'));
    await writeFile(path.join(dir, 'junk.txt'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    await writeFile(path.join(dir, 'extra.txt'), PLAN.replace(/示例/g, '样板'));
    const report = await runIngest({ client, paths: [dir] });
    expect(report.failed.map((f) => f.path).sort()).toEqual(['broken.pdf', 'junk.txt']);
    expect(report.failed.every((f) => f.message.length > 10)).toBe(true);
    expect(await hits('样板基站')).toBeGreaterThan(0);
    expect(await hits('统筹管理')).toBeGreaterThan(0);
    await rm(path.join(dir, 'broken.pdf'));
    await rm(path.join(dir, 'junk.txt'));
  });

  it('keeps the previous index serving when a push fails, and leaves no build index behind', async () => {
    const before = await readCorpusMeta(client);
    // A document id Meilisearch refuses makes the clause batch fail after other indexes were built.
    const bad: IndexPayload = { clauses: [], documents: [], tasks: [], departments: [], references: [], targets: [], indicators: [], catalogue: [], meta: [] };
    bad[INDEX.clauses] = [{ id: 'not a valid id!', text: 'x' }];
    expect(Object.keys(bad).sort()).toEqual([...ALL_INDEXES].sort());
    await expect(pushIndexes(client, payloadEntries(bad))).rejects.toThrow();
    expect(await hits('统筹管理')).toBeGreaterThan(0);
    expect((await readCorpusMeta(client))?.corpusHash).toBe(before?.corpusHash);
    expect((await indexUids()).filter((u) => u.includes('__build_'))).toEqual([]);
  });

  it('keeps the previous index serving when the document stream fails midway', async () => {
    const before = await readCorpusMeta(client);
    async function* failing() {
      for (let i = 0; i < 2500; i++) yield { index: INDEX.clauses, doc: { id: `c${i}`, text: '统筹管理' } };
      throw new Error('the second pass could not read a file again');
    }
    await expect(pushIndexes(client, failing(), { batchSize: 1000 })).rejects.toThrow(/could not read/);
    expect((await readCorpusMeta(client))?.corpusHash).toBe(before?.corpusHash);
    expect(await hits('样板基站')).toBeGreaterThan(0);
    expect((await indexUids()).filter((u) => u.includes('__build_'))).toEqual([]);
  });

  it('keeps the previous index serving when ingestion is killed midway', async () => {
    // A bigger input so the CLI is still indexing when it is killed.
    const big = path.join(dir, 'big');
    await rm(big, { recursive: true, force: true });
    await mkdir(big);
    await copyFile(path.resolve('corpus/zibo-big-data-laws-and-policies-compilation-2023.txt'), path.join(big, 'big.txt'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'ingest/cli.ts', big], {
      env: { ...process.env, MEILI_HOST: meili.url, MEILI_MASTER_KEY: meili.masterKey },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise((r) => child.once('exit', r));
    await new Promise<void>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`ingest never reached indexing:\n${out}`)), 120_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        // Pass 2 has started: documents are being pushed into the build indexes.
        if (/index\s+big\.txt:/.test(out)) {
          clearTimeout(timer);
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    await exited;
    expect(await hits('统筹管理')).toBeGreaterThan(0);
    expect(await hits('样板基站')).toBeGreaterThan(0);
    // The next ingest cleans up what the killed one left and succeeds.
    const report = await runIngest({ client, paths: [dir] });
    expect(report.documents).toBeGreaterThan(3);
    expect((await indexUids()).filter((u) => u.includes('__build_'))).toEqual([]);
  });
});
