import { z } from 'zod';
import { SafeId } from '../ids/ids.js';

/**
 * How the citing text relates to what it cites, when the text says so:
 * 根据/依据 《X》 → `basis` (X is the legal basis), 贯彻/落实 《X》 → `implements`,
 * anything else → `mentions`.
 */
export const Relation = z.enum(['basis', 'implements', 'mentions']);
export type Relation = z.infer<typeof Relation>;

/**
 * - `resolved`: a document of the corpus (and the named clause, when one is named)
 * - `catalogue`: not in the corpus, but listed in the catalogue (附表) of documents
 * - `ambiguous`: several documents fit; `candidates` lists them all (never a guess)
 * - `unresolved`: nothing fits, or the named clause does not exist; `reason` says why
 */
export const ReferenceStatus = z.enum(['resolved', 'catalogue', 'ambiguous', 'unresolved']);
export type ReferenceStatus = z.infer<typeof ReferenceStatus>;

/** What a reference points into: an article (条), its paragraph (款) and item (项), by number. */
export const Locator = z.object({
  article: z.number().int().positive().optional(),
  paragraph: z.number().int().positive().optional(),
  item: z.number().int().positive().optional(),
});
export type Locator = z.infer<typeof Locator>;

/**
 * What anchors a citation:
 * - `title`: a title in 《》 (or «», 〈〉, or “” around a title-shaped string), or a defined short name
 * - `docNumber`: a 文号 such as 国发〔2015〕50号
 * - `self`: the citing document itself (本法第N条, or a bare 第N条 inside a legal text)
 * - `relative`: a position relative to the citing clause (前款, 前两款, 前条, 本条第二款)
 */
export const Anchor = z.enum(['title', 'docNumber', 'self', 'relative']);
export type Anchor = z.infer<typeof Anchor>;

/** A citation found in a text, before resolution. Offsets are JS string offsets into that text. */
export const RawReference = z.object({
  anchor: Anchor,
  /** The words as written (for list elements after the first, just that element: 第二十九条). */
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** The cited title, whitespace and outer 《》 removed, version suffix kept: 山东省…行动方案（2024-2025年）. */
  title: z.string().optional(),
  /** Titles nested in the cited title: 关于印发《X》的通知 → [X]. */
  innerTitles: z.array(z.string()).optional(),
  /** The short name as written when the title came from a defined 简称 (《规划》 → its full title). */
  alias: z.string().optional(),
  /** The 文号, brackets normalized to 〔〕. */
  docNumber: z.string().optional(),
  /** The clause named; absent when the whole document is cited. */
  locator: Locator.optional(),
  /** For a relative citation that could not be placed (no enclosing article): why. */
  problem: z.string().optional(),
  relation: Relation,
});
export type RawReference = z.infer<typeof RawReference>;

/** A document or catalogue entry a reference could point to. */
export const Candidate = z.object({
  docId: z.string().optional(),
  catalogueId: z.string().optional(),
  title: z.string(),
});
export type Candidate = z.infer<typeof Candidate>;

/** A resolved (or knowingly unresolved) cross-document or cross-clause reference. */
export const Reference = z.object({
  /** `${fromClauseId}__ref${n}`, n counting the references of that clause from 1: stable as long as the text is. */
  id: SafeId,
  fromDocId: z.string(),
  /** The deepest clause whose text holds the citation. */
  fromClauseId: z.string(),
  /** The citing clause and its ancestors below the document root, outermost first (for "references of this article"). */
  fromPath: z.array(z.string()),
  toDocId: z.string().optional(),
  toClauseId: z.string().optional(),
  /** The cited clause and its ancestors (article, paragraph, item), outermost first. */
  toPath: z.array(z.string()).default([]),
  catalogueId: z.string().optional(),
  /** Title of the cited document or catalogue entry, when known. */
  toTitle: z.string().optional(),
  status: ReferenceStatus,
  relation: Relation,
  anchor: Anchor,
  /** The words as written in the citing clause. */
  text: z.string(),
  /** The canonical citation: 《中华人民共和国安全生产法》第二十二条第三款, 国发〔2015〕50号. */
  normalized: z.string(),
  /** Offsets of `text` within the citing clause's text. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  candidates: z.array(Candidate).optional(),
  /** Why a reference is unresolved or ambiguous, in words. */
  reason: z.string().optional(),
});
export type Reference = z.infer<typeof Reference>;
