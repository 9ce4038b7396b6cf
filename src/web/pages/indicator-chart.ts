import type { z } from 'zod';
import type { SeriesLine } from '../../schemas/indicators.js';
import { clausePage } from '../../services/urls.js';
import { html, type Html } from '../html.js';

type Line = z.infer<typeof SeriesLine>;

const W = 640;
const H = 300;
const PAD = { left: 64, right: 20, top: 16, bottom: 36 };
/** Lines get colours by position (chart__line--0…5 in the stylesheet); more documents reuse them, with the legend telling. */
const COLOURS = 6;

/** Round-ish steps for the value axis: 1, 2, 5 × 10^k, about five ticks. */
function ticks(max: number): number[] {
  if (max <= 0) return [0];
  const raw = max / 5;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw)!;
  const out: number[] = [];
  for (let v = 0; v <= max + step / 2; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

const fmt = (v: number) => (Math.abs(v) >= 1e4 ? v.toLocaleString('zh-CN') : String(Number(v.toPrecision(6))));

/**
 * One chart per unit (values in 个 and in % share no axis): each document's
 * targets by year as a line, each point a link to the clause that states it,
 * the baseline as a hollow point. Pure SVG with classes — the CSP allows no
 * inline style or script — and every label escaped by `html`.
 */
export function indicatorChart(name: string, unit: string, lines: Line[], n = 0): Html {
  const all = lines.flatMap((l) => [...l.points.map((p) => ({ year: p.year, value: p.value })), ...(l.baseline ? [l.baseline] : [])]);
  if (!all.length) return html``;
  const years = all.map((p) => p.year);
  const [y0, y1] = [Math.min(...years), Math.max(...years)];
  const span = Math.max(1, y1 - y0);
  const axis = ticks(Math.max(...all.map((p) => p.value)));
  const top = axis[axis.length - 1]! || 1;
  const x = (year: number) => PAD.left + ((year - y0) / span) * (W - PAD.left - PAD.right) * (y1 === y0 ? 0.5 : 1) + (y1 === y0 ? (W - PAD.left - PAD.right) / 2 : 0);
  const y = (v: number) => PAD.top + (1 - v / top) * (H - PAD.top - PAD.bottom);
  const yearTicks = [...new Set(years)].sort((a, b) => a - b);
  const r = (n: number) => n.toFixed(1);
  return html`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="chart-${n}-t"><title id="chart-${n}-t">${name}（${unit}）各文件目标值</title>
  ${axis.map((v) => html`<line class="chart__grid" x1="${PAD.left}" x2="${W - PAD.right}" y1="${r(y(v))}" y2="${r(y(v))}"/><text class="chart__tick" x="${PAD.left - 6}" y="${r(y(v) + 4)}" text-anchor="end">${fmt(v)}</text>`)}
  ${yearTicks.map((yr) => html`<text class="chart__tick" x="${r(x(yr))}" y="${H - PAD.bottom + 18}" text-anchor="middle">${yr}</text>`)}
  ${lines.map((l, i) => {
    const cls = `chart__line--${i % COLOURS}`;
    const pts = l.points.map((p) => `${r(x(p.year))},${r(y(p.value))}`);
    const start = l.baseline ? `${r(x(l.baseline.year))},${r(y(l.baseline.value))} ` : '';
    return html`<g class="chart__series ${cls}">
    ${pts.length + (l.baseline ? 1 : 0) > 1 ? html`<polyline class="chart__path" points="${start}${pts.join(' ')}"/>` : ''}
    ${l.baseline ? html`<circle class="chart__baseline" cx="${r(x(l.baseline.year))}" cy="${r(y(l.baseline.value))}" r="4"><title>《${l.docTitle}》基期 ${l.baseline.year} 年：${fmt(l.baseline.value)} ${l.unit}</title></circle>` : ''}
    ${l.points.map((p) => html`<a href="${clausePage(p.clauseId)}"><circle class="chart__point" cx="${r(x(p.year))}" cy="${r(y(p.value))}" r="5"><title>《${l.docTitle}》到 ${p.year} 年：${fmt(p.value)} ${l.unit}</title></circle></a>`)}
  </g>`;
  })}
</svg>`;
}

/** The chart's legend: a document a line, coloured like its line. */
export function chartLegend(lines: Line[]): Html {
  return html`<ul class="chart-legend">${lines.map((l, i) => html`<li><span class="chart-legend__key chart__line--${i % COLOURS}" aria-hidden="true"></span>《${l.docTitle}》</li>`)}</ul>`;
}
