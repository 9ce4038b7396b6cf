import type { z } from 'zod';
import { STATUSES } from '../../../core/model/dates.js';
import type { DocumentList } from '../../schemas/documents.js';
import { statusBadge } from '../components.js';
import { html } from '../html.js';
import { DOC_KIND, NODE_KIND, label } from '../labels.js';
import type { Page } from '../layout.js';

/** The 时效性 filter above the table: each status with its count, the chosen one marked; a link back to all. */
function statusFilter(list: z.infer<typeof DocumentList>, chosen: string | undefined) {
  const counts: Partial<Record<string, number>> = list.facets?.status ?? {};
  const shown = STATUSES.filter((s) => (counts[s] ?? 0) > 0 || s === chosen);
  if (!shown.length) return html``;
  const all = Object.values(counts).reduce<number>((a, b) => a + (b ?? 0), 0);
  return html`<nav class="status-filter" aria-label="按时效性筛选"><span class="muted">时效性：</span><ul class="chips">
  <li><a class="chip chip--plain" href="/documents"${chosen ? '' : html` aria-current="true"`}>全部 ${all}</a></li>
  ${shown.map((s) => html`<li><a class="chip chip--plain" href="/documents?status=${encodeURIComponent(s)}"${s === chosen ? html` aria-current="true"` : ''}>${s === '未知' ? '未注明时效' : s} ${counts[s] ?? 0}</a></li>`)}
</ul></nav>`;
}

/** `/documents`: every document, with kind, issuer, date, effect status and size; `?status=` keeps one status. */
export function renderDocumentsPage(list: z.infer<typeof DocumentList>, status?: string): Page {
  return {
    title: status ? `文件 · ${status}` : '文件',
    nav: 'documents',
    body: html`<div class="documents-page">
  <h1>已收录文件（${list.total}）</h1>
  ${statusFilter(list, status)}
  <table class="documents-table"><thead><tr><th scope="col">文件</th><th scope="col">类型</th><th scope="col">发文机关</th><th scope="col">日期</th><th scope="col">时效性</th><th scope="col">规模</th></tr></thead><tbody>
  ${list.documents.map((d) => html`<tr><td><a href="${d.page}">${d.title}</a>${d.docNumber ? html`<br><span class="muted">${d.docNumber}</span>` : ''}</td><td>${label(DOC_KIND, d.kind)}</td><td>${d.issuer ?? ''}</td><td>${d.date ?? d.year ?? ''}</td><td>${statusBadge(d.status, d.effectiveFrom)}${d.effectiveFrom ? html`<br><span class="muted">${d.effectiveFrom} 施行</span>` : ''}</td><td>${Object.entries(d.counts)
      .filter(([k]) => ['article', 'task', 'chapter'].includes(k))
      .map(([k, n]) => `${n} ${label(NODE_KIND, k)}`)
      .join('，')}</td></tr>`)}
  </tbody></table>
</div>`,
  };
}
