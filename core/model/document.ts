import { z } from 'zod';
import type { PolicyNode } from './tree.js';
import type { TextMessage } from './messages.js';
import type { DocumentDates } from './dates.js';

/** What kind of document this is, by the conventions of Chinese official documents. */
export const DocKind = z.enum([
  'law', // 法 (NPC and its Standing Committee)
  'regulation', // 条例
  'rules', // 办法, 规定, 细则
  'plan', // 规划, 方案, 计划, 纲要
  'opinion', // 意见, 指导意见
  'notice', // 通知, 通告
  'compilation', // 汇编
  'speeches', // 讲话/论述摘编
  'catalogue', // 附表: a list of documents
  'other',
]);
export type DocKind = z.infer<typeof DocKind>;

/** One file a logical document was read from. */
export const DocumentSource = z.object({
  path: z.string(),
  /** Offsets of the document inside that file's original text. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** Count of extraction artifacts repaired in this copy; the copy with fewer is chosen. */
  artifacts: z.number().int().nonnegative(),
  chosen: z.boolean(),
});
export type DocumentSource = z.infer<typeof DocumentSource>;

export const DocumentMeta = z.object({
  id: z.string(),
  title: z.string(),
  kind: DocKind,
  issuer: z.string().optional(),
  /** ISO date (YYYY-MM-DD, or YYYY-MM / YYYY when that is all the text says). */
  date: z.string().optional(),
  year: z.number().int().optional(),
  /** 文号, normalized: 数字强省办发〔2023〕10号. */
  docNumber: z.string().optional(),
  /** A version marker that is part of the identity: （会签稿）, （试行）, （2024-2025年）… */
  version: z.string().optional(),
  sources: z.array(DocumentSource),
  /** A notice's attachments (the plans it issues), by document id. */
  attachments: z.array(z.string()).default([]),
  /** For an attachment: the notice that issues it. */
  attachmentOf: z.string().optional(),
  /** For a document found inside a compilation: the compilation's id. */
  partOf: z.string().optional(),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;

/** A parsed document: metadata, its normalized text, and the clause tree over it. */
export interface PolicyDocument extends DocumentMeta {
  /** Normalized text of the document; node positions point into it. */
  text: string;
  root: PolicyNode;
  messages: TextMessage[];
  /** When it applies (set by the dates enricher, ingest/enrich/dates). */
  dates?: DocumentDates;
  /** 制定机关, normalized; `issuer` keeps the words the head or catalogue wrote. */
  maker?: string;
  /** 会议: the meeting that adopted it. */
  meeting?: string;
}
