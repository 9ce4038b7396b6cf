/**
 * A stream of searches from `clients` concurrent clients, each request's
 * start, end and status recorded, for the fault-injection test and the
 * fault-load bench: the engine is killed in the middle, and the record shows
 * what clients saw while it was down and after it came back.
 */
import { Pool } from 'undici';

export interface Sample {
  start: number;
  end: number;
  status: number;
  retryAfter?: string;
  code?: string;
}

/** Queries that each touch the clause index differently (words, a department, a phrase). */
export const FAULT_QUERIES = ['数据', '基站', '大数据局', '"数据共享"', '建设', '安全'];

export interface StreamHandle {
  samples: Sample[];
  /** Stops issuing requests and resolves when every client's last one has ended. */
  stop(): Promise<void>;
}

/** Starts `clients` loops of GET /v1/search against `baseUrl` (each waits for its answer before the next). */
export function streamSearches(baseUrl: string, clients: number, opts: { timeoutMs?: number } = {}): StreamHandle {
  const pool = new Pool(baseUrl, { connections: clients, pipelining: 1 });
  const samples: Sample[] = [];
  let running = true;
  const loop = async (c: number) => {
    let i = c;
    while (running) {
      const q = FAULT_QUERIES[i++ % FAULT_QUERIES.length]!;
      const start = performance.now();
      try {
        const res = await pool.request({
          method: 'GET',
          path: `/v1/search?q=${encodeURIComponent(q)}&limit=5`,
          headersTimeout: opts.timeoutMs ?? 30_000,
          bodyTimeout: opts.timeoutMs ?? 30_000,
        });
        const text = await res.body.text();
        const sample: Sample = { start, end: performance.now(), status: res.statusCode };
        if (res.statusCode !== 200) {
          sample.retryAfter = res.headers['retry-after'] as string | undefined;
          try {
            sample.code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
          } catch {
            sample.code = 'not-json';
          }
        }
        samples.push(sample);
      } catch {
        samples.push({ start, end: performance.now(), status: 0 });
      }
    }
  };
  const loops = Array.from({ length: clients }, (_, c) => loop(c));
  return {
    samples,
    stop: async () => {
      running = false;
      await Promise.all(loops);
      await pool.close();
    },
  };
}

export interface FaultSummary {
  requests: number;
  ok: number;
  unavailable: number;
  /** Anything but 200 and 503-with-Retry-After (500s, connection errors, 503 without Retry-After). */
  other: number;
  /** Requests that overlapped [killedAt, upAt]: the ones that could have met the dead engine. */
  duringOutage: number;
  /** Non-200 answers to requests that started after the engine was back. */
  failedAfterRecovery: number;
  /** Non-200 answers to requests that ended before the kill. */
  failedBeforeKill: number;
  /** From the kill to the first 200 of a request started after it, ms. */
  recoveryMs: number;
  /** Requests started after the kill and before the first request (started after the kill) that got a 200. */
  startedWhileDown: number;
  /** Requests running when the engine was killed, and how many of them failed. */
  inFlightAtKill: number;
  inFlightAtKillFailed: number;
  /** Failures of requests started after that first successful one: lingering failures (must be 0). */
  failedAfterFirstOk: number;
}

/** Summarises a record around one outage from `killedAt` to `upAt` (performance.now() times). */
export function summarise(samples: Sample[], killedAt: number, upAt: number): FaultSummary {
  const failed = (s: Sample) => s.status !== 200;
  const firstOkAfter = samples.filter((s) => s.start > killedAt && s.status === 200).sort((a, b) => a.end - b.end)[0];
  const firstOkStart = Math.min(...samples.filter((s) => s.start >= killedAt && s.status === 200).map((s) => s.start));
  const inFlight = samples.filter((s) => s.start < killedAt && s.end >= killedAt);
  return {
    startedWhileDown: samples.filter((s) => s.start >= killedAt && s.start < firstOkStart).length,
    inFlightAtKill: inFlight.length,
    inFlightAtKillFailed: inFlight.filter(failed).length,
    failedAfterFirstOk: samples.filter((s) => s.start > firstOkStart && failed(s)).length,
    requests: samples.length,
    ok: samples.filter((s) => s.status === 200).length,
    unavailable: samples.filter((s) => s.status === 503 && s.retryAfter !== undefined && s.code === 'SEARCH_UNAVAILABLE').length,
    other: samples.filter((s) => s.status !== 200 && !(s.status === 503 && s.retryAfter !== undefined && s.code === 'SEARCH_UNAVAILABLE')).length,
    duringOutage: samples.filter((s) => s.end >= killedAt && s.start <= upAt).length,
    failedAfterRecovery: samples.filter((s) => s.start > upAt && failed(s)).length,
    failedBeforeKill: samples.filter((s) => s.end < killedAt && failed(s)).length,
    recoveryMs: firstOkAfter ? Math.round(firstOkAfter.end - killedAt) : Number.POSITIVE_INFINITY,
  };
}
