import { describe, expect, it } from 'vitest';
import { combineEngineStatus, shardDataDir, shardName } from '../../meili/shards.js';
import { shardOf } from '../../core/index/shard-of.js';
import { toFederatedRequest } from '../../src/services/federated-search.js';

describe('shardOf', () => {
  it('is stable, in range, and 0 for one shard', () => {
    expect(shardOf('doc-583618190d67', 1)).toBe(0);
    for (const n of [2, 3, 5]) {
      const a = shardOf('doc-583618190d67', n);
      expect(a).toBe(shardOf('doc-583618190d67', n));
      expect(a).toBeGreaterThanOrEqual(0);
      expect(a).toBeLessThan(n);
    }
    expect(() => shardOf('x', 0)).toThrow(RangeError);
  });

  it('spreads ids of the form the pipeline makes evenly enough (no shard above 1.5× its share over 2,400 ids)', () => {
    for (const n of [2, 3]) {
      const counts = new Array<number>(n).fill(0);
      for (let i = 0; i < 2400; i++) counts[shardOf(`doc-${(i * 2654435761).toString(16).padStart(12, '0').slice(-12)}`, n)]!++;
      for (const c of counts) expect(c).toBeLessThan((2400 / n) * 1.5);
    }
  });
});

describe('toFederatedRequest', () => {
  it('asks each remote the same query and moves paging and facets to the federation', () => {
    const req = toFederatedRequest('clauses', { q: '数据', filter: 'isUnit = true', page: 3, hitsPerPage: 10, facets: ['kind'], sort: ['date:desc'] }, ['shard-0', 'shard-1']);
    expect(req).toEqual({
      federation: { offset: 20, limit: 10, facetsByIndex: { clauses: ['kind'] }, mergeFacets: {} },
      queries: [
        { indexUid: 'clauses', q: '数据', filter: 'isUnit = true', sort: ['date:desc'], federationOptions: { remote: 'shard-0' } },
        { indexUid: 'clauses', q: '数据', filter: 'isUnit = true', sort: ['date:desc'], federationOptions: { remote: 'shard-1' } },
      ],
    });
    expect(toFederatedRequest('clauses', { q: 'x' }, ['a'])).toMatchObject({ federation: { offset: 0, limit: 20 } });
    expect(toFederatedRequest('clauses', { q: 'x', page: 1, hitsPerPage: 0 }, ['a'])).toMatchObject({ federation: { offset: 0, limit: 0 } });
  });
});

describe('shard layout and status', () => {
  it('keeps shard 0 in DATA_DIR itself, so one instance is what it always was', () => {
    expect(shardDataDir('/d', 0)).toBe('/d');
    expect(shardDataDir('/d', 2)).toBe('/d/shards/2');
    expect(shardName(1)).toBe('shard-1');
  });

  it('reports the worst shard, restarts summed and the longest wait', () => {
    const s = combineEngineStatus([
      { mode: 'embedded', state: 'up', restarts: 1, pid: 5 },
      { mode: 'embedded', state: 'restarting', restarts: 2, retryAfterSeconds: 3, lastExit: { status: 'killed', at: '2026-12-03T17:00:00Z' } },
    ]);
    expect(s).toEqual({ mode: 'embedded', state: 'restarting', restarts: 3, retryAfterSeconds: 3, lastExit: { status: 'killed', at: '2026-12-03T17:00:00Z' } });
  });
});
