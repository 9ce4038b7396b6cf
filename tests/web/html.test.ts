import { describe, expect, it } from 'vitest';
import * as htmlModule from '../../src/web/html.js';
import { escapeHtml, html, join, trusted } from '../../src/web/html.js';
import { markedSnippet, SNIPPET_MARKS } from '../../src/web/components.js';
import { searchHref, SearchPageQuery } from '../../src/web/pages/search.js';
import { neighbourhoodSvg } from '../../src/web/pages/neighbourhood.js';

describe('html``', () => {
  it('escapes every interpolation: text, numbers, nested lists; prints nothing for null, undefined and false', () => {
    const evil = `<script>alert("x")</script>'&`;
    expect(html`<p title="${evil}">${evil}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;&amp;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;&amp;</p>',
    );
    expect(html`${[1, [evil, null], undefined, false]}`.value).toBe('1&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;&amp;');
  });

  it('keeps markup that is already Html: nested templates and trusted()', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p>${inner}${trusted('<br>')}</p>`.value).toBe('<p><b>&lt;i&gt;</b><br></p>');
    expect(join(['a', html`<b>b</b>`], '<')).toEqual(html`a&lt;<b>b</b>`);
    expect(escapeHtml('plain 文本')).toBe('plain 文本');
  });

  it('has a small public surface', () => {
    expect(Object.keys(htmlModule).sort()).toEqual(['Html', 'escapeHtml', 'html', 'join', 'trusted']);
  });
});

describe('snippets', () => {
  it('turn only the service’s markers into <mark>; text that looks like markup stays text', () => {
    const s = `a</em><em>${SNIPPET_MARKS.pre}数据<script>${SNIPPET_MARKS.post}b${SNIPPET_MARKS.pre}c`;
    expect(markedSnippet(s).value).toBe('a&lt;/em&gt;&lt;em&gt;<mark>数据&lt;script&gt;</mark>bc');
  });
});

describe('search URLs', () => {
  const q = SearchPageQuery.parse({ q: '数据 安全', docKind: 'law', page: '3', department: '大数据局', role: 'lead' });
  it('keep every filter, leave defaults out, go back to page 1 when a filter changes', () => {
    expect(searchHref(q, { page: 4 })).toBe(`/search?q=${encodeURIComponent('数据 安全')}&docKind=law&department=${encodeURIComponent('大数据局')}&role=lead&page=4`);
    expect(searchHref(q, { year: 2021 })).not.toContain('page=');
    // Removing the department removes its role too (a role alone filters nothing).
    expect(searchHref(q, { department: undefined })).not.toContain('role=');
    expect(SearchPageQuery.parse(Object.fromEntries(new URL(searchHref(q, { sort: 'newest' }), 'http://x').searchParams))).toEqual({ ...q, page: 1, sort: 'newest' });
  });
});

describe('the citation neighbourhood', () => {
  it('draws both sides, links corpus documents, escapes titles', () => {
    const svg = neighbourhoodSvg('本<文件>', [{ docId: 'doc-1', title: '甲', count: 3, relations: { basis: 3 } }], [{ title: '未收录<x>', count: 1, relations: { mentions: 1 } }]).value;
    expect(svg).toContain('href="/documents/doc-1"');
    expect(svg).toContain('本&lt;文件&gt;');
    expect(svg).not.toContain('<x>');
    expect(svg.match(/<line /g)).toHaveLength(2);
    expect(svg).not.toContain('style=');
  });
});
