import { html } from '../html.js';
import { searchBox, type Page } from '../layout.js';

/** 404: what was not found, and ways on. */
export function renderNotFound(what: string, suggestions: Array<{ href: string; text: string }> = []): Page {
  return {
    title: '页面不存在',
    body: html`<div class="error-page">
  <h1>找不到这个页面</h1>
  <p>${what}</p>
  ${suggestions.length ? html`<p>您要找的可能是：</p><ul>${suggestions.map((s) => html`<li><a href="${s.href}">${s.text}</a></li>`)}</ul>` : ''}
  <p>可以检索条款，或从<a href="/documents">文件列表</a>、<a href="/departments">部门列表</a>重新进入。</p>
  ${searchBox({ id: 'nf-q' })}
</div>`,
  };
}

/** 503: the search engine is down or the index is being built; the page says so and offers a retry. */
export function renderUnavailable(retryHref: string, building: boolean): Page {
  return {
    title: '检索服务暂时不可用',
    body: html`<div class="error-page">
  <h1>检索服务暂时不可用</h1>
  <p>${building ? '索引正在建立，通常一两分钟即可完成。' : '检索引擎暂时无法连接，我们已记录此问题。'}您输入的内容没有丢失：请稍后<a href="${retryHref}">重试</a>。</p>
  <p class="muted">已打开的条款页面地址不会变化，恢复后可直接访问。</p>
</div>`,
  };
}

/** 400: which parameter was wrong, in plain words. */
export function renderBadRequest(issues: string[], backHref: string): Page {
  return {
    title: '请求有误',
    body: html`<div class="error-page">
  <div class="error-summary" role="alert"><h1>地址中的参数有误</h1><ul>${issues.map((i) => html`<li>${i}</li>`)}</ul></div>
  <p><a href="${backHref}">返回</a></p>
</div>`,
  };
}
