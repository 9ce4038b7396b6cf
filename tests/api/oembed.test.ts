import { describe, expect, it } from 'vitest';
import { escapeHtml, oembedDiscoveryLinks, oembedLinkHeader, parseEmbedTarget, renderCard } from '../../src/services/oembed.js';

describe('parseEmbedTarget', () => {
  const host = 'kb.example.gov.cn';
  it('reads clause and document pages, as paths or URLs on this host', () => {
    expect(parseEmbedTarget('/clauses/doc-1--art_2', host)).toEqual({ kind: 'clause', id: 'doc-1--art_2' });
    expect(parseEmbedTarget('https://kb.example.gov.cn/documents/doc-1/', host)).toEqual({ kind: 'document', id: 'doc-1' });
    expect(parseEmbedTarget('http://kb.example.gov.cn/clauses/doc-1--art_2?x=1#p', host)).toEqual({ kind: 'clause', id: 'doc-1--art_2' });
    expect(parseEmbedTarget('http://127.0.0.1:3000/clauses/a', '127.0.0.1:3000')).toEqual({ kind: 'clause', id: 'a' });
  });
  it('refuses other hosts, other pages and other schemes', () => {
    expect(parseEmbedTarget('https://elsewhere.example/clauses/doc-1', host)).toBeUndefined();
    expect(parseEmbedTarget('/v1/clauses/doc-1', host)).toBeUndefined();
    expect(parseEmbedTarget('/clauses/doc-1/extra', host)).toBeUndefined();
    expect(parseEmbedTarget('/clauses/<script>', host)).toBeUndefined();
    expect(parseEmbedTarget('javascript:alert(1)//kb.example.gov.cn/clauses/a', host)).toBeUndefined();
  });
});

describe('renderCard', () => {
  const hostile = '第一条 <script>alert("x")</script> & <img src=x onerror=alert(1)> \'引号\'';
  const card = renderCard(
    { pageUrl: 'https://kb.example.gov.cn/clauses/a?b="c"', citation: '《示例<法>》第一条', text: hostile, breadcrumb: '《示例》 › 第一章 & 总则' },
    { origin: 'https://kb.example.gov.cn', cacheAge: 300 },
  );
  it('is a valid oEmbed rich answer', () => {
    expect(card).toMatchObject({ version: '1.0', type: 'rich', provider_url: 'https://kb.example.gov.cn/', cache_age: 300 });
    expect(card.width).toBeGreaterThan(0);
    expect(card.height).toBeGreaterThan(0);
  });
  it('escapes every interpolated value: the only tags are its own', () => {
    expect(card.html).toContain(escapeHtml(hostile));
    expect(card.html).not.toContain('<script');
    expect(card.html).not.toContain('<img');
    expect(card.html).toContain('&lt;法&gt;');
    expect(card.html).toContain('href="https://kb.example.gov.cn/clauses/a?b=&quot;c&quot;"');
    const tags = [...card.html.matchAll(/<\/?([a-z]+)/g)].map((m) => m[1]);
    expect(new Set(tags)).toEqual(new Set(['blockquote', 'p', 'footer', 'a']));
  });
  it('cuts a long text and keeps within the consumer’s maxwidth', () => {
    const long = renderCard({ pageUrl: 'https://h/clauses/a', citation: 'c', text: '字'.repeat(2000) }, { origin: 'https://h', cacheAge: 1, maxwidth: 300, maxheight: 200 });
    expect(long.html.length).toBeLessThan(700);
    expect(long.width).toBe(300);
    expect(long.height).toBeLessThanOrEqual(200);
  });
});

describe('discovery', () => {
  it('builds the <link> tag and the Link header for a page', () => {
    const tag = oembedDiscoveryLinks('https://kb.example.gov.cn', { kind: 'clause', id: 'doc-1--art_2' }, '《示例》"第二条"');
    expect(tag).toBe(
      '<link rel="alternate" type="application/json+oembed" href="https://kb.example.gov.cn/oembed?url=https%3A%2F%2Fkb.example.gov.cn%2Fclauses%2Fdoc-1--art_2&amp;format=json" title="《示例》&quot;第二条&quot;">',
    );
    expect(oembedLinkHeader('https://h', 'https://h/documents/d')).toBe('<https://h/oembed?url=https%3A%2F%2Fh%2Fdocuments%2Fd&format=json>; rel="alternate"; type="application/json+oembed"');
  });
});
