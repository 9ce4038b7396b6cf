import type { z } from 'zod';
import type { CatalogueList } from '../../services/catalogue-service.js';
import { pagination } from '../components.js';
import { html } from '../html.js';
import type { Page } from '../layout.js';

/** `/catalogue`: the catalogue (附表) of related documents, linked to the corpus documents it lists. */
export function renderCataloguePage(list: z.infer<typeof CatalogueList>, q: string | undefined, page: number, size: number): Page {
  const href = (p: number) => `/catalogue?${new URLSearchParams({ ...(q ? { q } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`;
  return {
    title: '政策目录',
    nav: 'catalogue',
    body: html`<div class="catalogue-page">
  <h1>政策目录</h1>
  <p class="lede">汇编所附的相关政策文件清单。已收录全文的文件可直接打开。</p>
  <form class="search-box" role="search" action="/catalogue" method="get">
    <label for="cq">按标题查找</label>
    <div class="combo"><input id="cq" type="search" name="q" value="${q ?? ''}" maxlength="100" autocomplete="off"></div>
    <button type="submit">查找</button>
  </form>
  <p role="status">共 <strong>${list.total}</strong> 条${q ? html`标题含“${q}”的文件` : ''}，其中本页已收录全文 ${list.entries.filter((e) => e.page).length} 条。</p>
  <table class="catalogue-table"><thead><tr><th scope="col">序号</th><th scope="col">文件</th><th scope="col">发文机关</th><th scope="col">日期</th></tr></thead><tbody>
  ${list.entries.map((e) => html`<tr><td>${e.number}</td><td>${e.page ? html`<a href="${e.page}">${e.title}</a> <span class="badge badge--resolved">已收录</span>` : e.title}</td><td>${e.issuer ?? ''}</td><td>${e.date ?? e.year ?? ''}</td></tr>`)}
  </tbody></table>
  ${pagination({ page, size, total: list.total, href })}
</div>`,
  };
}
