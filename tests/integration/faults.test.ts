/**
 * Fault injection against a real engine (judged 2026-12-03, before running):
 * - kill -9 of the engine during a stream of searches → only 200 and 503 with
 *   Retry-After, 200 again within 15 s, no 500; the same for an API that knows
 *   nothing of the engine (MEILI_HOST mode); /health counts the restart;
 * - kill -9 of an ingest midway → the old index serves; the next start removes
 *   the build indexes it left;
 * - an ingest of an empty, unsupported-only or missing folder → exit 2, the index intact;
 * - a folder with a .docx and BOM-less UTF-16 LE/BE files → the .docx listed as
 *   skipped (exit 1, in --report), the UTF-16 files ingested.
 * Every engine here is started by this file and killed by its pid only.
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Meilisearch } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { superviseEmbeddedMeili, type SupervisedMeili } from '../../meili/supervise.js';
import { isProcessAlive } from '../../meili/processes.js';
import { findFreePort } from '../../meili/embedded.js';
import { ensureReadKey } from '../../meili/keys.js';
import { CORPUS_DIR } from '../helpers/corpus.js';
import { ALL_INDEXES } from '../../core/index/index-names.js';
import { streamSearches, summarise } from '../helpers/fault-stream.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/read');
const PLAN = `示例数字化行动方案

一、重点任务

1.加快示例基站建设。到2025年建成示例基站1000个，推进数据共享。（责任单位：省通信管理局、省大数据局）
2.强化数据安全保障。建立数据安全监测体系。（责任单位：省大数据局）
`;

let tmp: string;
let engine: SupervisedMeili;
let master: Meilisearch;
const errors: string[] = [];

interface Run {
  code: number | null;
  out: string;
}

/** Runs a project script with node + tsx against this file's engine (MEILI_HOST mode). */
function runNode(script: string, args: string[], env: Record<string, string> = {}): { done: Promise<Run>; pid: number; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, MEILI_HOST: engine.url, MEILI_MASTER_KEY: engine.masterKey, MEILI_PORT: '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const done = new Promise<Run>((res) => child.once('exit', (code) => res({ code, out })));
  return { done, pid: child.pid!, output: () => out };
}

async function liveCounts(): Promise<{ documents: number; clauses: number }> {
  const [d, c] = await Promise.all([master.index('documents').getStats(), master.index('clauses').getStats()]);
  return { documents: d.numberOfDocuments, clauses: c.numberOfDocuments };
}

async function buildIndexes(): Promise<string[]> {
  return (await master.getRawIndexes({ limit: 1000 })).results.map((i) => i.uid).filter((u) => u.includes('__build_'));
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'policy-faults-'));
  engine = await superviseEmbeddedMeili({
    dataDir: path.join(tmp, 'data'),
    logLevel: 'ERROR',
    backoffMs: 100,
    onError: (m) => errors.push(m),
  });
  master = new Meilisearch({ host: engine.url, apiKey: engine.masterKey });
  const corpus = path.join(tmp, 'corpus');
  await mkdir(corpus);
  await writeFile(path.join(corpus, 'plan.txt'), PLAN);
  await copyFile(path.join(FIXTURES, 'utf16le-nobom.txt'), path.join(corpus, 'le.txt'));
  await copyFile(path.join(FIXTURES, 'utf16be-nobom.txt'), path.join(corpus, 'be.txt'));
  // Not a Word file inside, but its name is what decides: only .txt, .md and .pdf are read.
  await writeFile(path.join(corpus, '会议纪要.docx'), 'PK\u0003\u0004 not really a docx');
}, 120_000);

