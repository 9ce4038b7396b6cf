import { z } from 'zod';
import { SafeId } from '../ids/ids.js';
import { DocKind } from '../model/document.js';

/**
 * The change log: one event per document added, replaced, merged or removed
 * by an incremental change. It lives in its own index, outside INDEX/ALL_INDEXES
 * on purpose: a full ingest builds and swaps those, and must not wipe the
 * history that feeds and `/v1/changes` serve (it survives restarts with the
 * engine's data).
 */
export const CHANGES_INDEX = 'changes';

export const ChangeEvent = z.object({
  /** `chg-<seq>`. */
  id: SafeId,
  /** Increasing from 1, one per event: what `since` cursors compare. */
  seq: z.number().int().positive(),
  /** When the change became visible (ISO). */
  at: z.string(),
  /** `at` in milliseconds, for filters. */
  atMs: z.number().int(),
  action: z.enum(['added', 'replaced', 'merged', 'updated', 'removed']),
  docId: z.string(),
  title: z.string(),
  kind: DocKind,
  issuer: z.string().optional(),
  /** Source files after the change (before it, for a removal). */
  sources: z.array(z.string()),
});
export type ChangeEvent = z.infer<typeof ChangeEvent>;

export const CHANGES_SETTINGS = {
  searchableAttributes: ['title'],
  filterableAttributes: ['seq', 'atMs', 'action', 'docId', 'kind', 'issuer'],
  sortableAttributes: ['seq'],
  pagination: { maxTotalHits: 100_000 },
};
