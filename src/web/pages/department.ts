import type { z } from 'zod';
import type { DepartmentList, DepartmentProfile, TaskHit } from '../../schemas/tasks.js';
import { clausePage, departmentPage, departmentUrl, documentPage } from '../../services/urls.js';
import { inDocument, ownerChips, pagination } from '../components.js';
import { html, type Html } from '../html.js';
import { LEVEL, ROLE, label, type RoleName } from '../labels.js';
import type { Page } from '../layout.js';

export interface DepartmentPageData {
  profile: DepartmentProfile;
  /** Every task counted (with the role filter), in document order. */
  tasks: TaskHit[];
  role?: RoleName;
  /** Counts by role without the role filter, for the filter's links. */
  counts: DepartmentProfile['department']['counts'];
}

const ROLES: RoleName[] = ['lead', 'responsible', 'cooperating'];
/** Partners drawn in the picture (the table lists them all). */
const PICTURED = 12;

/** The partners as horizontal bars, split by the partner's role in the shared tasks. */
function partnersSvg(name: string, partners: DepartmentProfile['partners']): Html {
  const shown = partners.slice(0, PICTURED);
  if (!shown.length) return html``;
  const max = Math.max(...shown.map((p) => p.tasks));
  const W = 400;
  const NAME_W = 130;
  const ROW = 24;
  const barW = W - NAME_W - 50;
  const h = shown.length * ROW + 30;
  const rows = shown.map((p, i) => {
    const y = i * ROW + 4;
    let x = NAME_W;
    const segs = ROLES.map((r) => {
      const w = (p.roles[r] / max) * barW;
      const seg = w > 0 ? html`<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${ROW - 8}" class="bar bar--${r}"><title>${p.name} ${label(ROLE, r)} ${p.roles[r]} 项</title></rect>` : html``;
      x += w;
      return seg;
    });
    return html`<a href="${departmentPage(p.name)}"><text x="${NAME_W - 8}" y="${y + 14}" text-anchor="end" class="bar__name">${p.name.length > 9 ? `${p.name.slice(0, 8)}…` : p.name}</text></a>${segs}<text x="${(x + 6).toFixed(1)}" y="${y + 14}" class="bar__count">${p.tasks}</text>`;
  });
  const legend = ROLES.map((r, i) => html`<rect x="${NAME_W + i * 70}" y="${h - 18}" width="12" height="12" class="bar bar--${r}"/><text x="${NAME_W + i * 70 + 18}" y="${h - 8}" class="bar__legend">${label(ROLE, r)}</text>`);
  return html`<svg class="partners-chart" viewBox="0 0 ${W} ${h}" role="img" aria-labelledby="partners-svg-t" xmlns="http://www.w3.org/2000/svg">
  <title id="partners-svg-t">与${name}共同承担任务最多的 ${shown.length} 个单位，按其在共同任务中的角色分段</title>
  ${rows}${legend}
</svg>`;
}

function roleFilter(d: DepartmentPageData, name: string): Html {
  const link = (role: RoleName | undefined, text: string, n: number) => {
    const href = role ? `${departmentPage(name)}?role=${role}` : departmentPage(name);
    return html`<li><a href="${href}"${d.role === role ? html` aria-current="page"` : ''}>${text}<span class="facet__count">${n}</span></a></li>`;
  };
  return html`<nav class="role-filter" aria-label="按角色筛选"><ul>
  ${link(undefined, '全部', d.counts.total)}
  ${ROLES.map((r) => link(r, label(ROLE, r), d.counts[r]))}
</ul></nav>`;
}

function taskItem(t: TaskHit): Html {
  return html`<li class="task">
  <p class="task__head"><a href="${inDocument(t.docId, t.clauseId)}">${t.citation}</a>
    ${t.role ? html`<span class="badge badge--role-${t.role}">${label(ROLE, t.role)}</span>` : ''}
    ${t.years.length ? html`<span class="muted">${t.years.join('、')} 年</span>` : ''}
    <a class="muted" href="${clausePage(t.clauseId)}">条款页</a></p>
  ${t.title ? html`<p class="task__title">${t.title}</p>` : ''}
  <p class="task__text">${t.text.length > 160 ? `${t.text.slice(0, 159)}…` : t.text}</p>
  ${ownerChips(t.owners)}
</li>`;
}

