import { z } from 'zod';
import { SAFE_ID, SAFE_ID_RULE } from '../../core/ids/ids.js';
import { Limit, Offset } from './common.js';
import { IndicatorDoc, SeriesPoint } from '../../core/index/targets.js';

export const IndicatorListQuery = z.object({
  q: z.string().trim().min(1).max(100).optional().describe('Any name of the indicator (5G基站, 5G基站数量, 机柜…); all indicators when absent'),
  limit: Limit(100, 20),
  offset: Offset,
});

export const IndicatorParams = z.object({
  id: z.string().min(1).max(100).regex(SAFE_ID, SAFE_ID_RULE),
});

/** One point of a series, with its permalink: the clause that states the target. */
export const Point = SeriesPoint.extend({ url: z.string(), clauseUrl: z.string() });

/** A document's line of a chart: its targets for this indicator, by year. */
export const SeriesLine = z.object({
  docId: z.string(),
  docTitle: z.string(),
  unit: z.string(),
  points: z.array(z.object({ year: z.number().int(), value: z.number(), clauseId: z.string(), url: z.string() })),
  baseline: z.object({ value: z.number(), year: z.number().int() }).optional(),
});

export const IndicatorSummary = IndicatorDoc.pick({ id: true, name: true, names: true, units: true, years: true, documents: true }).extend({
  targets: z.number().int(),
  points: z.array(Point),
  url: z.string(),
});

export const IndicatorList = z.object({
  query: z.string().optional(),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  indicators: z.array(IndicatorSummary),
});

export const IndicatorDetail = IndicatorSummary.extend({
  /** One line per document (and unit), ready for a chart. */
  series: z.array(SeriesLine),
  csv: z.string(),
});
