import { z } from 'zod';
import { EffectStatus, IsoDate, STATUSES } from '../../core/model/dates.js';

/** `asOf=YYYY-MM-DD`: the day statuses are computed for (default today). A day that does not exist is a 400. */
export const AsOf = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'asOf must be YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'asOf is not a real day')
  .describe('The day the effect status is computed for (YYYY-MM-DD, default today)');

export const StatusParam = EffectStatus.describe(`Only documents with this effect status on asOf: ${STATUSES.join(' / ')}`);

/** What a hit, a document or a clause shows about when its document applies. */
export const StatusFields = z.object({
  /** 现行有效 / 尚未施行 / 已修改 / 已废止 / 规划期满 / 未知, on `asOf`. */
  status: EffectStatus,
  effectiveFrom: IsoDate.optional(),
});

export const StatusFacet = z.record(EffectStatus, z.number().int());
