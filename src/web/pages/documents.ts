import type { z } from 'zod';
import type { DocumentList } from '../../schemas/documents.js';
import { html } from '../html.js';
import { DOC_KIND, NODE_KIND, label } from '../labels.js';
import type { Page } from '../layout.js';

/** `/documents`: every document, with kind, issuer, date and size. */
export function renderDocumentsPage(list: z.infer<typeof DocumentList>): Page {
  return {
    title: '文件',
    nav: 'documents',
    body: html`<div class="documents-page">
  <h1>已收录文件（${list.total}）</h1>
  <table class="documents-table"><thead><tr><th scope="col">文件</th><th scope="col">类型</th><th scope="col">发文机关</th><th scope="col">日期</th><th scope="col">规模</th></tr></thead><tbody>
  ${list.documents.map((d) => html`<tr><td><a href="${d.page}">${d.title}</a>${d.docNumber ? html`<br><span class="muted">${d.docNumber}</span>` : ''}</td><td>${label(DOC_KIND, d.kind)}</td><td>${d.issuer ?? ''}</td><td>${d.date ?? d.year ?? ''}</td><td>${Object.entries(d.counts)
      .filter(([k]) => ['article', 'task', 'chapter'].includes(k))
      .map(([k, n]) => `${n} ${label(NODE_KIND, k)}`)
      .join('，')}</td></tr>`)}
  </tbody></table>
</div>`,
  };
}
