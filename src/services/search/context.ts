/** What every step of clause search shares: the engine, the segmenter, how words are written for Meilisearch. */
import type { Segmenter } from '../../../core/segment/segmenter.js';
import type { DepartmentRegistry } from '../../../core/departments/index.js';
import type { ClauseDoc } from '../../../core/index/schemas.js';
import type { IndexReader } from '../index-reader.js';

export interface SearchContext {
  reader: IndexReader;
  segmenter: Segmenter;
  /** How query words are written for Meilisearch (toSearchQuery, or a variant under measurement). */
  encode: (words: string[]) => string;
  /** Which words a relaxed match gives up first (see SearchServiceDeps.relaxOrder). */
  relaxOrder: 'typed' | 'informative';
  /** How a relaxed match gives words up: `last` only, or first the queries each without one word (leave-one-out.ts). */
  relaxation: 'last' | 'leave-one-out';
}

/** A clause as the index returns it, with Meilisearch's extra fields (_rankingScoreDetails, _byParts). */
export type ClauseHit = ClauseDoc & Record<string, unknown>;

/** What a search needs of the department registry. */
export type RegistryLike = Pick<DepartmentRegistry, 'lookup' | 'closest'>;

/** One ranked list of clauses for the plan: the page asked for, its total and how it was matched. */
export interface Ranked {
  hits: ClauseHit[];
  total: number;
  totalIsExact: boolean;
  totalAllWords: number;
  strategy: 'all' | 'relaxed';
  facets?: Record<string, Record<string, number>>;
  processingTimeMs: number;
}

/** A response's count of hits: exact in page mode, else Meilisearch's estimate, else the hits in hand. */
export function hitCount(r: { totalHits?: number; estimatedTotalHits?: number; hits: unknown[] }): number {
  return r.totalHits ?? r.estimatedTotalHits ?? r.hits.length;
}
