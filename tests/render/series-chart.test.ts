import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { escapeXml, renderSeriesChart } from '../../src/render/series-chart.js';

describe('renderSeriesChart', () => {
  const lines = [
    { label: '《某行动方案》', unit: '万个', points: [{ year: 2022, value: 11.2, url: '/v1/clauses/a' }], baseline: { year: 2020, value: 5.1 } },
    { label: '某规划', unit: '万个', points: [{ year: 2025, value: 25, url: '/v1/clauses/b?x=1&y=2' }] },
  ];

  it('is well-formed SVG with a title, a line per document and a dot per point (baseline included)', () => {
    const svg = renderSeriesChart(lines, { title: '5G基站' });
    expect(XMLValidator.validate(svg)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(svg);
    expect(doc.svg['@_role']).toBe('img');
    expect(svg.match(/<circle /g)).toHaveLength(3);
    expect(svg.match(/<polyline /g)).toHaveLength(1);
    expect(svg).toContain('2020年 5.1万个（基期）');
    expect(svg).toContain('href="/v1/clauses/b?x=1&amp;y=2"');
  });

  it('escapes every label taken from the data', () => {
    const evil = [{ label: '<script>alert(1)</script>', unit: '"&\'', points: [{ year: 2025, value: 1, url: 'javascript:"><x' }] }];
    const svg = renderSeriesChart(evil, { title: '</title><script>' });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('javascript:');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeXml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&#39;');
  });

  it('an empty series still renders', () => {
    const svg = renderSeriesChart([], { title: '无' });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('无数据');
  });
});
