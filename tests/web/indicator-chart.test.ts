import { describe, expect, it } from 'vitest';
import { chartLegend, indicatorChart } from '../../src/web/pages/indicator-chart.js';

const EVIL = `<script>alert(1)</script>"'<img src=x onerror=alert(2)>`;
const line = (docTitle: string, unit: string, points: Array<[number, number]>, baseline?: { year: number; value: number }) => ({
  docId: 'doc-x',
  docTitle,
  unit,
  points: points.map(([year, value], i) => ({ year, value, clauseId: `doc-x--c${i}`, url: `/v1/clauses/doc-x--c${i}` })),
  ...(baseline ? { baseline } : {}),
});

describe('indicatorChart', () => {
  it('draws each target as a point linked to its clause page, the baseline hollow, years on the axis', () => {
    const svg = indicatorChart('5G基站', '万个', [line('甲规划', '万个', [[2025, 30], [2023, 12]], { year: 2020, value: 5 }), line('乙方案', '万个', [[2025, 40]])]).value;
    expect(svg.match(/<a href="\/clauses\/doc-x--c\d">/g)).toHaveLength(3);
    expect(svg.match(/class="chart__baseline"/g)).toHaveLength(1);
    for (const y of ['2020', '2023', '2025']) expect(svg).toContain(`>${y}</text>`);
    expect(svg).toContain('chart__line--0');
    expect(svg).toContain('chart__line--1');
    // The higher value sits higher (smaller y) on the same year.
    const cy = (title: string) => Number(new RegExp(`cy="([\\d.]+)" r="5"><title>《${title}》到 2025`).exec(svg)![1]);
    expect(cy('乙方案')).toBeLessThan(cy('甲规划'));
    expect(svg).not.toMatch(/\sstyle=|<script/);
  });

  it('a single year and a single point still draw, inside the frame', () => {
    const svg = indicatorChart('x', '%', [line('甲', '%', [[2025, 0]])]).value;
    const cx = Number(/cx="([\d.]+)"/.exec(svg)![1]);
    expect(cx).toBeGreaterThan(64);
    expect(cx).toBeLessThan(640);
    expect(indicatorChart('x', '%', []).value).toBe('');
  });

  it('escapes every label: names, titles and units from documents', () => {
    const svg = indicatorChart(EVIL, EVIL, [line(EVIL, EVIL, [[2025, 1]])]).value + chartLegend([line(EVIL, EVIL, [[2025, 1]])]).value;
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;');
  });
});
