import type { z } from 'zod';
import type { ClauseReferences, IncomingReference, OutgoingReference } from '../../services/reference-service.js';
import { clausePage, documentPage } from '../../services/urls.js';
import { inDocument } from '../components.js';
import { html, type Html } from '../html.js';
import { RELATION, STATUS, label } from '../labels.js';

type Out = z.infer<typeof OutgoingReference>;
type In = z.infer<typeof IncomingReference>;

/** Groups by a key, keeping first-seen order. */
function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) out.set(key(t), [...(out.get(key(t)) ?? []), t]);
  return out;
}

function relationBadge(r: { relation: string; status: string }): Html {
  return html`<span class="badge badge--${r.relation}">${label(RELATION, r.relation)}</span>${r.status !== 'resolved' ? html` <span class="badge badge--${r.status}">${label(STATUS, r.status)}</span>` : ''}`;
}

function outItem(r: Out): Html {
  const target = r.to.clauseId && r.to.docId ? inDocument(r.to.docId, r.to.clauseId) : r.to.page;
  return html`<li>${relationBadge(r)} ${target ? html`<a href="${target}">${r.to.citation ?? r.normalized}</a>` : html`<span>${r.normalized}</span>`}
    ${r.to.clauseId ? html` <a class="muted" href="${clausePage(r.to.clauseId)}">条款页</a>` : ''}
    ${r.reason ? html`<span class="muted">（${r.reason}）</span>` : ''}
    <span class="muted">原文“${r.text}”</span></li>`;
}

function inItem(r: In): Html {
  return html`<li>${relationBadge(r)} <a href="${r.from.docId && r.from.clauseId ? inDocument(r.from.docId, r.from.clauseId) : (r.from.page ?? '#')}">${r.from.citation ?? r.from.clauseId ?? ''}</a>
    ${r.from.clauseId ? html` <a class="muted" href="${clausePage(r.from.clauseId)}">条款页</a>` : ''}
    <span class="muted">原文“${r.text}”</span></li>`;
}

/** A clause's references both ways, grouped by the document at the other end, then by relation. */
export function referenceLists(refs: ClauseReferences): Html {
  const outGroups = groupBy(refs.outgoing, (r) => r.to.docId ?? r.to.title ?? r.normalized);
  const inGroups = groupBy(refs.incoming, (r) => r.from.docId ?? '');
  const section = <T extends { relation: string }>(title: string, id: string, groups: Map<string, T[]>, name: (t: T) => Html, item: (t: T) => Html, none: string) =>
    html`<section class="refs" aria-labelledby="${id}">
  <h2 id="${id}">${title}（${[...groups.values()].reduce((n, g) => n + g.length, 0)}）</h2>
  ${groups.size
    ? [...groups.values()].map((g) => {
        const byRel = groupBy(g, (r) => r.relation);
        return html`<section class="ref-group"><h3>${name(g[0]!)}</h3>${[...byRel].map(([rel, rs]) => html`<h4 class="ref-rel">${label(RELATION, rel)}（${rs.length}）</h4><ul>${rs.map(item)}</ul>`)}</section>`;
      })
    : html`<p class="muted">${none}</p>`}
</section>`;
  return html`${section<Out>(
    '本条引用',
    'refs-out',
    outGroups,
    (r) => (r.to.docId ? html`<a href="${documentPage(r.to.docId)}">《${r.to.docTitle ?? r.to.title ?? ''}》</a>` : html`《${r.to.title ?? r.normalized}》<span class="muted">（未收录）</span>`),
    outItem,
    '本条没有引用其他文件或条款。',
  )}
${section<In>(
    '引用本条',
    'refs-in',
    inGroups,
    (r) => (r.from.docId ? html`<a href="${documentPage(r.from.docId)}">《${r.from.docTitle ?? ''}》</a>` : html``),
    inItem,
    '已收录的文件中没有引用本条的条款。',
  )}`;
}
