/**
 * A batch cut off on the socket (a keep-alive connection closed as it was reused: EPIPE, ECONNRESET) is sent again
 * once; a connection that keeps failing fails the ingest and leaves nothing half-built. A real Meilisearch behind a
 * TCP proxy that resets the connections carrying document batches.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Meilisearch } from 'meilisearch';
import { startTestMeili, type TestMeili } from '../helpers/meili.js';
import { payloadEntries, pushIndexes, type IndexPayload } from '../../ingest/push.js';
import { ALL_INDEXES, INDEX } from '../../core/index/index-names.js';

let meili: TestMeili;
let proxy: net.Server;
let proxyUrl: string;
/** How many more document batches the proxy cuts off. */
let cuts = 0;
let cutSoFar = 0;

beforeAll(async () => {
  meili = await startTestMeili();
  const target = new URL(meili.url);
  proxy = net.createServer((down) => {
    const up = net.connect(Number(target.port), target.hostname);
    up.on('error', () => down.destroy());
    down.on('error', () => up.destroy());
    up.pipe(down);
    down.on('data', (chunk: Buffer) => {
      const line = chunk.subarray(0, 200).toString('latin1').split('\r\n')[0]!;
      if (cuts > 0 && /^POST \/indexes\/[^ ]+\/documents/.test(line)) {
        cuts--;
        cutSoFar++;
        // A reset, as when the server closed the idle connection the client just wrote into.
        down.resetAndDestroy();
        up.destroy();
        return;
      }
      up.write(chunk);
    });
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await new Promise((r) => proxy?.close(r));
  await meili?.stop();
});

const payload = (n: number): IndexPayload => {
  const p = Object.fromEntries(ALL_INDEXES.map((name) => [name, []])) as unknown as IndexPayload;
  p[INDEX.clauses] = Array.from({ length: n }, (_, i) => ({ id: `c${i}`, docId: 'd1', text: `第${i}条 示例条款` }));
  return p;
};
const direct = () => new Meilisearch({ host: meili.url, apiKey: meili.masterKey });
const viaProxy = () => new Meilisearch({ host: proxyUrl, apiKey: meili.masterKey });

describe('a document batch cut off on the socket', () => {
  it('is sent again once, and every document arrives', async () => {
    cuts = 1;
    cutSoFar = 0;
    const log: string[] = [];
    const counts = await pushIndexes(viaProxy(), payloadEntries(payload(30)), { batchSize: 10, onProgress: (l) => log.push(l) });
    expect(cutSoFar).toBe(1);
    expect(counts[INDEX.clauses]).toBe(30);
    expect((await direct().index(INDEX.clauses).getStats()).numberOfDocuments).toBe(30);
    expect(log.some((l) => /cut off \((ECONNRESET|EPIPE|UND_ERR_SOCKET|UND_ERR_CLOSED)\); sending it again/.test(l))).toBe(true);
  }, 60_000);

  it('fails the ingest when it is cut off again, leaving the live index and no half-built one', async () => {
    cuts = 1_000;
    await expect(pushIndexes(viaProxy(), payloadEntries(payload(5)), { batchSize: 10 })).rejects.toThrow();
    cuts = 0;
    expect((await direct().index(INDEX.clauses).getStats()).numberOfDocuments).toBe(30);
    const uids = (await direct().getRawIndexes({ limit: 1000 })).results.map((x) => x.uid);
    expect(uids.filter((u) => u.includes('__build_'))).toEqual([]);
  }, 60_000);
});
