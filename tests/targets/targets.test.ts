import { describe, expect, it } from 'vitest';
import { extractSentenceTargets, extractRowTargets } from '../../ingest/enrich/targets/index.js';
import { foldIndicatorName, loadIndicatorRegistry, createIndicatorRegistry } from '../../core/indicators/index.js';
import { loadRealCorpus } from '../helpers/corpus.js';
import { scoreTargets } from '../eval/eval-targets.js';
import { build } from '../dates/helpers.js';

const brief = (text: string, minYear?: number) => extractSentenceTargets(text, minYear).map((t) => `${t.asWritten}=${t.value}${t.unit}@${t.year}`);

describe('targets in sentences (synthetic)', () => {
  it('the name before a comparison verb', () => {
    expect(brief('到2027年，全市工业互联网平台普及率超过60%，规上企业数字化研发设计工具普及率达到90%以上。')).toEqual([
      '工业互联网平台普及率=60%@2027',
      '规上企业数字化研发设计工具普及率=90%@2027',
    ]);
  });
  it('the name between a building verb and the number', () => {
    expect(brief('到2026年底，全市累计建成5G基站3.2万个。')).toEqual(['5G基站=3.2万个@2026']);
  });
  it('the name after the number, with a building verb or nothing before it, and conjoined counts', () => {
    expect(brief('到2025年，培育20家以上省级数字化转型服务商，建成3个示范园区和15个以上智能工厂。')).toEqual([
      '省级数字化转型服务商=20家@2025',
      '示范园区=3个@2025',
      '智能工厂=15个@2025',
    ]);
  });
  it('several deadlines in one sentence, each governing what follows it', () => {
    expect(brief('到2024年年底，全县建设30个以上边缘节点，到2026年年底，边缘节点数达到80个以上。')).toEqual([
      '边缘节点=30个@2024',
      '边缘节点数=80个@2026',
    ]);
  });
  it('a deadline as its own clause governs the rest of the paragraph; one inside a clause only its sentence', () => {
    expect(brief('到2025年，算力规模达到5EFLOPS。建成2个以上智算中心。')).toEqual(['算力规模=5EFLOPS@2025', '智算中心=2个@2025']);
    expect(brief('到2025年建成基站1万个。培育10个产业集群。')).toEqual(['基站=1万个@2025']);
  });
  it('is not fooled by years, 5G/IPv6, rankings, counts of places, history and numbers with no deadline', () => {
    expect(brief('推动5G和IPv6发展，打造30个应用场景。')).toEqual([]);
    expect(brief('到2025年，全省16市均达到千兆城市标准，培树大数据50强企业。')).toEqual([]);
    expect(brief('截至2020年底，全省累计建设5G基站5.1万个。')).toEqual([]);
    expect(brief('到2019年，建成基站1万个。', 2021)).toEqual([]);
  });
  it('a bare number with a comparison (PUE不高于1.3) has an empty unit', () => {
    expect(brief('自2021年起，新建数据中心PUE值不高于1.25。')).toEqual(['新建数据中心PUE值=1.25@2021']);
  });
});

describe('targets in indicator tables (synthetic)', () => {
  it('reads year columns from the header, the unit from the name, baselines and 约束性/预期性', () => {
    const row = { '指标名称（单位）': '千兆宽带用户数（万户）', '2023年': '120', '2025年': '300', '2027年': '500以上', 属性: '预期性' };
    expect(extractRowTargets(row, 2024)).toEqual([
      { asWritten: '千兆宽带用户数', value: 300, unit: '万户', year: 2025, baseline: { value: 120, year: 2023 }, binding: false, column: '2025年' },
      { asWritten: '千兆宽带用户数', value: 500, unit: '万户', year: 2027, qualifier: '以上', baseline: { value: 120, year: 2023 }, binding: false, column: '2027年' },
    ]);
  });
  it('a 单位 column, a two-line header, a cell that is no number', () => {
    const row = { 指标: '公共数据开放率', 单位: '%', '目标值/2025年': '/', '目标值/2030年': '60', 指标属性: '约束性' };
    expect(extractRowTargets(row)).toEqual([{ asWritten: '公共数据开放率', value: 60, unit: '%', year: 2030, binding: true, column: '目标值/2030年' }]);
  });
  it('a table from text through the whole pipeline, with its clause', async () => {
    const text = `某市数字经济发展规划（2026-2030年）

一、发展目标

专栏1 主要指标

指标名称\t2025年\t2030年\t属性
数据中心标准机架数（万架）\t2\t5\t约束性
数字经济核心产业增加值占GDP比重（%）\t8\t12\t预期性

到2030年，全市5G基站数量达到2万个。
`;
    const { targets } = await build({ 'plan.txt': text });
    const byName = (n: string) => targets.filter((t) => t.asWritten.startsWith(n));
    expect(byName('数据中心标准机架数')).toMatchObject([{ value: 5, unit: '万架', year: 2030, baseline: { value: 2, year: 2025 }, binding: true, form: 'table' }]);
    expect(byName('数字经济核心产业增加值占GDP比重')[0]).toMatchObject({ value: 12, unit: '%', binding: false });
    expect(targets.find((t) => t.indicatorId === '5g-base-stations')).toMatchObject({ value: 2, unit: '万个', year: 2030, form: 'sentence' });
  });
});

