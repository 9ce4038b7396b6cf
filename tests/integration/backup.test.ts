/**
 * `npm run backup` and `npm run restore` on a real engine: a dump taken while
 * the server runs, the library then lost (its index deleted), the dump restored
 * into the stopped data dir, and the next start serving every document again.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Meilisearch } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedMeili } from '../../meili/embedded.js';
import { runIngest } from '../../ingest/run-ingest.js';

const PLAN = `示例数字化行动方案

一、重点任务

1.加快示例基站建设。到2025年建成示例基站1000个。（责任单位：省通信管理局）
2.推进政务数据共享。（责任单位：省大数据局）
`;

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'policy-backup-'));
  await mkdir(path.join(tmp, 'corpus'));
  await writeFile(path.join(tmp, 'corpus', 'plan.txt'), PLAN);
});
afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

function npm(script: string, args: string[]): Promise<{ code: number | null; out: string }> {
  const child = spawn('npm', ['run', '-s', script, '--', ...args], {
    env: { ...process.env, DATA_DIR: path.join(tmp, 'data'), MEILI_HOST: '', MEILI_MASTER_KEY: '', MEILI_PORT: '', NPM_CONFIG_UPDATE_NOTIFIER: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((res) => child.once('exit', (code) => res({ code, out })));
}

async function counts(client: Meilisearch): Promise<Record<string, number>> {
  const { results } = await client.getIndexes({ limit: 100 });
  const out: Record<string, number> = {};
  for (const i of results) out[i.uid] = (await i.getStats()).numberOfDocuments;
  return out;
}

describe('backup and restore', () => {
  it('dumps the running engine, restores the dump after the index is lost, and serves it again', async () => {
    const dataDir = path.join(tmp, 'data');
    let meili = await startEmbeddedMeili({ dataDir, logLevel: 'ERROR' });
    let client = new Meilisearch({ host: meili.url, apiKey: meili.masterKey });
    let before: Record<string, number>;
    try {
      await runIngest({ client, paths: [path.join(tmp, 'corpus')] });
      before = await counts(client);
      expect(before.clauses).toBeGreaterThan(3);

      // While the engine runs (as under npm start), backup talks to it through its lock file.
      const backup = await npm('backup', ['--out', path.join(tmp, 'copies')]);
      expect(backup.code, backup.out).toBe(0);
      expect(backup.out).toContain('Using the running embedded Meilisearch');
      expect(await readdir(path.join(tmp, 'copies'))).toHaveLength(1);

      // The loss.
      await client.deleteIndex('clauses').waitTask();
      expect((await counts(client)).clauses).toBeUndefined();

      // Restore refuses while the engine holds the data dir.
      const refused = await npm('restore', [path.join(tmp, 'copies', (await readdir(path.join(tmp, 'copies')))[0]!)]);
      expect(refused.code).not.toBe(0);
      expect(refused.out).toMatch(/already in use/);
    } finally {
      await meili.stop();
    }
    const dump = path.join(tmp, 'copies', (await readdir(path.join(tmp, 'copies')))[0]!);
    const restore = await npm('restore', [dump]);
    expect(restore.code, restore.out).toBe(0);
    expect(restore.out).toMatch(/clauses: \d+ documents/);
    expect((await readdir(path.join(dataDir, 'meili'))).some((f) => f.startsWith('data.ms.before-restore-'))).toBe(true);
    expect(existsSync(path.join(dataDir, 'meili', 'embedded.lock'))).toBe(false);

    meili = await startEmbeddedMeili({ dataDir, logLevel: 'ERROR' });
    try {
      client = new Meilisearch({ host: meili.url, apiKey: meili.masterKey });
      expect(await counts(client)).toEqual(before!);
      const hits = await client.index('clauses').search('', { limit: 1 });
      expect(hits.estimatedTotalHits).toBe(before!.clauses);
    } finally {
      await meili.stop();
    }
  }, 180_000);
});
