import type { z } from 'zod';
import { ApiError } from '../errors.js';
import { INDEX } from '../../core/index/index-names.js';
import type { IndicatorDoc, SeriesPoint } from '../../core/index/targets.js';
import { toSearchQuery } from '../../core/segment/search-field.js';
import type { Segmenter } from '../../core/segment/segmenter.js';
import type { IndicatorDetail, IndicatorList, IndicatorListQuery, SeriesLine } from '../schemas/indicators.js';
import type { IndexReader } from './index-reader.js';
import { clauseUrl } from './urls.js';
import { toCsv } from './task-service.js';

const indicatorUrl = (id: string) => `/v1/indicators/${encodeURIComponent(id)}`;

function withUrls(p: SeriesPoint) {
  return { ...p, url: clauseUrl(p.clauseId), clauseUrl: clauseUrl(p.clauseId) };
}

function summary(d: IndicatorDoc) {
  return {
    id: d.id,
    name: d.name,
    names: d.names,
    units: d.units,
    years: d.years,
    documents: d.documents,
    targets: d.points.length,
    points: d.points.map(withUrls),
    url: indicatorUrl(d.id),
  };
}

/** One chart line per document and unit: its targets by year, and the baseline its table gives. */
export function toSeries(points: readonly SeriesPoint[]): Array<z.infer<typeof SeriesLine>> {
  const lines = new Map<string, z.infer<typeof SeriesLine>>();
  for (const p of points) {
    const key = `${p.docId}\u0000${p.unit}`;
    const line = lines.get(key) ?? { docId: p.docId, docTitle: p.docTitle, unit: p.unit, points: [] };
    line.points.push({ year: p.year, value: p.value, clauseId: p.clauseId, url: clauseUrl(p.clauseId) });
    if (p.baseline && !line.baseline) line.baseline = p.baseline;
    lines.set(key, line);
  }
  for (const l of lines.values()) l.points.sort((a, b) => a.year - b.year);
  return [...lines.values()];
}

/** The series as CSV rows (header first). */
export function seriesCsv(d: Pick<IndicatorDoc, 'name' | 'points'>): string {
  const header = ['指标', '原文指标', '年份', '目标值', '单位', '限定', '基期年份', '基期值', '属性', '文件', '条款', '来源', '链接'];
  return toCsv([
    header,
    ...d.points.map((p) => [
      d.name,
      p.asWritten,
      p.year,
      p.value,
      p.unit,
      p.qualifier ?? '',
      p.baseline?.year ?? '',
      p.baseline?.value ?? '',
      p.binding === undefined ? '' : p.binding ? '约束性' : '预期性',
      p.docTitle,
      p.citation,
      p.form === 'table' ? '指标表' : '正文',
      clauseUrl(p.clauseId),
    ]),
  ]);
}

/** Indicators (指标) and their series across documents, straight from the index. */
export function createIndicatorService(reader: IndexReader, segmenter: Segmenter) {
  const get = async (id: string): Promise<IndicatorDoc> => {
    const d = await reader.get<IndicatorDoc>(INDEX.indicators, id);
    if (!d) throw new ApiError('INDICATOR_NOT_FOUND', `No indicator has the id ${id}.`, { id });
    return d;
  };
  return {
    async list(q: z.infer<typeof IndicatorListQuery>): Promise<z.infer<typeof IndicatorList>> {
      const res = q.q
        ? await reader.search<IndicatorDoc>(INDEX.indicators, toSearchQuery(segmenter.queryWords(q.q).filter((w) => /[\p{L}\p{N}]/u.test(w))), {
            matchingStrategy: 'all',
            offset: q.offset,
            limit: q.limit,
          })
        : await reader.search<IndicatorDoc>(INDEX.indicators, '', { sort: ['order:asc'], offset: q.offset, limit: q.limit });
      return {
        ...(q.q ? { query: q.q } : {}),
        total: res.estimatedTotalHits ?? res.totalHits ?? res.hits.length,
        limit: q.limit,
        offset: q.offset,
        indicators: res.hits.map(summary),
      };
    },

    async get(id: string): Promise<z.infer<typeof IndicatorDetail>> {
      const d = await get(id);
      return { ...summary(d), series: toSeries(d.points), csv: `${indicatorUrl(d.id)}/targets.csv` };
    },

    async csv(id: string): Promise<{ name: string; csv: string }> {
      const d = await get(id);
      return { name: d.name, csv: seriesCsv(d) };
    },
  };
}
