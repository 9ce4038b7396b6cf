/**
 * NO ORPHANS: however the parent ends, meilisearch must not survive it.
 * Each case runs a real parent process (tests/meili/fixtures/meili-parent.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmbeddedMeili } from '../../meili/embedded.js';
import { isProcessAlive } from '../../meili/processes.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/meili-parent.ts', import.meta.url));

interface Started {
  parent: ChildProcess;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  meiliPid: number;
  watchdogPid: number;
  url: string;
  stderr: () => string;
  stdout: () => string;
}

let dataDir: string;
const spawned: ChildProcess[] = [];
const meiliPids: number[] = [];

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'policy-kb-orphans-'));
});
afterEach(async () => {
  // Safety net so a failing case does not leak processes into the next one; only our own pids.
  for (const p of spawned.splice(0)) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
  for (const pid of meiliPids.splice(0)) if (isProcessAlive(pid)) process.kill(pid, 'SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

/** Runs the fixture as a single node process (no tsx CLI wrapper, whose own child would survive a SIGKILL). */
async function startParent(mode: string): Promise<Started> {
  const parent = spawn(process.execPath, ['--import', 'tsx', fixture, dataDir, mode], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  spawned.push(parent);
  let stderr = '';
  parent.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) =>
    parent.once('exit', (code, signal) => res({ code, signal })),
  );
  let stdout = '';
  const line = await new Promise<string>((res, rej) => {
    const rl = createInterface({ input: parent.stdout! });
    rl.on('line', (l) => (stdout += `${l}\n`));
    rl.once('line', res);
    void exit.then(() => rej(new Error(`parent exited before reporting: ${stderr}`)));
  });
  const info = JSON.parse(line) as { meiliPid: number; watchdogPid: number; url: string };
  meiliPids.push(info.meiliPid);
  return { parent, exit, ...info, stderr: () => stderr, stdout: () => stdout };
}

async function goneWithin(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!isProcessAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isProcessAlive(pid);
}

describe('the embedded Meilisearch never outlives its parent', () => {
  it('SIGKILL of the parent: the watchdog stops meilisearch within seconds', async () => {
    const s = await startParent('hang');
    expect(await (await fetch(`${s.url}/health`)).json()).toEqual({ status: 'available' });
    s.parent.kill('SIGKILL');
    expect((await s.exit).signal).toBe('SIGKILL');
    const t0 = Date.now();
    expect(await goneWithin(s.meiliPid, 8000)).toBe(true);
    expect(await goneWithin(s.watchdogPid, 3000)).toBe(true);
    console.info(`meilisearch gone ${Date.now() - t0} ms after SIGKILL of its parent`);
  });

  it('after a SIGKILLed parent, the same data dir can be started again', async () => {
    const s = await startParent('hang');
    s.parent.kill('SIGKILL');
    await s.exit;
    // No waiting here on purpose: the lock must tell "orphan being torn down" from "in use".
    const again = await startEmbeddedMeili({ dataDir, logLevel: 'ERROR' });
    try {
      expect(isProcessAlive(s.meiliPid)).toBe(false);
      expect(await (await fetch(`${again.url}/health`)).json()).toEqual({ status: 'available' });
    } finally {
      await again.stop();
    }
  });

  it('SIGTERM with stopOnSignals: runs the stoppers in LIFO order, then exits 143', async () => {
    const s = await startParent('hang');
    s.parent.kill('SIGTERM');
    expect((await s.exit).code).toBe(143);
    expect(isProcessAlive(s.meiliPid)).toBe(false);
    // Stoppers run last-registered first: the app closed while meilisearch was still up.
    expect(s.stdout()).toContain('app-closing meili-up=true');
  });

  it('SIGINT with stopOnSignals: stops meilisearch, then exits 130', async () => {
    const s = await startParent('hang');
    s.parent.kill('SIGINT');
    expect((await s.exit).code).toBe(130);
    expect(isProcessAlive(s.meiliPid)).toBe(false);
  });

  it('process.exit() in the parent: meilisearch is gone shortly after', async () => {
    const s = await startParent('exit');
    expect((await s.exit).code).toBe(0);
    expect(await goneWithin(s.meiliPid, 5000)).toBe(true);
  });

  it('parent with nothing left to do: Node exits on its own and meilisearch goes with it', async () => {
    const s = await startParent('drain');
    expect((await s.exit).code).toBe(0);
    expect(await goneWithin(s.meiliPid, 5000)).toBe(true);
  });

  it('uncaught exception with stopOnSignals: reports it, stops meilisearch, exits 1', async () => {
    const s = await startParent('crash');
    expect((await s.exit).code).toBe(1);
    expect(s.stderr()).toContain('simulated crash');
    expect(isProcessAlive(s.meiliPid)).toBe(false);
  });

  it('uncaught exception without any handler: meilisearch is still gone shortly after', async () => {
    const s = await startParent('crash-bare');
    expect((await s.exit).code).toBe(1);
    expect(await goneWithin(s.meiliPid, 8000)).toBe(true);
  });
});
