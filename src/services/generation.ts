/**
 * The index generation, and the one way the API caches what it derives from an index (the citation library, the
 * department registry, the query lexicon): per generation. An ingest swaps in a new generation (the meta document's
 * `ingestedAt` and `corpusHash`); every cache keyed by it is rebuilt on the next use, so two API replicas reading the
 * same engine can never disagree for longer than one rebuild, and a restart loses nothing but warm caches.
 */
import { INDEX } from '../../core/index/index-names.js';
import { ApiError } from '../errors.js';
import type { IndexReader } from './index-reader.js';

/** The current generation, or undefined while no ingest has finished. */
export type GenerationSource = () => Promise<string | undefined>;

/** Reads the generation from the meta index: `ingestedAt|corpusHash`. */
export function readGeneration(reader: IndexReader): Promise<string | undefined> {
  return reader
    .get<{ ingestedAt?: string; corpusHash?: string }>(INDEX.meta, 'corpus', ['ingestedAt', 'corpusHash'])
    .then((meta) => (meta?.ingestedAt ? `${meta.ingestedAt}|${meta.corpusHash ?? ''}` : undefined));
}

/**
 * `read` at most once per `ttlMs` (0: every call, but concurrent calls share one read). The value may be up to
 * `ttlMs` old — for ETags a second is harmless; services pass 0 and so see a swap at once.
 */
export function memoize<T>(read: () => Promise<T>, ttlMs: number): () => Promise<T> {
  let value: T;
  let readAt = -Infinity;
  let pending: Promise<T> | undefined;
  return () => {
    if (performance.now() - readAt < ttlMs) return Promise.resolve(value);
    pending ??= read()
      .then((v) => {
        value = v;
        readAt = performance.now();
        return v;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
}

/** The generation read from the index on every call (concurrent calls share one read). */
export function generationOf(reader: IndexReader): GenerationSource {
  return memoize(() => readGeneration(reader), 0);
}

/**
 * A value derived from the index, built once per generation. Each call checks the generation (one small read) and
 * waits for a rebuild when it changed; a failed build does not stick (the next call tries again). No generation yet:
 * 503 INDEX_NOT_READY.
 */
export function perGeneration<T>(generation: GenerationSource, build: (generation: string) => Promise<T>): () => Promise<T> {
  let built: { generation: string; value: Promise<T> } | undefined;
  return async () => {
    const g = await generation();
    if (g === undefined) throw new ApiError('INDEX_NOT_READY');
    if (built?.generation !== g) {
      const entry = { generation: g, value: build(g) };
      built = entry;
      entry.value.catch(() => {
        if (built === entry) built = undefined;
      });
    }
    return built.value;
  };
}

/**
 * A value derived from the index for the request path, which must never wait on a staleness check: the first call
 * builds it; later calls return the current value at once and look for a new generation in the background at most
 * every `recheckMs`. Until a build succeeds (no index yet, engine down), calls get `fallback`.
 */
export function latestPerGeneration<T>(
  generation: GenerationSource,
  build: (generation: string) => Promise<T>,
  opts: { fallback: T; recheckMs?: number; now?: () => number },
): () => Promise<T> {
  const now = opts.now ?? Date.now;
  const recheckMs = opts.recheckMs ?? 5000;
  let current: { generation: string; value: T } | undefined;
  let refreshing: Promise<void> | undefined;
  let checkedAt = -Infinity;
  const refresh = () => {
    checkedAt = now();
    refreshing ??= (async () => {
      const g = (await generation()) ?? '';
      if (current?.generation === g) return;
      current = { generation: g, value: g ? await build(g) : opts.fallback };
    })().finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  };
  return async () => {
    if (!current) await refresh().catch(() => undefined);
    else if (now() - checkedAt > recheckMs) refresh().catch(() => undefined);
    return current?.value ?? opts.fallback;
  };
}
