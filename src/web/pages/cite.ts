import type { z } from 'zod';
import type { ExtractResult, ResolveResult } from '../../services/citation-service.js';
import { MAX_EXTRACT_CHARS } from '../../services/citation-service.js';
import { html, type Html } from '../html.js';
import { RELATION, STATUS, label } from '../labels.js';
import type { Page } from '../layout.js';

type Extracted = z.infer<typeof ExtractResult>;

export interface CitePageData {
  draft?: string;
  extracted?: Extracted;
  cite?: string;
  resolved?: ResolveResult;
  /** Why `cite` did not resolve. */
  unresolved?: string;
  /** Input problems to fix (GOV.UK style error summary). */
  errors?: Array<{ field: 'text' | 'cite'; message: string }>;
}

/** The draft with each citation marked in place: a link when it resolved, the reason on hover and in the table otherwise. */
function annotated(draft: string, ex: Extracted): Html {
  const parts: Html[] = [];
  let at = 0;
  ex.citations.forEach((c, i) => {
    if (c.start < at) return; // overlapping spans: the first one wins
    parts.push(html`${draft.slice(at, c.start)}`);
    const words = draft.slice(c.start, c.end);
    parts.push(
      c.page && (c.status === 'resolved' || c.status === 'catalogue')
        ? html`<a class="cite-mark cite-mark--${c.status}" href="${c.page}" aria-describedby="c-${i}">${words}<sup>${i + 1}</sup></a>`
        : html`<mark class="cite-mark cite-mark--${c.status}" title="${c.reason ?? label(STATUS, c.status)}" aria-describedby="c-${i}">${words}<sup>${i + 1}</sup></mark>`,
    );
    at = c.end;
  });
  parts.push(html`${draft.slice(at)}`);
  return html`<div class="draft">${parts}</div>`;
}

function citationTable(ex: Extracted): Html {
  return html`<table class="cite-table"><thead><tr><th scope="col">#</th><th scope="col">原文</th><th scope="col">状态</th><th scope="col">规范引文 / 原因</th></tr></thead><tbody>
  ${ex.citations.map((c, i) => html`<tr id="c-${i}" class="cite-row--${c.status}"><td>${i + 1}</td><td>${c.text}<br><span class="muted">${label(RELATION, c.relation)}</span></td>
    <td><span class="badge badge--${c.status}">${label(STATUS, c.status)}</span></td>
    <td>${c.page ? html`<a href="${c.page}">${c.normalized}</a>` : c.normalized}${c.reason ? html`<br><span class="muted">${c.reason}</span>` : ''}${
      c.candidates?.length ? html`<br>可能是：${c.candidates.map((x) => (x.page ? html`<a href="${x.page}">《${x.title}》</a> ` : html`《${x.title}》 `))}` : ''
    }</td></tr>`)}
  </tbody></table>`;
}

/** `/cite`: paste a draft → its citations marked in place with their status; or resolve one citation. */
export function renderCitePage(d: CitePageData): Page {
  const errors = d.errors ?? [];
  const errorOf = (f: 'text' | 'cite') => errors.find((e) => e.field === f);
  return {
    title: '引文核查',
    nav: 'cite',
    body: html`<div class="cite-page">
  <h1>引文核查</h1>
  <p class="lede">粘贴一段文稿，逐处标出其中引用的法律、文件和条款：能链接的直接链接到条款页，不能链接的说明原因。</p>
  ${errors.length ? html`<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="err-h"><h2 id="err-h">请修改以下内容</h2><ul>${errors.map((e) => html`<li><a href="#${e.field === 'text' ? 'draft' : 'cite'}">${e.message}</a></li>`)}</ul></div>` : ''}
  <section aria-labelledby="draft-h">
    <h2 id="draft-h">核查文稿</h2>
    <form method="post" action="/cite" class="stack">
      <label for="draft">文稿内容（最多 ${MAX_EXTRACT_CHARS} 字）</label>
      ${errorOf('text') ? html`<p class="field-error">${errorOf('text')!.message}</p>` : ''}
      <textarea id="draft" name="text" rows="8" maxlength="${MAX_EXTRACT_CHARS}" required placeholder="例如：根据《中华人民共和国数据安全法》第三十一条……">${d.draft ?? ''}</textarea>
      <button type="submit">核查引文</button>
    </form>
    ${d.extracted && d.draft !== undefined
      ? html`<section class="cite-result" aria-labelledby="found-h">
      <h3 id="found-h">找到 ${d.extracted.count} 处引用${d.extracted.count ? html`：<span class="badge badge--resolved">已链接 ${d.extracted.citations.filter((c) => c.status === 'resolved').length}</span> <span class="badge badge--unresolved">未链接 ${d.extracted.citations.filter((c) => c.status !== 'resolved').length}</span>` : ''}</h3>
      ${annotated(d.draft, d.extracted)}
      ${d.extracted.count ? citationTable(d.extracted) : html`<p class="muted">没有识别到引用。引用通常写作《文件名》第X条，或文号（国发〔2015〕50号）。</p>`}
    </section>`
      : ''}
  </section>
  <section aria-labelledby="one-h">
    <h2 id="one-h">解析一条引文</h2>
    <form method="get" action="/cite" class="inline-form">
      <label for="cite">引文</label>
      ${errorOf('cite') ? html`<p class="field-error">${errorOf('cite')!.message}</p>` : ''}
      <input id="cite" name="cite" value="${d.cite ?? ''}" maxlength="500" placeholder="如：数据安全法第三十一条、国发〔2015〕50号">
      <button type="submit">解析</button>
    </form>
    ${d.resolved
      ? html`<div class="resolve-result" role="status"><p><span class="badge badge--${d.resolved.status}">${label(STATUS, d.resolved.status)}</span> ${d.resolved.page ? html`<a href="${d.resolved.page}">${d.resolved.citation}</a>` : d.resolved.citation}</p>
        ${d.resolved.page ? html`<p class="muted">永久链接：<code>${d.resolved.page}</code></p>` : ''}
        ${d.resolved.catalogue ? html`<p class="muted">见政策目录第 ${d.resolved.catalogue.number ?? ''} 条：${d.resolved.catalogue.title}</p>` : ''}
        ${d.resolved.candidates?.length ? html`<p>可能是：${d.resolved.candidates.map((x) => (x.page ? html`<a href="${x.page}">《${x.title}》</a> ` : html`《${x.title}》 `))}</p>` : ''}</div>`
      : ''}
    ${d.unresolved ? html`<div class="resolve-result resolve-result--failed" role="status"><p><span class="badge badge--unresolved">未找到</span> “${d.cite}”：${d.unresolved}</p></div>` : ''}
  </section>
</div>`,
  };
}
