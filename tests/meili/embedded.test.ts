import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findFreePort, startEmbeddedMeili, type EmbeddedMeili } from '../../meili/embedded.js';
import { MeiliStartError } from '../../meili/errors.js';
import { isProcessAlive, processCommandLine } from '../../meili/processes.js';

let dataDir: string;
const running: EmbeddedMeili[] = [];

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'policy-kb-embedded-'));
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((m) => m.stop()));
  await rm(dataDir, { recursive: true, force: true });
});

async function start(opts: Partial<Parameters<typeof startEmbeddedMeili>[0]> = {}): Promise<EmbeddedMeili> {
  const m = await startEmbeddedMeili({ dataDir, logLevel: 'ERROR', ...opts });
  running.push(m);
  return m;
}

async function health(url: string): Promise<unknown> {
  return (await fetch(`${url}/health`)).json();
}

/** Live processes whose command line mentions `fragment` (a unique temp path), found by scanning /proc. */
async function pidsMentioning(fragment: string): Promise<number[]> {
  const pids = (await readdir('/proc')).filter((d) => /^\d+$/.test(d)).map(Number);
  return pids.filter((pid) => isProcessAlive(pid) && (processCommandLine(pid) ?? []).some((a) => a.includes(fragment)));
}

/** A stand-in for the meilisearch binary, to provoke start failures. */
async function fakeBinary(script: string): Promise<string> {
  const path = join(dataDir, 'fake-meilisearch');
  await writeFile(path, `#!/bin/sh\n${script}\n`, { mode: 0o755 });
  return path;
}

describe('startEmbeddedMeili', () => {
  it('starts on loopback, answers /health, and stop() leaves no process and no lock', async () => {
    const m = await start();
    expect(m.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await health(m.url)).toEqual({ status: 'available' });
    expect(isProcessAlive(m.pid)).toBe(true);
    expect(processCommandLine(m.pid)?.[0]).toMatch(/meilisearch$/);
    expect(existsSync(join(dataDir, 'meili', 'data.ms'))).toBe(true);
    expect(existsSync(join(dataDir, 'meili', 'embedded.lock'))).toBe(true);

    // meilisearch, the watchdog shell and its parent-polling subshell
    expect(await pidsMentioning(dataDir)).toEqual(expect.arrayContaining([m.watchdogPid, m.pid]));
    expect((await pidsMentioning(dataDir)).length).toBe(3);

    await m.stop();
    expect(await pidsMentioning(dataDir)).toEqual([]);
    expect(isProcessAlive(m.pid)).toBe(false);
    expect(isProcessAlive(m.watchdogPid)).toBe(false);
    expect(existsSync(join(dataDir, 'meili', 'embedded.lock'))).toBe(false);
    await expect(fetch(`${m.url}/health`)).rejects.toThrow();
    await m.stop(); // idempotent
  });

  it('requires the master key and keeps it out of argv and logs', async () => {
    const lines: string[] = [];
    const m = await start({ log: (l) => lines.push(l), logLevel: 'INFO' });
    expect((await fetch(`${m.url}/indexes`)).status).toBe(401);
    const authed = await fetch(`${m.url}/indexes`, { headers: { Authorization: `Bearer ${m.masterKey}` } });
    expect(authed.status).toBe(200);
    expect(processCommandLine(m.pid)?.join(' ')).not.toContain(m.masterKey);
    expect(processCommandLine(m.watchdogPid)?.join(' ')).not.toContain(m.masterKey);
    expect(lines.some((l) => l.includes('Package version'))).toBe(true);
    expect(lines.join('\n')).not.toContain(m.masterKey);
    expect(lines.join('\n')).not.toMatch(/\x1b\[/);
  });

  it('creates the master key file with mode 0600, reuses it, and tightens a looser mode', async () => {
    const keyFile = join(dataDir, 'meili-master-key');
    const first = await start();
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    expect(first.masterKey).toMatch(/^[0-9a-f]{64}$/);
    expect((await readFile(keyFile, 'utf8')).trim()).toBe(first.masterKey);
    await first.stop();

    await chmod(keyFile, 0o644);
    const second = await start();
    expect(second.masterKey).toBe(first.masterKey);
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    const authed = await fetch(`${second.url}/indexes`, { headers: { Authorization: `Bearer ${first.masterKey}` } });
    expect(authed.status).toBe(200);
  });

  it('refuses a second server on the same data dir quickly, naming the running one', async () => {
    const first = await start();
    const t0 = Date.now();
    const err = await startEmbeddedMeili({ dataDir, logLevel: 'ERROR' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MeiliStartError);
    expect((err as Error).message).toMatch(/already in use/);
    expect((err as Error).message).toContain(String(first.pid));
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(await health(first.url)).toEqual({ status: 'available' });
  });

  it('runs two servers side by side on different data dirs', async () => {
    const other = await mkdtemp(join(tmpdir(), 'policy-kb-embedded-'));
    try {
      const a = await start();
      const b = await start({ dataDir: other });
      expect(a.url).not.toBe(b.url);
      expect(a.masterKey).not.toBe(b.masterKey);
      expect(await health(b.url)).toEqual({ status: 'available' });
      await b.stop();
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('honours an explicit port', async () => {
    const port = await findFreePort();
    const m = await start({ port });
    expect(m.url).toBe(`http://127.0.0.1:${port}`);
  });

  it('refuses a non-loopback host', async () => {
    await expect(startEmbeddedMeili({ dataDir, host: '0.0.0.0' })).rejects.toThrow(/loopback.*MEILI_HOST/);
  });

  it('fails fast with the tail of stderr when meilisearch exits early, and releases the data dir', async () => {
    const binaryPath = await fakeBinary('echo "Error: the database is broken beyond repair" >&2; exit 3');
    const t0 = Date.now();
    const err = await startEmbeddedMeili({ dataDir, binaryPath }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MeiliStartError);
    expect((err as Error).message).toMatch(/exited with code 3/);
    expect((err as Error).message).toContain('the database is broken beyond repair');
    expect((err as MeiliStartError).stderrTail).toContain('broken beyond repair');
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(existsSync(join(dataDir, 'meili', 'embedded.lock'))).toBe(false);
  });

  it('gives up after startTimeoutMs when /health never answers, leaving no process', async () => {
    const binaryPath = await fakeBinary('echo "pretending to start" >&2; exec sleep 60');
    const err = await startEmbeddedMeili({ dataDir, binaryPath, startTimeoutMs: 800 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MeiliStartError);
    expect((err as Error).message).toMatch(/did not report healthy within 800 ms/);
    expect((err as Error).message).toContain('pretending to start');
    expect(existsSync(join(dataDir, 'meili', 'embedded.lock'))).toBe(false);
    // Its args name the temp data dir, so any survivor would show up here.
    expect(await pidsMentioning(dataDir)).toEqual([]);
  });
});
