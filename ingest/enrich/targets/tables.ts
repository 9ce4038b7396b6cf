/**
 * Targets in indicator tables: a row names the indicator (and its unit in
 * brackets: 5G基站数（万个）, or a 单位 column), the year columns sit in a
 * header row of their own (2020年 2022年 2025年, or 工作目标/2025年 over two
 * lines), and a 属性 column says 约束性 or 预期性. Columns for years before the
 * document's own (a plan's period, else its publication year) are baselines;
 * the others are targets. A cell that is not a number (/, —) is no target.
 */

export interface TableTarget {
  asWritten: string;
  value: number;
  unit: string;
  year: number;
  qualifier?: string;
  baseline?: { value: number; year: number };
  binding?: boolean;
  /** The header of the cell, for its offsets in the row's text. */
  column: string;
}

const YEAR_COLUMN = /((?:19|20)\d{2})\s*年?(?:[（(]?(基期|基准|现状|目标|目标值|预期)[）)]?)?\s*$/;
const CELL_NUMBER = /^([<>≤≥]|不低于|不少于|超过|达到)?\s*(\d+(?:\.\d+)?)\s*(%|％)?\s*(以上|左右|以内|以下)?$/;

function yearOf(header: string): { year: number; role?: string } | undefined {
  const last = header.split('/').at(-1)!.trim();
  const m = last.match(YEAR_COLUMN);
  return m ? { year: Number(m[1]), ...(m[2] ? { role: m[2] } : {}) } : undefined;
}

function readCell(cell: string | undefined): { value: number; qualifier?: string; percent: boolean } | undefined {
  const m = cell?.replace(/\s+/g, '').match(CELL_NUMBER);
  if (!m) return undefined;
  const qualifier = [m[1], m[4]].filter(Boolean).join('');
  return { value: Number(m[2]), percent: !!m[3], ...(qualifier ? { qualifier } : {}) };
}

/** The indicator column: the one whose header names it (指标, 名称), else the first non-year column. */
function indicatorColumn(headers: string[]): string | undefined {
  return headers.find((h) => /指标|名称|项目/.test(h) && !yearOf(h)) ?? headers.find((h) => !yearOf(h) && !/序号|属性|单位|类别|备注/.test(h));
}

/**
 * The targets of one table row, from its cells keyed by header.
 * @param firstOwnYear the first year that is the document's own (its period's start, else its publication year);
 *   earlier year columns are baselines. Without it, the first of two or more year columns is the baseline.
 */
export function extractRowTargets(cells: Record<string, string>, firstOwnYear?: number): TableTarget[] {
  const headers = Object.keys(cells);
  const years = headers.map((h) => ({ h, y: yearOf(h) })).filter((x): x is { h: string; y: { year: number; role?: string } } => !!x.y);
  if (!years.length) return [];
  const nameColumn = indicatorColumn(headers);
  const rawName = nameColumn ? cells[nameColumn]?.trim() : undefined;
  if (!rawName) return [];
  const bracket = rawName.match(/[（(]([^（）()]{1,12})[）)]\s*$/);
  const unitColumn = headers.find((h) => /^单位$|计量单位/.test(h));
  const unit = (bracket?.[1] ?? (unitColumn ? cells[unitColumn] : '') ?? '').replace(/^单位[:：]?/, '').trim();
  const asWritten = (bracket ? rawName.slice(0, bracket.index) : rawName).replace(/\s+/g, '');
  const attribute = headers.find((h) => /属性|性质|指标类型/.test(h));
  const kind = attribute ? cells[attribute] : Object.values(cells).find((c) => /^(约束性|预期性)$/.test(c.trim()));
  const binding = kind?.includes('约束') ? true : kind?.includes('预期') ? false : undefined;

  const isBaseline = (y: { year: number; role?: string }, i: number) =>
    y.role ? /基期|基准|现状/.test(y.role) : firstOwnYear !== undefined ? y.year < firstOwnYear : years.length >= 2 && i === 0;
  let baseline: { value: number; year: number } | undefined;
  years.forEach((c, i) => {
    const v = readCell(cells[c.h]);
    if (v && isBaseline(c.y, i)) baseline = { value: v.value, year: c.y.year };
  });
  const out: TableTarget[] = [];
  years.forEach((c, i) => {
    if (isBaseline(c.y, i)) return;
    const v = readCell(cells[c.h]);
    if (!v) return;
    out.push({
      asWritten,
      value: v.value,
      unit: unit || (v.percent ? '%' : ''),
      year: c.y.year,
      ...(v.qualifier ? { qualifier: v.qualifier } : {}),
      ...(baseline ? { baseline } : {}),
      ...(binding !== undefined ? { binding } : {}),
      column: c.h,
    });
  });
  return out;
}
