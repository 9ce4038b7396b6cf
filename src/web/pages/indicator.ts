import type { z } from 'zod';
import type { IndicatorDetail, IndicatorList } from '../../schemas/indicators.js';
import { clausePage, documentPage } from '../../services/urls.js';
import { pagination } from '../components.js';
import { html } from '../html.js';
import type { Page } from '../layout.js';
import { chartLegend, indicatorChart } from './indicator-chart.js';

/** The web page of an indicator (the API's is /v1/indicators/:id). */
export const indicatorPage = (id: string) => `/indicators/${encodeURIComponent(id)}`;

/** `/indicators/:id`: the series as one chart per unit, then every target as a table row linked to its clause. */
export function renderIndicatorPage(d: z.infer<typeof IndicatorDetail>): Page {
  const units = [...new Set(d.series.map((l) => l.unit))];
  const fmt = (v: number) => String(Number(v.toPrecision(8)));
  return {
    title: `指标：${d.name}`,
    description: `${d.name}：${d.documents} 份文件中的 ${d.targets} 个目标值`,
    nav: 'indicators',
    body: html`<article class="indicator-page">
  <nav class="breadcrumb" aria-label="位置"><ol><li><a href="/indicators">指标</a></li><li aria-current="page">${d.name}</li></ol></nav>
  <header class="page-head">
    <h1>${d.name}</h1>
    <p class="muted">${d.documents} 份文件 · ${d.targets} 个目标值 · ${d.years.length ? `${Math.min(...d.years)}–${Math.max(...d.years)} 年` : ''}${d.names.length > 1 ? ` · 又称：${d.names.filter((n) => n !== d.name).join('、')}` : ''}</p>
  </header>
  ${units.map((u, i) => {
    const lines = d.series.filter((l) => l.unit === u);
    return html`<figure class="chart-figure">${indicatorChart(d.name, u, lines, i)}<figcaption>单位：${u}。实心点为目标值（点击打开提出该目标的条款），空心点为基期值。</figcaption>${chartLegend(lines)}</figure>`;
  })}
  <section aria-labelledby="targets-h">
    <h2 id="targets-h">全部目标值（${d.targets}）</h2>
    <p><a href="${d.csv}" download>下载 CSV</a> · <a href="${d.url}">JSON</a></p>
    <div class="table-scroll"><table class="targets-table"><thead><tr><th scope="col">年份</th><th scope="col">目标值</th><th scope="col">原文</th><th scope="col">条款</th></tr></thead><tbody>
    ${[...d.points].sort((a, b) => a.year - b.year).map((p) => html`<tr><td>${p.year}</td><td>${p.qualifier ?? ''}${fmt(p.value)} ${p.unit}${p.binding !== undefined ? html` <span class="badge">${p.binding ? '约束性' : '预期性'}</span>` : ''}</td><td>${p.asWritten}</td><td><a href="${clausePage(p.clauseId)}">${p.citation}</a> <span class="muted">（<a href="${documentPage(p.docId)}">《${p.docTitle}》</a>）</span></td></tr>`)}
    </tbody></table></div>
  </section>
</article>`,
  };
}

/** `/indicators?q=`: the indicators found by any of their names, most targets first. */
export function renderIndicatorIndex(list: z.infer<typeof IndicatorList>, q: string | undefined, page: number, size: number): Page {
  return {
    title: q ? `指标：${q}` : '指标',
    nav: 'indicators',
    body: html`<div class="indicators-page">
  <h1>规划指标（${list.total}）</h1>
  <p class="lede">规划和方案提出的量化目标（到某年达到多少），按指标汇集各文件的目标值。</p>
  <form class="search-box" role="search" action="/indicators" method="get">
    <label for="indicator-q">查找指标</label>
    <div class="combo"><input id="indicator-q" type="search" name="q" value="${q ?? ''}" maxlength="100" placeholder="如：5G基站、数据中心机架" autocomplete="off"></div>
    <button type="submit">查找</button>
  </form>
  ${list.indicators.length
    ? html`<ul class="indicator-list">${list.indicators.map((i) => html`<li><a href="${indicatorPage(i.id)}">${i.name}</a> <span class="muted">${i.targets} 个目标值 · ${i.documents} 份文件${i.units.length ? ` · ${i.units.join('、')}` : ''}</span></li>`)}</ul>`
    : html`<p class="empty" role="status">没有名称包含“${q ?? ''}”的指标。</p>`}
  ${pagination({ page, size, total: list.total, href: (p) => `/indicators?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}` })}
</div>`,
  };
}
