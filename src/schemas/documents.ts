import { z } from 'zod';
import { DocKind } from '../../ingest/model/document.js';
import { NodeKind } from '../../ingest/model/tree.js';
import { DocumentDoc, Owner, PathEntry } from '../../ingest/to-index/schemas.js';
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
}).extend({ url: z.string() });

export const DocumentList = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  documents: z.array(DocumentSummary),
});

export const DocumentDetail = DocumentSummary.extend(DocumentDoc.pick({ sources: true, attachments: true, aliases: true, outline: true }).shape);

export const DocParams = z.object({ id: Id });

export const ClauseDetail = z.object({
  id: z.string(),
  docId: z.string(),
  docTitle: z.string(),
  kind: NodeKind,
  label: z.string().optional(),
  heading: z.string().optional(),
  text: z.string(),
  originalText: z.string(),
  citation: z.string(),
  path: z.array(PathEntry),
  breadcrumb: z.string(),
  parentId: z.string().optional(),
  prevId: z.string().optional(),
  nextId: z.string().optional(),
  children: z.array(PathEntry.extend({ citation: z.string().optional() })),
  source: z.object({ path: z.string(), start: z.number(), end: z.number() }).optional(),
  owners: z.array(Owner),
  years: z.array(z.number().int()),
  references: z.unknown().optional(),
  url: z.string(),
});
