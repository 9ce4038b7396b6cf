import { z } from 'zod';
import { DocKind } from '../../ingest/model/document.js';
import { ClauseDoc, DocumentDoc, PathEntry } from '../../ingest/to-index/schemas.js';
import { Id, Limit, Offset, ShortText } from './common.js';

export const DocumentListQuery = z.object({
  kind: DocKind.optional(),
  issuer: ShortText.optional(),
  year: z.coerce.number().int().min(1949).max(2100).optional(),
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
}).extend({ url: z.string(), page: z.string().describe('The document’s web page') });

export const DocumentList = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  documents: z.array(DocumentSummary),
});

export const DocumentDetail = DocumentSummary.extend(DocumentDoc.pick({ sources: true, attachments: true, aliases: true, outline: true }).shape);

export const DocParams = z.object({ id: Id });

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
  url: z.string(),
  page: z.string().describe('The clause’s web page (its permalink for people)'),
});
