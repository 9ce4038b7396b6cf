import type { z } from 'zod';
import type { ClauseDetail } from '../../schemas/documents.js';
import type { CiteJson } from '../../services/citation-service.js';
import type { ClauseReferences } from '../../services/reference-service.js';
import { clausePage, clauseUrl } from '../../services/urls.js';
import { alternateJson, oembedLink, breadcrumbLinks, copyButton, effectiveDate, inDocument, ownerChips, paragraphs, partName, statusBadge } from '../components.js';
import { html } from '../html.js';
import { NODE_KIND, label } from '../labels.js';
import type { Page } from '../layout.js';
import { referenceLists } from './references.js';
import { indicatorPage } from './indicator.js';

export interface ClausePageData {
  clause: z.infer<typeof ClauseDetail>;
  references: ClauseReferences;
  cite: z.infer<typeof CiteJson>;
  /** This page's absolute address (scheme and host as the request named them). */
  permalink: string;
  /** This server's origin as the request named it, for the oEmbed discovery link. */
  origin: string;
}

/** `/clauses/:id`: the permalink a citation points to. */
export function renderClausePage(d: ClausePageData): Page {
  const c = d.clause;
  const name = partName(c) || label(NODE_KIND, c.kind);
  const text = `${d.cite.citation} ${d.permalink}`;
  const markdown = `[${d.cite.citation}](${d.permalink})`;
  const json = JSON.stringify({ ...d.cite, permalink: d.permalink }, null, 2);
  const original = c.originalText.trim() !== c.text.trim();
  return {
    title: c.citation,
    description: c.text.slice(0, 120),
    head: [alternateJson(clauseUrl(c.id)), html`<link rel="canonical" href="${clausePage(c.id)}">`, oembedLink(d.origin, { kind: 'clause', id: c.id }, c.citation)],
    body: html`<article class="clause-page">
  ${breadcrumbLinks(c.path, c.docTitle, c.docId, c)}
  <header class="page-head">
    <h1>${name}</h1>
    ${c.status !== '未知' || c.effectiveFrom ? html`<p class="clause-status">${statusBadge(c.status, c.effectiveFrom)} ${effectiveDate(c.status, c.effectiveFrom)}<span class="muted">（所属文件的时效，截至 ${c.asOf}）</span></p>` : ''}
  </header>
  <div class="clause-layout">
    <div class="clause-main">
      <section class="clause-text" aria-label="条文">${paragraphs(c.text)}</section>
      <details class="original">
        <summary>原始文本${original ? '（与规范化文本有差异）' : ''}</summary>
        <pre class="original__text">${c.originalText}</pre>
        ${c.source ? html`<p class="muted">出处：${c.source.path}，第 ${c.source.start}–${c.source.end} 字符</p>` : ''}
      </details>
      ${c.children.length ? html`<section aria-labelledby="children-h"><h2 id="children-h">下级条款（${c.children.length}）</h2><ul class="children">${c.children.map(
        (ch) => html`<li><a href="${clausePage(ch.id)}">${partName(ch) || label(NODE_KIND, ch.kind)}</a></li>`,
      )}</ul></section>` : ''}
      ${c.owners.length ? html`<section aria-labelledby="owners-h"><h2 id="owners-h">责任单位</h2>${ownerChips(c.owners)}${c.years.length ? html`<p class="muted">时间节点：${c.years.join('、')} 年</p>` : ''}</section>` : ''}
      ${c.targets?.length ? html`<section aria-labelledby="targets-h"><h2 id="targets-h">本条提出的指标</h2><ul class="clause-targets">${c.targets.map(
        (t) => html`<li>${t.asWritten}：到 ${t.year} 年 ${String(t.value)} ${t.unit} — <a href="${indicatorPage(t.indicatorId)}">“${t.indicator}”各文件目标对比</a></li>`,
      )}</ul></section>` : ''}
      ${referenceLists(d.references)}
    </div>
    <aside class="clause-side" aria-label="引用与导航">
      <section class="cite-box" aria-labelledby="cite-h">
        <h2 id="cite-h">规范引文</h2>
        <div class="cite-format"><h3>文本</h3><pre>${text}</pre>${copyButton(text, '文本')}</div>
        <div class="cite-format"><h3>Markdown</h3><pre>${markdown}</pre>${copyButton(markdown, 'Markdown')}</div>
        <details class="cite-format"><summary>JSON</summary><pre>${json}</pre>${copyButton(json, 'JSON')}</details>
      </section>
      <nav class="prev-next" aria-label="前后条款">
        ${c.prevId ? html`<a rel="prev" href="${clausePage(c.prevId)}">← 上一条</a>` : html`<span></span>`}
        <a href="${inDocument(c.docId, c.id)}">在全文中查看</a>
        ${c.nextId ? html`<a rel="next" href="${clausePage(c.nextId)}">下一条 →</a>` : html`<span></span>`}
      </nav>
      <div data-slot="clause-extra"></div>
    </aside>
  </div>
</article>`,
  };
}
