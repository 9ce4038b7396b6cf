import type { z } from 'zod';
import type { OutlineNode } from '../../../core/index/schemas.js';
import type { DocumentDetail } from '../../schemas/documents.js';
import type { DocumentUnit } from '../../services/document-service.js';
import type { DocumentReferences } from '../../services/reference-service.js';
import { clausePage, documentUrl } from '../../services/urls.js';
import { alternateJson, oembedLink, ownerChips, paragraphs, partName, statusBadge } from '../components.js';
import { html, trusted, type Html } from '../html.js';
import { DOC_KIND, NODE_KIND, RELATION, label } from '../labels.js';
import type { Page } from '../layout.js';
import { neighbourhoodSvg } from './neighbourhood.js';

export interface DocumentPageData {
  document: z.infer<typeof DocumentDetail>;
  units: DocumentUnit[];
  referencesOut: z.infer<typeof DocumentReferences>;
  referencesIn: z.infer<typeof DocumentReferences>;
  /** Titles of other documents (parent compilation, attachments). */
  titles: Map<string, string>;
  /** The documents this one compiles (partOf it), in corpus order. */
  members: Array<{ id: string; title: string }>;
  /** This server's origin as the request named it, for the oEmbed discovery link. */
  origin: string;
}

/** Kinds too fine for the outline: they are read in the text. */
const NOT_IN_OUTLINE = new Set(['paragraph', 'item', 'subitem', 'row', 'block', 'entry', 'excerpt']);
/** Kinds shown as headings in the text. */
const HEADING_KINDS = new Set(['part', 'chapter', 'section', 'heading']);

function outlineItems(nodes: OutlineNode[]): Html {
  const shown = nodes.filter((n) => !NOT_IN_OUTLINE.has(n.kind) && (n.label || n.heading));
  if (!shown.length) return html``;
  return html`<ul>${shown.map((n) => {
    const sub = n.children.filter((c) => !NOT_IN_OUTLINE.has(c.kind) && (c.label || c.heading));
    const link = html`<a href="#${n.id}">${partName(n)}</a>`;
    return sub.length
      ? html`<li><details open><summary>${link}</summary>${outlineItems(n.children)}</details></li>`
      : html`<li>${link}</li>`;
  })}</ul>`;
}

/** The ids of a unit's descendants whose text it holds (their anchors sit in it); units below it anchor themselves. */
function descendants(n: OutlineNode, units: Set<string>, out: string[] = []): string[] {
  for (const c of n.children) {
    if (units.has(c.id)) continue;
    out.push(c.id);
    descendants(c, units, out);
  }
  return out;
}

function index(n: OutlineNode, map: Map<string, OutlineNode>): Map<string, OutlineNode> {
  map.set(n.id, n);
  for (const c of n.children) index(c, map);
  return map;
}

function unitHtml(u: DocumentUnit, node: OutlineNode | undefined, units: Set<string>): Html {
  const inner = node ? descendants(node, units).map((id) => html`<span class="anchor" id="${id}"></span>`) : [];
  if (HEADING_KINDS.has(u.kind)) {
    const level = Math.min(6, Math.max(2, u.depth + 1));
    const tag = `h${level}`;
    return html`<div class="unit unit--heading" id="${u.id}">${inner}${trustedTag(tag, html`${u.text || partName(u)}`)}<a class="unit__link" href="${clausePage(u.id)}" aria-label="${partName(u)} 的条款页">¶</a></div>`;
  }
  return html`<section class="unit unit--${u.kind}" id="${u.id}" aria-label="${partName(u) || label(NODE_KIND, u.kind)}">${inner}
  ${paragraphs(u.text)}
  ${ownerChips(u.owners)}
  <a class="unit__link" href="${clausePage(u.id)}" aria-label="${partName(u) || label(NODE_KIND, u.kind)} 的条款页">¶</a>
</section>`;
}

/** h2…h6 around content (the tag name comes from a number, never from input). */
function trustedTag(tag: string, content: Html): Html {
  const t = /^h[2-6]$/.test(tag) ? tag : 'h6';
  return html`${trusted(`<${t}>`)}${content}${trusted(`</${t}>`)}`;
}

function refGroups(refs: z.infer<typeof DocumentReferences>, empty: string): Html {
  if (!refs.documents.length) return html`<p class="muted">${empty}</p>`;
  return html`<ul class="ref-docs">${refs.documents.map(
    (g) => html`<li>${g.page ? html`<a href="${g.page}">《${g.title}》</a>` : html`《${g.title}》<span class="muted">（未收录）</span>`}
      <span class="muted">${Object.entries(g.relations).map(([r, n]) => html`<span class="badge badge--${r}">${label(RELATION, r)} ${n}</span> `)}· ${g.clauses} 个条款</span></li>`,
  )}</ul>`;
}

