import type { Owner, PathEntry } from '../../core/index/schemas.js';
import { oembedDiscoveryLinks, type EmbedTarget } from '../services/oembed.js';
import { clausePage, departmentPage, documentPage } from '../services/urls.js';
import { escapeHtml, html, trusted, type Html } from './html.js';
import { EFFECT_STATUS_CLASS, ROLE, label } from './labels.js';

/**
 * Markers the search service writes around matches in snippets for the pages:
 * control characters no normalized text holds, so the snippet can be escaped
 * whole and the markers turned into <mark> afterwards.
 */
export const SNIPPET_MARKS = { pre: '\u0001', post: '\u0002' } as const;

/** A snippet with SNIPPET_MARKS as HTML: the text escaped, each marked span a <mark>, stray markers dropped. */
export function markedSnippet(snippet: string): Html {
  return trusted(
    escapeHtml(snippet)
      .replace(/\u0001([^\u0001\u0002]*)\u0002/g, '<mark>$1</mark>')
      .replace(/[\u0001\u0002]/g, ''),
  );
}

/** Text with line breaks as paragraphs. */
export function paragraphs(text: string, cls = ''): Html {
  const lines = text.split(/\n+/).filter((l) => l.trim());
  return html`${lines.map((l) => html`<p${cls ? html` class="${cls}"` : ''}>${l}</p>`)}`;
}

/** Where a clause is read in its document: the document page, scrolled to the clause's anchor. */
export function inDocument(docId: string, clauseId: string): string {
  return `${documentPage(docId)}#${clauseId}`;
}

/** label + heading of a path entry, or its kind's word when it has neither. */
export function partName(p: { label?: string; heading?: string }): string {
  return p.label && p.heading ? `${p.label} ${p.heading}` : (p.label ?? p.heading ?? '');
}

/** The breadcrumb as links: the document, then each ancestor's clause page. */
export function breadcrumbLinks(path: PathEntry[], docTitle: string, docId: string, self?: { label?: string; heading?: string }): Html {
  const parts: Html[] = [html`<li><a href="${documentPage(docId)}">《${docTitle}》</a></li>`];
  for (const p of path.slice(1)) {
    const name = partName(p);
    if (name) parts.push(html`<li><a href="${clausePage(p.id)}">${name}</a></li>`);
  }
  if (self && partName(self)) parts.push(html`<li aria-current="page">${partName(self)}</li>`);
  return html`<nav class="breadcrumb" aria-label="位置"><ol>${parts}</ol></nav>`;
}

/** Owners of a task as chips linking to the department pages, with the role. */
export function ownerChips(owners: Owner[]): Html {
  if (!owners.length) return html``;
  return html`<ul class="chips" aria-label="责任单位">${owners.map(
    (o) => html`<li><a class="chip chip--${o.role}" href="${departmentPage(o.department)}" title="${o.asWritten && o.asWritten !== o.department ? `原文：${o.asWritten}` : ''}"><span class="chip__role">${label(ROLE, o.role)}</span>${o.department}</a></li>`,
  )}</ul>`;
}

/** A button that copies `text` (the script makes it work; without it, the text is selectable beside it). */
export function copyButton(text: string, what = '引用'): Html {
  return html`<button type="button" class="copy" data-copy="${text}" hidden>复制${what}</button>`;
}

/** Previous / numbered / next page links for `total` items, `size` a page, `page` 1-based. */
export function pagination(opts: { page: number; size: number; total: number; href: (page: number) => string; label?: string }): Html {
  const pages = Math.max(1, Math.ceil(opts.total / opts.size));
  if (pages <= 1) return html``;
  const { page, href } = opts;
  const shown = new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2].filter((p) => p >= 1 && p <= pages));
  const items: Html[] = [];
  let last = 0;
  for (const p of [...shown].sort((a, b) => a - b)) {
    if (p - last > 1) items.push(html`<li class="pagination__gap" aria-hidden="true">…</li>`);
    items.push(
      p === page
        ? html`<li><a href="${href(p)}" aria-current="page">${p}</a></li>`
        : html`<li><a href="${href(p)}" aria-label="第 ${p} 页">${p}</a></li>`,
    );
    last = p;
  }
  return html`<nav class="pagination" aria-label="${opts.label ?? '分页'}"><ul>
  ${page > 1 ? html`<li><a href="${href(page - 1)}" rel="prev">上一页</a></li>` : ''}
  ${items}
  ${page < pages ? html`<li><a href="${href(page + 1)}" rel="next">下一页</a></li>` : ''}
</ul></nav>`;
}

/** A link to a JSON alternate of the page, for the <head> slot. */
export function alternateJson(href: string): Html {
  return html`<link rel="alternate" type="application/json" href="${href}">`;
}

/**
 * A document's effect status as a badge (现行有效, 已废止…), with the day it took
 * or takes effect; nothing when the text does not say (未知): a guess would mislead.
 */
export function statusBadge(status: string | undefined, effectiveFrom?: string): Html {
  const cls = status ? EFFECT_STATUS_CLASS[status] : undefined;
  if (!cls) return html``;
  return html`<span class="badge badge--status badge--${cls}"${effectiveFrom ? html` title="施行日期：${effectiveFrom}"` : ''}>${status}</span>`;
}

/** The effective date in words for a hit's or a page's metadata: 2021-09-01 施行 (起施行 in the future). */
export function effectiveDate(status: string | undefined, effectiveFrom: string | undefined): Html {
  if (!effectiveFrom) return html``;
  return html`<span class="effective">${effectiveFrom} ${status === '尚未施行' ? '起施行' : '施行'}</span>`;
}

/** oEmbed discovery for the <head> slot: the helper escapes its own attributes, so its markup is trusted as is. */
export function oembedLink(origin: string, target: EmbedTarget, title: string): Html {
  return trusted(oembedDiscoveryLinks(origin, target, title));
}
