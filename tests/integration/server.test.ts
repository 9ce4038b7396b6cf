import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../meili/embedded.js';
import { isProcessAlive } from '../../meili/processes.js';

/**
 * `npm start` as a user runs it (src/server.ts with its own embedded
 * Meilisearch), on a small corpus: it ingests on first start, serves, stops
 * cleanly on Ctrl-C (SIGINT) leaving no Meilisearch behind, and a second start
 * reuses the index instead of ingesting again.
 */
const PLAN = `示例数字化行动方案

一、重点任务

1.加快示例基站建设。到2025年建成示例基站1000个。（责任单位：省通信管理局、省工业和信息化厅）
`;

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'policy-server-'));
  await mkdir(path.join(tmp, 'corpus'));
  await writeFile(path.join(tmp, 'corpus', 'plan.txt'), PLAN);
});
afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

interface Started {
  child: ChildProcess;
  output: () => string;
  port: number;
}

async function start(): Promise<Started> {
  const port = await findFreePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: path.join(tmp, 'data'), CORPUS_DIR: path.join(tmp, 'corpus'), MEILI_HOST: '', MEILI_MASTER_KEY: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 90_000);
    const check = setInterval(() => {
      if (out.includes('API ready')) {
        clearInterval(check);
        clearTimeout(timer);
        resolve();
      }
    }, 100);
    child.once('exit', () => {
      clearInterval(check);
      clearTimeout(timer);
      reject(new Error(`server exited:\n${out}`));
    });
  });
  return { child, output: () => out, port };
}

async function stop(s: Started): Promise<number | null> {
  const exited = new Promise<number | null>((r) => s.child.once('exit', (code) => r(code)));
  s.child.kill('SIGINT');
  return exited;
}

function meiliPid(out: string): number {
  const m = out.match(/is up \(pid (\d+)\)/);
  if (!m) throw new Error(`no meilisearch pid in:\n${out}`);
  return Number(m[1]);
}

describe('npm start', () => {
  it('ingests on first start, serves, and leaves no Meilisearch after Ctrl-C', async () => {
    const s = await start();
    expect(s.output()).toContain('No index yet');
    const res = await fetch(`http://127.0.0.1:${s.port}/v1/search?q=${encodeURIComponent('示例基站')}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { total: number }).total).toBeGreaterThan(0);
    const pid = meiliPid(s.output());
    expect(isProcessAlive(pid)).toBe(true);
    await stop(s);
    await new Promise((r) => setTimeout(r, 500));
    expect(isProcessAlive(pid)).toBe(false);
  });

  it('reuses the index on a second start of an unchanged corpus', async () => {
    const s = await start();
    try {
      expect(s.output()).toContain('The index is current');
      expect(s.output()).not.toMatch(/No index yet|re-indexing in the background|^read /m);
      const res = await fetch(`http://127.0.0.1:${s.port}/health`);
      expect(((await res.json()) as { documents: number }).documents).toBe(1);
    } finally {
      await stop(s);
    }
  });
});
