import { describe, expect, it } from 'vitest';
import { CatalogueEntry, checkCatalogue, documentId, parseCatalogue, splitDocuments } from '../../ingest/split/index.js';
import { corpusText, FILES, normalizedFile, rawFile } from './helpers.js';

const HEADER = '序号\t名称\t发文日期\t发文单位';

/** A catalogue broken over pages: headers repeat, page numbers, rows split in every way seen in PDF extraction. */
const BROKEN = [
  '附表',
  '',
  '某某相关政策文件清单',
  '',
  HEADER,
  '1\t《甲省数据条例》\t2016.11.07\t甲省人大常委会',
  // a title split across a page break, the rest flowing on the next line
  '2\t《关于加快建设某某统一大市场',
  '的意见》\t2022.03.25\t中共中央办公厅、国务院',
  // an issuer wrapped to the next line
  '3\t《某某算法推荐管理规定》\t2021.12.31\t某某委员会办公室等四',
  '部门',
  '',
  '12',
  '',
  HEADER,
  // a continuation that keeps its columns (starts with a tab)
  '4\t《某某行动计划（2022—2026年）\t2022.10.28\t工业和信息化部等五',
  '\t》\t\t部门',
  // the number alone on its line
  '5',
  '《某某管理办法（试行）》\t2020.03.08\t某某部',
  '',
  HEADER,
  '6\t《关于印发〈某某方案〉的通知》\t2023年1月29日\t某省人民政府办公厅',
].join('\n');

describe('parseCatalogue on a synthetic broken table', () => {
  const entries = parseCatalogue(BROKEN);

  it('finds every row once, numbered in order, skipping repeated headers and page numbers', () => {
    expect(entries.map((e) => e.number)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('joins rows split over lines', () => {
    expect(entries[1]).toMatchObject({ title: '关于加快建设某某统一大市场的意见', date: '2022-03-25', issuer: '中共中央办公厅、国务院' });
    expect(entries[2]).toMatchObject({ title: '某某算法推荐管理规定', issuer: '某某委员会办公室等四部门' });
    expect(entries[3]).toMatchObject({ title: '某某行动计划（2022—2026年）', date: '2022-10-28', issuer: '工业和信息化部等五部门' });
    expect(entries[4]).toMatchObject({ title: '某某管理办法（试行）', date: '2020-03-08', issuer: '某某部' });
  });

  it('strips the outer 《》 only, converts dates to ISO, and ids by title', () => {
    expect(entries[5]).toMatchObject({ title: '关于印发〈某某方案〉的通知', date: '2023-01-29' });
    expect(entries[0]!.id).toBe(documentId({ title: '甲省数据条例' }));
    for (const e of entries) expect(() => CatalogueEntry.parse(e)).not.toThrow();
  });

  it('reports numbering gaps', () => {
    const gap = parseCatalogue([HEADER, '1\t《甲办法》\t2020.01.01\t甲局', '3\t《乙办法》\t2020.01.02\t乙局'].join('\n'));
    expect(checkCatalogue(gap).map((m) => m.rule)).toEqual(['split/catalogue-numbering']);
    expect(checkCatalogue(entries)).toEqual([]);
  });

  it('does not swallow prose after the table', () => {
    const withProse = parseCatalogue(`${HEADER}\n1\t《甲办法》\t2020.01.01\t甲局\n\n\n\n以上文件请结合本地实际认真贯彻落实，并及时报送落实情况。`);
    expect(withProse).toEqual([expect.objectContaining({ title: '甲办法', issuer: '甲局' })]);
  });
});

describe('parseCatalogue on the real compilation', () => {
  for (const [name, toFile] of [
    ['raw', rawFile],
    ['normalized', normalizedFile],
  ] as const) {
    it(`reads 84 entries numbered 1..84 (${name} text)`, () => {
      const slices = splitDocuments(toFile(corpusText(FILES.compilation), FILES.compilation));
      const catalogue = slices.find((s) => s.kind === 'catalogue');
      expect(catalogue).toBeDefined();
      const entries = parseCatalogue(catalogue!.text);
      expect(entries.map((e) => e.number)).toEqual(Array.from({ length: 84 }, (_, i) => i + 1));
      expect(entries.every((e) => e.date && /^\d{4}-\d{2}-\d{2}$/.test(e.date) && e.issuer)).toBe(true);
      expect(entries.every((e) => !/[《》]/.test(e.title.slice(0, 1) + e.title.slice(-1)))).toBe(true);
      expect(catalogue!.messages.filter((m) => m.severity !== 'info')).toEqual([]);
    });
  }
});
