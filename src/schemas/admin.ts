import { z } from 'zod';
import { Manifest, ManifestEntry } from '../../ingest/corpus/manifest.js';
import { ChangeEvent } from '../../core/index/changes.js';
import { DocKind } from '../../core/model/document.js';
import { JobStatus } from '../services/admin-jobs.js';
import { Limit, ShortText } from './common.js';

/** `?wait=30`: answer when the job has finished, or after this many seconds (at most 120), whichever is first. */
export const WaitQuery = z.object({ wait: z.coerce.number().int().min(0).max(120).default(0) });

/**
 * The optional `metadata` part of an upload: what manifest.json would say about
 * the file (title, issuer, date, docNumber, kind), or a manifest-shaped
 * `{ "files": { "name.txt": {…} } }` for several files.
 */
export const UploadMetadata = z.union([Manifest, ManifestEntry]);

const FileFailure = z.object({ path: z.string(), rule: z.string(), message: z.string() });

export const JobBody = z.object({
  id: z.string(),
  command: z.enum(['add', 'remove', 'replace']),
  targets: z.array(z.string()),
  status: JobStatus,
  createdAt: z.string(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  /** The ingest report (ingest/incremental/apply-change.ts ChangeReport). */
  report: z.record(z.string(), z.unknown()).optional(),
  error: z.object({ code: z.string(), message: z.string(), files: z.array(FileFailure).optional() }).optional(),
  url: z.string(),
});

export const JobParams = z.object({ id: z.string().regex(/^job-[0-9a-f]{16}$/, 'job ids look like job-0123456789abcdef') });

export const ChangesQuery = z.object({
  since: z
    .string()
    .trim()
    .max(40)
    .optional()
    .describe('An ISO date/time (changes after it) or a sequence number (changes after that event); default: from the start'),
  kind: DocKind.optional(),
  issuer: ShortText.optional(),
  limit: Limit(500, 100),
});

export const ChangesResponse = z.object({
  changes: z.array(ChangeEvent.omit({ atMs: true }).extend({ url: z.string().optional() })),
  /** Pass as `since` to get only what comes after this page. */
  next: z.string(),
});

export const DocumentsFeedQuery = z.object({ kind: DocKind.optional(), issuer: ShortText.optional() });
