import { z } from 'zod';
import { DocKind } from '../../../core/model/document.js';
import { EffectStatus, STATUSES } from '../../../core/model/dates.js';
import { NodeKind } from '../../../core/model/tree.js';
import { Id, ShortText } from '../../schemas/common.js';
import { Role, type SearchHit, type SearchResponse, type Suggestion } from '../../schemas/search.js';
import type { DocumentSummary } from '../../schemas/documents.js';
import { clausePage, departmentPage, documentPage } from '../../services/urls.js';
import { breadcrumbLinks, copyButton, effectiveDate, markedSnippet, ownerChips, pagination, statusBadge } from '../components.js';
import { html, trusted, type Html } from '../html.js';
import { DOC_KIND, NODE_KIND, ROLE, label } from '../labels.js';
import { searchBox, type Page } from '../layout.js';

const enc = encodeURIComponent;

/** Results a page. */
export const PAGE_SIZE = 20;
/** The last page offered (the API pages up to offset 100 000; nobody reads 500 pages of clauses). */
export const MAX_PAGE = 500;

/** The search page's URL parameters: the API's filters, with `page` for `offset`. */
export const SearchPageQuery = z.object({
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
  docId: Id.optional(),
  kind: NodeKind.optional(),
  docKind: DocKind.optional(),
  issuer: ShortText.optional(),
  year: z.coerce.number().int().min(1949).max(2100).optional(),
  department: ShortText.optional(),
  role: Role.optional(),
  status: EffectStatus.optional(),
  sort: z.enum(['relevance', 'newest', 'oldest']).default('relevance'),
  /** `true`: search literally (no query understanding); the plan links here from every rewrite. */
  exact: z.enum(['true', 'false']).optional(),
});
export type SearchPageQuery = z.infer<typeof SearchPageQuery>;

/** The filters, in the order the facets are shown. */
const FILTERS = ['status', 'docKind', 'docId', 'year', 'issuer', 'department', 'role', 'kind'] as const;
type Filter = (typeof FILTERS)[number];
const FILTER_NAME: Record<Filter, string> = {
  status: '时效性',
  docKind: '文件类型',
  docId: '文件',
  year: '年份',
  issuer: '发文机关',
  department: '责任部门',
  role: '部门角色',
  kind: '条款类型',
};
/** Facet values listed before "更多". */
const FACET_SHOWN = 8;

export interface SearchPageData {
  query: SearchPageQuery;
  /** Absent on the home page (no words yet). */
  result?: SearchResponse;
  /** Every document, for facet names and the home page's list. */
  documents: Array<Pick<z.infer<typeof DocumentSummary>, 'id' | 'title' | 'kind' | 'year'>>;
  /** When nothing is found with filters: how many clauses the words find without them. */
  withoutFilters?: number;
  /** When nothing is found: documents and departments whose names match. */
  suggestions?: Suggestion[];
}

/** The parameters of a search URL, in the order they are written. */
const URL_KEYS = ['q', ...FILTERS, 'sort', 'exact', 'page'] as const;
type Changes = Partial<Record<keyof SearchPageQuery, string | number | undefined>>;