/** `/documents/:id`: metadata, the outline beside the full text, references both ways and their picture. */
export function renderDocumentPage(d: DocumentPageData): Page {
  const doc = d.document;
  const nodes = index(doc.outline, new Map());
  const meta: Array<[string, Html | string]> = [
    ['类型', label(DOC_KIND, doc.kind)],
    ...(doc.issuer ? [['发文机关', doc.issuer] as [string, string]] : []),
    ...(doc.date ? [['日期', doc.date] as [string, string]] : doc.year ? [['年份', `${doc.year}`] as [string, string]] : []),
    ...(doc.docNumber ? [['文号', doc.docNumber] as [string, string]] : []),
    ...(statusBadge(doc.status).value ? [['时效性', html`${statusBadge(doc.status, doc.effectiveFrom)} <span class="muted">（截至 ${doc.asOf}）</span>`] as [string, Html]] : []),
    ...(doc.effectiveFrom ? [[doc.status === '尚未施行' ? '将于' : '施行日期', doc.status === '尚未施行' ? `${doc.effectiveFrom} 起施行` : doc.effectiveFrom] as [string, string]] : []),
    ...(doc.aliases.length ? [['简称', doc.aliases.join('、')] as [string, string]] : []),
    ...(doc.partOf ? [['收录于', html`<a href="/documents/${doc.partOf}">《${d.titles.get(doc.partOf) ?? doc.partOf}》</a>`] as [string, Html]] : []),
    ...(doc.attachmentOf ? [['附件所属', html`<a href="/documents/${doc.attachmentOf}">《${d.titles.get(doc.attachmentOf) ?? doc.attachmentOf}》</a>`] as [string, Html]] : []),
    ...(doc.attachments.length ? [['附件', html`${doc.attachments.map((a) => html`<a href="/documents/${a}">《${d.titles.get(a) ?? a}》</a> `)}`] as [string, Html]] : []),
    [
      doc.sources.length > 1 ? '来源（合并副本）' : '来源',
      html`<ul class="sources">${doc.sources.map((s) => html`<li>${s.path}${doc.sources.length > 1 ? (s.chosen ? html` <span class="badge">采用</span>` : html` <span class="muted">副本</span>`) : ''}</li>`)}</ul>`,
    ],
  ];
  const counts = Object.entries(doc.counts)
    .filter(([k]) => ['chapter', 'article', 'task', 'heading'].includes(k))
    .map(([k, n]) => `${n} ${label(NODE_KIND, k)}`);
  const outline = outlineItems(doc.outline.children);
  const unitIds = new Set(d.units.map((u) => u.id));
  const toNeighbour = (g: z.infer<typeof DocumentReferences>['documents'][number]) => ({ ...(g.docId ? { docId: g.docId } : {}), title: g.title, count: g.count, relations: g.relations });
  return {
    title: doc.title,
    description: `《${doc.title}》全文、目录与引用关系`,
    head: [alternateJson(documentUrl(doc.id)), oembedLink(d.origin, { kind: 'document', id: doc.id }, doc.title)],
    body: html`<article class="document-page">
  <header class="page-head">
    <p class="kicker">${label(DOC_KIND, doc.kind)}${counts.length ? ` · ${counts.join(' · ')}` : ''}</p>
    <h1>${doc.title}</h1>
    <dl class="meta">${meta.map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl>
    <div data-slot="document-extra"></div>
  </header>
  ${d.members.length ? html`<section class="members" aria-labelledby="members-h"><h2 id="members-h">本汇编收录的文件（${d.members.length}）</h2><ol>${d.members.map((m) => html`<li><a href="/documents/${m.id}">${m.title}</a></li>`)}</ol></section>` : ''}
  <div class="document-layout${outline.value ? '' : ' document-layout--single'}">
    ${outline.value ? html`<nav class="outline" aria-labelledby="outline-h">
      <details open class="outline__box" data-collapse-narrow><summary id="outline-h">目录</summary>${outline}</details>
    </nav>` : ''}
    <div class="document-text" aria-label="全文">
      ${d.units.map((u) => unitHtml(u, nodes.get(u.id), unitIds))}
    </div>
  </div>
  <section class="doc-refs" aria-labelledby="doc-refs-h">
    <h2 id="doc-refs-h">引用关系</h2>
    <figure class="neighbourhood-figure">
      ${neighbourhoodSvg(doc.title, d.referencesIn.documents.map(toNeighbour), d.referencesOut.documents.map(toNeighbour))}
      <figcaption>左：引用本文件的文件；右：本文件引用的文件。线越粗，引用越多。点击方框打开该文件。</figcaption>
    </figure>
    <div class="doc-refs__lists">
      <section aria-labelledby="doc-out-h"><h3 id="doc-out-h">本文件引用（${d.referencesOut.total}）</h3>${refGroups(d.referencesOut, '本文件没有引用其他文件。')}</section>
      <section aria-labelledby="doc-in-h"><h3 id="doc-in-h">引用本文件（${d.referencesIn.total}）</h3>${refGroups(d.referencesIn, '已收录的文件中没有引用本文件的。')}</section>
    </div>
  </section>
</article>`,
  };
}
