import { z } from 'zod';
import { IsoDate, type DocumentDates, type Evidence } from '../../../core/model/dates.js';

/**
 * What a maintainer may state in corpus/manifest.json about when a document
 * applies, overriding (or adding to) what the text says. Every field optional;
 * each value becomes a fact with `evidence.from = 'manifest'`.
 */
export const DatesOverride = z
  .object({
    adopted: IsoDate.optional(),
    meeting: z.string().min(1).optional(),
    maker: z.string().min(1).optional(),
    published: IsoDate.optional(),
    effectiveFrom: IsoDate.optional(),
    period: z.object({ from: z.number().int().min(1900).max(2100), to: z.number().int().min(1900).max(2100) }).optional(),
    /** Repealed on this day (by `repealedByTitle`, when given). */
    repealedOn: IsoDate.optional(),
    repealedByTitle: z.string().min(1).optional(),
    /** Amended after this text, on this day (by `amendedByTitle`). */
    amendedOn: IsoDate.optional(),
    amendedByTitle: z.string().min(1).optional(),
  })
  .strict();
export type DatesOverride = z.infer<typeof DatesOverride>;

const MANIFEST: Evidence = { from: 'manifest', text: 'corpus/manifest.json' };

/** The dates with the override applied (a new object; the override wins field by field). */
export function applyDatesOverride(
  dates: DocumentDates,
  o: DatesOverride | undefined,
): { dates: DocumentDates; maker?: string; meeting?: string } {
  if (!o) return { dates };
  const out: DocumentDates = { ...dates, amended: [...dates.amended] };
  if (o.adopted) out.adopted = { date: o.adopted, ...(o.meeting ? { meeting: o.meeting } : {}), evidence: MANIFEST };
  if (o.published) out.published = { date: o.published, evidence: MANIFEST };
  if (o.effectiveFrom) out.effectiveFrom = { date: o.effectiveFrom, evidence: MANIFEST };
  if (o.period) out.period = { ...o.period, evidence: MANIFEST };
  if (o.repealedOn || o.repealedByTitle) out.repealedBy = { title: o.repealedByTitle ?? '', ...(o.repealedOn ? { date: o.repealedOn } : {}), evidence: MANIFEST };
  if (o.amendedOn || o.amendedByTitle) out.amendedBy = { title: o.amendedByTitle ?? '', ...(o.amendedOn ? { date: o.amendedOn } : {}), evidence: MANIFEST };
  return { dates: out, ...(o.maker ? { maker: o.maker } : {}), ...(o.meeting ? { meeting: o.meeting } : {}) };
}
