/**
 * Several Meilisearch instances as one library, on Meilisearch's own `network`
 * feature (Community Edition, experimental in 1.21): every instance knows the
 * others as named remotes, and one POST /multi-search with `federation` and a
 * query per remote (`federationOptions.remote`) merges their ranked hits,
 * facets and totals inside the engine. Automatic sharding of writes is
 * Enterprise-only; here the ingest decides where each document goes
 * (core/index/shard-of.ts) and this module only starts, names and links
 * the instances.
 *
 * Shard 0 is the home shard: it holds every index whole except `clauses`,
 * which is spread over all shards, and it is the one the API sends its
 * federated searches to.
 */
import { join } from 'node:path';
import { startEmbeddedMeili, stopOnSignals, type EmbeddedMeili } from './embedded.js';
import { toMeiliError } from './errors.js';
import { superviseEmbeddedMeili, type EngineStatus, type SuperviseOptions, type SupervisedMeili } from './supervise.js';

/** One instance of the library: where it is and the key ingest writes with. */
export interface ShardEndpoint {
  /** Its name in the network (`shard-0`, `shard-1`…), used as `federationOptions.remote`. */
  name: string;
  url: string;
  /** The master key (ingest and network setup); the API reads with a search key made from it. */
  masterKey?: string;
}

/** The remote name of shard `i`. */
export const shardName = (i: number): string => `shard-${i}`;

/**
 * Where the embedded shard `i` keeps its data: shard 0 in DATA_DIR itself (so a
 * single instance is exactly what it was before shards existed), the others in
 * DATA_DIR/shards/<i>, each with its own database, master key and lock.
 */
export function shardDataDir(dataDir: string, i: number): string {
  return i === 0 ? dataDir : join(dataDir, 'shards', String(i));
}

/**
 * Starts `count` embedded engines on loopback, each under its own supervisor
 * (meili/supervise.ts: a shard that dies is restarted on its port and
 * data dir). Rejects, stopping those already started, if any first start fails.
 * @param opts.port only for shard 0 (MEILI_PORT); the others take free ports
 */
export async function superviseEmbeddedShards(count: number, opts: SuperviseOptions): Promise<SupervisedMeili[]> {
  const started: SupervisedMeili[] = [];
  try {
    for (let i = 0; i < count; i++) {
      started.push(
        await superviseEmbeddedMeili({
          ...opts,
          dataDir: shardDataDir(opts.dataDir, i),
          port: i === 0 ? opts.port : undefined,
          onError: (message, detail) => opts.onError?.(count > 1 ? `${shardName(i)}: ${message}` : message, { ...detail, shard: i }),
          onInfo: (message, detail) => opts.onInfo?.(count > 1 ? `${shardName(i)}: ${message}` : message, { ...detail, shard: i }),
        }),
      );
    }
  } catch (err) {
    await Promise.allSettled(started.map((s) => s.stop()));
    throw err;
  }
  return started;
}

/**
 * One status for /health over several supervised shards: the worst state
 * (gave-up > restarting > stopped > up), restarts summed, the latest exit, and
 * the longest Retry-After — a search needs every shard.
 */
export function combineEngineStatus(statuses: EngineStatus[]): EngineStatus {
  const rank: Record<EngineStatus['state'], number> = { up: 0, stopped: 1, restarting: 2, 'gave-up': 3 };
  const worst = statuses.reduce((a, b) => (rank[b.state] > rank[a.state] ? b : a));
  const exits = statuses.flatMap((s) => (s.lastExit ? [s.lastExit] : [])).sort((a, b) => a.at.localeCompare(b.at));
  const waits = statuses.flatMap((s) => (s.retryAfterSeconds !== undefined ? [s.retryAfterSeconds] : []));
  return {
    mode: 'embedded',
    state: worst.state,
    restarts: statuses.reduce((n, s) => n + s.restarts, 0),
    ...(statuses.length === 1 && statuses[0]!.pid !== undefined ? { pid: statuses[0]!.pid } : {}),
    ...(exits.length ? { lastExit: exits[exits.length - 1]! } : {}),
    ...(waits.length ? { retryAfterSeconds: Math.max(...waits) } : {}),
  };
}

async function call(shard: ShardEndpoint, method: string, path: string, body: unknown): Promise<unknown> {
  const url = `${shard.url.replace(/\/$/, '')}${path}`;
  try {
    const res = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json', ...(shard.masterKey ? { authorization: `Bearer ${shard.masterKey}` } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : undefined;
  } catch (err) {
    throw toMeiliError(err, { url });
  }
}

/**
 * Links the shards into one network: turns on the experimental `network`
 * feature on each and gives each the same list of remotes (its own name as
 * `self`), every remote with the search key the others may query it with.
 * Idempotent; run at every start (a restarted shard keeps it in its database,
 * but a shard list or key may have changed). With one shard it does nothing:
 * a single instance runs exactly as before, without the experimental feature.
 * @param searchKeys the search key of each shard, by position (the API's read key is one)
 */
export async function linkShards(shards: ShardEndpoint[], searchKeys: string[]): Promise<void> {
  if (shards.length < 2) return;
  const remotes = Object.fromEntries(shards.map((s, i) => [s.name, { url: s.url, searchApiKey: searchKeys[i] ?? null }]));
  for (const shard of shards) {
    await call(shard, 'PATCH', '/experimental-features', { network: true });
    await call(shard, 'PATCH', '/network', { self: shard.name, remotes });
  }
}

/**
 * The shards for a one-off command (`npm run ingest`): the external ones of
 * MEILI_HOST, or `count` embedded engines started unsupervised on their data
 * dirs (a command that loses its engine fails and is run again). `stop` stops
 * what was started here.
 */
export async function openShards(opts: {
  hosts: string[];
  masterKey?: string;
  count: number;
  dataDir: string;
  port?: number;
}): Promise<{ endpoints: ShardEndpoint[]; stop: () => Promise<void> }> {
  if (opts.hosts.length) {
    return { endpoints: opts.hosts.map((url, i) => ({ name: shardName(i), url, masterKey: opts.masterKey })), stop: async () => {} };
  }
  const started: EmbeddedMeili[] = [];
  const stop = async () => {
    await Promise.allSettled(started.map((m) => m.stop()));
  };
  try {
    for (let i = 0; i < opts.count; i++) {
      const m = await startEmbeddedMeili({ dataDir: shardDataDir(opts.dataDir, i), port: i === 0 ? opts.port : undefined });
      stopOnSignals(m.stop);
      started.push(m);
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { endpoints: started.map((m, i) => ({ name: shardName(i), url: m.url, masterKey: m.masterKey })), stop };
}
