import { z } from 'zod';
import { DocKind } from '../../core/model/document.js';
import { ClauseDoc, DocumentDoc, OutlineNode, PathEntry } from '../../core/index/schemas.js';
import { Id, Limit, Offset, ShortText } from './common.js';
import { AsOf, StatusFacet, StatusFields, StatusParam } from './dates.js';
import { IsoDate } from '../../core/model/dates.js';

// The outline is recursive: named, it becomes one OpenAPI component its own $refs point to
// (unnamed, the generated document referred to a component that was never written).

export const DocumentListQuery = z.object({
  kind: DocKind.optional(),
  issuer: ShortText.optional(),
  year: z.coerce.number().int().min(1949).max(2100).optional(),
  status: StatusParam.optional(),
  asOf: AsOf.optional(),
  sort: z.enum(['order', 'newest', 'oldest', 'effective']).default('order').describe('corpus order, by date, or by effective date (latest first)'),
  facets: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('Include counts per status (on asOf) and kind'),
  limit: Limit(200, 100),
  offset: Offset,
});

export const DocumentSummary = DocumentDoc.pick({
  id: true,
  title: true,
  kind: true,
  issuer: true,
  date: true,
  year: true,
  docNumber: true,
  version: true,
  partOf: true,
  attachmentOf: true,
  counts: true,
  maker: true,
  meeting: true,
})
  .extend(StatusFields.shape)
  .extend({ url: z.string(), page: z.string().describe('The document’s web page') });

export const DocumentList = z.object({
  asOf: IsoDate,
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  documents: z.array(DocumentSummary),
  facets: z.object({ status: StatusFacet, kind: z.record(z.string(), z.number().int()) }).optional(),
});

export const DocumentDetail = DocumentSummary.extend(DocumentDoc.pick({ sources: true, attachments: true, aliases: true, outline: true, dates: true }).shape).extend({
  asOf: IsoDate,
});

export const DocParams = z.object({ id: Id });
export const DocQuery = z.object({ asOf: AsOf.optional() });

/** A clause as the API shows it: the index fields a reader needs, plus navigation and references. */
export const ClauseDetail = ClauseDoc.pick({
  id: true,
  docId: true,
  docTitle: true,
  kind: true,
  label: true,
  heading: true,
  text: true,
  originalText: true,
  citation: true,
  path: true,
  parentId: true,
  prevId: true,
  nextId: true,
  source: true,
  owners: true,
  years: true,
}).extend({
  breadcrumb: z.string(),
  children: z.array(PathEntry.extend({ citation: z.string().optional() })),
  references: z.unknown().optional(),
  /** The targets (指标) this clause states, each with its indicator's page. */
  targets: z
    .array(z.object({ id: z.string(), indicatorId: z.string(), indicator: z.string(), asWritten: z.string(), value: z.number(), unit: z.string(), year: z.number().int(), indicatorUrl: z.string() }))
    .optional(),
  url: z.string(),
  page: z.string().describe('The clause’s web page (its permalink for people)'),
  /** Its document's effect status on `asOf`, and the day it took effect. */
  asOf: IsoDate,
})
  .extend(StatusFields.shape);