/** `/departments/:name` (any alias): names, tasks by document with role and years, role filter, partners, 台账. */
export function renderDepartmentPage(d: DepartmentPageData): Page {
  const dep = d.profile.department;
  const byDoc = new Map<string, TaskHit[]>();
  for (const t of d.tasks) byDoc.set(t.docId, [...(byDoc.get(t.docId) ?? []), t]);
  const csv = `${departmentUrl(dep.name)}.csv${d.role ? `?role=${d.role}` : ''}`;
  const names = [...dep.aliases, ...dep.abbreviations];
  return {
    title: dep.name,
    nav: 'departments',
    description: `${dep.name}承担的政策任务：牵头 ${d.counts.lead}，负责 ${d.counts.responsible}，配合 ${d.counts.cooperating}`,
    body: html`<article class="department-page">
  <header class="page-head">
    <p class="kicker"><a href="/departments">部门职责</a> · ${label(LEVEL, dep.level)}${dep.known ? '' : ' · 未收入部门名录（据原文识别）'}</p>
    <h1>${dep.name}</h1>
    ${dep.requested !== dep.name ? html`<p class="muted">您查询的“${dep.requested}”即${dep.name}。</p>` : ''}
    ${names.length ? html`<p>又称：${names.map((n) => html`<span class="token">${n}</span>`)}</p>` : ''}
    <div data-slot="department-extra"></div>
  </header>
  ${roleFilter(d, dep.name)}
  <p class="actions"><a class="button" href="${csv}" download>下载任务台账（CSV）</a> <span class="muted">共 ${d.tasks.length} 项${d.role ? `（${label(ROLE, d.role)}）` : ''}，可用 Excel 打开 · <a href="#partners-h">协作单位</a></span></p>
  <div class="department-layout">
    <section class="tasks" aria-labelledby="tasks-h">
      <h2 id="tasks-h">任务（按文件）</h2>
      ${byDoc.size
        ? [...byDoc].map(([docId, ts]) => html`<section class="task-group" aria-labelledby="g-${docId}">
        <h3 id="g-${docId}"><a href="${documentPage(docId)}">《${ts[0]!.docTitle}》</a> <span class="facet__count">${ts.length}</span></h3>
        <ol class="task-list">${ts.map(taskItem)}</ol>
      </section>`)
        : html`<p class="empty">没有${d.role ? label(ROLE, d.role) : ''}任务。</p>`}
    </section>
    <aside class="partners" aria-labelledby="partners-h">
      <h2 id="partners-h">协作单位</h2>
      <p class="muted">与${dep.name}共同承担${d.role ? `（其${label(ROLE, d.role)}的）` : ''}任务的单位，共 ${d.profile.totalPartners} 个。</p>
      ${partnersSvg(dep.name, d.profile.partners)}
      <table class="partners-table"><thead><tr><th scope="col">单位</th><th scope="col">共同任务</th><th scope="col">其角色</th></tr></thead><tbody>
      ${d.profile.partners.map((p) => html`<tr><td><a href="${departmentPage(p.name)}">${p.name}</a></td><td>${p.tasks}</td><td>${ROLES.filter((r) => p.roles[r]).map((r) => `${label(ROLE, r)} ${p.roles[r]}`).join('，')}</td></tr>`)}
      </tbody></table>
    </aside>
  </div>
</article>`,
  };
}

/** `/departments?q=`: the bodies, searchable by any of their names. */
export function renderDepartmentIndex(list: z.infer<typeof DepartmentList>, q: string | undefined, page: number, size: number): Page {
  const href = (p: number) => `/departments?${new URLSearchParams({ ...(q ? { q } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`;
  return {
    title: q ? `${q} - 部门` : '部门职责',
    nav: 'departments',
    body: html`<div class="departments-page">
  <h1>部门职责</h1>
  <p class="lede">每个部门牵头、负责、配合的政策任务。可输入全称、简称或别名（如“工信厅”）。</p>
  <form class="search-box" role="search" action="/departments" method="get">
    <label for="dq">查找部门</label>
    <div class="combo"><input id="dq" type="search" name="q" value="${q ?? ''}" maxlength="100" placeholder="部门名称或简称" autocomplete="off"></div>
    <button type="submit">查找</button>
  </form>
  <p role="status">${q ? html`名称含“${q}”的单位 <strong>${list.total}</strong> 个` : html`共 <strong>${list.total}</strong> 个单位承担任务`}</p>
  ${list.departments.length
    ? html`<table class="departments-table"><thead><tr><th scope="col">单位</th><th scope="col">级别</th><th scope="col">牵头</th><th scope="col">负责</th><th scope="col">配合</th><th scope="col">合计</th></tr></thead><tbody>
    ${list.departments.map((d) => html`<tr><td><a href="${departmentPage(d.name)}">${d.name}</a>${[...d.aliases, ...d.abbreviations].length ? html`<br><span class="muted">${[...d.aliases, ...d.abbreviations].join('、')}</span>` : ''}</td><td>${label(LEVEL, d.level)}</td><td>${d.counts.lead}</td><td>${d.counts.responsible}</td><td>${d.counts.cooperating}</td><td>${d.counts.total}</td></tr>`)}
    </tbody></table>`
    : html`<div class="empty"><p>没有名称含“${q}”的单位。试试更短的名称，如“大数据”或“工信”。</p></div>`}
  ${pagination({ page, size, total: list.total, href })}
</div>`,
  };
}
