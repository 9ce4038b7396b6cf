/**
 * `npm start` as a process manager runs it: SIGTERM (Docker, systemd) and
 * SIGHUP (a closed terminal) sent to npm itself leave no process behind
 * within 5 s — npm, node, the watchdog shell and meilisearch. Before it stops,
 * the SIGTERM run kills its meilisearch with -9 and watches the server bring it
 * back (an error-level line with the exit status; /health counts the restart).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../meili/embedded.js';
import { isProcessAlive } from '../../meili/processes.js';

const PLAN = `示例数字化行动方案

一、重点任务

1.加快示例基站建设。到2025年建成示例基站1000个。（责任单位：省通信管理局）
`;

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'policy-signals-'));
  await mkdir(path.join(tmp, 'corpus'));
  await writeFile(path.join(tmp, 'corpus', 'plan.txt'), PLAN);
});
afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** Every live descendant of `root`, by walking /proc's parent links. */
function descendants(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      parentOf.set(Number(e), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      /* gone */
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const [pid, pp] of parentOf) if (pp === p) {
      out.push(pid);
      walk(pid);
    }
  };
  walk(root);
  return out;
}

async function npmStart(): Promise<{ pid: number; port: number; output: () => string; exited: Promise<number | null> }> {
  const port = await findFreePort();
  const child = spawn('npm', ['start'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: path.join(tmp, 'data'), CORPUS_DIR: path.join(tmp, 'corpus'), MEILI_HOST: '', MEILI_MASTER_KEY: '', LOG_LEVEL: 'warn', NPM_CONFIG_UPDATE_NOTIFIER: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const deadline = Date.now() + 120_000;
  while (!out.includes('API ready')) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`npm start did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { pid: child.pid!, port, output: () => out, exited };
}

async function goneWithin(pids: number[], ms: number): Promise<number[]> {
  const deadline = Date.now() + ms;
  let alive = pids.filter(isProcessAlive);
  while (alive.length && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    alive = alive.filter(isProcessAlive);
  }
  return alive;
}

describe('npm start under a process manager', () => {
  it('brings a killed engine back, then SIGTERM to npm leaves nothing within 5 s', async () => {
    const s = await npmStart();
    const meili = Number(/is up \(pid (\d+)\)/.exec(s.output())![1]);
    process.kill(meili, 'SIGKILL');
    const deadline = Date.now() + 15_000;
    while (!s.output().includes('Meilisearch restarted') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(s.output()).toMatch(/"level":"error".*"msg":"Meilisearch exited with status 137 \(killed by SIGKILL\); restarting it"/);
    const health = await fetch(`http://127.0.0.1:${s.port}/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { engine: { restarts: number } }).engine.restarts).toBe(1);

    const tree = [s.pid, ...descendants(s.pid)];
    expect(tree.length).toBeGreaterThanOrEqual(4); // npm, node, the watchdog shell, meilisearch
    process.kill(s.pid, 'SIGTERM');
    expect(await goneWithin(tree, 5000)).toEqual([]);
    await s.exited;
  }, 180_000);

  it('SIGHUP to npm leaves nothing within 5 s', async () => {
    const s = await npmStart();
    const tree = [s.pid, ...descendants(s.pid)];
    expect(tree.length).toBeGreaterThanOrEqual(4);
    process.kill(s.pid, 'SIGHUP');
    expect(await goneWithin(tree, 5000)).toEqual([]);
    await s.exited;
  }, 180_000);
});
