import { z } from 'zod';
import { DocKind } from '../../core/model/document.js';
import { DatesOverride } from '../enrich/dates/overrides.js';

/** Metadata a maintainer may give for one file; every field is optional. */
export const ManifestEntry = z
  .object({
    title: z.string().min(1).optional(),
    issuer: z.string().min(1).optional(),
    date: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'date must be YYYY, YYYY-MM or YYYY-MM-DD')
      .optional(),
    docNumber: z.string().min(1).optional(),
    kind: DocKind.optional(),
    /** When the file's first document applies, overriding what its text says (see ingest/enrich/dates/overrides.ts). */
    dates: DatesOverride.optional(),
    /** The same for documents found inside the file (a compilation's parts), by title as parsed. */
    documents: z.record(z.string(), DatesOverride).optional(),
  })
  .strict();
export type ManifestEntry = z.infer<typeof ManifestEntry>;

/** corpus/manifest.json: file name (relative to the corpus directory) → metadata. */
export const Manifest = z.object({
  $comment: z.string().optional(),
  files: z.record(z.string(), ManifestEntry),
});
export type Manifest = z.infer<typeof Manifest>;

export const MANIFEST_FILE = 'manifest.json';
