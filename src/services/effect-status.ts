import { STATUSES, statusAt, today, dayNumber, type DateNumbers, type EffectStatus } from '../../core/model/dates.js';
import { and, statusFilter } from './filter.js';

/**
 * Effect status at query time. The index holds each document's dates as
 * numbers; the status as of a day is computed here for display and built
 * into filters for selection, so one index serves every `asOf`.
 */

/** The day asked about as YYYYMMDD (default today, UTC). */
export function asOfDay(asOf: string | undefined): number {
  return asOf ? dayNumber(asOf) : today();
}

/** The status of one hit, document or clause on that day. */
export function statusOf(n: DateNumbers, asOf: number): EffectStatus {
  return statusAt(n, asOf);
}

/** The fields a status needs, for attributesToRetrieve. */
export const STATUS_FIELDS = ['effectiveOn', 'inForceOn', 'periodEnd', 'repealedOn', 'supersededOn'];

/**
 * Counts per status: one small request (no hits, exact total) per status, all
 * at once. `count(filter)` runs the caller's query with that filter.
 */
export async function countStatuses(count: (filter: string | undefined) => Promise<number>, filter: string | undefined, asOf: number): Promise<Record<EffectStatus, number>> {
  const counts = await Promise.all(STATUSES.map((s) => count(and(filter, statusFilter(s, asOf)))));
  return Object.fromEntries(STATUSES.map((s, i) => [s, counts[i]!])) as Record<EffectStatus, number>;
}