/** Each query's values, percent-encoded once: a results page builds ~80 links from the same query (one per facet value). */
const encodedValues = new WeakMap<SearchPageQuery, Map<string, string>>();
const encodeValue = (v: string) => encodeURIComponent(v).replace(/'/g, '%27');

function buildHref(q: SearchPageQuery, changes: Changes, separator: string): string {
  let base = encodedValues.get(q);
  if (!base) {
    base = new Map();
    for (const key of URL_KEYS) if (q[key] !== undefined) base.set(key, encodeValue(String(q[key])));
    encodedValues.set(q, base);
  }
  const clearRole = 'department' in changes && !changes.department;
  let s = '';
  for (const key of URL_KEYS) {
    let v: string | undefined;
    if (key in changes) v = changes[key] === undefined ? undefined : encodeValue(String(changes[key]));
    else if (key === 'page' || (key === 'role' && clearRole)) v = undefined;
    else v = base.get(key);
    if (v === undefined || v === '' || (key === 'sort' && v === 'relevance') || (key === 'exact' && v !== 'true') || (key === 'page' && v === '1')) continue;
    s += `${s ? separator : ''}${key}=${v}`;
  }
  return s ? `/search?${s}` : '/';
}

/** A search URL: the query with `changes` applied (undefined removes); changing a filter returns to page 1, removing the department its role. */
export function searchHref(q: SearchPageQuery, changes: Changes = {}): string {
  return buildHref(q, changes, '&');
}

/** The same URL ready for an href attribute (values are percent-encoded, so only the separators need writing as &amp;). */
function searchLink(q: SearchPageQuery, changes: Changes = {}): Html {
  return trusted(buildHref(q, changes, '&amp;'));
}

/**
 * The saved-search Atom feed for the same words and filters (/feeds/search.atom
 * takes the search's own parameters; a feed has no sort or page, and a role only
 * beside its department).
 */
export function feedHref(q: SearchPageQuery, separator = '&'): string {
  const path = buildHref(q, { sort: undefined, page: undefined, ...(q.department ? {} : { role: undefined }) }, separator);
  return path.replace(/^\/search(?=\?|$)/, '/feeds/search.atom');
}

const activeFilters = (q: SearchPageQuery): Filter[] => FILTERS.filter((f) => q[f] !== undefined);

function valueName(f: Filter, v: string, titles: Map<string, string>): string {
  if (f === 'docKind') return label(DOC_KIND, v);
  if (f === 'kind') return label(NODE_KIND, v);
  if (f === 'role') return label(ROLE, v);
  if (f === 'docId') return titles.get(v) ?? v;
  if (f === 'status' && v === '未知') return '未注明时效';
  return v;
}

function facetGroup(f: Filter, counts: Record<string, number>, q: SearchPageQuery, titles: Map<string, string>): Html {
  const entries = Object.entries(counts).filter(([, n]) => n > 0);
  const selected = q[f] !== undefined ? String(q[f]) : undefined;
  if (!entries.length && selected === undefined) return html``;
  if (f === 'year') entries.sort((a, b) => Number(b[0]) - Number(a[0]));
  else if (f === 'status') entries.sort((a, b) => STATUSES.indexOf(a[0] as EffectStatus) - STATUSES.indexOf(b[0] as EffectStatus));
  else entries.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh'));
  const item = ([v, n]: [string, number]) =>
    v === selected
      ? html`<li><a class="facet__value" href="${searchLink(q, { [f]: undefined })}" aria-current="true"><span class="facet__name">${valueName(f, v, titles)}</span><span class="facet__count">${n}</span><span class="visually-hidden">（已选，点击取消）</span></a></li>`
      : html`<li><a class="facet__value" href="${searchLink(q, { [f]: v })}"><span class="facet__name">${valueName(f, v, titles)}</span><span class="facet__count">${n}</span></a></li>`;
  const head = entries.slice(0, FACET_SHOWN);
  const rest = entries.slice(FACET_SHOWN);
  if (selected !== undefined && !entries.some(([v]) => v === selected)) head.unshift([selected, 0]);
  return html`<section class="facet" aria-labelledby="facet-${f}">
  <h3 id="facet-${f}">${FILTER_NAME[f]}</h3>
  <ul>${head.map(item)}</ul>
  ${rest.length ? html`<details class="facet__more"><summary>更多（${rest.length}）</summary><ul>${rest.map(item)}</ul></details>` : ''}
</section>`;
}

/** One rewrite as a short line: 保户 → 保护, 什么时候 dropped, 出境 + 向境外提供… */
function rewriteLine(w: SearchResponse['plan']['rewrites'][number]): string {
  switch (w.kind) {
    case 'frame':
      return `略去“${w.from.trim()}”`;
    case 'typo':
      return `已将“${w.from}”更正为“${w.to.join('、')}”`;
    case 'abbreviation':
      return `“${w.from}”即“${w.to.join('、')}”`;
    case 'synonym':
      return `“${w.from}”同时检索：${w.to.join('、')}`;
    case 'scope':
      return `优先检索《${w.from}》`;
    case 'locator':
      return `“${w.from}”即“${w.to.join('')}”`;
    case 'absent':
      return w.to.length ? `文库中没有“${w.from}”，改为检索：${w.to.join('、')}` : `文库中没有“${w.from}”，已略去`;
    case 'intent':
      // A definition question's `to` holds the defining clauses' ids; another intent's, the cue words.
      return w.to.length && /[\u3400-\u9fff]/.test(w.to[0]!) ? `按问题优先：${w.to.slice(0, 4).join('、')}` : `“${w.from}”的定义条款优先`;
  }
}

/** How the query was read, where it changes what the reader sees: dropped words, phrases, departments, 文号, rewrites, relaxing. */
function queryPlan(r: SearchResponse, q: SearchPageQuery): Html {
  const lines: Html[] = [];
  const inPhrases = r.words.every((w) => r.phrases.some((p) => p.includes(w)));
  if ((r.words.length > 1 || r.dropped.length) && !inPhrases) lines.push(html`<li>检索词：${r.words.map((w) => html`<span class="token">${w}</span>`)}</li>`);
  if (r.dropped.length) lines.push(html`<li>已忽略：${r.dropped.map((w) => html`<span class="token token--dropped">${w}</span>`)}<span class="hint">（虚词、疑问词等不影响结果的词）</span></li>`);
  if (r.phrases.length) lines.push(html`<li>精确匹配：${r.phrases.map((p) => html`<span class="token token--phrase">“${p}”</span>`)}</li>`);
  for (const d of r.departments) {
    lines.push(
      html`<li>识别为部门：<a href="${departmentPage(d.canonical)}">${d.canonical}</a>${d.asWritten !== d.canonical ? html`（原文“${d.asWritten}”）` : ''}，其全部名称与简称一并检索</li>`,
    );
  }
  // Every rewrite of the query (frame dropped, synonym added, typo corrected, intent, scope), each as the reader
  // would say it, with one link to search the words exactly as typed.
  if (r.plan.rewrites.length) {
    lines.push(
      html`<li class="plan__rewrites">检索时已改写：${r.plan.rewrites.map((w) => html`<span class="token token--rewrite" title="${w.reason}">${rewriteLine(w)}</span>`)} <a class="plan__exact" href="${searchLink(q, { exact: 'true' })}">按原文精确检索</a></li>`,
    );
  } else if (r.plan.exact) {
    lines.push(html`<li class="plan__rewrites">已按原文精确检索（未改写检索词）。 <a class="plan__exact" href="${searchLink(q, { exact: undefined })}">允许改写</a></li>`);
  }
  for (const n of r.notices) {
    if (n.code === 'document-number' && n.document) {
      lines.push(html`<li class="plan__notice">文号 <strong>${n.document.docNumber}</strong> 即 <a href="${documentPage(n.document.id)}">《${n.document.title}》</a>；下面是引用该文号的条款。</li>`);
    } else if (n.code === 'unknown-department') {
      lines.push(
        html`<li class="plan__notice">“${n.asWritten ?? ''}”不是已知部门名称，只显示原文写有该名称的条款。${
          n.suggestions?.length
            ? html`您要找的可能是：${n.suggestions.map((s) => html`<a class="token" href="${searchHref(q, { q: (q.q ?? '').replace(n.asWritten ?? '', s) })}">${s}</a>`)}`
            : ''
        }</li>`,
      );
    }
  }
  if (!lines.length) return html``;
  return html`<section class="plan" aria-label="检索式说明"><ul>${lines}</ul></section>`;
}

function hitItem(h: SearchHit): Html {
  return html`<li class="hit${h.partial ? ' hit--partial' : ''}">
  ${breadcrumbLinks(h.path, h.docTitle, h.docId)}
  <h3 class="hit__title"><a href="${clausePage(h.id)}">${h.label || h.heading ? [h.label, h.label && h.heading ? ' ' : '', h.heading] : label(NODE_KIND, h.kind)}</a> ${statusBadge(h.status, h.effectiveFrom)}${h.partial ? html` <span class="badge">部分匹配</span>` : ''}</h3>
  <p class="hit__snippet">${markedSnippet(h.snippet)}</p>
  <div class="hit__meta">
    <span class="citation"><cite>${h.citation}</cite>${copyButton(h.citation)}</span>
    ${h.date ? html`<span class="hit__date">${h.date}</span>` : h.year ? html`<span class="hit__date">${h.year}年</span>` : ''}
    ${effectiveDate(h.status, h.effectiveFrom)}
  </div>
  ${ownerChips(h.owners)}
  <div class="hit__extra" data-slot="hit-extra"></div>
</li>`;
}

function results(d: SearchPageData, r: SearchResponse): Html {
  const q = d.query;
  const from = r.offset + 1;
  const to = r.offset + r.hits.length;
  const items: Html[] = [];
  let partialShown = false;
  for (const h of r.hits) {
    if (h.partial && !partialShown) {
      partialShown = true;
      items.push(html`<li class="divider" role="presentation"><span>以下条款只包含部分检索词</span></li>`);
    }
    items.push(hitItem(h));
  }
  return html`<p class="result-count" role="status">共 ${r.totalIsExact ? '' : '约 '}<strong>${r.total}</strong> 条${
    r.matchingStrategy === 'relaxed' ? html`，其中 <strong>${r.totalAllWords}</strong> 条包含全部检索词` : ''
  }${r.hits.length ? html`；当前第 ${from}–${to} 条` : ''}</p>
${r.matchingStrategy === 'relaxed' && r.totalAllWords === 0 ? html`<p class="notice">没有条款同时包含全部检索词；下面是包含其中部分词语的条款。</p>` : ''}
<ol class="hits" start="${from}">${items}</ol>
${pagination({ page: q.page, size: PAGE_SIZE, total: Math.min(r.total, MAX_PAGE * PAGE_SIZE), href: (p) => searchHref(q, { page: p }) })}`;
}

function emptyState(d: SearchPageData, r: SearchResponse): Html {
  const q = d.query;
  const filters = activeFilters(q);
  return html`<div class="empty" role="status">
  <h2>没有找到包含“${q.q}”的条款</h2>
  <ul>
    ${filters.length && d.withoutFilters ? html`<li>去掉筛选条件后有 <strong>${d.withoutFilters}</strong> 条：<a href="${searchHref({ ...q, ...Object.fromEntries(FILTERS.map((f) => [f, undefined])) } as SearchPageQuery)}">清除全部筛选</a></li>` : ''}
    <li>如果这是一条引文或文号，可以<a href="/cite?cite=${enc(q.q ?? '')}">解析这条引文</a>。</li>
    ${r.words.length > 1 && !r.phrases.length ? html`<li>试试只用其中一个词：${r.words.map((w) => html`<a class="token" href="${searchHref(q, { q: w })}">${w}</a>`)}</li>` : ''}
    <li>换一种常见说法（如“数据共享”代替“数据互通”），或检查文号、条款序号的写法。</li>
    <li>用引号检索原文中的固定短语，如 “数据要素”。</li>
  </ul>
  ${d.suggestions?.length ? html`<h3>名称相近的文件和部门</h3><ul class="suggestions">${d.suggestions.map((s) => html`<li><a href="${s.page}">${s.kind === 'document' ? `《${s.text}》` : s.text}</a></li>`)}</ul>` : ''}
</div>`;
}

function toolbar(q: SearchPageQuery, titles: Map<string, string>): Html {
  const opt = (v: string, t: string) => html`<option value="${v}"${q.sort === v ? html` selected` : ''}>${t}</option>`;
  const hidden = (['q', ...FILTERS] as const).map((k) => (q[k] !== undefined ? html`<input type="hidden" name="${k}" value="${String(q[k])}">` : ''));
  const chips = activeFilters(q).map(
    (f) => html`<li><a class="chip chip--filter" href="${searchHref(q, { [f]: undefined })}">${FILTER_NAME[f]}：${valueName(f, String(q[f]), titles)}<span aria-hidden="true"> ×</span><span class="visually-hidden">（取消此筛选）</span></a></li>`,
  );
  return html`<div class="toolbar">
  ${chips.length ? html`<ul class="chips chips--filters" aria-label="已选筛选条件">${chips}<li><a href="${searchHref({ ...q, ...Object.fromEntries(FILTERS.map((f) => [f, undefined])) } as SearchPageQuery)}">清除全部</a></li></ul>` : ''}
  <a class="subscribe" href="${trusted(feedHref(q, '&amp;'))}" type="application/atom+xml" title="用阅读器订阅：新收录的文件中符合本次检索与筛选的条款">订阅</a>
  <form class="sort" action="/search" method="get">
    ${hidden}
    <label for="sort">排序</label>
    <select id="sort" name="sort" data-autosubmit>${[opt('relevance', '相关度'), opt('newest', '发布日期（新→旧）'), opt('oldest', '发布日期（旧→新）')]}</select>
    <button type="submit" class="sort__apply">应用</button>
  </form>
</div>`;
}

function home(d: SearchPageData): Html {
  const byKind = new Map<string, SearchPageData['documents']>();
  for (const doc of d.documents) byKind.set(doc.kind, [...(byKind.get(doc.kind) ?? []), doc]);
  const examples = ['数据安全', '个人信息 处理规则', '“公共数据”', '牵头 大数据局', '第二十一条'];
  return html`<div class="home">
  <h1 class="home__title">按条款检索政策文件</h1>
  <p class="lede">法律、法规、规划和实施方案逐条可查：输入日常用语、条款序号或文号，结果精确到条、款、项，附可复制的规范引文和责任部门。</p>
  ${searchBox({ id: 'q', large: true })}
  <p class="examples">例如：${examples.map((e) => html`<a class="token" href="${searchHref(d.query, { q: e })}">${e}</a>`)}</p>
  <section aria-labelledby="corpus-h">
    <h2 id="corpus-h">已收录 ${d.documents.length} 份文件</h2>
    <div class="doc-groups">${[...byKind].map(
      ([kind, docs]) => html`<section class="doc-group"><h3>${label(DOC_KIND, kind)}</h3><ul>${docs.map(
        (doc) => html`<li><a href="${documentPage(doc.id)}">${doc.title}</a>${doc.year ? html` <span class="muted">${doc.year}</span>` : ''}</li>`,
      )}</ul></section>`,
    )}</div>
  </section>
</div>`;
}

/** `/` and `/search?q=…`: the box, how the query was read, facets beside the results, sort and pages. */
export function renderSearchPage(d: SearchPageData): Page {
  const r = d.result;
  if (!r || !d.query.q) return { title: '', nav: 'search', headerSearch: false, body: home(d), description: '中国政策文件条款级全文检索：法律、法规、规划、方案，逐条引用，责任部门一目了然。' };
  const q = d.query;
  const titles = new Map(d.documents.map((doc) => [doc.id, doc.title]));
  const facets = r.facets ?? {};
  return {
    title: `${q.q} - 检索`,
    nav: 'search',
    head: [html`<link rel="alternate" type="application/atom+xml" title="${`订阅：${q.q}`}" href="${trusted(feedHref(q, '&amp;'))}">`],
    headerSearch: false,
    body: html`<div class="search-page">
  <h1 class="visually-hidden">检索结果：${q.q}</h1>
  ${searchBox({ id: 'q', query: q.q, large: true, hidden: html`${(FILTERS as readonly Filter[]).map((k) => (q[k] !== undefined ? html`<input type="hidden" name="${k}" value="${String(q[k])}">` : ''))}${q.sort !== 'relevance' ? html`<input type="hidden" name="sort" value="${q.sort}">` : ''}` })}
  ${queryPlan(r, q)}
  <div class="search-layout">
    <aside class="facets" aria-labelledby="facets-h">
      <details open data-collapse-narrow><summary><h2 id="facets-h">筛选</h2></summary>
      ${FILTERS.map((f) => (f === 'role' && !q.department ? '' : facetGroup(f, facets[f] ?? {}, q, titles)))}
      </details>
    </aside>
    <section class="results" aria-labelledby="results-h">
      <h2 id="results-h" class="visually-hidden">结果</h2>
      ${toolbar(q, titles)}
      ${r.hits.length ? results(d, r) : emptyState(d, r)}
    </section>
  </div>
</div>`,
  };
}