afterAll(async () => {
  await engine?.stop();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('ingest faults and bad input', () => {
  it('lists a .docx as skipped with its reason, ingests BOM-less UTF-16 LE and BE, exits 1', async () => {
    const report = path.join(tmp, 'report.json');
    const run = await runNode('ingest/cli.ts', [path.join(tmp, 'corpus'), '--report', report]).done;
    expect(run.code, run.out).toBe(1);
    expect(run.out).toMatch(/SKIPPED 会议纪要\.docx: unsupported file type "\.docx"/);
    const body = JSON.parse(await readFile(report, 'utf8'));
    expect(body.exitCode).toBe(1);
    expect(body.report.skipped).toEqual([{ path: '会议纪要.docx', rule: 'read/unsupported', message: expect.stringContaining('.docx') }]);
    expect(body.messages.some((m: { rule: string; path?: string }) => m.rule === 'read/unsupported' && m.path === '会议纪要.docx')).toBe(true);
    expect(body.report.documents).toBe(3);
    const titles = (await master.index('documents').getDocuments({ fields: ['title'], limit: 10 })).results.map((d) => d.title);
    expect(titles).toEqual(expect.arrayContaining(['示例市数据共享管理办法', '示例县算力设施建设工作方案']));
  });

  it('refuses an ingest of a folder with nothing readable, a wrong path and an empty folder: exit 2, index intact', async () => {
    const before = await liveCounts();
    expect(before.documents).toBe(3);
    const onlyDocx = path.join(tmp, 'only-docx');
    const empty = path.join(tmp, 'empty');
    await mkdir(onlyDocx);
    await mkdir(empty);
    await writeFile(path.join(onlyDocx, '通知.docx'), 'PK');
    const runs = await Promise.all([
      runNode('ingest/cli.ts', [onlyDocx]).done,
      runNode('ingest/cli.ts', [path.join(tmp, 'no-such-folder')]).done,
    ]);
    const third = await runNode('ingest/cli.ts', [empty, '--allow-shrink']).done;
    for (const r of [...runs, third]) {
      expect(r.code, r.out).toBe(2);
      expect(r.out).toContain('The index serving (if any) is unchanged.');
    }
    expect(runs[0]!.out).toMatch(/refused: the new index is empty .* all 3 documents would have been lost/);
    expect(runs[1]!.out).toMatch(/no-such-folder/);
    expect(await liveCounts()).toEqual(before);
    expect(await buildIndexes()).toEqual([]);
  });

  it('kill -9 of an ingest midway leaves the old index serving; the next start removes its build indexes', async () => {
    const before = await liveCounts();
    const ingest = runNode('ingest/cli.ts', [CORPUS_DIR]);
    // Pass 2 has begun once a file is being indexed: the build indexes exist and hold documents.
    const deadline = Date.now() + 90_000;
    while (!/^index {2}/m.test(ingest.output()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(ingest.output()).toMatch(/^index {2}/m);
    process.kill(ingest.pid, 'SIGKILL');
    expect((await ingest.done).code).toBe(null);
    expect((await buildIndexes()).length).toBeGreaterThan(0);
    expect(await liveCounts()).toEqual(before);

    // The next start (same corpus, so no re-ingest) removes them before serving.
    const server = runNode('src/server.ts', [], { PORT: String(await findFreePort()), CORPUS_DIR: path.join(tmp, 'corpus'), DATA_DIR: path.join(tmp, 'server-data') });
    while (!server.output().includes('API ready') && Date.now() < deadline + 60_000) {
      if (!isProcessAlive(server.pid)) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    // One build index per index an ingest swaps in.
    expect(server.output()).toMatch(new RegExp(`Removed ${ALL_INDEXES.length} build index\\(es\\) left by an interrupted ingest`));
    process.kill(server.pid, 'SIGTERM');
    expect((await server.done).code).toBe(143);
    expect(await buildIndexes()).toEqual([]);
    expect(await liveCounts()).toEqual(before);
  });
});

describe('engine killed during a stream of searches', () => {
  let supervised: FastifyInstance;
  let external: FastifyInstance;
  beforeAll(async () => {
    const readKey = await ensureReadKey(master);
    supervised = await buildApp({ meili: { host: engine.url, apiKey: readKey }, engine: () => engine.status() });
    // The same engine seen as an external one (MEILI_HOST): this API knows nothing of its restarts.
    external = await buildApp({ meili: { host: engine.url, apiKey: readKey } });
    await supervised.listen({ port: 0, host: '127.0.0.1' });
    await external.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await supervised?.close();
    await external?.close();
  });

  it('answers only 200 or 503 with Retry-After, 200 again within 15 s, and counts the restart', async () => {
    const url = (app: FastifyInstance) => `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const streams = [streamSearches(url(supervised), 4), streamSearches(url(external), 4)];
    await new Promise((r) => setTimeout(r, 1500));
    const pid = engine.pid();
    const killedAt = performance.now();
    process.kill(pid, 'SIGKILL');
    let upAt = Number.POSITIVE_INFINITY;
    while (performance.now() - killedAt < 20_000) {
      if (engine.status().state === 'up' && engine.pid() !== pid) {
        upAt = performance.now();
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 2000));
    await Promise.all(streams.map((s) => s.stop()));

    expect(isProcessAlive(pid)).toBe(false);
    expect(upAt - killedAt).toBeLessThan(15_000);
    for (const s of streams) {
      const sum = summarise(s.samples, killedAt, upAt);
      expect(sum.other, JSON.stringify(s.samples.filter((x) => x.status !== 200 && x.status !== 503).slice(0, 3))).toBe(0);
      expect(sum.unavailable).toBeGreaterThan(0);
      expect(sum.failedBeforeKill).toBe(0);
      expect(sum.failedAfterRecovery).toBe(0);
      expect(sum.failedAfterFirstOk).toBe(0);
      expect(s.samples.length - sum.ok).toBe(sum.startedWhileDown + sum.inFlightAtKillFailed);
      expect(sum.recoveryMs).toBeLessThan(15_000);
    }
    expect(errors.some((e) => /Meilisearch exited with status 137 \(killed by SIGKILL\); restarting it/.test(e))).toBe(true);
    const health = await supervised.inject({ url: '/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json().engine).toMatchObject({ mode: 'embedded', state: 'up', restarts: 1, lastExit: { status: 'exited with status 137 (killed by SIGKILL)' } });
    expect((await external.inject({ url: '/health' })).json().engine).toMatchObject({ mode: 'external' });
  }, 60_000);
});
