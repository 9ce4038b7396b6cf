import { ASSETS } from './assets.js';
import { html, type Html } from './html.js';

export type NavKey = 'search' | 'documents' | 'departments' | 'indicators' | 'cite' | 'catalogue';

/** What every page gives the layout. */
export interface Page {
  /** The page's own title; the site name is appended in <title>. */
  title: string;
  description?: string;
  /**
   * Extra <head> elements — alternate JSON, oEmbed discovery, feeds: the slot
   * other features fill without touching the layout.
   */
  head?: Html[];
  /** The nav entry to mark as current. */
  nav?: NavKey;
  /** Prefills the header's search box. */
  query?: string;
  /** The search page has its own, larger box: the header then shows none. */
  headerSearch?: boolean;
  body: Html;
}

export const SITE_NAME = '政策知识库';

const NAV: Array<{ key: NavKey; href: string; text: string }> = [
  { key: 'search', href: '/', text: '条款检索' },
  { key: 'documents', href: '/documents', text: '文件' },
  { key: 'departments', href: '/departments', text: '部门职责' },
  { key: 'indicators', href: '/indicators', text: '指标' },
  { key: 'cite', href: '/cite', text: '引文核查' },
  { key: 'catalogue', href: '/catalogue', text: '政策目录' },
];

/** The search box with type-ahead (the script adds the suggestions; without it, a plain GET form). */
export function searchBox(opts: { query?: string; id: string; large?: boolean; hidden?: Html }): Html {
  return html`<form class="search-box${opts.large ? ' search-box--large' : ''}" role="search" action="/search" method="get">
  <label class="visually-hidden" for="${opts.id}">检索条款</label>
  <div class="combo">
    <input id="${opts.id}" type="search" name="q" value="${opts.query ?? ''}" placeholder="输入词语、条款或文号" autocomplete="off" maxlength="200" data-suggest aria-autocomplete="list" aria-expanded="false" aria-controls="${opts.id}-list">
    <ul id="${opts.id}-list" class="suggest" role="listbox" aria-label="建议" hidden></ul>
  </div>
  ${opts.hidden ?? ''}
  <button type="submit">检索</button>
</form>`;
}

/** The whole HTML document around a page's body: head, skip link, header with nav, main landmark, footer. */
export function renderLayout(p: Page): string {
  const headerSearch = p.headerSearch ?? true;
  const doc = html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${p.title ? `${p.title} · ${SITE_NAME}` : SITE_NAME}</title>
${p.description ? html`<meta name="description" content="${p.description}">` : ''}
<link rel="stylesheet" href="${ASSETS.css.path}">
<link rel="icon" href="${ASSETS.icon.path}" type="image/svg+xml">
<script src="${ASSETS.js.path}" defer></script>
${p.head ?? []}
</head>
<body>
<a class="skip-link" href="#main">跳到正文</a>
<header class="site-header">
  <div class="site-header__inner">
    <a class="site-name" href="/">${SITE_NAME}</a>
    <nav aria-label="主导航"><ul class="nav">${NAV.map(
      (n) => html`<li><a href="${n.href}"${p.nav === n.key ? html` aria-current="page"` : ''}>${n.text}</a></li>`,
    )}</ul></nav>
    ${headerSearch ? searchBox({ query: p.query, id: 'header-q' }) : ''}
  </div>
</header>
<main id="main" tabindex="-1">
${p.body}
</main>
<footer class="site-footer">
  <p>条款、部门与引文数据来自已收录的政策文件；每个页面地址都可直接引用。 <a href="/docs">开放接口（API）文档</a></p>
</footer>
</body>
</html>`;
  return doc.value;
}