describe('indicator names grouped across documents', () => {
  it('general folding: place words, counting suffixes, widths and dashes', () => {
    expect(foldIndicatorName('全省5G基站数量')).toBe('5G基站');
    expect(foldIndicatorName('５G基站数（万个）')).toBe('5G基站');
    expect(foldIndicatorName('10G—PON及以上端口数')).toBe('10G-PON及以上端口');
    expect(foldIndicatorName('居民消费价格指数')).toBe('居民消费价格指数');
  });
  it('the registry joins names no rule can, and refuses a name claimed twice', () => {
    const r = loadIndicatorRegistry();
    expect(r.identify('在用数据中心机柜数').id).toBe(r.identify('数据中心标准机架').id);
    expect(r.identify('5G基站').id).toBe('5g-base-stations');
    expect(r.identify('某某新指标').known).toBe(false);
    expect(() => createIndicatorRegistry({ indicators: [{ id: 'a', name: 'X率', aliases: [] }, { id: 'b', name: 'Y', aliases: ['X率'] }] })).toThrow(/claimed/);
  });
});

describe('the real corpus', () => {
  it('the hand-labelled sample: precision ≥ 0.95, recall ≥ 0.90', async () => {
    const s = await scoreTargets();
    expect(s.labels).toBeGreaterThanOrEqual(60);
    expect(s.documents).toBeGreaterThanOrEqual(5);
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
    expect(s.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('the 5G基站 series has every target the documents state, each on its clause', async () => {
    const { targets, documents } = await loadRealCorpus();
    const series = targets.filter((t) => t.indicatorId === '5g-base-stations');
    // Read independently of the extractor: every clause naming 5G基站 with a number of 万个 under a deadline or in a table row.
    const stated = new Set<string>();
    for (const d of documents) {
      const walkAll = (n: typeof d.root): void => {
        const cells = n.data?.cells as Record<string, string> | undefined;
        if (n.kind === 'row' && cells && /5G基站/.test(n.text)) {
          for (const [h, v] of Object.entries(cells)) if (/20\d\d年/.test(h) && /^\d/.test(v) && Number(h.slice(0, 4)) > 2020) stated.add(`${n.id}|${Number(v)}`);
        } else if (!['row'].includes(n.kind) && n.children.length === 0 || ['task', 'block'].includes(n.kind)) {
          for (const m of n.text.matchAll(/(?:到)?(20\d\d)年[^。]*?5G基站(?:数)?(?:达到)?(\d+(?:\.\d+)?)万个/g)) if (!/截至|累计建设/.test(m[0])) stated.add(`${n.id}|${Number(m[2])}`);
        }
        n.children.forEach(walkAll);
      };
      walkAll(d.root);
    }
    const got = new Set(series.map((t) => `${t.clauseId}|${t.value}`));
    for (const s of stated) expect(got, s).toContain(s);
    expect(series.map((t) => `${t.year}:${t.value}`).sort()).toEqual(['2020:4', '2022:11.2', '2022:16', '2022:16', '2025:25']);
    for (const t of series) expect(t.clauseId.startsWith(t.docId)).toBe(true);
  });
});
