import { z } from 'zod';

/**
 * When a document applies: the dates its text states, each with the words it
 * was read from, and its effect status as of a given day. Shared by ingest
 * (which extracts and indexes the dates) and the API (which computes the
 * status at query time, because status depends on the day asked about).
 */

/** Where a fact was read: a clause of the document, its title, its metadata (head, catalogue) or the corpus manifest. */
export const Evidence = z.object({
  from: z.enum(['text', 'title', 'metadata', 'manifest', 'document']),
  /** The clause the words are in, when they are in the clause tree. */
  clauseId: z.string().optional(),
  /** The words, as normalized: 第七十九条 本法自2017年6月1日起施行。 */
  text: z.string(),
  /** For `from: 'document'`: the document whose text states it (a later repeal or amendment). */
  docId: z.string().optional(),
});
export type Evidence = z.infer<typeof Evidence>;

/** YYYY-MM-DD, or YYYY-MM / YYYY when that is all the text says. */
export const IsoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);

export const DateFact = z.object({ date: IsoDate, evidence: Evidence });
export type DateFact = z.infer<typeof DateFact>;

export const Amendment = z.object({
  date: IsoDate,
  /** 修正 (by a decision amending it) or 修订 (a revision adopting a new text). */
  kind: z.enum(['修正', '修订', '修改']),
  /** The amending decision's title: 关于修改《中华人民共和国…》的决定. */
  title: z.string().optional(),
  meeting: z.string().optional(),
  evidence: Evidence,
});
export type Amendment = z.infer<typeof Amendment>;

export const Period = z.object({ from: z.number().int(), to: z.number().int(), evidence: Evidence });
export type Period = z.infer<typeof Period>;

export const RepealedBy = z.object({
  /** The repealing document, when it is in the corpus. */
  docId: z.string().optional(),
  title: z.string(),
  date: IsoDate.optional(),
  evidence: Evidence,
});
export type RepealedBy = z.infer<typeof RepealedBy>;

/** A later amendment of this text that the text itself does not include (from a later document or the manifest). */
export const Superseded = RepealedBy;

export const DocumentDates = z.object({
  adopted: DateFact.extend({ meeting: z.string().optional() }).optional(),
  published: DateFact.optional(),
  effectiveFrom: DateFact.optional(),
  amended: z.array(Amendment),
  period: Period.optional(),
  repealedBy: RepealedBy.optional(),
  amendedBy: Superseded.optional(),
});
export type DocumentDates = z.infer<typeof DocumentDates>;

/** The effect statuses, as 北大法宝 and 国家法律法规数据库 name them, plus 规划期满 for plans and 未知 when the text does not say. */
export const STATUSES = ['现行有效', '尚未施行', '已修改', '已废止', '规划期满', '未知'] as const;
export const EffectStatus = z.enum(STATUSES);
export type EffectStatus = z.infer<typeof EffectStatus>;

/**
 * The dates as numbers (YYYYMMDD) for filters and sorting, so the status as of
 * any day is a comparison the engine can make. A field is absent when the text
 * does not say.
 * - `inForceOn`: the day it applies from — `effectiveFrom`, or for a document that
 *   states a period but no effective date, its publication (else the period's first day);
 * - `periodEnd`: the last day of its period; `repealedOn`; `supersededOn`: a later amendment.
 */
export const DateNumbers = z.object({
  effectiveOn: z.number().int().optional(),
  publishedOn: z.number().int().optional(),
  inForceOn: z.number().int().optional(),
  periodEnd: z.number().int().optional(),
  repealedOn: z.number().int().optional(),
  supersededOn: z.number().int().optional(),
});
export type DateNumbers = z.infer<typeof DateNumbers>;

/** YYYYMMDD for an ISO date; a partial date counts from its first day (2023-11 → 20231101). */
export function dayNumber(iso: string): number {
  const [y, m = '01', d = '01'] = iso.split('-');
  return Number(`${y}${m}${d}`);
}

/** The ISO date of a day number. */
export function isoOfDay(n: number): string {
  const s = String(n);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

/** The numbers indexed for a document's dates. */
export function toDateNumbers(dates: DocumentDates): DateNumbers {
  const effective = dates.effectiveFrom && dayNumber(dates.effectiveFrom.date);
  const published = dates.published ?? dates.adopted;
  const publishedOn = published && dayNumber(published.date);
  const inForceOn = effective || (dates.period ? publishedOn || dates.period.from * 10000 + 101 : undefined);
  const repealedOn = dates.repealedBy?.date ? dayNumber(dates.repealedBy.date) : undefined;
  const supersededOn = dates.amendedBy?.date ? dayNumber(dates.amendedBy.date) : undefined;
  return {
    ...(effective ? { effectiveOn: effective } : {}),
    ...(publishedOn ? { publishedOn } : {}),
    ...(inForceOn ? { inForceOn } : {}),
    ...(dates.period ? { periodEnd: dates.period.to * 10000 + 1231 } : {}),
    ...(repealedOn ? { repealedOn } : {}),
    ...(supersededOn ? { supersededOn } : {}),
  };
}

/**
 * The status on day `asOf` (YYYYMMDD), checked in this order: repealed, not yet
 * in force, period over, amended since, in force; 未知 when no date says. A
 * document that states no period is never 规划期满.
 */
export function statusAt(n: DateNumbers, asOf: number): EffectStatus {
  if (n.repealedOn !== undefined && n.repealedOn <= asOf) return '已废止';
  if (n.inForceOn !== undefined && n.inForceOn > asOf) return '尚未施行';
  if (n.periodEnd !== undefined && n.periodEnd < asOf) return '规划期满';
  if (n.supersededOn !== undefined && n.supersededOn <= asOf) return '已修改';
  if (n.inForceOn !== undefined) return '现行有效';
  return '未知';
}

/** Today as YYYYMMDD (UTC). */
export function today(now = new Date()): number {
  return dayNumber(now.toISOString().slice(0, 10));
}
